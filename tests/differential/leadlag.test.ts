/**
 * LEADLAG against CORREL on offset ranges: for lag k, lead rows 1..n−k against lag rows 1+k..n; then the
 * same on the prewhitened series (DOMAIN.md step 2), with φ fitted by native SUMPRODUCT formulas.
 * CORREL skips a pair where either cell is blank or text, as LEADLAG does (it reads a text first
 * row as a header); the number of pairs is SUMPRODUCT(ISNUMBER(lead)*ISNUMBER(lag)) over the same
 * ranges.
 *
 * The p-value is compared with T.DIST.2T(ABS(t), pairs−2), t = r·SQRT((pairs−2)/(1−r²)), to
 * P_REL = 1e-6 relative or P_ABS = 1e-14 absolute, not 1e-9: HyperFormula's T.DIST.2T (jStat) is
 * good to ~6e-8 relative for p above 1e-9, degrades to ~3e-5 relative for p near 1e-12 and returns
 * 0 below ~1e-17 (it computes 1 − CDF), while the add-on's is good to ~1e-13 relative
 * (engine.test.ts pins both against 40-digit reference values). Example from a random case:
 * lead 31.9, 0, 0, −37.2, −82.8 against lag −958, 0.86, −1, 1116.13, 2483.68 (5 pairs, r ≈ −0.99999983):
 * exact p = 8.41161475685e-11 (mpmath), add-on 8.41161476023e-11, HyperFormula 8.41160474607e-11.
 */
import fc from 'fast-check';
import type { Cell } from '../../src/core/values/cell';
import { type NativeCell, type NativeSheet, addonTable, column, expectClose, lit, runs, toNative, uniform, withSheet } from './engine';

const P_REL = 1e-6;
const P_ABS = 1e-14;

/** n periods of a lead series and a lag series that follows it `shift` periods later, plus noise. */
const seriesArb = fc
  .record({
    n: fc.oneof(fc.integer({ min: 3, max: 12 }), fc.integer({ min: 12, max: 36 })),
    shift: fc.integer({ min: 0, max: 3 }),
    slope: uniform(-3, 3),
    noise: fc.constantFrom(0.01, 0.3, 1, 5),
    offset: fc.constantFrom(0, 1e3, 1e6),
  })
  .chain((o) =>
    fc.record({
      o: fc.constant(o),
      lead: fc.array(
        fc.integer({ min: -1000, max: 1000 }).map((x) => x / 10),
        { minLength: o.n + 3, maxLength: o.n + 3 },
      ),
      eps: fc.array(uniform(-1, 1), { minLength: o.n, maxLength: o.n }),
      // About one value in twelve blank, without fast-check's bias towards small draws (which blanks most).
      blankLead: fc.array(
        fc.noBias(fc.integer({ min: 0, max: 11 })).map((x) => x === 0),
        { minLength: o.n, maxLength: o.n },
      ),
      blankLag: fc.array(
        fc.noBias(fc.integer({ min: 0, max: 11 })).map((x) => x === 0),
        { minLength: o.n, maxLength: o.n },
      ),
    }),
  )
  .map(({ o, lead, eps, blankLead, blankLag }) => {
    const x = lead.slice(3);
    // lag[t] depends on lead[t − shift] (the three extra values stand in before the first period).
    const y = x.map((_, t) => o.offset + o.slope * lead[3 + t - o.shift] * 10 + o.noise * 100 * eps[t]);
    return {
      lead: x.map((v, t) => (blankLead[t] ? null : v)),
      lag: y.map((v, t) => (blankLag[t] ? null : Math.round(v * 100) / 100)),
    };
  });

/**
 * φ of the lead by native formulas: over the consecutive present pairs (P = lead[t − 1], C = lead[t]),
 * SUMPRODUCT of the pair mask, the two means, then Σab / Σa². null where undefined (under 2 pairs, or P
 * constant), as DOMAIN.md step 2 says.
 */
function nativePhi(s: NativeSheet, from: number, n: number): number | null {
  if (n - from < 3) return null;
  const P = s.ref('lead', from, n - 1);
  const C = s.ref('lead', from + 1, n);
  const m = `ISNUMBER(${P})*ISNUMBER(${C})`;
  const [pairs, sumP, sumC] = s.nums([`SUMPRODUCT(${m})`, `SUMPRODUCT(${m}*${P})`, `SUMPRODUCT(${m}*${C})`]);
  if (pairs < 2) return null;
  const [ma, mb] = [lit(sumP / pairs), lit(sumC / pairs)];
  const [num, den] = s.nums([`SUMPRODUCT(${m}*(${P}-${ma})*(${C}-${mb}))`, `SUMPRODUCT(${m}*(${P}-${ma})^2)`]);
  return den === 0 ? null : num / den;
}

describe('LEADLAG against CORREL on offset ranges and T.DIST.2T, before and after prewhitening', () => {
  it('agrees on correlation, prewhitened r, pairs and p-value at every lag, and picks the lag with the smallest p', () => {
    const seen = { pValues: 0, blanks: 0, bestLag: 0 };
    fc.assert(
      fc.property(seriesArb, fc.integer({ min: 0, max: 4 }), fc.boolean(), (series, maxLag, header) => {
        const lead: NativeCell[] = header ? ['NPS', ...series.lead] : series.lead;
        const lag: NativeCell[] = header ? ['Revenue', ...series.lag] : series.lag;
        const n = lead.length;
        const from = header ? 1 : 0;
        const addLead: Cell[] = lead.map((v) => (v === null ? '' : v));
        const addLag: Cell[] = lag.map((v) => (v === null ? '' : v));
        const what = `LEADLAG(${JSON.stringify(addLead)}, ${JSON.stringify(addLag)}, ${maxLag})`;
        const table = addonTable('LEADLAG', [column(addLead), column(addLag), maxLag]);
        expect(table).toHaveLength(maxLag + 3);
        const lags = Array.from({ length: Math.min(maxLag + 1, n) }, (_, k) => k);
        // Raw: CORREL of the offset ranges.
        const phi = withSheet({ lead, lag }, (s) => {
          const native = s.many(lags.map((k) => `CORREL(${s.ref('lead', 0, n - k)},${s.ref('lag', k, n)})`));
          for (let k = 0; k <= maxLag; k++) {
            const r = table[k + 1][1];
            const pairs =
              k >= n ? 0 : series.lead.slice(0, series.lead.length - k).filter((v, t) => v !== null && series.lag[t + k] !== null).length;
            const correl = native[k];
            if (k >= n || pairs < 3 || typeof correl !== 'number') {
              // Under 3 pairs, or a side that does not vary (CORREL: #DIV/0!): blank, never a number.
              expect(r).toBe('');
              continue;
            }
            expectClose(r, correl, `${what} lag ${k} correlation`);
          }
          return nativePhi(s, from, n);
        });
        // Prewhitened: both series filtered with the lead's φ (the subtraction here), then the same natively.
        const pw = (xs: NativeCell[]) =>
          xs.map((v, t) =>
            phi === null || t <= from || typeof v !== 'number' || typeof xs[t - 1] !== 'number' ? null : v - phi * (xs[t - 1] as number),
          );
        const xp = pw(lead);
        const yp = pw(lag);
        const ps: { k: number; p: number }[] = [];
        withSheet({ xp, yp }, (s) => {
          const native = s.many(
            lags.flatMap((k) => {
              const x = s.ref('xp', 0, n - k);
              const y = s.ref('yp', k, n);
              const pairs = `SUMPRODUCT(ISNUMBER(${x})*ISNUMBER(${y}))`;
              const r = `CORREL(${x},${y})`;
              return [pairs, r, `T.DIST.2T(ABS(${r}*SQRT((${pairs}-2)/(1-${r}^2))),${pairs}-2)`];
            }),
          );
          for (let k = 0; k <= maxLag; k++) {
            const [lagK, , rp, pairs, p] = table[k + 1];
            const at = `${what} lag ${k} (φ = ${phi})`;
            expect(lagK).toBe(k);
            if (phi === null || k >= n) {
              expect([rp, p]).toEqual(['', '']);
              continue;
            }
            const [nativePairs, correl, nativeP] = native.slice(3 * k, 3 * k + 3);
            if (typeof nativePairs !== 'number') throw new Error(`${at}: native pairs ${JSON.stringify(nativePairs)}`);
            expectClose(pairs, nativePairs, `${at} pairs`);
            if (nativePairs < 3 || typeof correl !== 'number') {
              expect([rp, p]).toEqual(['', '']);
              seen.blanks++;
              continue;
            }
            expectClose(rp, correl, `${at} prewhitened r`, 1e-9, 1e-9);
            if (nativePairs < 8) {
              expect(p).toBe(''); // DOMAIN.md: no p-value under 8 pairs
              seen.blanks++;
              continue;
            }
            if (typeof nativeP !== 'number' && Math.abs(correl) >= 1 - 1e-12) {
              expect(p as number).toBeLessThan(1e-6);
              ps.push({ k, p: p as number });
              continue;
            }
            if (typeof nativeP !== 'number') throw new Error(`${at}: native p-value ${JSON.stringify(nativeP)} for r = ${correl}`);
            // p ∝ (1 − r²)^(df/2) far in the tail: the few ulps by which two correct r differ are
            // amplified by df/(1 − r²).
            const df = nativePairs - 2;
            expectClose(p, nativeP, `${at} p-value`, P_REL + (df * 1e-12) / (1 - correl * correl), P_ABS);
            ps.push({ k, p: nativeP });
            seen.pValues++;
          }
        });
        const best = table[maxLag + 2];
        expect(best[0]).toBe('Best');
        expect(best[2]).toBe('Adjusted p');
        if (ps.length === 0) {
          expect([best[1], best[3]]).toEqual(['', '']);
          expect(String(best[4])).toMatch(/^(Too few periods to tell|Cannot tell)/);
          return;
        }
        // The best lag is the one with the smallest p (ties: the shorter lag); only checked where
        // the native p-values tell it apart beyond their own precision.
        const sorted = [...ps].sort((a, b) => a.p - b.p || a.k - b.k);
        if (sorted[0].p < P_ABS || (sorted.length > 1 && sorted[1].p <= sorted[0].p * (1 + 1e-4) + P_ABS)) return;
        expect(best[1]).toBe(sorted[0].k);
        expectClose(best[3], Math.min(1, sorted[0].p * (maxLag + 1)), `${what} adjusted p`, P_REL, P_ABS);
        seen.bestLag++;
      }),
      { numRuns: runs(50) },
    );
    // Not vacuous: many lags had a p-value, some did not.
    expect(seen.pValues).toBeGreaterThan(30);
    expect(seen.blanks).toBeGreaterThan(0);
    expect(seen.bestLag).toBeGreaterThan(5);
  });

  it('a fit perfect to rounding: r = −1 and p = 0 where CORREL gives −0.9999999999999998', () => {
    // (0, −100), (0, −100), (0.9, −127) lie on a line: r is exactly −1 and p exactly 0.
    const lead: Cell[] = ['', 0, 0, 0.9, ''];
    const lag: Cell[] = ['', -100, -100, -127, ''];
    const table = addonTable('LEADLAG', [column(lead), column(lag), 0]);
    // The lead's earlier values (0, 0) do not vary: φ is undefined, so no prewhitened r or p.
    expect(table[1]).toEqual([0, -1, '', 2, '']);
    const r = withSheet({ lead: toNative(lead), lag: toNative(lag) }, (s) => s.num('CORREL({lead},{lag})'));
    expectClose(r, -1, 'CORREL');
  });

  it('lag 0 is CORREL(lead, lag) over whole columns, for long series too', () => {
    const long = fc.array(fc.tuple(fc.integer({ min: 0, max: 100 }), uniform(-1, 1)), { minLength: 30, maxLength: 200 });
    fc.assert(
      fc.property(long, (pts) => {
        const lead = pts.map(([a]) => a);
        const lag = pts.map(([a, e]) => 5000 + 20 * a + 400 * e);
        const table = addonTable('LEADLAG', [column(lead), column(lag), 0]);
        const want = withSheet({ lead, lag }, (s) => s.numOrError('CORREL({lead},{lag})'));
        if (want === null) expect(table[1][1]).toBe('');
        else expectClose(table[1][1], want, `LEADLAG lag 0 over ${pts.length} periods`);
      }),
      { numRuns: runs(25) },
    );
  });
});
