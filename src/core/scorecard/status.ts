import { roundTo } from './precision';

/**
 * Status of a measure against its target, from its latest value: on track when it meets the target,
 * at risk when it misses by no more than 10% of the target, off track otherwise. "lower" measures
 * (returns) meet the target by staying at or under it. Given the decimals a measure is shown with, both
 * sides are rounded to them first (a value shown equal to its target is on track).
 */
export type Status = 'On track' | 'At risk' | 'Off track';
export const AT_RISK_BAND = 0.1;

export function targetStatus(latest: number | null, target: number | null, better: 'higher' | 'lower', decimals?: number): Status | null {
  if (latest === null || target === null) return null;
  // Compared at the precision shown, as the sheet's formulas compare (ROUND on both sides).
  const r = (x: number) => (decimals === undefined ? x : roundTo(x, decimals));
  const band = target - Math.abs(target) * AT_RISK_BAND * (better === 'higher' ? 1 : -1);
  const meets = better === 'higher' ? r(latest) >= r(target) : r(latest) <= r(target);
  if (meets) return 'On track';
  const near = better === 'higher' ? r(latest) >= r(band) : r(latest) <= r(band);
  return near ? 'At risk' : 'Off track';
}

export function latestValue(values: readonly (number | null)[]): number | null {
  for (let i = values.length - 1; i >= 0; i--) if (values[i] !== null) return values[i];
  return null;
}
