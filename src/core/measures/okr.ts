import { fail } from '../values/errors';

/**
 * Score of a key result (DOMAIN.md): clamp((current − start) / (target − start), 0, 1); this serves
 * targets below the start too (a cost to cut). Where target = start: 1 once current has reached it.
 *
 * @example okrScore(0, 70, 100) // 0.7
 */
export function okrScore(start: number, current: number, target: number): number {
  if (target === start) {
    return current === target ? 1 : 0;
  }
  const s = (current - start) / (target - start);
  if (!Number.isFinite(s)) fail('start, current and target must be numbers');
  return s < 0 ? 0 : s > 1 ? 1 : s;
}

/** An objective's score: the (weighted) average of its key results' scores. */
export function objectiveScore(scores: readonly number[], weights?: readonly number[]): number {
  if (scores.length === 0) fail('an objective needs at least one key result');
  let sum = 0;
  let w = 0;
  for (let i = 0; i < scores.length; i++) {
    const wi = weights ? weights[i] : 1;
    sum += scores[i] * wi;
    w += wi;
  }
  if (w <= 0) fail('key-result weights must add up to more than 0');
  return sum / w;
}
