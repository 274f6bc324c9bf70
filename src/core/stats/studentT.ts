import { regularizedIncompleteBeta } from './incompleteBeta';
import { normalCdf } from './normal';

/**
 * Student's t distribution with `df` degrees of freedom: the two-sided
 * p-value P(|T| ≥ |t|) and the cumulative distribution function P(T ≤ t).
 *
 * The two-sided p-value is I_{df/(df+t²)}(df/2, 1/2), the regularized
 * incomplete beta function; the CDF is derived from it by symmetry. Both are
 * accurate to ~1e-13 relative for moderate df, and ~1e-10 for df near 10⁶.
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
  const t2 = absT * absT;
  if (t2 === Infinity) return 0; // |t| > ~1.3e154: the p-value underflows for any df > 0 worth computing
  return regularizedIncompleteBeta(df / (df + t2), df / 2, 0.5);
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

function checkDf(df: number, name: string): void {
  if (!(df > 0)) throw new RangeError(`${name}: df must be > 0, got ${df}`);
}
