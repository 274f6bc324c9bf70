import { regularizedIncompleteBeta } from './incompleteBeta';
import { logGamma } from './logGamma';
import { normalCdf } from './normal';

/**
 * Student's t distribution with `df` degrees of freedom: the two-sided
 * p-value P(|T| ≥ |t|) and the cumulative distribution function P(T ≤ t).
 *
 * The two-sided p-value is I_{df/(df+t²)}(df/2, 1/2), the regularized
 * incomplete beta function (with 1 − x = t²/(df + t²) passed exactly); the CDF
 * is derived from it by symmetry. When df/t² < 1e-17 the leading term of the
 * beta series is used in logs, so heavy tails survive even when t² overflows
 * (e.g. df = 1, t = 1e200 → 6.4e-201). Measured relative accuracy against
 * 50-digit references: ≤ 2.3e-13 for 0.3 ≤ df ≤ 1e9 and p down to 1e-300.
 * df need not be an integer; df = Infinity gives the standard normal limit.
 *
 * Edge cases: t = ±Infinity → p = 0 (CDF 0 or 1); t = 0 → p = 1 (CDF ½);
 * NaN t → NaN. df must be > 0 (NaN or df ≤ 0 throws a `RangeError`).
 *
 * @example studentTTwoSidedP(2, 10) // ≈ 0.07338803477
 */
export function studentTTwoSidedP(t: number, df: number): number {
  checkDf(df, 'studentTTwoSidedP');
  if (Number.isNaN(t)) return NaN;
  const absT = Math.abs(t);
  if (absT === Infinity) return 0;
  if (absT === 0) return 1;
  if (df === Infinity) return 2 * normalCdf(-absT);
  // x = df/(df + t²) and 1 − x = t²/(df + t²), both formed from a ratio so that
  // neither overflows for huge |t| or df, and 1 − x keeps its digits when it is
  // tiny (huge df), which 1 − df/(df + t²) would not.
  let x: number;
  let y: number;
  if (absT >= Math.sqrt(df)) {
    const q = df / absT / absT; // df/t² ≤ 1
    if (q < 1e-17) return farTail(absT, df);
    x = q / (1 + q);
    y = 1 / (1 + q);
  } else {
    const r = (absT / df) * absT; // t²/df < 1
    x = 1 / (1 + r);
    y = r / (1 + r);
  }
  return regularizedIncompleteBeta(x, df / 2, 0.5, y);
}

/**
 * Cumulative distribution function P(T ≤ t) of Student's t with `df` degrees
 * of freedom; see {@link studentTTwoSidedP} for method and edge cases.
 *
 * @example studentTCdf(-2, 10) // ≈ 0.03669401739
 */
export function studentTCdf(t: number, df: number): number {
  checkDf(df, 'studentTCdf');
  if (Number.isNaN(t)) return NaN;
  if (t === 0) return 0.5;
  const halfP = studentTTwoSidedP(t, df) / 2;
  return t < 0 ? halfP : 1 - halfP;
}

/**
 * P(|T| ≥ t) when x = df/(df + t²) < 1e-17, where it may underflow or be
 * subnormal: the leading term xᵃ/(a·B(a, ½)) of I_x(a, ½), a = df/2, is then
 * exact to double precision (the next terms are O(x) relative, and a·x is
 * negligible whenever the result does not underflow). Evaluated in logs.
 */
function farTail(absT: number, df: number): number {
  const a = df / 2;
  const logX = Math.log(df) - 2 * Math.log(absT);
  const logBeta = logGamma(a) + LOG_GAMMA_HALF - logGamma(a + 0.5);
  return Math.exp(a * logX - Math.log(a) - logBeta);
}

const LOG_GAMMA_HALF = 0.5723649429247001; // ln Γ(½) = ln √π

function checkDf(df: number, name: string): void {
  if (!(df > 0)) throw new RangeError(`${name}: df must be > 0, got ${df}`);
}
