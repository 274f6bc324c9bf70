import { type Cell, isBlank, showCell } from '../../core/values/cell';
import { fail } from '../../core/values/errors';
import { readNumber } from '../../core/values/number';
import { okrScore } from '../../core/measures/okr';
import { defineFormula } from '../types';

function num(c: Cell, name: string, r: number, k: number, shape: boolean): number | null {
  const x = readNumber(c);
  if (x === undefined) {
    fail(`${shape ? `row ${r + 1}, column ${k + 1} of ` : ''}${name} holds ${showCell(c)}; expected a number`);
  }
  return x;
}

export const OKR_SCORE = defineFormula({
  name: 'OKR_SCORE',
  params: [
    { name: 'start', kind: 'grid' },
    { name: 'current', kind: 'grid' },
    { name: 'target', kind: 'grid' },
  ],
  run({ start: s, current: c, target: t }) {
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
