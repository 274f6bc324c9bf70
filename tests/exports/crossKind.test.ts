import { run } from '../../src/cli/main';
import { checkProblems, type DraftCheck } from '../../src/sidebar/draft';
import { type Source } from '../../src/core/scorecard/measures';
import { profileById } from '../../src/core/tables/profiles/index';
import { FIXTURES, VENDORS, checkOf, pathOf, previewWorkbook, wizardDefinition, type Vendor } from './helpers';
import { join } from 'node:path';

/**
 * Issue 11: each sales export fed as feedback and each feedback export as sales (and the reviews as either)
 * stops with a clear message, in the command line and in the wizard: none builds.
 */
const FLAG: Record<Source, string> = { sales: '--sales', feedback: '--feedback', reviews: '--reviews' };
const WORDS: Record<Source, string> = { sales: 'sales data', feedback: 'customer feedback', reviews: 'online reviews' };

function cli(...args: string[]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = run(
    args,
    (s) => (out += s),
    (s) => (err += s),
  );
  return { code, out, err };
}

const wrongSlots = (v: Vendor): Source[] => (v.kind === 'sales' ? ['feedback'] : v.kind === 'feedback' ? ['sales'] : ['sales', 'feedback']);
const cases = VENDORS.flatMap((v) => wrongSlots(v).map((slot) => [v.folder, slot, v] as const));

describe.each(cases)('%s given as %s', (_folder, slot, v) => {
  const name = profileById(v.profile)!.name;

  test('the command line stops (exit 2, nothing printed) and says which flag the file belongs to', () => {
    // A review export given as feedback comes with real sales beside it (the scorecard needs one or the other).
    const beside = v.kind === 'reviews' && slot === 'feedback' ? ['--sales', join(FIXTURES, 'shopify-orders', 'orders_export.csv')] : [];
    const r = cli('scorecard', FLAG[slot], pathOf(v), ...beside);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain(
      `${FLAG[slot]} ${pathOf(v)}: this file holds a ${name}, ${WORDS[v.kind]}, not ${WORDS[slot]}: give it as ${FLAG[v.kind]}`,
    );
  });

  test('the wizard’s checks stop the step with the same question, and it cannot be confirmed away', () => {
    const wb = previewWorkbook(v);
    try {
      const def = wizardDefinition(wb, { [slot]: 'Data' });
      const review = checkOf(wb, def);
      expect(review.problems).toEqual([expect.objectContaining({ check: 'kind', source: slot, holds: v.kind, profile: name })]);
      const check: DraftCheck = { key: '', state: 'done', result: review, done: Promise.resolve(null as unknown as DraftCheck) };
      const stops = checkProblems(check, new Set(['kind' as never]));
      expect(stops).toHaveLength(1);
      expect(stops[0]).toContain(`holds a ${name}, ${WORDS[v.kind]}, not ${WORDS[slot]}: choose it as the ${v.kind} data`);
    } finally {
      wb.destroy();
    }
  });
});
