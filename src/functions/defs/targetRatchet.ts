import { isBlank } from '../../core/values/cell';
import { badCell } from '../../core/values/column';
import { fail } from '../../core/values/errors';
import { readNumber } from '../../core/values/number';
import { periodLabel, readPeriodLabels } from '../../core/time/periods';
import { type RatchetPoint, ratchet } from '../../core/measures/targetHealth/ratchet';
import { ratchetClause } from '../../core/measures/targetHealth/findings';
import { defineFormula } from '../types';

export const TARGET_RATCHET = defineFormula({
  name: 'TARGET_RATCHET',
  params: [
    { name: 'periods', kind: 'range' },
    { name: 'targets', kind: 'range' },
    { name: 'results', kind: 'range' },
  ],
  run({ periods, targets, results }) {
    const n = periods.cells.length;
    if (targets.cells.length !== n || results.cells.length !== n)
      fail(`periods has ${n} cells, targets ${targets.cells.length} and results ${results.cells.length}; give one of each per period`);
    const { spec, indexes } = readPeriodLabels(periods);
    // One point per period from the first label to the last: a period the row leaves out has no target.
    const first = indexes[0];
    const points: RatchetPoint[] = Array.from({ length: indexes[indexes.length - 1] - first + 1 }, () => ({
      target: null,
      result: null,
      complete: true,
    }));
    let j = 0;
    for (let i = 0; i < n; i++) {
      if (isBlank(periods.cells[i])) {
        if (!isBlank(targets.cells[i]) || !isBlank(results.cells[i])) badCell(periods, i, 'give the label of the period this is for');
        continue;
      }
      const at = indexes[j++] - first;
      if (at < 0 || (j > 1 && at <= indexes[j - 2] - first)) badCell(periods, i, 'the periods must run oldest first, each once');
      const t = readNumber(targets.cells[i]);
      const r = readNumber(results.cells[i]);
      if (t === undefined || (t !== null && !(t > 0))) badCell(targets, i, 'a target is an amount above 0, such as 250000');
      if (r === undefined) badCell(results, i, 'a result is an amount, such as what the period sold');
      points[at] = { target: t, result: r, complete: true };
    }
    const { steps, runs } = ratchet(points);
    const label = (p: number): string => periodLabel(first + p, spec);
    const out: (string | number | null)[][] = [['Period', 'Target', 'Result', 'Hit', 'Rise', 'Ratchet']];
    steps.forEach((s, p) =>
      out.push([label(p), s.target, s.result, s.hit === null ? null : s.hit ? 'Hit' : 'Missed', s.rise, s.flagged ? 'Ratchet' : null]),
    );
    const said = runs.map((run) => ratchetClause(run, spec.kind, label(run.from), label(run.to)));
    const text = said.length
      ? said.map((t) => `${t[0].toUpperCase()}${t.slice(1)}.`).join(' ')
      : `No ratchet: the targets never rose 3 ${spec.kind}s in a row by steps within 2 points of each other, also after a miss.`;
    out.push([text, null, null, null, null, null]);
    return out;
  },
});
