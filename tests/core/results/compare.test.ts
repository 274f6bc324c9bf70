import fc from 'fast-check';
import {
  BASELINE_MIN,
  EMPTY_WINDOW,
  MIN_ANSWERS,
  type WindowCount,
  compareWindows,
  countsDiffer,
  newcombeExcludesZero,
  ratioZ,
  windowValue,
} from '../../../src/core/results/compare';
import type { ResultMeasure } from '../../../src/core/results/measure';

/** A window of NPS answers: promoters, passives, detractors. */
const nps = (p: number, passives: number, d: number): WindowCount => ({
  ...EMPTY_WINDOW,
  n: p + passives + d,
  num: p - d,
  den: p + passives + d,
  pos: p,
  neg: d,
});
/** A window of a 0/1 rate: k hits of n. */
const rate = (k: number, n: number): WindowCount => ({ ...EMPTY_WINDOW, n, num: k, den: n, pos: k, nn: k, nd: k, dd: n });
/** A window of returns: per sale [returned, sold]. */
const sales = (rows: [number, number][]): WindowCount =>
  rows.reduce(
    (c, [x, d]) => ({
      n: c.n + 1,
      num: c.num + x,
      den: c.den + d,
      pos: c.pos + (x > 0 ? 1 : 0),
      neg: c.neg,
      nn: c.nn + x * x,
      nd: c.nd + x * d,
      dd: c.dd + d * d,
    }),
    EMPTY_WINDOW,
  );

describe('did it move: the rule of compare.ts', () => {
  test('values: NPS in points, net comparison and rates as fractions, nothing for an empty window', () => {
    expect(windowValue('nps', nps(3, 1, 1))).toBe(40);
    expect(windowValue('net_comparison', nps(3, 1, 1))).toBeCloseTo(0.4, 15);
    expect(windowValue('csat', rate(3, 4))).toBe(0.75);
    expect(
      windowValue(
        'return_rate',
        sales([
          [1, 10],
          [0, 30],
        ]),
      ),
    ).toBe(0.025);
    expect(windowValue('nps', EMPTY_WINDOW)).toBeNull();
  });

  test("NPS by DOMAIN.md's adjusted-Wald change rule: 3 detractors to 3 promoters is beyond chance, 2 to 2 is not", () => {
    // n' = 6: m = ±0.5, se² = 1/12 each; |Δm| = 1 > 1.96 · √(1/6) = 0.80.
    expect(countsDiffer('nps', nps(0, 0, 3), nps(3, 0, 0))).toBe(true);
    // n' = 5: |Δm| = 0.8 < 1.96 · √(2 · 0.108) = 0.91.
    expect(countsDiffer('nps', nps(0, 0, 2), nps(2, 0, 0))).toBe(false);
  });

  test("rates by Newcombe's interval from two Wilson intervals: 0 of 3 to 3 of 3 leaves out 0, 1 of 3 to 2 of 3 does not", () => {
    // Wilson 0/3 = [0, 0.5615], 3/3 = [0.4385, 1]: low bound 1 − √(0.5615² + 0.5615²) = 0.206 > 0.
    expect(newcombeExcludesZero(0, 3, 3, 3)).toBe(true);
    expect(newcombeExcludesZero(1, 3, 2, 3)).toBe(false);
    expect(newcombeExcludesZero(30, 100, 50, 100)).toBe(true); // 30% to 50% on 100 each
    expect(newcombeExcludesZero(40, 100, 50, 100)).toBe(false);
  });

  test("returns by the ratio estimator: z of the change over both windows' spread about the pooled rate", () => {
    const b = sales([
      [5, 10],
      [0, 10],
      [5, 20],
    ]);
    const a = sales([
      [0, 10],
      [1, 10],
      [0, 20],
    ]);
    // R = 11/80; spreads 20.09/1600 and 9.59/1600; z = (0.025 − 0.25) / 0.1362 = −1.652.
    expect(ratioZ(b, a)).toBeCloseTo(-1.652, 3);
    expect(countsDiffer('return_rate', b, a)).toBe(false);
  });

  test('fewer than 3 rows in either window: too few to tell, whatever the numbers', () => {
    expect(compareWindows('nps', nps(0, 0, 50), nps(2, 0, 0), []).verdict).toBe('few');
    expect(compareWindows('nps', nps(0, 0, 2), nps(50, 0, 0), []).verdict).toBe('few');
    expect(MIN_ANSWERS).toBe(3);
  });

  test('with 6 windows of history the limits decide; with 5 the counts do', () => {
    const steady = [nps(3, 4, 3), nps(4, 3, 3), nps(3, 4, 3), nps(3, 3, 4), nps(3, 4, 3)];
    const before = nps(3, 4, 3);
    const after = nps(6, 3, 1); // +50
    // 5 earlier + the before window = 6 values: XmR. Values 0,10,0,−10,0,0 → mean 0, mR 6, limits ±16.
    const withLimits = compareWindows('nps', before, after, [...steady].reverse());
    expect(withLimits).toMatchObject({ verdict: 'better', method: 'limits' });
    expect(withLimits.limits!.windows).toBe(BASELINE_MIN);
    // One window less of history: the two windows' counts (0 to +50 on ten answers each is not beyond chance).
    expect(compareWindows('nps', before, after, steady.slice(1).reverse())).toMatchObject({ verdict: 'same', method: 'counts' });
    // History windows with fewer than 3 answers are not values.
    const thin = [nps(1, 0, 0), nps(0, 1, 0), ...steady.slice(1)];
    expect(compareWindows('nps', before, after, thin).method).toBe('counts');
  });

  test('fewer returns is better; fewer on-time deliveries is worse', () => {
    const many = (k: number, n: number) => sales(Array.from({ length: n }, (_, i) => [i < k ? 1 : 0, 1] as [number, number]));
    expect(compareWindows('return_rate', many(30, 100), many(5, 100), []).verdict).toBe('better');
    expect(compareWindows('on_time', rate(95, 100), rate(60, 100), []).verdict).toBe('worse');
  });
});

describe('did it move: properties', () => {
  const measures: ResultMeasure[] = ['nps', 'net_comparison', 'csat', 'on_time', 'review_response'];
  const npsWindow = fc.tuple(fc.nat(40), fc.nat(40), fc.nat(40)).map(([p, q, d]) => nps(p, q, d));
  const rateWindow = fc.tuple(fc.nat(60), fc.nat(60)).map(([k, extra]) => rate(k, k + extra));
  /** A measure with windows of its own shape: NPS-like counts, or k of n. */
  const windowsOf = (count: number) =>
    fc
      .constantFrom(...measures)
      .chain((m) =>
        fc.tuple(
          fc.constant(m),
          fc.array(m === 'nps' || m === 'net_comparison' ? npsWindow : rateWindow, { minLength: count, maxLength: count + 12 }),
        ),
      );

  test('a planted improvement, all 3–6 before and all 9–10 after, with 3 or more answers each, reads as moved (better)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 60 }), fc.integer({ min: 3, max: 60 }), (nb, na) => {
        expect(compareWindows('nps', nps(0, 0, nb), nps(na, 0, 0), []).verdict).toBe('better');
      }),
    );
  });

  test('swapping the windows swaps better and worse, and keeps same and too few', () => {
    fc.assert(
      fc.property(windowsOf(2), ([m, [b, a]]) => {
        const fwd = compareWindows(m, b, a, []).verdict;
        const back = compareWindows(m, a, b, []).verdict;
        const flip = { better: 'worse', worse: 'better', same: 'same', few: 'few' } as const;
        expect(back).toBe(flip[fwd]);
      }),
    );
  });

  test('the same counts on both sides are never a move, whatever the history', () => {
    fc.assert(
      fc.property(windowsOf(1), ([m, [w, ...history]]) => {
        const v = compareWindows(m, w, w, history).verdict;
        expect(v === 'same' || v === 'few').toBe(true);
      }),
    );
  });

  test('a move by the counts is one where the values differ, in the direction they differ', () => {
    fc.assert(
      fc.property(windowsOf(2), ([m, [b, a]]) => {
        const c = compareWindows(m, b, a, []);
        if (c.verdict === 'better') expect(windowValue(m, a)!).toBeGreaterThan(windowValue(m, b)!);
        if (c.verdict === 'worse') expect(windowValue(m, a)!).toBeLessThan(windowValue(m, b)!);
      }),
    );
  });

  test('more answers in the same proportions never turn a move into no move', () => {
    fc.assert(
      fc.property(npsWindow, npsWindow, fc.integer({ min: 2, max: 5 }), (b, a, k) => {
        const times = (c: WindowCount) => nps(c.pos * k, (c.n - c.pos - c.neg) * k, c.neg * k);
        const small = compareWindows('nps', b, a, []).verdict;
        const large = compareWindows('nps', times(b), times(a), []).verdict;
        if (small === 'better' || small === 'worse') expect(large).toBe(small);
      }),
    );
  });
});
