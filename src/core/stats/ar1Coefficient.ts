/**
 * The AR(1) coefficient of a series by least squares on its consecutive present pairs
 * (DOMAIN.md, "Connecting lead to lag", step 2): over every t where x[t − 1] and x[t] are both
 * present (not NaN), with a = x[t − 1] − mean(x[t − 1]) and b = x[t] − mean(x[t]),
 * φ = Σab / Σa².
 *
 * Both means are taken over the pairs only, so a gap in the series drops the pairs it breaks and
 * nothing else. The sums are accumulated from deviations (two passes), which keeps the digits of a
 * series with a large common offset (revenue of 1e6 per month moving by 1e3).
 *
 * Edge cases: `null` when fewer than 2 pairs are present or when x[t − 1] does not vary over them
 * (Σa² = 0, φ undefined). Infinite values count as present and give NaN; callers pass finite numbers.
 *
 * @example ar1Coefficient([1, 3, 2, 5]) // -0.5 (pairs (1,3), (3,2), (2,5))
 */
export function ar1Coefficient(x: ArrayLike<number>): number | null {
  const n = x.length;
  let pairs = 0;
  let sumA = 0;
  let sumB = 0;
  for (let t = 1; t < n; t++) {
    const a = x[t - 1];
    const b = x[t];
    if (a !== a || b !== b) continue;
    pairs++;
    sumA += a;
    sumB += b;
  }
  if (pairs < 2) return null;
  const meanA = sumA / pairs;
  const meanB = sumB / pairs;
  let sab = 0;
  let saa = 0;
  for (let t = 1; t < n; t++) {
    const a = x[t - 1];
    const b = x[t];
    if (a !== a || b !== b) continue;
    const da = a - meanA;
    sab += da * (b - meanB);
    saa += da * da;
  }
  if (saa === 0) return null;
  return sab / saa;
}
