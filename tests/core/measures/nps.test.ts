import { Z95, npsChangeSignificant, npsCounts, npsInterval, npsRows, npsValue } from '../../../src/core/measures/nps';
import { InputError } from '../../../src/core/values/errors';
import { toColumn } from '../../../src/core/values/column';
import { col, errorOf, run } from './helpers';

// 10 answers: promoters 9, 10, 9, 10, 9 (P = 5); passives 7, 8, 8 (3); detractors 6, 0 (D = 2).
const TEN = [9, 10, 9, 10, 9, 7, 8, 8, 6, 0];

describe('NPS (DOMAIN.md)', () => {
  test('promoters ≥ 9, detractors ≤ 6, passives 7–8; NPS = 100·(P − D)/n', () => {
    const c = npsCounts(npsRows(col(TEN, 'scores')));
    expect(c).toEqual({ responses: 10, promoters: 5, passives: 3, detractors: 2 });
    expect(npsValue(c)).toBe(30);
  });
  test('the boundaries 6/7 and 8/9', () => {
    expect(npsValue(npsCounts(npsRows(col([6, 7, 8, 9], 'scores'))))).toBe(0); // 1 promoter, 1 detractor
    expect(npsValue(npsCounts(npsRows(col([6], 'scores'))))).toBe(-100);
    expect(npsValue(npsCounts(npsRows(col([9], 'scores'))))).toBe(100);
    expect(npsValue(npsCounts(npsRows(col([7, 8], 'scores'))))).toBe(0);
  });
  test('blanks are skipped, not zeros (a zero is a detractor)', () => {
    expect(npsValue(npsCounts(npsRows(col([10, '', null, '  ', 10], 'scores'))))).toBe(100);
    expect(npsValue(npsCounts(npsRows(col([10, 0], 'scores'))))).toBe(0);
  });
  test('labelled answers and text', () => {
    expect(npsValue(npsCounts(npsRows(col(['10 - Extremely likely', '0 (Not at all likely)', ' 9 ', '8/10'], 'scores'))))).toBe(25);
  });
  test('a text first row is the header', () => {
    expect(npsValue(npsCounts(npsRows(col(['How likely?', 10, 6], 'scores'))))).toBe(0);
  });
  test('an unreadable score names its row: NPS: row 7 holds "eleven"', () => {
    expect(errorOf(() => run('NPS', [[10], [9], [8], [7], [6], [5], ['eleven']])).message).toBe(
      'NPS: row 7 holds "eleven"; scores are whole numbers from 0 to 10',
    );
  });
  test.each([11, -1, 7.5, true])('%p is an error', (bad) => {
    expect(errorOf(() => npsRows(col([10, bad], 'scores')))).toBeInstanceOf(InputError);
  });
  test('multi-column ranges say "row 2, column 3"', () => {
    expect(
      errorOf(() =>
        run('NPS', [
          [10, 9, 8],
          [7, 6, 'x'],
        ]),
      ).message,
    ).toBe('NPS: row 2, column 3 holds "x"; scores are whole numbers from 0 to 10');
  });
  test('a range of blanks is a clear error', () => {
    expect(errorOf(() => run('NPS', [[''], ['']])).message).toBe(
      'NPS: no scores found in scores; select the cells that hold them (the header row may be included)',
    );
    expect(errorOf(() => run('NPS', [['Score'], ['']])).message).toBe('NPS: no scores to score; the range holds only blanks');
  });
  test('the formula', () => {
    expect(
      run(
        'NPS',
        TEN.map((x) => [x]),
      ),
    ).toBe(30);
    expect(run('NPS', 10)).toBe(100);
  });
});

describe('adjusted-Wald interval (Rocks 2016), computed by hand from DOMAIN.md', () => {
  // n = 10, P = 5, D = 2: n' = 13, p = 5.75/13, d = 2.75/13, m = 3/13 = 0.230769…,
  // p + d − m² = 8.5/13 − 9/169 = 101.5/169; se = sqrt(101.5/169/13) = 0.2149403703;
  // margin = 100 · 1.959964 · se = 42.12753879; interval = 23.0769 ± 42.1275 = [−19.0506, 65.2045].
  const c = { responses: 10, promoters: 5, passives: 3, detractors: 2 };
  test('n = 10, P = 5, D = 2', () => {
    const ci = npsInterval(c, Z95);
    expect(ci.m).toBeCloseTo(3 / 13, 12);
    expect(ci.se).toBeCloseTo(Math.sqrt(101.5 / 169 / 13), 12);
    expect(ci.se).toBeCloseTo(0.2149403703, 9);
    expect(ci.marginOfError).toBeCloseTo(42.12753879, 6);
    expect(ci.low).toBeCloseTo(-19.05061571, 6);
    expect(ci.high).toBeCloseTo(65.20446187, 6);
  });
  test('clipped to [−100, 100]', () => {
    // n = 1, P = 1: n' = 4, p = 0.4375, d = 0.1875, m = 0.25, se = sqrt((0.625 − 0.0625)/4) = 0.375.
    const ci = npsInterval({ responses: 1, promoters: 1, passives: 0, detractors: 0 }, Z95);
    expect(ci.m).toBe(0.25);
    expect(ci.se).toBe(0.375);
    expect(ci.marginOfError).toBeCloseTo(73.49865, 9);
    expect(ci.low).toBeCloseTo(-48.49865, 9);
    expect(ci.high).toBeCloseTo(98.49865, 9);
    const all = npsInterval({ responses: 10, promoters: 10, passives: 0, detractors: 0 }, Z95);
    expect(all.high).toBe(100);
    expect(all.low).toBeCloseTo((100 * (10.75 - 0.75)) / 13 - all.marginOfError, 9);
  });
  test('z = 1.959964 for 95%', () => {
    expect(Z95).toBe(1.959964);
  });
  test('NPS_DETAIL: counts, NPS, margin, low, high', () => {
    const out = run(
      'NPS_DETAIL',
      TEN.map((x) => [x]),
    ) as (string | number)[][];
    expect(out[0]).toEqual(['Responses', 'Promoters', 'Passives', 'Detractors', 'NPS', 'Margin of error', 'Low', 'High']);
    const [n, p, pa, d, nps, moe, lo, hi] = out[1] as number[];
    expect([n, p, pa, d, nps]).toEqual([10, 5, 3, 2, 30]);
    expect(moe).toBeCloseTo(42.1275, 3); // the confidence level 0.95 gives z ≈ 1.959964
    expect(lo).toBeCloseTo(-19.0506, 3);
    expect(hi).toBeCloseTo(65.2045, 3);
  });
  test('NPS_DETAIL: a wider level gives a wider interval; a bad level is a clear error', () => {
    const at = (level: number) =>
      (
        run(
          'NPS_DETAIL',
          TEN.map((x) => [x]),
          level,
        ) as number[][]
      )[1][5];
    expect(at(0.99)).toBeGreaterThan(at(0.95));
    expect(at(0.9)).toBeLessThan(at(0.95));
    expect(errorOf(() => run('NPS_DETAIL', [[10]], 95)).message).toBe(
      'NPS_DETAIL: confidence is 95; give a level between 0.5 and 0.9999, e.g. 0.95',
    );
    expect(errorOf(() => run('NPS_DETAIL', [[10]], 'high')).message).toBe(
      'NPS_DETAIL: confidence must be a number; give a level between 0.5 and 0.9999, e.g. 0.95',
    );
  });
});

describe('significance of a change (DOMAIN.md): |m₂ − m₁| > 1.959964·sqrt(se₁² + se₂²)', () => {
  test('P 5 → 6 of 10 is not significant', () => {
    const a = npsInterval({ responses: 10, promoters: 5, passives: 3, detractors: 2 }, Z95);
    const b = npsInterval({ responses: 10, promoters: 6, passives: 2, detractors: 2 }, Z95);
    // |m₂ − m₁| = 1/13 = 0.0769; threshold = 1.959964·sqrt(0.21494² + 0.22120²) = 0.6045.
    expect(b.m - a.m).toBeCloseTo(1 / 13, 12);
    expect(npsChangeSignificant(a, b)).toBe(false);
  });
  test('all detractors → all promoters is significant', () => {
    const a = npsInterval({ responses: 10, promoters: 0, passives: 0, detractors: 10 }, Z95);
    const b = npsInterval({ responses: 10, promoters: 10, passives: 0, detractors: 0 }, Z95);
    // |m₂ − m₁| = 20/13 = 1.538; threshold = 1.959964·sqrt(2)·0.150102 = 0.4161.
    expect(npsChangeSignificant(a, b)).toBe(true);
    expect(npsChangeSignificant(b, a)).toBe(true);
  });
});

describe('NPS_BY_PERIOD', () => {
  const dates = [['Date'], ['2026-01-05'], ['2026-01-20'], ['2026-02-03'], ['2026-02-04'], [''], ['2026-04-10']];
  const scores = [['Score'], [10], [6], [10], [9], [10], [0]];
  test('a row per period, with the change from the period before and whether it is significant', () => {
    const out = run('NPS_BY_PERIOD', dates, scores, 'month') as (string | number | boolean)[][];
    expect(out[0]).toEqual(['Period', 'Responses', 'NPS', 'Margin of error', 'Change', 'Significant']);
    expect(out.map((r) => [r[0], r[1], r[2], r[4], r[5]])).toEqual([
      ['Period', 'Responses', 'NPS', 'Change', 'Significant'],
      ['2026-01', 2, 0, '', ''],
      ['2026-02', 2, 100, 100, false],
      ['2026-03', 0, '', '', ''], // an empty period is listed, blank
      ['2026-04', 1, -100, '', ''], // no change after an empty period
    ]);
    // January: n = 2, P = 1, D = 1 → n' = 5, p = d = 0.35, m = 0, se = sqrt(0.7/5); margin = 100·z·se.
    expect(out[1][3] as number).toBeCloseTo(100 * 1.959964 * Math.sqrt(0.7 / 5), 9);
  });
  test('the answer without a date (row 6) is left out', () => {
    const out = run('NPS_BY_PERIOD', dates, scores) as (string | number | boolean)[][];
    expect(out.reduce((s, r, i) => s + (i > 0 ? (r[1] as number) : 0), 0)).toBe(5);
  });
  test('significant changes', () => {
    const d = [...Array(10).fill(['2026-01-15']), ...Array(10).fill(['2026-02-15'])];
    const s = [...Array(10).fill([0]), ...Array(10).fill([10])];
    const out = run('NPS_BY_PERIOD', d, s) as (string | number | boolean)[][];
    expect(out[2].slice(0, 3)).toEqual(['2026-02', 10, 100]);
    expect(out[2][4]).toBe(200);
    expect(out[2][5]).toBe(true);
  });
  test('weeks and fiscal quarters', () => {
    const w = run('NPS_BY_PERIOD', [['2025-12-28'], ['2025-12-29']], [[10], [0]], 'week') as (string | number)[][];
    expect(w.slice(1).map((r) => r[0])).toEqual(['2025-W52', '2026-W01']);
    const q = run('NPS_BY_PERIOD', [['2026-03-31'], ['2026-04-01']], [[10], [0]], 'quarter:apr') as (string | number)[][];
    expect(q.slice(1).map((r) => r[0])).toEqual(['FY2026-Q4', 'FY2027-Q1']);
  });
  test('clear errors: different lengths, unknown period, no dates, bad dates', () => {
    expect(errorOf(() => run('NPS_BY_PERIOD', [['2026-01-01'], ['2026-01-02']], [[10]])).message).toBe(
      'NPS_BY_PERIOD: dates has 2 cells but scores has 1; give ranges of the same size, e.g. A2:A500 and D2:D500',
    );
    expect(errorOf(() => run('NPS_BY_PERIOD', [['2026-01-01']], [[10]], 'fortnight')).message).toMatch(
      /^NPS_BY_PERIOD: unknown period "fortnight"/,
    );
    expect(errorOf(() => run('NPS_BY_PERIOD', [[''], ['']], [[10], [9]])).message).toBe(
      'NPS_BY_PERIOD: no answer has a date; check that dates and scores are the same rows',
    );
    expect(errorOf(() => run('NPS_BY_PERIOD', [['2026-01-01'], ['31/02/2026']], [[10], [9]])).message).toBe(
      'NPS_BY_PERIOD: row 2 of dates holds "31/02/2026"; expected a date such as 2026-01-31, 31/01/2026 or 31 Jan 2026',
    );
    expect(errorOf(() => run('NPS_BY_PERIOD', [['2026-01-01'], ['2026-01-02']], [[10], ['eleven']])).message).toBe(
      'NPS_BY_PERIOD: row 2 of scores holds "eleven"; scores are whole numbers from 0 to 10',
    );
  });
  test('a single-cell range is a column of one', () => {
    expect(toColumn(10, 'scores').cells).toEqual([10]);
  });
});
