import { errorOf, run } from '../helpers';
import { gaussian, mulberry32 } from '../../core/stats/helpers';
import { referenceLeadLag } from '../../core/measures/leadLagReference';

const HEADER = ['Lag', 'Correlation', 'Prewhitened r', 'Pairs', 'P-value'];
const g = gaussian(mulberry32(42));

describe('LEADLAG', () => {
  // 24 months of an AR(1) lead; the lag follows it 2 months later (lag[t + 2] = lead[t] + noise).
  const lead: number[] = [0];
  for (let t = 1; t < 26; t++) lead.push(0.5 * lead[t - 1] + g());
  const lag = lead.map((_, t) => (t >= 2 ? lead[t - 2] : g()) + 0.5 * g()).slice(2);
  const leadCol = lead.slice(2).map((v) => [v]);
  const lagCol = lag.map((v) => [v]);

  test('the shape: a header, one row per lag, then Best | k | Adjusted p | value | reading', () => {
    const out = run('LEADLAG', [['NPS'], ...leadCol], [['Revenue'], ...lagCol], 3) as (string | number)[][];
    expect(out[0]).toEqual(HEADER);
    expect(out).toHaveLength(6);
    expect(out.slice(1, 5).map((r) => r[0])).toEqual([0, 1, 2, 3]);
    const want = referenceLeadLag(lead.slice(2), lag, 3);
    out.slice(1, 5).forEach((row, k) => {
      const w = want.rows[k];
      expect(row[1]).toBeCloseTo(w.r!, 12);
      expect(row[2]).toBeCloseTo(w.prewhitenedR!, 12);
      expect(row[3]).toBe(w.pairs);
      expect(Math.abs((row[4] as number) - w.p!)).toBeLessThan(1e-12);
    });
    const best = out[5];
    expect(best.slice(0, 3)).toEqual(['Best', 2, 'Adjusted p']);
    expect(Math.abs((best[3] as number) - want.adjustedP!)).toBeLessThan(1e-12);
    expect(best[4]).toMatch(
      /^Strong evidence that the lag measure follows the lead measure 2 periods later \(r = 0\.\d\d after prewhitening, adjusted p [<=] [\d.]+\)\. Evidence, not proof\.$/,
    );
  });
  test('rows work as well as columns; a text first cell is a header', () => {
    expect(run('LEADLAG', [lead.slice(2)], [lag], 1)).toEqual(run('LEADLAG', leadCol, lagCol, 1));
    expect(run('LEADLAG', [['NPS'], ...leadCol], [['Revenue'], ...lagCol], 1)).toEqual(
      run('LEADLAG', [[''], ...leadCol], [[''], ...lagCol], 1),
    );
  });
  test('a claim only where the adjusted p is below 0.05', () => {
    const noise = Array.from({ length: 24 }, () => [g()]);
    const out = run('LEADLAG', leadCol, noise, 3) as (string | number)[][];
    const adjusted = out[5][3] as number;
    expect(/^(Strong|Some) evidence/.test(String(out[5][4]))).toBe(adjusted < 0.05);
    if (adjusted >= 0.05) expect(out[5][4]).toMatch(/^No evidence yet that the lag measure .*, which could be chance\.$/);
  });
  test('too few periods: blanks where undefined and a reading that never claims a link', () => {
    const out = run('LEADLAG', [[1], [2], [4], [3], [5]], [[3], [4], [8], [6], [10]], 1) as (string | number)[][];
    expect(out).toEqual([
      HEADER,
      [0, expect.any(Number), expect.any(Number), 4, ''],
      [1, expect.any(Number), expect.any(Number), 3, ''],
      [
        'Best',
        '',
        'Adjusted p',
        '',
        'Too few periods to tell: a reading needs 8 pairs of periods where both measures have a value (and had one the period before), and the lag measure against the lead measure has at most 4.',
      ],
    ]);
    expect(run('LEADLAG', [[1], [2]], [[3], [4]], 0)).toEqual([
      HEADER,
      [0, '', '', 1, ''],
      ['Best', '', 'Adjusted p', '', expect.stringMatching(/^Too few periods to tell: .* has at most 1\.$/)],
    ]);
  });
  test('clear errors', () => {
    expect(errorOf(() => run('LEADLAG', [[1], [2]], [[1]])).message).toBe(
      'LEADLAG: lead has 2 periods but lag has 1; give the same periods for both',
    );
    expect(
      errorOf(() =>
        run(
          'LEADLAG',
          [
            [1, 2],
            [3, 4],
          ],
          [
            [1, 2],
            [3, 4],
          ],
        ),
      ).message,
    ).toBe('LEADLAG: lead must be one column (or one row) of values per period');
    expect(errorOf(() => run('LEADLAG', [[1], ['x'], [3]], [[1], [2], [3]])).message).toBe(
      'LEADLAG: row 2 of lead holds "x"; expected one number per period, e.g. the Value column of PERIOD_SERIES',
    );
    expect(errorOf(() => run('LEADLAG', [[1], [2], [3]], [[1], [2], [3]], 61)).message).toBe(
      'LEADLAG: argument max_lag is 61; give a whole number from 0 to 24',
    );
  });
});
