import { pearson } from '../../../src/core/stats/pearson';
import { expectRel, gaussian, mulberry32 } from './helpers';

/** Textbook one-pass formula, fine for well-scaled data; used as an independent check. */
function naivePearson(xs: number[], ys: number[]): number {
  const n = xs.length;
  let sx = 0,
    sy = 0,
    sxx = 0,
    syy = 0,
    sxy = 0;
  for (let i = 0; i < n; i++) {
    sx += xs[i];
    sy += ys[i];
    sxx += xs[i] * xs[i];
    syy += ys[i] * ys[i];
    sxy += xs[i] * ys[i];
  }
  return (n * sxy - sx * sy) / Math.sqrt((n * sxx - sx * sx) * (n * syy - sy * sy));
}

function correlatedSample(seed: number, n: number, rho: number): [number[], number[]] {
  const normal = gaussian(mulberry32(seed));
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i < n; i++) {
    const z1 = normal();
    const z2 = normal();
    xs.push(z1);
    ys.push(rho * z1 + Math.sqrt(1 - rho * rho) * z2);
  }
  return [xs, ys];
}

describe('pearson', () => {
  it('matches hand-computed and R cor() values', () => {
    expectRel(pearson([1, 2, 3, 4], [2, 4, 5, 9])!, 11 / Math.sqrt(130), 1e-15);
    // Anscombe's quartet, sets I–III: R cor(anscombe$x1, anscombe$y1) etc.
    const x = [10, 8, 13, 9, 11, 14, 6, 4, 12, 7, 5];
    expectRel(pearson(x, [8.04, 6.95, 7.58, 8.81, 8.33, 9.96, 7.24, 4.26, 10.84, 4.82, 5.68])!, 0.81642051634483986, 1e-14);
    expectRel(pearson(x, [9.14, 8.14, 8.74, 8.77, 9.26, 8.1, 6.13, 3.1, 9.13, 7.26, 4.74])!, 0.81623650600024274, 1e-14);
    expectRel(pearson(x, [7.46, 6.77, 12.74, 7.11, 7.81, 8.84, 6.08, 5.39, 8.15, 6.42, 5.73])!, 0.8162867394895982, 1e-14);
  });

  it('agrees with the naive formula on random data', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const rho = ((seed % 9) - 4) / 4.5; // −0.89 … 0.89
      const [xs, ys] = correlatedSample(seed, 5 + seed * 7, rho);
      expectRel(pearson(xs, ys)!, naivePearson(xs, ys), 1e-12);
    }
  });

  it('is invariant under positive scaling and shifting, and flips sign under negative scaling', () => {
    const [xs, ys] = correlatedSample(2024, 200, 0.6);
    const r = pearson(xs, ys)!;
    const cases: Array<[number, number, number, number]> = [
      [3.7, -12, 0.25, 1e3],
      [1e-100, 5e-100, 1e100, -1e101],
      [1e250, 0, 1e-250, 0],
      [2, 1e6, 1, -1e6], // offsets: rounding the shifted data itself costs ~1e-10
    ];
    for (const [a, b, c, d] of cases) {
      const sx = xs.map((x) => a * x + b);
      const sy = ys.map((y) => c * y + d);
      const tolerance = Math.abs(b / a) >= 1e5 || Math.abs(d / c) >= 1e5 ? 1e-8 : 1e-13;
      expectRel(pearson(sx, sy)!, r, tolerance);
      expectRel(
        pearson(
          sx.map((v) => -v),
          sy,
        )!,
        -r,
        tolerance,
      );
      expectRel(pearson(sy, sx)!, r, tolerance); // symmetric in its arguments
    }
  });

  it('keeps full precision with a large common offset (exactly representable shift)', () => {
    // Values on a 1/16 grid plus 2^30 are exact, so the shifted data has exactly the same r.
    const rand = mulberry32(5);
    const xs: number[] = [];
    const ys: number[] = [];
    for (let i = 0; i < 500; i++) {
      const x = Math.floor(rand() * 1600) / 16;
      xs.push(x);
      ys.push(Math.floor((x * 0.5 + rand() * 40) * 16) / 16);
    }
    const r = pearson(xs, ys)!;
    const shift = 2 ** 30;
    expectRel(
      pearson(
        xs.map((x) => x + shift),
        ys.map((y) => y + shift),
      )!,
      r,
      1e-12,
    );
    // The naive one-pass formula loses most digits here.
    expect(
      Math.abs(
        naivePearson(
          xs.map((x) => x + shift),
          ys.map((y) => y + shift),
        ) - r,
      ),
    ).toBeGreaterThan(1e-9);
  });

  it('gives ±1 for exactly linear data, never leaving [−1, 1]', () => {
    const rand = mulberry32(77);
    for (let i = 0; i < 200; i++) {
      const n = 2 + Math.floor(rand() * 50);
      const xs = Array.from({ length: n }, () => rand() * 1000 - 500);
      const slope = (rand() - 0.5) * 1e3;
      const ys = xs.map((x) => slope * x + 17.3);
      const r = pearson(xs, ys);
      expect(r).not.toBeNull();
      expect(Math.abs(r!)).toBeLessThanOrEqual(1);
      expect(Math.abs(r!)).toBeCloseTo(1, 14);
      expect(Math.sign(r!)).toBe(Math.sign(slope));
    }
    expect(pearson([1, 2], [5, 3])).toBe(-1);
    expect(pearson([1, 2, 3], [1, 2, 3])).toBe(1);
  });

  it('is 0 for uncorrelated symmetric data', () => {
    expect(pearson([-1, 0, 1, 0], [0, 1, 0, -1])).toBe(0);
  });

  it('returns null for fewer than 2 pairs or zero variance', () => {
    expect(pearson([], [])).toBeNull();
    expect(pearson([1], [2])).toBeNull();
    expect(pearson([3, 3, 3], [1, 2, 3])).toBeNull();
    expect(pearson([1, 2, 3], [7, 7, 7])).toBeNull();
    expect(pearson([0.1, 0.1, 0.1], [1, 2, 3])).toBeNull(); // mean 0.1 is not exact: still null
    expect(pearson([1e-320, 1e-320], [1, 2])).toBeNull();
  });

  it('returns NaN for NaN or infinite inputs', () => {
    expect(pearson([1, NaN, 3], [1, 2, 3])).toBeNaN();
    expect(pearson([1, 2, 3], [1, Infinity, 3])).toBeNaN();
  });

  it('throws a RangeError on arrays of different lengths', () => {
    expect(() => pearson([1, 2, 3], [1, 2])).toThrow(RangeError);
  });

  it('accepts typed arrays and does not mutate its inputs', () => {
    const xs = new Float64Array([5, 1, 4, 2, 3]);
    const ys = [10, 2, 9, 3, 7];
    const xsCopy = Array.from(xs);
    const ysCopy = ys.slice();
    expectRel(pearson(xs, ys)!, naivePearson(xsCopy, ysCopy), 1e-14);
    expect(Array.from(xs)).toEqual(xsCopy);
    expect(ys).toEqual(ysCopy);
  });

  it('handles extreme magnitudes without overflow or underflow', () => {
    expectRel(pearson([1e300, -1e300, 5e299], [1, 2, 4])!, naivePearson([1, -1, 0.5], [1, 2, 4]), 1e-14);
    expectRel(pearson([1e-300, 3e-300, 2e-300], [1, 2, 4])!, naivePearson([1, 3, 2], [1, 2, 4]), 1e-14);
    expectRel(pearson([-1.7e308, 1.7e308, 0], [1, 2, 4])!, naivePearson([-1, 1, 0], [1, 2, 4]), 1e-14);
  });
});
