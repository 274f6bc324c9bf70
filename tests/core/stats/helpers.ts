import { mulberry32 } from '../../../examples/random';
/** Shared helpers for the statistics tests (not a test file itself). */

/** Relative error |actual − expected| / |expected| (absolute error when expected is 0). */
export function relErr(actual: number, expected: number): number {
  if (expected === 0) return Math.abs(actual);
  return Math.abs(actual - expected) / Math.abs(expected);
}

/** Asserts that `actual` matches `expected` to a relative tolerance, with a readable message. */
export function expectRel(actual: number, expected: number, tolerance: number): void {
  const err = relErr(actual, expected);
  if (!(err <= tolerance)) {
    throw new Error(`expected ${expected}, got ${actual} (relative error ${err.toExponential(2)} > ${tolerance})`);
  }
}

/** Deterministic PRNG (mulberry32) returning floats in [0, 1): the one the example data uses. */
export { mulberry32 };

/** Standard normal variates by Box–Muller from a uniform generator. */
export function gaussian(rand: () => number): () => number {
  return () => {
    const u = 1 - rand();
    const v = rand();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
}

/** Composite Simpson's rule for ∫ₐᵇ f with `intervals` (even) sub-intervals. */
export function simpson(f: (x: number) => number, a: number, b: number, intervals: number): number {
  const n = intervals % 2 === 0 ? intervals : intervals + 1;
  const h = (b - a) / n;
  let sum = f(a) + f(b);
  for (let i = 1; i < n; i++) sum += (i % 2 === 1 ? 4 : 2) * f(a + i * h);
  return (sum * h) / 3;
}
