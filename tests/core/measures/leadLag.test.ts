import fc from 'fast-check';
import {
  LAG_NOUN,
  LEAD_NOUN,
  MIN_PAIRS,
  type LeadLagResult,
  evidenceOf,
  formatProbability,
  leadLag,
  leadLagOf,
  leadLagReading,
  prepareLead,
} from '../../../src/core/measures/leadLag';
import { referenceLeadLag, referencePValue } from './leadLagReference';
import { gaussian, mulberry32 } from '../stats/helpers';

/** |a − b| ≤ tol, for two values that are both null or both numbers. */
function expectNear(got: number | null, want: number | null, tol: number, what: string): void {
  if (want === null || got === null) {
    if (got !== want) throw new Error(`${what}: got ${got}, want ${want}`);
    return;
  }
  if (!(Math.abs(got - want) <= tol)) throw new Error(`${what}: got ${got}, want ${want} (difference ${Math.abs(got - want)} > ${tol})`);
}

const reading = (res: LeadLagResult) => leadLagReading(res, LEAD_NOUN, LAG_NOUN, { name: 'adjusted p', value: res.adjustedP });

describe('the independent reference itself', () => {
  test('its closed-form p matches known values (df = 1, 2 closed forms; R cor.test)', () => {
    for (let k = 1; k < 100; k++) {
      const r = k / 100;
      expect(Math.abs(referencePValue(r, 3) - (2 / Math.PI) * Math.acos(r))).toBeLessThan(1e-14); // ν = 1
      expect(Math.abs(referencePValue(r, 4) - (1 - r))).toBeLessThan(1e-14); // ν = 2
    }
    expect(referencePValue(0.5, 20)).toBeCloseTo(0.024769558804109693, 14);
    expect(referencePValue(0.3, 30)).toBeCloseTo(0.10724594805795436, 14);
  });
});

describe('leadLag: DOMAIN.md "Connecting lead to lag", steps 1–4', () => {
  const series = fc.integer({ min: 3, max: 40 }).chain((n) =>
    fc.record({
      lead: fc.array(
        fc.oneof(
          { weight: 8, arbitrary: fc.integer({ min: -100000, max: 100000 }).map((c) => c / 100) },
          { weight: 1, arbitrary: fc.constant(NaN) },
        ),
        { minLength: n, maxLength: n },
      ),
      lag: fc.array(
        fc.oneof(
          { weight: 8, arbitrary: fc.integer({ min: -100000, max: 100000 }).map((c) => c / 100) },
          { weight: 1, arbitrary: fc.constant(NaN) },
        ),
        { minLength: n, maxLength: n },
      ),
      // Some lags follow the lead, so that small p-values and strong r are exercised too.
      follow: fc.constantFrom(-1, 0, 1, 2, 3),
      offset: fc.constantFrom(0, 0, 1e4),
      maxLag: fc.integer({ min: 0, max: 4 }),
    }),
  );

  test('raw r, prewhitened r, pairs and p at every lag, the best lag and its adjusted p agree with an independent implementation to 1e-9', () => {
    let pValues = 0;
    let small = 0;
    fc.assert(
      fc.property(series, ({ lead, lag, follow, offset, maxLag }) => {
        const y = follow < 0 ? lag : lag.map((v, t) => (t >= follow ? 3 * lead[t - follow] + v / 50 : v) + offset);
        const got = leadLag(lead, y, maxLag);
        const want = referenceLeadLag(lead, y, maxLag);
        expectNear(got.phi, want.phi, 1e-9 * Math.max(1, Math.abs(want.phi ?? 0)), 'phi');
        got.rows.forEach((row, k) => {
          const w = want.rows[k];
          expect(row.lag).toBe(k);
          expect(row.pairs).toBe(w.pairs);
          expectNear(row.r, w.r, 1e-9, `raw r at lag ${k}`);
          expectNear(row.prewhitenedR, w.prewhitenedR, 1e-9, `prewhitened r at lag ${k}`);
          expectNear(row.p, w.p, 1e-9, `p at lag ${k}`);
          if (w.p !== null) pValues++;
          if (w.p !== null && w.p < 0.01) small++;
        });
        const ps = want.rows.map((r) => r.p).filter((p): p is number => p !== null);
        const sorted = [...ps].sort((a, b) => a - b);
        // The best lag, where the p-values tell the lags apart beyond rounding.
        if (sorted.length < 2 || sorted[1] - sorted[0] > 1e-9) expect(got.best?.lag ?? null).toBe(want.bestLag);
        expectNear(got.adjustedP, want.adjustedP, 1e-9 * (maxLag + 1), 'adjusted p');
      }),
      { numRuns: 300 },
    );
    // Not vacuous: many lags had a p-value, and links were found.
    expect(pValues).toBeGreaterThan(300);
    expect(small).toBeGreaterThan(30);
  });

  test('lag k pairs lead[t] with lag[t + k]; the raw r is CORREL of those pairs', () => {
    const lead = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
    const lag = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8];
    const res = leadLag(lead, lag, 2);
    expect(res.rows.map((r) => r.rawPairs)).toEqual([12, 11, 10]);
    // Prewhitened pairs need the value and the one before on both sides: 11, 10, 9.
    expect(res.rows.map((r) => r.pairs)).toEqual([11, 10, 9]);
  });

  test('prewhitening with the lead’s φ, on both series (DOMAIN.md step 2)', () => {
    // A lead that doubles: φ = 2 exactly; x' = lead[t] − 2·lead[t − 1] = 0 for every t: no prewhitened r.
    const res = leadLag([1, 2, 4, 8, 16, 32, 64, 128, 256, 512], [5, 3, 6, 2, 7, 1, 8, 4, 9, 0], 0);
    expect(res.phi).toBeCloseTo(2, 12);
    expect(res.rows[0].prewhitenedR).toBeNull();
    expect(res.best).toBeNull();
    expect(res.flat).toBe('lead');
    expect(reading(res)).toBe('Cannot tell: the lead measure does not vary over these periods (after prewhitening).');
  });

  test('fewer than 8 prewhitened pairs: no p-value, no claim, "too few periods to tell"', () => {
    // 8 periods give 7 prewhitened pairs at lag 0, even for a perfect link.
    const lead = [1, 5, 2, 8, 3, 9, 4, 7];
    const res = leadLag(
      lead,
      lead.map((v) => v * 10),
      0,
    );
    expect(res.rows[0]).toMatchObject({ pairs: 7, p: null });
    expect(res.rows[0].prewhitenedR).toBeCloseTo(1, 12);
    expect(res.best).toBeNull();
    expect(res.adjustedP).toBeNull();
    expect(reading(res)).toBe(
      'Too few periods to tell: a reading needs 8 pairs of periods where both measures have a value (and had one the period before), ' +
        'and the lag measure against the lead measure has at most 7.',
    );
    // One period more: 8 pairs, a p-value.
    const more = leadLag(
      [...lead, 6],
      [...lead, 6].map((v) => v * 10),
      0,
    );
    expect(more.rows[0].pairs).toBe(MIN_PAIRS);
    expect(more.rows[0].p).toBeLessThan(1e-12); // a perfect line (to rounding): r = 1
    expect(leadLag([], [], 3).rows.every((r) => r.pairs === 0 && r.p === null)).toBe(true);
    expect(reading(leadLag([], [], 3))).toMatch(/has none\.$/);
  });

  test('the adjusted p is Bonferroni over the lags tried: min(1, p · (max_lag + 1))', () => {
    const g = gaussian(mulberry32(3));
    const lead = Array.from({ length: 30 }, () => g());
    const lag = lead.map((v, t) => (t >= 1 ? lead[t - 1] : 0) * 0.5 + g());
    for (const maxLag of [0, 1, 3, 6]) {
      const res = leadLag(lead, lag, maxLag);
      const best = res.best!;
      expect(res.rows.every((r) => r.p === null || r.p >= best.p!)).toBe(true);
      expect(res.adjustedP).toBe(Math.min(1, best.p! * (maxLag + 1)));
    }
  });

  test('a lag series that does not vary: blank r everywhere, "cannot tell"', () => {
    const res = leadLag([1, 4, 2, 8, 5, 7, 3, 9, 6, 2, 5], new Array(11).fill(100), 1);
    expect(res.rows.every((r) => r.r === null && r.prewhitenedR === null && r.p === null)).toBe(true);
    expect(res.flat).toBe('lag');
    expect(reading(res)).toBe('Cannot tell: the lag measure does not vary over these periods (after prewhitening).');
  });

  test("leadLagOf with the raw r at the best lag only (CONNECTIONS' path) is leadLag exactly, bar the raw r of the other lags", () => {
    fc.assert(
      fc.property(series, ({ lead, lag, follow, offset, maxLag }) => {
        const y = follow < 0 ? lag : lag.map((v, t) => (t >= follow ? 3 * lead[t - follow] + v / 50 : v) + offset);
        const full = leadLag(lead, y, maxLag);
        const prepared = prepareLead(lead);
        expect(leadLagOf(prepared, y, maxLag, 'every lag')).toEqual(full);
        const bestOnly = leadLagOf(prepared, y, maxLag, 'best lag');
        const expected = { ...full, rows: full.rows.map((row) => (row === full.best ? row : { ...row, r: null })) };
        expect(bestOnly).toEqual(expected);
        expect(bestOnly.best).toEqual(full.best);
      }),
      { numRuns: 300 },
    );
  });

  test('series of different lengths are refused', () => {
    expect(() => leadLag([1, 2, 3], [1, 2], 0)).toThrow(RangeError);
  });
});

describe('the reading', () => {
  const g = gaussian(mulberry32(11));
  const lead = Array.from({ length: 24 }, () => g());
  const strong = lead.map((v, t) => (t >= 2 ? lead[t - 2] : 0) + 0.3 * g());
  test('strong evidence (below 0.01): the direction, the lag, r after prewhitening, how sure, and "evidence, not proof"', () => {
    const res = leadLag(lead, strong, 3);
    expect(res.best!.lag).toBe(2);
    expect(res.adjustedP!).toBeLessThan(0.001);
    expect(
      leadLagReading(res, { text: 'on-time delivery', plural: false }, { text: 'revenue', plural: false }, { name: 'q', value: 0.004 }),
    ).toBe(
      `Strong evidence that revenue follows on-time delivery 2 periods later (r = ${res.best!.prewhitenedR!.toFixed(2)} after prewhitening, q = 0.004). Evidence, not proof.`,
    );
    expect(
      leadLagReading(
        res,
        { text: 'returns', plural: true },
        { text: 'orders', plural: true },
        { name: 'adjusted p', value: res.adjustedP },
      ),
    ).toMatch(
      /^Strong evidence that orders follow returns 2 periods later \(r = 0\.\d\d after prewhitening, adjusted p < 0\.001\)\. Evidence, not proof\.$/,
    );
  });
  test('some evidence (0.01 to 0.05); a negative r "moves against"', () => {
    const res = leadLag(
      lead,
      strong.map((v) => -v),
      3,
    );
    expect(leadLagReading(res, { text: 'returns', plural: true }, { text: 'margin %', plural: false }, { name: 'q', value: 0.031 })).toBe(
      `Some evidence that margin % moves against returns 2 periods later (r = ${res.best!.prewhitenedR!.toFixed(2)} after prewhitening, q = 0.031). Evidence, not proof.`,
    );
    expect(leadLagReading(res, { text: 'returns', plural: true }, { text: 'orders', plural: true }, { name: 'q', value: 0.031 })).toMatch(
      /^Some evidence that orders move against returns/,
    );
  });
  test('no evidence yet (0.05 or more): never a claim, says it could be chance', () => {
    const res = leadLag(lead, strong, 3);
    const text = leadLagReading(res, LEAD_NOUN, LAG_NOUN, { name: 'q', value: 0.05 });
    expect(text).toBe(
      `No evidence yet that the lag measure follows the lead measure: the strongest is 2 periods later, with r = ${res.best!.prewhitenedR!.toFixed(2)} after prewhitening and q = 0.05, which could be chance.`,
    );
    expect(evidenceOf(0.05)).toBe('none');
    expect(evidenceOf(0.0499)).toBe('some');
    expect(evidenceOf(0.00999)).toBe('strong');
    expect(evidenceOf(null)).toBe('cannot tell');
  });
  test('lags read "in the same period", "1 period later", "3 periods later"', () => {
    const lead2 = Array.from({ length: 30 }, () => g());
    for (const [k, words] of [
      [0, 'in the same period'],
      [1, '1 period later'],
      [3, '3 periods later'],
    ] as const) {
      const lag2 = lead2.map((v, t) => (t >= k ? lead2[t - k] : 0) + 0.1 * g());
      const res = leadLag(lead2, lag2, 3);
      expect(res.best!.lag).toBe(k);
      expect(reading(res)).toContain(` ${words} (`);
    }
  });
  test('probabilities: "< 0.001", two significant digits, never rounded onto a threshold', () => {
    expect(formatProbability(0.0004)).toBe('< 0.001');
    expect(formatProbability(0.0016)).toBe('= 0.0016');
    expect(formatProbability(0.0312)).toBe('= 0.031');
    expect(formatProbability(0.62)).toBe('= 0.62');
    expect(formatProbability(1)).toBe('= 1');
    expect(formatProbability(0.0496)).toBe('= 0.0496'); // not "0.050": that would read as no claim
    expect(formatProbability(0.00996)).toBe('= 0.00996'); // not "0.010"
    expect(formatProbability(0.05)).toBe('= 0.05');
  });
});
