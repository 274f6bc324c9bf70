import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FUNCTIONS } from '../../src/functions/registry';
import { REFERENCE_END, REFERENCE_START, formulaReference, withReference } from '../../src/functions/reference';
import { bundleText } from '../helpers/bundle';

describe('one source of truth: the registry', () => {
  test('the README formula reference is generated from it (run `npm run docs` when this fails)', () => {
    const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
    expect(readme).toContain(REFERENCE_START);
    expect(readme).toContain(REFERENCE_END);
    expect(withReference(readme, formulaReference(FUNCTIONS))).toBe(readme);
  });

  test('every formula documents itself: summary, each argument, what it returns, an example', () => {
    for (const f of FUNCTIONS) {
      expect(f.summary.length).toBeGreaterThan(40);
      expect(f.returns.length).toBeGreaterThan(5);
      expect(f.example).toMatch(new RegExp(`^=${f.name}\\(`));
      for (const a of f.args) expect(a.help.length).toBeGreaterThan(5);
    }
  });

  test('the help texts ship once, in the JSDoc, not again inside the bundle', () => {
    const code = bundleText();
    const bundle = code.slice(0, code.indexOf('\n/**'));
    // Argument help may share words with runtime error messages, so summaries and returns are checked.
    const shipped = FUNCTIONS.flatMap((f) => [f.summary.slice(0, 40), f.returns]).filter((t) => bundle.includes(t));
    expect(shipped).toEqual([]);
  });
});
