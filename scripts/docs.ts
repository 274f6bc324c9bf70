/** Regenerates the README's formula reference from the registry and the formulas' docs. A test fails when it is stale. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOCUMENTED } from '../src/functions/docs';
import { formulaReference, withReference } from '../src/functions/reference';

const path = join(__dirname, '..', 'README.md');
const before = readFileSync(path, 'utf8');
const after = withReference(before, formulaReference(DOCUMENTED));
if (after !== before) writeFileSync(path, after);
console.log(after === before ? 'README.md formula reference is up to date' : 'README.md formula reference updated');
