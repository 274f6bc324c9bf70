import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOCUMENTED } from '../../src/functions/docs';
import { FUNCTIONS } from '../../src/functions/registry';
import { REFERENCE_END, REFERENCE_START, formulaReference, withReference } from '../../src/functions/reference';

describe('one source of truth: the registry and its docs', () => {
  test('the README formula reference is generated from them (run `npm run docs` when this fails)', () => {
    const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
    expect(readme).toContain(REFERENCE_START);
    expect(readme).toContain(REFERENCE_END);
    expect(withReference(readme, formulaReference(DOCUMENTED))).toBe(readme);
  });

  test('every formula of the registry has its docs, in the same order', () => {
    expect(DOCUMENTED.map((d) => d.def)).toEqual(FUNCTIONS);
  });

  test('every formula documents itself: summary, each argument, what it returns, an example', () => {
    for (const { def, docs } of DOCUMENTED) {
      expect(docs.summary.length).toBeGreaterThan(40);
      expect(docs.returns.length).toBeGreaterThan(5);
      expect(docs.example).toMatch(new RegExp(`^=${def.name}\\(`));
      expect(Object.keys(docs.args)).toEqual(def.params.map((p) => p.name));
      for (const p of def.params) expect(docs.args[p.name].length).toBeGreaterThan(5);
    }
  });

  test('the signature marks optional arguments and the table shows defaults from the declarations', () => {
    const ref = formulaReference(DOCUMENTED);
    expect(ref).toContain('[`LEADLAG(lead, lag, [max_lag])`](#leadlag)');
    expect(ref).toContain(
      '| `max_lag` | The most periods the lag measure may trail by (each lag tried makes the evidence needed stronger). Default: `3`. |',
    );
    expect(ref).toContain('| `period` | "week", "month", "quarter" or "year". Default: `"quarter"`. |');
    expect(ref).toContain('Default: today. |');
  });
});
