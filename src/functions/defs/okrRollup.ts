import { type Cell, isBlank, isSheetError, showCell } from '../../core/values/cell';
import { columnLength, isHeaderCell, sameLength, where } from '../../core/values/column';
import { fail } from '../../core/values/errors';
import { readNumber } from '../../core/values/number';
import { cellText } from '../../core/tables/kinds';
import { chainOf, goalLabel, goalTree } from '../../core/goals/tree';
import { rollUp } from '../../core/goals/rollup';
import { defineFormula } from '../types';

/**
 * OKR_ROLLUP(ids, parents, scores, [weights], [names]): each goal's score rolled up the tree of goals
 * (core/goals/rollup.ts) and its chain to the company goal in words, one row per row of the ranges, in
 * their order, so it sits beside them. A first row whose score is text is the header.
 */
export const OKR_ROLLUP = defineFormula({
  name: 'OKR_ROLLUP',
  params: [
    { name: 'ids', kind: 'range' },
    { name: 'parents', kind: 'range' },
    { name: 'scores', kind: 'range' },
    { name: 'weights', kind: 'range', optional: true },
    { name: 'names', kind: 'range', optional: true },
  ],
  run({ ids, parents, scores, weights, names }) {
    sameLength(ids, parents, scores, ...(weights ? [weights] : []), ...(names ? [names] : []));
    const n = columnLength(ids);
    const sc = scores.cells;
    const header = n > 0 && isHeaderCell(scores, 0, sc[0]) && !isSheetError(sc[0]) && readNumber(sc[0]) === undefined;
    const from = header ? 1 : 0;
    const idText: string[] = [];
    const parentText: string[] = [];
    const nameText: string[] = [];
    const own: (number | null)[] = [];
    const w: (number | null)[] = [];
    for (let i = from; i < n; i++) {
      idText.push(cellText(ids.cells[i]));
      parentText.push(cellText(parents.cells[i]));
      nameText.push(names ? cellText(names.cells[i]) : '');
      const s = sc[i];
      if (isSheetError(s)) fail(`${where(scores, i)} holds ${s.trim()}; fix that cell first (its own formula says what is wrong)`);
      const x = readNumber(s);
      if (x === undefined) fail(`${where(scores, i)} holds ${showCell(s)}; a score is a number from 0 to 1 (OKR_SCORE gives one)`);
      if (x !== null && !(x >= 0 && x <= 1)) fail(`${where(scores, i)} holds ${x}; a score is a number from 0 to 1 (OKR_SCORE gives one)`);
      if (x !== null && idText[idText.length - 1] === '') fail(`${where(scores, i)} has a score but its goal has no ID; give it an ID`);
      own.push(x);
      let wt: number | null = null;
      if (weights) {
        const c: Cell = weights.cells[i];
        const y = readNumber(c);
        if (y === undefined) fail(`${where(weights, i)} holds ${showCell(c)}; a weight is a number of 0 or more (blank counts as 1)`);
        wt = y;
      }
      w.push(wt);
    }
    const at = (k: number) => where(ids, k + from);
    const tree = goalTree(idText, parentText, at);
    const score = rollUp(tree, own, w, goalLabel(idText, at));
    const out: (string | number | null)[][] = header ? [['Score', 'Chain to the company goal']] : [];
    for (let k = 0; k < idText.length; k++) {
      if (idText[k] === '' && isBlank(parents.cells[k + from])) out.push(['', '']);
      else out.push([score[k], chainOf(tree, k, nameText, idText)]);
    }
    return out;
  },
});
