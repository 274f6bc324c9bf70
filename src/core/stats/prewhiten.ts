/**
 * Prewhitening with a given AR(1) coefficient φ (Box–Jenkins; DOMAIN.md, "Connecting lead to lag",
 * step 2): x'[t] = x[t] − φ·x[t − 1], defined where both x[t] and x[t − 1] are present.
 *
 * Returns a series of the same length; x'[0] and every value whose own or previous value is missing
 * (NaN) are NaN. The caller chooses φ: DOMAIN.md fits it on the lead series (`ar1Coefficient`) and
 * filters the lead and the lag series with that same φ.
 *
 * @example prewhiten([1, 2, NaN, 4, 5], 0.5) // [NaN, 1.5, NaN, NaN, 3]
 */
export function prewhiten(x: ArrayLike<number>, phi: number): Float64Array {
  const n = x.length;
  const out = new Float64Array(n);
  if (n > 0) out[0] = NaN;
  for (let t = 1; t < n; t++) {
    const a = x[t - 1];
    const b = x[t];
    out[t] = a !== a || b !== b ? NaN : b - phi * a;
  }
  return out;
}
