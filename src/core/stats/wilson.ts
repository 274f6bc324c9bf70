/** A proportion's confidence interval. */
export interface Interval {
  readonly centre: number;
  readonly low: number;
  readonly high: number;
}

/**
 * The Wilson score interval of a proportion k of n (DOMAIN.md, "Sample size, uncertainty and
 * signal"): p = k/n,
 *   centre = (p + z²/2n) / (1 + z²/n),
 *   half-width = z·√(p(1 − p)/n + z²/4n²) / (1 + z²/n),
 * interval = centre ± half-width. Unlike p ± z·√(p(1 − p)/n) it never leaves [0, 1] and does not
 * collapse to a point at k = 0 or k = n (0 of 10 is [0, 0.278] at 95%).
 *
 * z is the normal quantile Φ⁻¹(1 − α/2): `Z95` (1.959963984540054) for 95%. The bounds are clamped
 * to [0, 1] against rounding (at k = 0 the low bound is 0 exactly, in exact arithmetic).
 *
 * It is evaluated in counts (the formulas above multiplied through by n), which keeps its digits for any n.
 *
 * Edge cases: `null` for n = 0 (no answers, no rate); k < 0, k > n, n < 0, z < 0 or any of them not
 * finite throws a `RangeError`. k and n need not be whole (weighted counts), but counts are usual.
 *
 * @example wilsonInterval(8, 10, 1.959963984540054) // { centre: 0.7167…, low: 0.4902…, high: 0.9433… }
 */
export function wilsonInterval(k: number, n: number, z: number): Interval | null {
  if (!Number.isFinite(k) || !Number.isFinite(n) || !Number.isFinite(z) || n < 0 || k < 0 || k > n || z < 0) {
    throw new RangeError(`wilsonInterval: need 0 ≤ k ≤ n and z ≥ 0, got k=${k}, n=${n}, z=${z}`);
  }
  if (n === 0) return null;
  // The same in counts, multiplied through by n: centre = (k + z²/2)/(n + z²), half-width =
  // z·√(k(n − k)/n + z²/4)/(n + z²). Well scaled for any n (p(1 − p)/n underflows for n near 1e162).
  const z2 = z * z;
  const denominator = n + z2;
  const centre = (k + z2 / 2) / denominator;
  const half = (z * Math.sqrt(k * ((n - k) / n) + z2 / 4)) / denominator;
  const clamp = (v: number) => (v < 0 ? 0 : v > 1 ? 1 : v);
  return { centre, low: k === 0 ? 0 : clamp(centre - half), high: k === n ? 1 : clamp(centre + half) };
}
