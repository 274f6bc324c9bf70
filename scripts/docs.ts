/** Regenerates the README's formula reference from the registry. A test fails when it is stale. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FUNCTIONS } from '../src/functions/registry';
import { formulaReference, withReference } from '../src/functions/reference';

const path = join(__dirname, '..', 'README.md');
const before = readFileSync(path, 'utf8');
const after = withReference(before, formulaReference(FUNCTIONS));
if (after !== before) writeFileSync(path, after);
console.log(after === before ? 'README.md formula reference is up to date' : 'README.md formula reference updated');
