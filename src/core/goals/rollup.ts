import { fail } from '../values/errors';
import type { GoalTree, RowName } from './tree';

/**
 * Scores rolled up the tree (DOMAIN.md "Goals that connect"): a goal with a score of its own keeps it (a key
 * result: clamp((current − start) / (target − start), 0, 1), OKR_SCORE); any other goal scores the weighted
 * mean of its children's scores, over the children that have one (a blank weight is 1); no child with a
 * score, no score. So an objective is the (weighted) average of its key results, and a company objective
 * whose function objectives hang under it directly is the average of theirs: "rolled up the tree".
 *
 * `own[i]`: the row's own score or null; `weights[i]`: null for 1. A weight below 0 is an error naming the
 * row; so are children with scores whose weights add up to 0.
 */
export function rollUp(
  tree: GoalTree,
  own: readonly (number | null)[],
  weights: readonly (number | null)[],
  name: RowName,
): (number | null)[] {
  const n = own.length;
  const score: (number | null)[] = new Array<number | null>(n).fill(null);
  for (let i = 0; i < n; i++) {
    const w = weights[i];
    if (w !== null && w !== undefined && !(w >= 0))
      fail(`${name(i)} has the weight ${w}; a weight is a number of 0 or more (blank counts as 1)`);
  }
  // Children before their parents: the depth-first order, backwards.
  for (let k = tree.order.length - 1; k >= 0; k--) {
    const i = tree.order[k];
    if (own[i] !== null) {
      score[i] = own[i];
      continue;
    }
    let sum = 0;
    let total = 0;
    let any = false;
    for (const c of tree.children[i]) {
      const s = score[c];
      if (s === null) continue;
      const w = weights[c] ?? 1;
      sum += w * s;
      total += w;
      any = true;
    }
    if (!any) continue;
    if (!(total > 0))
      fail(`the goals under ${name(i)} that have a score all have the weight 0; give at least one of them a weight above 0`);
    score[i] = sum / total;
  }
  return score;
}
