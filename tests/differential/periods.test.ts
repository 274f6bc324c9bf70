/**
 * Per-period measures against native per-period formulas: SUMIFS / COUNTIFS / MINIFS / MAXIFS with
 * DATE bounds for each period, on random dated rows with empty months in the middle.
 *
 * The engine gets dates as serial numbers (some with a time of day); the add-on gets the same dates
 * as serials, ISO text, day-first or month-first text, or Date cells (in UTC, UTC+10 and UTC−8
 * spreadsheets). Which periods are listed is native too: every period from the one holding
 * MIN(dates) to the one holding MAX(dates).
 *
 * Where the two legitimately differ:
 * - HyperFormula has no AVERAGEIFS, so an average is SUMIFS/COUNTIFS;
 * - MINIFS/MAXIFS give 0 for a period with no values; the add-on leaves it blank (0 would be a
 *   wrong number), so for those periods the test requires a blank and COUNTIFS = 0;
 * - there is no MEDIANIFS; the median is MEDIAN(FILTER(...)), an error when nothing matches.
 */
import fc from 'fast-check';
import type { Cell } from '../../src/core/values/cell';
import {
  DATE_FORMATS,
  type NativeCell,
  type NativePeriod,
  addonTable,
  column,
  ctxFor,
  datesArb,
  expectClose,
  inPeriod,
  lit,
  periodsBetween,
  runs,
  spell,
  sprinkle,
  weeksBetween,
  withSheet,
} from './engine';

type Aggregate = 'sum' | 'count' | 'average' | 'min' | 'max' | 'median';
const AGGREGATES: readonly Aggregate[] = ['sum', 'count', 'average', 'min', 'max', 'median'];

/** The native formula of one aggregate in one period (over columns {d} dates and {v} values). */
function nativeAggregate(agg: Aggregate, p: NativePeriod): string {
  const crit = inPeriod('{d}', p);
  switch (agg) {
    case 'sum':
      return `SUMIFS({v},${crit})`;
    case 'count':
      return `COUNTIFS(${crit},{v},"<>")`;
    case 'average':
      return `SUMIFS({v},${crit})/COUNTIFS(${crit},{v},"<>")`;
    case 'min':
      return `MINIFS({v},${crit})`;
    case 'max':
      return `MAXIFS({v},${crit})`;
    case 'median':
      return `MEDIAN(FILTER({v},({d}>=${p.start})*({d}<${p.end})*({v}<>"")))`;
  }
}

/** Dated rows: a value (or blank) per row; a few rows have no date (a totals row, say). */
function rowsArb(maxMonths: number) {
  return datesArb({ minRows: 4, maxRows: 50, maxMonths }).chain((dates) =>
    fc.record({
      dates: fc.constant(dates),
      values: fc.array(
        fc.integer({ min: -20_000, max: 500_000 }).map((c) => c / 100),
        { minLength: dates.length, maxLength: dates.length },
      ),
      blankValue: sprinkle(dates.length, 0.2),
      // Never the first or last row: they pin the first and last month in datesArb.
      blankDate: sprinkle(dates.length, 0.08).map((b) => b.map((x, i) => x && i > 0 && i < b.length - 1)),
      // A header row ("Date", "Amount"): text, which the native functions skip and the add-on reads as a header.
      header: fc.boolean(),
    }),
  );
}

function sameLabels(what: string, table: (string | number | boolean)[][], periods: NativePeriod[]): void {
  const labels = table.slice(1).map((r) => r[0]);
  if (JSON.stringify(labels) !== JSON.stringify(periods.map((p) => p.label))) {
    throw new Error(`${what}: periods ${JSON.stringify(labels)}, native ${JSON.stringify(periods.map((p) => p.label))}`);
  }
}

const CASES: { period: string; aggregates: readonly Aggregate[]; cases: number; maxMonths: number }[] = [
  { period: 'month', aggregates: AGGREGATES, cases: 15, maxMonths: 12 },
  { period: 'quarter', aggregates: AGGREGATES, cases: 12, maxMonths: 14 },
  { period: 'year', aggregates: ['sum', 'count', 'min'], cases: 8, maxMonths: 30 },
  { period: 'quarter:apr', aggregates: ['sum', 'average', 'max'], cases: 10, maxMonths: 14 },
  { period: 'year:jul', aggregates: ['sum', 'count', 'average'], cases: 8, maxMonths: 30 },
  { period: 'week', aggregates: ['sum', 'count', 'max'], cases: 10, maxMonths: 4 },
];

describe('PERIOD_SERIES against SUMIFS/COUNTIFS/MINIFS/MAXIFS with DATE bounds per period', () => {
  for (const { period, aggregates, cases, maxMonths } of CASES) {
    it(`agrees per ${period} (${aggregates.join(', ')}), whatever the spelling of the dates`, () => {
      const seen = { empty: 0, values: 0 };
      fc.assert(
        fc.property(rowsArb(maxMonths), fc.constantFrom(...DATE_FORMATS), ({ dates, values, blankValue, blankDate, header }, format) => {
          // A column with no value at all is an error in the add-on ("no values"), not a table.
          fc.pre(blankValue.some((b) => !b));
          const d: NativeCell[] = dates.map((x, i) => (blankDate[i] ? null : x));
          const v: NativeCell[] = values.map((x, i) => (blankValue[i] ? null : x));
          const addD: Cell[] = d.map((x) => (x === null ? '' : spell(x as number, format)));
          const addV: Cell[] = v.map((x) => (x === null ? '' : x));
          if (header) {
            d.unshift('Date');
            v.unshift('Amount');
            addD.unshift('Date');
            addV.unshift('Amount');
          }
          withSheet({ d, v }, (s) => {
            const [first, last] = s.nums(['MIN({d})', 'MAX({d})']);
            const periods = period === 'week' ? weeksBetween(s, first, last) : periodsBetween(first, last, period);
            const counts = s.nums(periods.map((p) => nativeAggregate('count', p)));
            for (const agg of aggregates) {
              const what = `PERIOD_SERIES(${JSON.stringify(addD)}, ${JSON.stringify(addV)}, "${period}", "${agg}") [${format}]`;
              const table = addonTable('PERIOD_SERIES', [column(addD), column(addV), period, agg], ctxFor(format));
              sameLabels(what, table, periods);
              const native = s.many(periods.map((p) => nativeAggregate(agg, p)));
              periods.forEach((p, k) => {
                const got = table[k + 1][1];
                if (counts[k] === 0 && agg !== 'sum' && agg !== 'count') {
                  if (got !== '')
                    throw new Error(`${what}: ${p.label} has no values, add-on gave ${JSON.stringify(got)} instead of a blank`);
                  seen.empty++;
                  return;
                }
                const want = native[k];
                if (typeof want !== 'number') throw new Error(`${what}: native ${nativeAggregate(agg, p)} gave ${JSON.stringify(want)}`);
                expectClose(got, want, `${what} ${p.label}`);
                seen.values++;
              });
            }
          });
        }),
        { numRuns: runs(cases) },
      );
      // Not vacuous: periods with values and (for months) empty periods in the middle both came up.
      expect(seen.values).toBeGreaterThan(cases);
      if (period === 'month') expect(seen.empty).toBeGreaterThan(cases);
    });
  }

  it('empty months in the middle are listed, 0 for sum and count, blank otherwise', () => {
    const d = ['2026-01-15', '2026-04-02'];
    const v = [10, 20];
    expect(addonTable('PERIOD_SERIES', [column(d), column(v), 'month', 'sum']).map((r) => r[1])).toEqual(['Value', 10, 0, 0, 20]);
    expect(addonTable('PERIOD_SERIES', [column(d), column(v), 'month', 'max']).map((r) => r[1])).toEqual(['Value', 10, '', '', 20]);
  });
});

describe('NPS_BY_PERIOD against per-period COUNTIFS', () => {
  const Z95 = '1.959963984540054'; // DOMAIN.md's z for 95%: Φ⁻¹(0.975), the exact quantile

  const answersArb = datesArb({ minRows: 4, maxRows: 60, maxMonths: 12 }).chain((dates) =>
    fc.record({
      dates: fc.constant(dates),
      scores: fc.array(fc.integer({ min: 0, max: 10 }), { minLength: dates.length, maxLength: dates.length }),
      // Never the first or last row, so the first and last month have an answer.
      blankScore: sprinkle(dates.length, 0.15).map((b) => b.map((x, i) => x && i > 0 && i < b.length - 1)),
      blankDate: sprinkle(dates.length, 0.05).map((b) => b.map((x, i) => x && i > 0 && i < b.length - 1)),
    }),
  );

  /** Per period: responses, promoters and detractors. */
  function nativeCounts(p: NativePeriod): string[] {
    const crit = inPeriod('{d}', p);
    return [`COUNTIFS(${crit},{s},">=0")`, `COUNTIFS(${crit},{s},">=9")`, `COUNTIFS(${crit},{s},"<=6")`];
  }

  /**
   * From a period's counts: NPS, adjusted-Wald m and se, margin of error (DOMAIN.md), computed by
   * the engine with the counts written in (the same formulas with the COUNTIFS inlined are slow).
   */
  function nativeStats(n: number, P: number, D: number): string[] {
    const n1 = `(${n}+3)`;
    const pa = `((${P}+0.75)/${n1})`;
    const da = `((${D}+0.75)/${n1})`;
    const se = `SQRT((${pa}+${da}-(${pa}-${da})^2)/${n1})`;
    return [`100*(${P}-${D})/${n}`, `${pa}-${da}`, se, `100*${Z95}*${se}`];
  }

  for (const kind of ['month', 'quarter'] as const) {
    it(`agrees per ${kind} on responses, NPS, margin of error, change and significance`, () => {
      const seen = { empty: 0, changes: 0, significant: 0 };
      fc.assert(
        fc.property(
          answersArb,
          fc.constantFrom(...DATE_FORMATS),
          fc.boolean(),
          ({ dates, scores, blankScore, blankDate }, format, header) => {
            const d: NativeCell[] = dates.map((x, i) => (blankDate[i] ? null : x));
            const sc: NativeCell[] = scores.map((x, i) => (blankScore[i] ? null : x));
            const addD: Cell[] = d.map((x) => (x === null ? '' : spell(x as number, format)));
            const addS: Cell[] = sc.map((x) => (x === null ? '' : x));
            if (header) {
              d.unshift('Date');
              sc.unshift('Score');
              addD.unshift('Date');
              addS.unshift('Score');
            }
            const what = `NPS_BY_PERIOD(${JSON.stringify(addD)}, ${JSON.stringify(addS)}, "${kind}") [${format}]`;
            const table = addonTable('NPS_BY_PERIOD', [column(addD), column(addS), kind], ctxFor(format));
            withSheet({ d, s: sc }, (s) => {
              // Periods run from the first to the last *answer* that has a date.
              const [first, last] = s.nums(['MINIFS({d},{s},">=0",{d},"<>")', 'MAXIFS({d},{s},">=0")']);
              const periods = periodsBetween(first, last, kind);
              sameLabels(what, table, periods);
              const counts = s.nums(periods.flatMap(nativeCounts));
              const filled = periods.map((_, k) => k).filter((k) => counts[3 * k] > 0);
              const values = s.nums(filled.flatMap((k) => nativeStats(counts[3 * k], counts[3 * k + 1], counts[3 * k + 2])));
              // Per period: [responses, NPS, m, se, margin], the last four only where there are answers.
              const stats = periods.map((_, k) => {
                const j = filled.indexOf(k);
                return [counts[3 * k], ...(j < 0 ? [] : values.slice(4 * j, 4 * j + 4))];
              });
              // Change and significance between consecutive periods that both have answers.
              const pairs: number[] = [];
              const tests: string[] = [];
              stats.forEach((now, k) => {
                const before = stats[k - 1];
                if (k === 0 || now[0] === 0 || before[0] === 0) return;
                const [, nps1, m1, se1] = before;
                const [, nps2, m2, se2] = now;
                pairs.push(k);
                tests.push(`${lit(nps2)}-${lit(nps1)}`, `ABS(${lit(m2)}-${lit(m1)})>${Z95}*SQRT(${lit(se1)}^2+${lit(se2)}^2)`);
              });
              const compared = s.many(tests);
              periods.forEach((p, k) => {
                const [, responses, nps, margin, change, significant] = table[k + 1];
                const at = `${what} ${p.label}`;
                const [n, wantNps, , , wantMargin] = stats[k];
                expectClose(responses, n, `${at} responses`);
                if (n === 0) {
                  expect([nps, margin, change, significant]).toEqual(['', '', '', '']);
                  seen.empty++;
                  return;
                }
                expectClose(nps, wantNps, `${at} NPS`);
                expectClose(margin, wantMargin, `${at} margin of error`);
                const j = pairs.indexOf(k);
                if (j < 0) {
                  expect([change, significant]).toEqual(['', '']);
                  return;
                }
                expectClose(change, compared[2 * j] as number, `${at} change`);
                if (significant !== compared[2 * j + 1])
                  throw new Error(`${at} significant: add-on ${significant}, native ${compared[2 * j + 1]}`);
                seen.changes++;
                if (significant) seen.significant++;
              });
            });
          },
        ),
        { numRuns: runs(20) },
      );
      expect(seen.changes).toBeGreaterThan(kind === 'month' ? 15 : 6);
      if (kind === 'month') expect(seen.empty).toBeGreaterThan(5);
    });
  }
});
