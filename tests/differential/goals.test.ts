/**
 * OKR_SCORE and KEY_ACCOUNTS against native formulas.
 */
import fc from 'fast-check';
import type { Cell } from '../../src/core/values/cell';
import { type NativeCell, addonNumber, addonTable, column, expectClose, lit, runs, withSheet } from './engine';

describe('OKR_SCORE = MIN(1,MAX(0,(cur-start)/(target-start)))', () => {
  const amount = fc.oneof(
    fc.integer({ min: -1000, max: 1000 }),
    fc.integer({ min: -1_000_000, max: 1_000_000 }).map((c) => c / 100),
  );
  // target = start is left out: the native formula divides by zero there, and DOMAIN.md's rule
  // for it (1 once current has reached the target, else 0) is not a spreadsheet formula.
  const kr = fc.tuple(amount, amount, amount).filter(([s, , t]) => s !== t);

  it('agrees on single values (targets above and below the start)', () => {
    fc.assert(
      fc.property(kr, ([start, current, target]) => {
        const want = withSheet({ a: [null] }, (s) => s.num(`MIN(1,MAX(0,(${lit(current)}-${lit(start)})/(${lit(target)}-${lit(start)})))`));
        expectClose(addonNumber('OKR_SCORE', [start, current, target]), want, `OKR_SCORE(${start}, ${current}, ${target})`);
      }),
    );
  });

  it('agrees row by row on ranges, read from cells', () => {
    fc.assert(
      fc.property(fc.array(kr, { minLength: 2, maxLength: 12 }), (krs) => {
        const start = krs.map((k) => k[0]);
        const current = krs.map((k) => k[1]);
        const target = krs.map((k) => k[2]);
        const out = addonTable('OKR_SCORE', [column(start), column(current), column(target)]);
        expect(out).toHaveLength(krs.length);
        withSheet({ start, current, target }, (s) => {
          // start is column A, current B, target C.
          const want = s.nums(krs.map((_, i) => `MIN(1,MAX(0,(B${i + 1}-A${i + 1})/(C${i + 1}-A${i + 1})))`));
          krs.forEach((k, i) => expectClose(out[i][0], want[i], `OKR_SCORE row ${i + 1} (${k.join(', ')})`));
        });
      }),
    );
  });
});

describe('KEY_ACCOUNTS revenue per customer = SUMIF(customers, name, revenue)', () => {
  const NAMES = ['Acme', 'Globex', 'Initech', 'Umbrella Corp', 'Hooli', 'Stark Industries', 'Wayne Enterprises', 'Wonka'];
  /**
   * Customer names in random case: SUMIF matches case-insensitively, and the add-on groups names
   * ignoring case. (It also folds extra spaces, "Acme  Ltd" = "Acme Ltd", which SUMIF does not:
   * the data here has none.)
   */
  const sale = fc.record({
    who: fc.integer({ min: 0, max: NAMES.length - 1 }),
    casing: fc.constantFrom('as is', 'lower', 'upper'),
    revenue: fc.oneof(
      { weight: 8, arbitrary: fc.integer({ min: 1, max: 2_000_000 }).map((c) => c / 100) },
      { weight: 1, arbitrary: fc.integer({ min: -50_000, max: -1 }).map((c) => c / 100) }, // a refund
      { weight: 1, arbitrary: fc.constant(null) },
    ),
  });

  it('agrees on revenue, share and cumulative share, sorted from largest, with tiers at 80% and 95%', () => {
    fc.assert(
      fc.property(fc.array(sale, { minLength: 1, maxLength: 80 }), fc.boolean(), (sales, header) => {
        const customers = sales.map(({ who, casing }) => {
          const n = NAMES[who];
          return casing === 'lower' ? n.toLowerCase() : casing === 'upper' ? n.toUpperCase() : n;
        });
        const revenue = sales.map((x) => x.revenue);
        const addRev: Cell[] = revenue.map((r) => (r === null ? '' : r));
        // A header row ("Customer", "Revenue") is skipped by the add-on, and by SUM and SUMIF (text).
        const c: NativeCell[] = header ? ['Customer', ...customers] : customers;
        const r: NativeCell[] = header ? ['Revenue', ...revenue] : revenue;
        const addC: Cell[] = c;
        const addR: Cell[] = header ? ['Revenue', ...addRev] : addRev;
        const what = `KEY_ACCOUNTS(${JSON.stringify(addC)}, ${JSON.stringify(addR)})`;
        withSheet({ c, r }, (s) => {
          // Each customer's net revenue, SUMIF; the shares are of the customers whose net is positive.
          const net = s.nums(NAMES.map((name) => `SUMIF({c},"${name}",{r})`));
          const total = net.reduce((sum, x) => sum + (x > 0 ? x : 0), 0);
          if (!(total > 0)) {
            expect(() => addonTable('KEY_ACCOUNTS', [column(addC), column(addR)])).toThrow(/positive net revenue|adds up to nothing/);
            return;
          }
          const table = addonTable('KEY_ACCOUNTS', [column(addC), column(addR)]);
          const rows = table.slice(1);
          const netOf = (name: unknown) => net[NAMES.findIndex((n) => n.toLowerCase() === String(name).toLowerCase())];
          // A customer whose revenue adds up to nothing is not listed (nothing to rank); net negative ones come last.
          const expected = new Set(NAMES.filter((_, i) => Math.abs(net[i]) > 1e-9).map((n) => n.toLowerCase()));
          const listed = rows.map((row) => String(row[0]).toLowerCase());
          expect(new Set(listed)).toEqual(expected);
          expect(listed).toHaveLength(expected.size);
          let before = 0;
          let last = Infinity;
          let tierOfLast = '';
          let apart = false;
          rows.forEach(([name, rev, share, cumulative, tier, effort, atRisk], k) => {
            const at = `${what} ${name}`;
            const want = netOf(name);
            expectClose(rev, want, `${at} revenue`);
            if (want < 0) {
              // Listed apart, after every other customer, never inside the shares.
              apart = true;
              expect([share, cumulative, tier, effort, atRisk]).toEqual(['', '', 'Net negative', '', false]);
              return;
            }
            expect(apart).toBe(false);
            expectClose(share, want / total, `${at} share`);
            expectClose(effort, want / total, `${at} suggested effort`);
            expect(want).toBeLessThanOrEqual(last + 1e-9);
            const tied = k > 0 && Math.abs(want - last) <= 1e-9 * Math.abs(want);
            const wantTier = tied ? tierOfLast : before < 0.8 ? 'A' : before < 0.95 ? 'B' : 'C';
            const nearBoundary = Math.abs(before - 0.8) <= 1e-9 || Math.abs(before - 0.95) <= 1e-9;
            if ((tied || !nearBoundary) && tier !== wantTier) {
              throw new Error(
                `${at}: tier ${tier}, but the share before it is ${before} (native)${tied ? ', tied with the one before' : ''}`,
              );
            }
            before += want / total;
            expectClose(cumulative, before, `${at} cumulative share`);
            last = want;
            tierOfLast = String(tier);
          });
        });
      }),
      { numRuns: runs(30) },
    );
  });

  /**
   * At exactly 80% or 95% before a customer the tier changes (DOMAIN.md: "< 80% → A"). With whole-number
   * revenues the native running share SUM(earlier)/SUM(all) is exact, so the boundary customers must get
   * B and C, whatever rounding summed shares would have (adding 1/10 eight times gives 0.7999999999999999).
   * The revenues are distinct: equal ones share a tier (the next test).
   */
  it.each([
    [[40, 25, 15, 10, 5, 3, 2]], // 80% before the 4th, 95% before the 6th
    [[70, 10, 9, 6, 3, 2]], // 80% before the 3rd, 95% before the 5th
    [[800, 100, 50, 30, 20]], // 80% before the 2nd, 95% before the 4th
    [[76, 4, 15, 3, 2]], // 95% before the 4th (76 + 15 + 4)
  ])('tiers at exactly 80%% and 95%%: %j', (revenue) => {
    const customers = revenue.map((_, i) => `Customer ${String(i + 1).padStart(3, '0')}`);
    const table = addonTable('KEY_ACCOUNTS', [column(customers), column(revenue)]);
    withSheet({ c: customers, r: revenue }, (s) => {
      const sorted = table.slice(1).map((row) => customers.indexOf(String(row[0])) + 1);
      // SUM of the revenues listed before each customer, by their cells, over SUM(all).
      const before = s.nums(
        sorted.map((_, k) =>
          k === 0
            ? '0'
            : `(${sorted
                .slice(0, k)
                .map((i) => `B${i}`)
                .join('+')})/SUM({r})`,
        ),
      );
      table.slice(1).forEach((row, k) => {
        const want = before[k] < 0.8 ? 'A' : before[k] < 0.95 ? 'B' : 'C';
        if (row[4] !== want)
          throw new Error(
            `KEY_ACCOUNTS ${JSON.stringify(revenue)}: ${row[0]} has ${before[k]} of revenue before it (native), tier ${row[4]}, expected ${want}`,
          );
      });
    });
  });

  it.each([
    [10, 10],
    [5, 20],
    [100, 1],
  ])('equal revenues share the tier of the first of them: %i customers of %i each are all A', (count, each) => {
    const customers = Array.from({ length: count }, (_, i) => `Customer ${String(i + 1).padStart(3, '0')}`);
    const table = addonTable('KEY_ACCOUNTS', [column(customers), column(customers.map(() => each))]);
    expect(new Set(table.slice(1).map((row) => row[4]))).toEqual(new Set(['A']));
  });
});
