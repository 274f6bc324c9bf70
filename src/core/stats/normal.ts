/**
 * Standard normal distribution: cumulative distribution function Φ(x) and
 * its inverse (quantile function).
 *
 * `normalCdf` evaluates Φ(x) = erfc(−x/√2)/2 with W. J. Cody's rational
 * Chebyshev approximations for erfc on the normal scale (ACM TOMS Algorithm
 * 715, the method behind R's `pnorm`): relative error ~1e-15 everywhere,
 * including the far lower tail (Φ(−37) ≈ 5.7e-300 keeps full precision).
 *
 * `normalQuantile` starts from Peter Acklam's rational approximation
 * (relative error ≤ 1.15e-9) and applies one Halley step using `normalCdf`,
 * giving ~1e-15 relative accuracy. Upper-half probabilities are reflected
 * (1 − p is exact for p ≥ 0.5), so the refinement always works in the
 * lower tail where Φ has full relative precision.
 *
 * Edge cases: `normalCdf(-Infinity)` = 0, `normalCdf(Infinity)` = 1,
 * `normalCdf(NaN)` = NaN. `normalQuantile` throws a `RangeError` unless
 * 0 < p < 1 (including for NaN).
 *
 * @example normalCdf(1.959963984540054) // ≈ 0.975; normalQuantile(0.975) // ≈ 1.959963984540054
 */

const INV_SQRT_2PI = 0.3989422804014327; // 1/√(2π)
const SQRT_2PI = 2.5066282746310002; // √(2π)
const SQRT_32 = 5.656854249492380195; // √32

// Cody (1993), interval |x| ≤ 0.67448975.
const A = [2.2352520354606839287, 161.02823106855587881, 1067.6894854603709582, 18154.981253343561249, 0.065682337918207449113];
const B = [47.20258190468824187, 976.09855173777669322, 10260.932208618978205, 45507.789335026729956];
// Cody (1993), interval 0.67448975 < |x| ≤ √32.
const C = [
  0.39894151208813466764, 8.8831497943883759412, 93.506656132177855979, 597.27027639480026226, 2494.5375852903726711, 6848.1904505362823326,
  11602.651437647350124, 9842.7148383839780218, 1.0765576773720192317e-8,
];
const D = [
  22.266688044328115691, 235.38790178262499861, 1519.377599407554805, 6485.558298266760755, 18615.571640885098091, 34900.952721145977266,
  38912.003286093271411, 19685.429676859990727,
];
// Cody (1993), interval |x| > √32 (asymptotic expansion in 1/x²).
const P = [
  0.21589853405795699, 0.1274011611602473639, 0.022235277870649807, 0.001421619193227893466, 2.9112874951168792e-5, 0.02307344176494017303,
];
const Q = [1.28426009614491121, 0.468238212480865118, 0.0659881378689285515, 0.00378239633202758244, 7.29751555083966205e-5];

/** exp(−y²/2) with y² split as (y₁² + (y−y₁)(y+y₁)), y₁ = y rounded down to 1/16, to avoid rounding y² first. */
function expHalfSquare(y: number): number {
  const y1 = Math.trunc(y * 16) / 16;
  const del = (y - y1) * (y + y1);
  return Math.exp(-y1 * y1 * 0.5) * Math.exp(-del * 0.5);
}

/** Upper tail Q(y) = 1 − Φ(y) for y > 0.67448975. */
function upperTail(y: number): number {
  let factor: number;
  if (y <= SQRT_32) {
    let num = C[8] * y;
    let den = y;
    for (let i = 0; i < 7; i++) {
      num = (num + C[i]) * y;
      den = (den + D[i]) * y;
    }
    factor = (num + C[7]) / (den + D[7]);
  } else {
    if (y > 40) return 0; // Q(40) ≈ 3.7e-350 underflows anyway.
    const z = 1 / (y * y);
    let num = P[5] * z;
    let den = z;
    for (let i = 0; i < 4; i++) {
      num = (num + P[i]) * z;
      den = (den + Q[i]) * z;
    }
    factor = (INV_SQRT_2PI - (z * (num + P[4])) / (den + Q[4])) / y;
  }
  return expHalfSquare(y) * factor;
}

const CENTRAL_LIMIT = 0.67448975; // ≈ Φ⁻¹(3/4)

/** Φ(x) − ½ for |x| ≤ CENTRAL_LIMIT, with full relative precision near 0. */
function centralPart(x: number): number {
  let num = 0;
  let den = 0;
  if (Math.abs(x) > 1.1102230246251565e-16) {
    const xsq = x * x;
    num = A[4] * xsq;
    den = xsq;
    for (let i = 0; i < 3; i++) {
      num = (num + A[i]) * xsq;
      den = (den + B[i]) * xsq;
    }
  }
  return (x * (num + A[3])) / (den + B[3]);
}

export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const y = Math.abs(x);
  if (y <= CENTRAL_LIMIT) return 0.5 + centralPart(x);
  const tail = upperTail(y);
  return x < 0 ? tail : 1 - tail;
}

// Acklam's rational approximation coefficients.
const AA = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
const BB = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
const CC = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
const DD = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
const P_LOW = 0.02425;

/** Acklam's approximation for p ≤ 0.5 (relative error ≤ 1.15e-9). */
function acklamLower(p: number): number {
  if (p < P_LOW) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (
      (((((CC[0] * q + CC[1]) * q + CC[2]) * q + CC[3]) * q + CC[4]) * q + CC[5]) /
      ((((DD[0] * q + DD[1]) * q + DD[2]) * q + DD[3]) * q + 1)
    );
  }
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((AA[0] * r + AA[1]) * r + AA[2]) * r + AA[3]) * r + AA[4]) * r + AA[5]) * q) /
    (((((BB[0] * r + BB[1]) * r + BB[2]) * r + BB[3]) * r + BB[4]) * r + 1)
  );
}

/** z for 95%: Φ⁻¹(0.975), the exact quantile (DOMAIN.md: never a rounded constant). A test checks it against normalQuantile. */
export const Z95 = 1.959963984540054;

export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`normalQuantile: p must be in (0, 1), got ${p}`);
  if (p === 0.5) return 0;
  if (p > 0.5) return -normalQuantile(1 - p); // 1 − p is exact here
  const x = acklamLower(p);
  // One Halley step on f(x) = Φ(x) − p: u = f/f', x ← x − u/(1 + x·u/2).
  // Near the centre compare Φ(x) − ½ with p − ½ (exact for p ≥ 0.25) to keep relative precision in x.
  const e = Math.abs(x) <= CENTRAL_LIMIT ? centralPart(x) - (p - 0.5) : normalCdf(x) - p;
  const u = e * SQRT_2PI * Math.exp((x * x) / 2);
  if (!Number.isFinite(u)) return x; // only for subnormal p, where exp(x²/2) overflows
  return x - u / (1 + (x * u) / 2);
}
