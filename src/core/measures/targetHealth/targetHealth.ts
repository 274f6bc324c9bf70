import type { PeriodSpec } from '../../time/periods';
import { type CoastingCell, coastingCells } from './coasting';
import { type DiscountCell, discountCells } from './discounting';
import { type HealthFlag, ratchetClause, rowClauses, sentence } from './findings';
import { type HealthFrame, healthFrame, labelOf } from './frame';
import type { Groups } from './groups';
import { type PullForwardCell, pullForwardCells } from './pullForward';
import { type PushCell, pushCells } from './push';
import { type RatchetRun, type RatchetStep, ratchet } from './ratchet';
import { type HealthSales, nameKey } from './read';
import { type ReturnsCell, returnsCells } from './returnsAfterPush';
import type { Targets } from './targets';

/**
 * Target health, all of it (DOMAIN.md *Target health*): per period, and per rep where the sales have a rep
 * column, every side effect of sales targets the data allows, with a sentence for what is flagged.
 *
 * Rows: the team's (every sale) for every period from the first date to the last, then each rep's, reps in
 * name order, for the periods where the rep sold or has a target. A partial period (the data starts after
 * its first day or ends before its last) shows its numbers and is never flagged; a rep's row is never
 * flagged on fewer than 20 sales (on each side, for the measures that compare two sides).
 */
export type { HealthFlag };

export interface HealthRow {
  /** Period index and label (as PERIODS writes it). */
  readonly period: number;
  readonly label: string;
  /** null for the team's row. */
  readonly rep: string | null;
  readonly partial: boolean;
  readonly push: PushCell;
  /** null without a returned column. */
  readonly returns: ReturnsCell | null;
  /** null without a discount column. */
  readonly discount: DiscountCell | null;
  /** null when the next period is not in the data or is partial. */
  readonly pullForward: PullForwardCell | null;
  /** null without a target for this row's period. */
  readonly coasting: CoastingCell | null;
  /** null without a target for this row's period. */
  readonly ratchet: RatchetStep | null;
  readonly flags: readonly HealthFlag[];
  /** One sentence for the flagged findings; null when nothing is flagged. */
  readonly finding: string | null;
}

export interface HealthRun extends RatchetRun {
  readonly rep: string | null;
  readonly fromLabel: string;
  readonly toLabel: string;
}

export interface TargetHealth {
  readonly frame: HealthFrame;
  readonly rows: readonly HealthRow[];
  /** The ratchets found, the team's first. */
  readonly ratchets: readonly HealthRun[];
  /** The findings, in row order: one per flagged row. */
  readonly findings: readonly { readonly label: string; readonly rep: string | null; readonly sentence: string }[];
}

export function targetHealth(s: HealthSales, spec: PeriodSpec, lastDays: number, targets?: Targets | null): TargetHealth {
  const f = healthFrame(s.days, spec, lastDays);
  const k = f.count;

  // Groups: 0 = the team; then the reps of the sales and of the targets, in name order.
  const names: { key: string; name: string }[] = s.reps.map((name) => ({ key: nameKey(name), name }));
  const known = new Set(names.map((x) => x.key));
  if (targets) for (const [key, r] of targets.reps) if (!known.has(key)) names.push({ key, name: r.name });
  names.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const groupOfKey = new Map(names.map((x, i) => [x.key, i + 1]));
  let of: Int32Array | null = null;
  if (s.rep) {
    const bySales = s.reps.map((name) => groupOfKey.get(nameKey(name))!);
    const rep = s.rep;
    of = new Int32Array(rep.length); // a loop: Int32Array.from with a callback is 10× slower on a million rows
    for (let i = 0; i < rep.length; i++) of[i] = rep[i] < 0 ? -1 : bySales[rep[i]];
  }
  const g: Groups = { count: names.length + 1, of };

  const targetCells = new Float64Array(g.count * k).fill(NaN);
  if (targets) {
    const put = (group: number, byPeriod: ReadonlyMap<number, number>): void => {
      for (const [index, t] of byPeriod) {
        const p = index - f.first;
        if (p >= 0 && p < k) targetCells[group * k + p] = t;
      }
    };
    put(0, targets.team);
    for (const [key, r] of targets.reps) put(groupOfKey.get(key)!, r.byPeriod);
  }

  const push = pushCells(s, f, g);
  const returns = returnsCells(s, f, g);
  const discount = discountCells(s, f, g);
  const pull = pullForwardCells(push, f, g);
  const coasting = targets ? coastingCells(s, f, g, targetCells, push) : null;

  // Ratchets, per group with targets: the targets of its periods against what it sold.
  const steps: (RatchetStep | null)[] = new Array(g.count * k).fill(null);
  const runs: HealthRun[] = [];
  const runEnds = new Map<number, HealthRun[]>(); // cell → the runs whose sentence its row carries
  if (targets) {
    for (let group = 0; group < g.count; group++) {
      let any = false;
      for (let p = 0; p < k; p++) if (targetCells[group * k + p] === targetCells[group * k + p]) any = true;
      if (!any) continue;
      const points = Array.from({ length: k }, (_, p) => {
        const t = targetCells[group * k + p];
        return { target: t === t ? t : null, result: push[group * k + p].sales, complete: !f.partial[p] };
      });
      const r = ratchet(points);
      r.steps.forEach((st, p) => {
        if (st.target !== null) steps[group * k + p] = { ...st, flagged: st.flagged && !f.partial[p] };
      });
      for (const run of r.runs) {
        const hr: HealthRun = {
          ...run,
          rep: group === 0 ? null : names[group - 1].name,
          fromLabel: labelOf(f, run.from),
          toLabel: labelOf(f, run.to),
        };
        runs.push(hr);
        // Its sentence goes on the run's last whole period.
        let last = run.to;
        while (last >= run.from && f.partial[last]) last--;
        if (last >= run.from) {
          const at = group * k + last;
          runEnds.set(at, [...(runEnds.get(at) ?? []), hr]);
        }
      }
    }
  }

  const rows: HealthRow[] = [];
  const findings: { label: string; rep: string | null; sentence: string }[] = [];
  for (let group = 0; group < g.count; group++) {
    const rep = group === 0 ? null : names[group - 1].name;
    for (let p = 0; p < k; p++) {
      const at = group * k + p;
      const target = targetCells[at];
      if (group > 0 && push[at].count === 0 && target !== target) continue;
      const partial = f.partial[p] === 1;
      const row = {
        period: f.first + p,
        label: labelOf(f, p),
        rep,
        partial,
        push: push[at],
        returns: returns ? returns[at] : null,
        discount: discount ? discount[at] : null,
        pullForward: pull[at],
        coasting: coasting ? coasting[at] : null,
        ratchet: steps[at],
      };
      const flags: HealthFlag[] = [];
      if (!partial) {
        if (row.push.flagged) flags.push('push');
        if (row.returns?.flagged) flags.push('returns');
        if (row.discount?.flagged) flags.push('discounting');
        if (row.pullForward?.flagged) flags.push('pull_forward');
        if (row.coasting?.flagged) flags.push('coasting');
        if (row.ratchet?.flagged) flags.push('ratchet');
      }
      const clauses = partial ? [] : rowClauses({ ...row, kind: spec.kind, lastDays });
      for (const run of runEnds.get(at) ?? []) clauses.push(ratchetClause(run, spec.kind, run.fromLabel, run.toLabel));
      const finding = clauses.length ? sentence(row.label, rep, clauses) : null;
      if (finding) findings.push({ label: row.label, rep, sentence: finding });
      rows.push({ ...row, flags, finding });
    }
  }
  return { frame: f, rows, ratchets: runs, findings };
}
