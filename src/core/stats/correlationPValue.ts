import { regularizedIncompleteBeta } from './incompleteBeta';

/**
 * Two-sided p-value for a Pearson correlation r computed from `pairs` pairs,
 * testing H₀: ρ = 0.
 *
 * The statistic t = r·√((pairs − 2)/(1 − r²)) follows Student's t with
 * df = pairs − 2, so p = P(|T| ≥ |t|). Because df/(df + t²) = 1 − r², this is
 * evaluated directly as I_{1−r²}(df/2, ½), with 1 − r² formed as (1 − r)(1 + r);
 * that equals `studentTTwoSidedP(t, pairs − 2)` but stays accurate as |r| → 1.
 *
 * Edge cases: `null` when pairs < 3 (or pairs is NaN/infinite); |r| ≥ 1 → 0;
 * r = 0 → 1; NaN r → NaN.
 *
 * @example correlationPValue(0.5, 20) // ≈ 0.02477
 */
export function correlationPValue(r: number, pairs: number): number | null {
  if (!Number.isFinite(pairs) || pairs < 3) return null;
  if (Number.isNaN(r)) return NaN;
  const absR = Math.abs(r);
  if (absR >= 1) return 0;
  if (absR === 0) return 1;
  const df = pairs - 2;
  return regularizedIncompleteBeta((1 - absR) * (1 + absR), df / 2, 0.5, absR * absR);
}
