/**
 * Target health on the example data, as the command line computes it (the same core as the sheet): the
 * planted push of 2025-Q3 with its returns and discounts, the ratchet of the team's targets and the coasting
 * rep are flagged, and nothing else is: no partial period, no other period, no other rep.
 */
import { join } from 'node:path';
import { scorecardFromFiles, parseArgs } from '../../src/cli/main';
import { renderScorecard } from '../../src/cli/table';
import type { HealthJson } from '../../src/core/scorecard/compute';

const data = (f: string) => join(__dirname, '..', '..', 'examples', 'data', f);
const health = (...extra: string[]): HealthJson[] =>
  scorecardFromFiles(parseArgs(['scorecard', '--sales', data('sales.csv'), ...extra])).target_health;

describe('target health of the example data', () => {
  const rows = health('--targets', data('targets.csv'));
  const team = rows.filter((r) => r.rep === null);
  const at = (period: string, rep: string | null = null) => rows.find((r) => r.period === period && r.rep === rep)!;

  test('the team: a row per quarter, the first and the last partial and never flagged', () => {
    expect(team.map((r) => r.period)).toEqual([
      '2024-Q4',
      '2025-Q1',
      '2025-Q2',
      '2025-Q3',
      '2025-Q4',
      '2026-Q1',
      '2026-Q2',
      '2026-Q3',
      '2026-Q4',
    ]);
    expect(team.filter((r) => r.partial).map((r) => r.period)).toEqual(['2024-Q4', '2026-Q4']);
    for (const r of rows.filter((x) => x.partial)) {
      expect(r.flags).toEqual([]);
      expect(r.finding).toBeNull();
    }
  });

  test('2025-Q3: the push, the returns after it and the discounts, with the numbers the example plants', () => {
    const q3 = at('2025-Q3');
    expect(q3.flags).toEqual(['push', 'returns', 'discounting', 'ratchet']);
    expect(q3.spike_ratio!).toBeCloseTo(2.45, 2);
    expect(q3.returns!.last_days.rate!).toBeCloseTo(0.143, 3); // 14.3% of the push week's units came back
    expect(q3.returns!.rest.rate!).toBeLessThan(0.01);
    expect(q3.discount!.last_days.rate! - q3.discount!.rest.rate!).toBeGreaterThan(0.045); // the 7% extra off, diluted by the week's other sales
    expect(q3.pull_forward!.flag).toBe(false); // the pushed orders came from September, not from October
    expect(q3.finding).toMatch(
      /^2025-Q3: 19% of the quarter's sales came in its last 7 days, 2\.4× the even share; 14% of what was sold then came back, against 0\.7% of the rest; those sales were 9\.2% off list, against 4\.3% for the rest of the quarter\.$/,
    );
  });

  test('the ratchet: the team’s targets rise 10% a quarter from 2025-Q2 on, whatever happened; its sentence on 2026-Q3', () => {
    expect(team.filter((r) => r.flags.includes('ratchet')).map((r) => r.period)).toEqual([
      '2025-Q2',
      '2025-Q3',
      '2025-Q4',
      '2026-Q1',
      '2026-Q2',
      '2026-Q3',
    ]);
    expect(at('2026-Q4').ratchet!.rise!).toBeCloseTo(0.1, 1); // the rise into the partial quarter is shown, not flagged
    expect(at('2026-Q3').finding).toMatch(
      /^2026-Q3: targets rose by 9\.\d% to 10\.\d% every quarter for 7 quarters in a row \(2025-Q2 to 2026-Q4\), also after 6 quarters that missed: a ratchet that ignores how the quarter went\.$/,
    );
  });

  test('the coasting rep: Sarah Lewis, in every whole quarter but the push’s', () => {
    const sarah = rows.filter((r) => r.rep === 'Sarah Lewis' && r.flags.includes('coasting')).map((r) => r.period);
    expect(sarah).toEqual(['2025-Q1', '2025-Q2', '2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3']);
    const q1 = at('2026-Q1', 'Sarah Lewis');
    expect(q1.flags).toEqual(['coasting']);
    expect(q1.coasting!.ratio!).toBeLessThan(0.35);
    expect(q1.finding).toMatch(/^2026-Q1 \(Sarah Lewis\): the quarter's target of 64,000 was reached on \d+ Feb 2026, then sales ran at/);
  });

  test('nothing else is flagged: other quarters, other reps, other measures', () => {
    for (const r of rows) {
      const planted =
        r.rep === null
          ? r.period === '2025-Q3'
            ? ['push', 'returns', 'discounting', 'ratchet']
            : r.flags.filter((f) => f === 'ratchet')
          : r.period === '2025-Q3'
            ? r.flags.filter((f) => ['push', 'returns', 'discounting'].includes(f)) // every rep pushed that quarter
            : r.rep === 'Sarah Lewis'
              ? r.flags.filter((f) => f === 'coasting')
              : [];
      expect([r.period, r.rep, r.flags]).toEqual([r.period, r.rep, planted]);
    }
    // Every rep pushed in 2025-Q3 (each above 1.5×); four of the five by enough sales to flag it, Priya Shah's
    // 1.7× rests on too few sales for the per-rep significance rule.
    const reps = rows.filter((r) => r.rep !== null && r.period === '2025-Q3');
    expect(reps.every((r) => r.spike_ratio! >= 1.5)).toBe(true);
    expect(reps.filter((r) => r.flags.includes('push')).map((r) => r.rep)).toEqual([
      'Daniel Okafor',
      "Gemma O'Neill",
      'Sarah Lewis',
      'Tom Whitaker',
    ]);
  });

  test('without the targets file: the same push, and neither coasting nor ratchet', () => {
    const plain = health();
    expect(plain.filter((r) => r.flags.length).map((r) => `${r.period} ${r.rep ?? 'All'}`)).toEqual(
      rows.filter((r) => r.flags.some((f) => f !== 'ratchet' && f !== 'coasting')).map((r) => `${r.period} ${r.rep ?? 'All'}`),
    );
    expect(plain.every((r) => r.coasting === null && r.ratchet === null)).toBe(true);
  });

  test('the command line’s table shows the team’s quarters and every finding', () => {
    const out = renderScorecard(
      scorecardFromFiles(parseArgs(['scorecard', '--sales', data('sales.csv'), '--targets', data('targets.csv')])),
    );
    expect(out).toMatch(
      /2025-Q3 +2\.45 +14\.3% \/ 0\.7% +9\.2% \/ 4\.3% +1\.\d\d +END-OF-PERIOD PUSH, RETURNS AFTER PUSH, DISCOUNTING AT THE END, RATCHET/,
    );
    expect(out).toMatch(/2024-Q4 .* partial period/);
    for (const r of rows.filter((x) => x.finding)) expect(out).toContain(r.finding!);
  });
});
