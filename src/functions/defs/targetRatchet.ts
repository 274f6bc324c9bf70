import { isBlank } from '../../core/values/cell';
import { badCell, where } from '../../core/values/column';
import { fail } from '../../core/values/errors';
import { readNumber } from '../../core/values/number';
import { type PeriodSpec, parsePeriodLabel, periodLabel, sameSpec } from '../../core/time/periods';
import { type RatchetPoint, ratchet } from '../../core/measures/targetHealth/ratchet';
import { ratchetClause } from '../../core/measures/targetHealth/findings';
import { HEALTH_RULES } from '../../core/measures/targetHealth/rules';
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
      fail(
        `periods has ${n} cells, targets ${targets.cells.length} and results ${results.cells.length}; ` +
          'give one target and one result per period, e.g. B1:M1, B2:M2 and B3:M3',
      );
    // One point per period from the first label to the last: a period the row leaves out has no target.
    let spec: PeriodSpec | null = null;
    let first = 0;
    let last = -1;
    let lastAt = -1;
    const byIndex = new Map<number, RatchetPoint>();
    for (let i = 0; i < n; i++) {
      const label = periods.cells[i];
      const t = readNumber(targets.cells[i]);
      const r = readNumber(results.cells[i]);
      if (isBlank(label)) {
        if (!isBlank(targets.cells[i]) || !isBlank(results.cells[i]))
          badCell(periods, i, 'this period has a target or a result; give its label, as PERIODS writes it');
        continue;
      }
      if (i === 0 && t === undefined && r === undefined && typeof label === 'string') {
        try {
          parsePeriodLabel(label);
        } catch {
          continue; // a header row
        }
      }
      if (typeof label !== 'string' && typeof label !== 'number') badCell(periods, i, 'expected a period label such as 2026-Q1');
      let p;
      try {
        p = parsePeriodLabel(String(label));
      } catch (e) {
        return badCell(periods, i, (e as Error).message.replace(/^"[^"]*" is not a period label; /, ''));
      }
      if (spec === null) spec = p.spec;
      else if (!sameSpec(spec, p.spec)) badCell(periods, i, 'the labels mix kinds of period; give one kind, e.g. a row from PERIODS');
      if (lastAt >= 0 && p.index <= last)
        badCell(periods, i, `the periods must run oldest first, each once; ${where(periods, lastAt)} is ${periodLabel(last, spec)}`);
      if (t === undefined) badCell(targets, i, 'a target is an amount above 0, such as 250000');
      if (r === undefined) badCell(results, i, 'a result is an amount, such as the sales of the period');
      if (t !== null && !(t > 0)) badCell(targets, i, 'a target is an amount above 0, such as 250000');
      if (lastAt < 0) first = p.index;
      last = p.index;
      lastAt = i;
      byIndex.set(p.index, { target: t, result: r, complete: true });
    }
    if (spec === null) return fail('periods holds no period label; give a row of labels as PERIODS writes them, e.g. 2026-Q1');
    const indexes = Array.from({ length: last - first + 1 }, (_, j) => first + j);
    const points = indexes.map((ix) => byIndex.get(ix) ?? { target: null, result: null, complete: true });
    const { steps, runs } = ratchet(points);
    const out: (string | number | null)[][] = [['Period', 'Target', 'Result', 'Hit', 'Rise', 'Ratchet']];
    steps.forEach((s, j) =>
      out.push([
        periodLabel(indexes[j], spec!),
        s.target,
        s.result,
        s.hit === null ? null : s.hit ? 'Hit' : 'Missed',
        s.rise,
        s.flagged ? 'Ratchet' : null,
      ]),
    );
    const said = runs.map((run) => {
      const text = ratchetClause(run, spec!.kind, periodLabel(indexes[run.from], spec!), periodLabel(indexes[run.to], spec!));
      return `${text[0].toUpperCase()}${text.slice(1)}.`;
    });
    out.push([
      said.length
        ? said.join(' ')
        : `No ratchet: the targets never rose ${HEALTH_RULES.ratchetRises} ${spec.kind}s in a row by steps within ` +
          `${HEALTH_RULES.ratchetPoints * 100} points of each other, also after a missed ${spec.kind}.`,
      null,
      null,
      null,
      null,
      null,
    ]);
    return out;
  },
});
