/**
 * Pearson product-moment correlation coefficient r of paired samples.
 *
 * Two-pass algorithm: the means are computed first (then corrected by the
 * mean residual, as in Chan, Golub & LeVeque's corrected two-pass method), and
 * r = Σdx·dy / √(Σdx²·Σdy²) is accumulated from deviations divided by their
 * largest magnitude. It is therefore stable for data with a large common
 * offset and neither overflows nor underflows for extreme magnitudes (inputs
 * beyond 1e±150 are first rescaled by an exact power of two). The result is
 * clamped to [−1, 1].
 *
 * Edge cases: returns `null` when there are fewer than 2 pairs or when either
 * sample is constant (zero variance). Arrays of different lengths throw a
 * `RangeError`. Inputs should be finite; any NaN or ±Infinity gives NaN.
 *
 * @example pearson([1, 2, 3, 4], [2, 4, 5, 9]) // ≈ 0.9648 (= 11/√130)
 */
export function pearson(xs: ArrayLike<number>, ys: ArrayLike<number>): number | null {
  const n = xs.length;
  if (ys.length !== n) throw new RangeError(`pearson: arrays differ in length (${n} vs ${ys.length})`);
  if (n < 2) return null;

  // Pass 1: validity, constancy, magnitude and the sums (unscaled: x·1 is x, so they serve when no rescaling is needed).
  const x0 = xs[0];
  const y0 = ys[0];
  let constX = true;
  let constY = true;
  let maxAbsX = 0;
  let maxAbsY = 0;
  let sumX = 0;
  let sumY = 0;
  for (let i = 0; i < n; i++) {
    const x = xs[i];
    const y = ys[i];
    if (!Number.isFinite(x) || !Number.isFinite(y)) return NaN;
    if (x !== x0) constX = false;
    if (y !== y0) constY = false;
    const ax = Math.abs(x);
    const ay = Math.abs(y);
    if (ax > maxAbsX) maxAbsX = ax;
    if (ay > maxAbsY) maxAbsY = ay;
    sumX += x;
    sumY += y;
  }
  if (constX || constY) return null;
  const fx = powerOfTwoScale(maxAbsX);
  const fy = powerOfTwoScale(maxAbsY);

  // Pass 2, only for extreme magnitudes: the sums of the rescaled values.
  if (fx !== 1) {
    sumX = 0;
    for (let i = 0; i < n; i++) sumX += xs[i] * fx;
  }
  if (fy !== 1) {
    sumY = 0;
    for (let i = 0; i < n; i++) sumY += ys[i] * fy;
  }
  let meanX = sumX / n;
  let meanY = sumY / n;

  // Pass 3: mean correction and the scale of the deviations.
  let residX = 0;
  let residY = 0;
  let scaleX = 0;
  let scaleY = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i] * fx - meanX;
    const dy = ys[i] * fy - meanY;
    residX += dx;
    residY += dy;
    const ax = Math.abs(dx);
    const ay = Math.abs(dy);
    if (ax > scaleX) scaleX = ax;
    if (ay > scaleY) scaleY = ay;
  }
  meanX += residX / n;
  meanY += residY / n;
  if (scaleX === 0 || scaleY === 0) return null;

  // Pass 4: co-moments of the normalised deviations.
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (xs[i] * fx - meanX) / scaleX;
    const dy = (ys[i] * fy - meanY) / scaleY;
    sxx += dx * dx;
    syy += dy * dy;
    sxy += dx * dy;
  }
  if (sxx === 0 || syy === 0) return null;
  const r = sxy / Math.sqrt(sxx * syy);
  return r > 1 ? 1 : r < -1 ? -1 : r;
}

const TWO_POW_512 = 1.3407807929942597e154; // 2^512, exact
const TWO_POW_MINUS_512 = 7.458340731200207e-155; // 2^-512, exact

/** An exact power-of-two factor bringing a maximum magnitude into a safe range (r is scale-invariant). */
function powerOfTwoScale(maxAbs: number): number {
  if (maxAbs > 1e150) return TWO_POW_MINUS_512;
  if (maxAbs < 1e-150) return TWO_POW_512;
  return 1;
}
