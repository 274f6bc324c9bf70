import { type Arg, type Cell, isBlank } from '../../core/values/cell';
import { fail } from '../../core/values/errors';
import { readNumber } from '../../core/values/number';
import { okrScore } from '../../core/measures/okr';
import { defineFormula } from '../types';
import { required } from '../args';

function grid(arg: Arg, name: string): Cell[][] {
  if (!Array.isArray(arg)) return [[arg as Cell]];
  const rows = arg as Cell[][];
  const width = rows.length && Array.isArray(rows[0]) ? rows[0].length : 0;
  if (width === 0 || rows.some((r) => !Array.isArray(r) || r.length !== width)) fail(`${name} must be a number or a rectangular range`);
  return rows;
}

function num(c: Cell, name: string, r: number, k: number, shape: boolean): number | null {
  const x = readNumber(c);
  if (x === undefined) {
    fail(`${shape ? `row ${r + 1}, column ${k + 1} of ` : ''}${name} holds ${JSON.stringify(c)}; expected a number`);
  }
  return x;
}

export const OKR_SCORE = defineFormula({
  name: 'OKR_SCORE',
  summary:
    'Score of a key result: how far current has moved from start toward target, from 0 to 1 ' +
    '(works for targets below the start too, such as a cost to cut). 0.7 is a good result for a stretch goal.',
  args: [
    { name: 'start', type: 'range', help: 'Where the key result started (a number or a range).' },
    { name: 'current', type: 'range', help: 'Where it is now (same shape as start).' },
    { name: 'target', type: 'range', help: 'Where it should get to (same shape as start).' },
  ],
  returns: 'A number from 0 to 1, or an array of the same shape as the ranges given.',
  example: '=OKR_SCORE(B2:B6, C2:C6, D2:D6)',
  run([start, current, target]) {
    const s = grid(required(start, 'start'), 'start');
    const c = grid(required(current, 'current'), 'current');
    const t = grid(required(target, 'target'), 'target');
    const shape = s.length !== 1 || s[0].length !== 1;
    if (c.length !== s.length || t.length !== s.length || c[0].length !== s[0].length || t[0].length !== s[0].length) {
      fail(
        `start, current and target must be the same shape (start is ${s.length}×${s[0].length}, current ${c.length}×${c[0].length}, target ${t.length}×${t[0].length})`,
      );
    }
    const out = s.map((row, r) =>
      row.map((_, k) => {
        if (isBlank(s[r][k]) && isBlank(c[r][k]) && isBlank(t[r][k])) return '';
        const a = num(s[r][k], 'start', r, k, shape);
        const b = num(c[r][k], 'current', r, k, shape);
        const z = num(t[r][k], 'target', r, k, shape);
        if (a === null || z === null) fail(`${shape ? `row ${r + 1} ` : ''}needs both a start and a target`);
        return b === null ? '' : okrScore(a, b, z);
      }),
    );
    return shape ? out : out[0][0];
  },
});
