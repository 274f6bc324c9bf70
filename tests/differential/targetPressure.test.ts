/**
 * TARGET_PRESSURE against SUMIFS: per period, the sales in its last `last_days` calendar days
 * (dates ≥ end − last_days, < end) over the period's sales, divided by last_days / days in the period; a period
 * the dates cover only in part (the first date after its first day, or the last before its last) is marked
 * "Partial period" instead of flagged.
 * Half the random sales fall in the last ten days of a month, so the cut-off is crossed often;
 * one month in the middle is always empty.
 */
import fc from 'fast-check';
import type { Cell } from '../../src/core/values/cell';
import {
  DATE_FORMATS,
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
  withSheet,
} from './engine';

const salesArb = datesArb({ minRows: 4, maxRows: 60, maxMonths: 13, nearEnd: true }).chain((dates) =>
  fc.record({
    dates: fc.constant(dates),
    amounts: fc.array(
      fc.integer({ min: 1, max: 1_000_000 }).map((c) => c / 100),
      { minLength: dates.length, maxLength: dates.length },
    ),
    blankAmount: sprinkle(dates.length, 0.1),
  }),
);

describe('TARGET_PRESSURE against SUMIFS over the last days of each period', () => {
  for (const kind of ['quarter', 'month'] as const) {
    it(`agrees per ${kind} on sales, share in the last days, expected share, spike ratio and flag`, () => {
      const lastDaysArb =
        kind === 'quarter'
          ? fc.oneof(fc.constant(7), fc.integer({ min: 1, max: 45 }))
          : fc.oneof(fc.constant(7), fc.integer({ min: 1, max: 20 }));
      const seen = { late: 0, none: 0, flagged: 0, partial: 0 };
      fc.assert(
        fc.property(salesArb, lastDaysArb, fc.constantFrom(...DATE_FORMATS), ({ dates, amounts, blankAmount }, lastDays, format) => {
          fc.pre(blankAmount.some((b) => !b));
          const a = amounts.map((x, i) => (blankAmount[i] ? null : x));
          const addD: Cell[] = dates.map((x) => spell(x, format));
          const addA: Cell[] = a.map((x) => (x === null ? '' : x));
          const what = `TARGET_PRESSURE(${JSON.stringify(addD)}, ${JSON.stringify(addA)}, "${kind}", ${lastDays}) [${format}]`;
          const table = addonTable('TARGET_PRESSURE', [column(addD), column(addA), kind, lastDays], ctxFor(format));
          withSheet({ d: dates, a }, (s) => {
            const [first, last] = s.nums(['MIN({d})', 'MAX({d})']);
            const periods = periodsBetween(first, last, kind);
            // Whole when the dates (as days: a time of day is dropped) reach its first and its last day.
            const bounds = s.nums(periods.flatMap((p) => [p.start, p.end]));
            expect(table.slice(1).map((r) => r[0])).toEqual(periods.map((p) => p.label));
            // Per period: sales, sales in the last days, expected share.
            const native = s.nums(
              periods.flatMap((p) => [
                `SUMIFS({a},${inPeriod('{d}', p)})`,
                `SUMIFS({a},{d},">="&(${p.end}-${lastDays}),{d},"<"&${p.end})`,
                `${lastDays}/(${p.end}-${p.start})`,
              ]),
            );
            // Share and spike ratio, computed by the engine from those sums.
            const ratios = s.nums(
              periods.flatMap((_, k) => {
                const [total, late, expectedShare] = native.slice(3 * k, 3 * k + 3);
                return total === 0 ? [] : [`${lit(late)}/${lit(total)}`, `${lit(late)}/${lit(total)}/${lit(expectedShare)}`];
              }),
            );
            let j = 0;
            periods.forEach((p, k) => {
              const [, sales, share, expected, ratio, flag] = table[k + 1];
              const at = `${what} ${p.label}`;
              const [total, , expectedShare] = native.slice(3 * k, 3 * k + 3);
              expectClose(sales, total, `${at} sales`);
              expectClose(expected, expectedShare, `${at} expected share`);
              const partial = Math.floor(first) > bounds[2 * k] || Math.floor(last) < bounds[2 * k + 1] - 1;
              if (partial) seen.partial++;
              if (total === 0) {
                expect([share, ratio, flag]).toEqual(['', '', partial ? 'Partial period' : '']);
                return;
              }
              const [wantShare, wantRatio] = ratios.slice(2 * j, 2 * j + 2);
              j++;
              expectClose(share, wantShare, `${at} share in last days`);
              expectClose(ratio, wantRatio, `${at} spike ratio`);
              if (partial) expect(flag).toBe('Partial period');
              else if (Math.abs(wantRatio - 1.5) > 1e-9) expect(flag).toBe(wantRatio >= 1.5 ? 'End-of-period push' : '');
              if (wantRatio > 0) seen.late++;
              else seen.none++;
              if (wantRatio >= 1.5 && !partial) seen.flagged++;
            });
          });
        }),
        { numRuns: runs(20) },
      );
      // Not vacuous: periods with and without sales in their last days, some flagged.
      expect(seen.late).toBeGreaterThan(10);
      expect(seen.none).toBeGreaterThan(0);
      expect(seen.flagged).toBeGreaterThan(0);
      expect(seen.partial).toBeGreaterThan(0);
    });
  }
});
