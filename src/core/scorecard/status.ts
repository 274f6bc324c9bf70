/**
 * Status of a measure against its target, from its latest value: on track when it meets the target,
 * at risk when it misses by no more than 10% of the target, off track otherwise. "lower" measures
 * (returns) meet the target by staying at or under it.
 */
export type Status = 'On track' | 'At risk' | 'Off track';
export const AT_RISK_BAND = 0.1;

export function targetStatus(latest: number | null, target: number | null, better: 'higher' | 'lower'): Status | null {
  if (latest === null || target === null) return null;
  const band = Math.abs(target) * AT_RISK_BAND;
  const gap = better === 'higher' ? target - latest : latest - target;
  if (gap <= 0) return 'On track';
  return gap <= band ? 'At risk' : 'Off track';
}

export function latestValue(values: readonly (number | null)[]): number | null {
  for (let i = values.length - 1; i >= 0; i--) if (values[i] !== null) return values[i];
  return null;
}
