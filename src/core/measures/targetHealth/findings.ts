import { civilFromDays } from '../../time/days';
import type { PeriodKind } from '../../time/periods';
import type { CoastingCell } from './coasting';
import type { DiscountCell } from './discounting';
import type { PullForwardCell } from './pullForward';
import type { PushCell } from './push';
import type { RatchetRun } from './ratchet';
import type { ReturnsCell } from './returnsAfterPush';

/**
 * The sentences a manager reads beside the numbers: one per flagged row, its findings joined, e.g.
 * "2025-Q3: 24% of the quarter's sales came in its last 7 days, 2.6× the even share; 17% of what was sold
 * then came back, against 0.6% of the rest."
 */

/** What a row of target health can be flagged for. */
export type HealthFlag = 'push' | 'returns' | 'discounting' | 'pull_forward' | 'coasting' | 'ratchet';

/** How each flag is named to a manager (the Flags column, the command line). */
export const FLAG_WORDS: Readonly<Record<HealthFlag, string>> = {
  push: 'End-of-period push',
  returns: 'Returns after push',
  discounting: 'Discounting at the end',
  pull_forward: 'Pull-forward dip',
  coasting: 'Coasting after target',
  ratchet: 'Ratchet',
};

/** 0.243 → "24%", 0.0061 → "0.6%": whole percents from 10%, one decimal below. */
export function percent(x: number): string {
  const p = x * 100;
  if (Math.abs(p) >= 9.95) return `${Math.round(p)}%`;
  return `${(Math.round(p * 10) / 10).toFixed(1).replace(/\.0$/, '')}%`;
}

/** A rise such as 0.1043 → "10.4%". */
export function percentOne(x: number): string {
  return `${(Math.round(x * 1000) / 10).toFixed(1)}%`;
}

export function times(r: number): string {
  return `${(Math.round(r * 10) / 10).toFixed(1)}×`;
}

/** An amount: 12,345 from 100 up, else up to two decimals. */
export function amount(x: number): string {
  const neg = x < 0;
  const v = Math.abs(x);
  if (v >= 100) return `${neg ? '-' : ''}${String(Math.round(v)).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`;
  return `${neg ? '-' : ''}${String(Math.round(v * 100) / 100)}`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A day number as "14 Aug 2025". */
export function dayText(day: number): string {
  const { year, month, day: d } = civilFromDays(day);
  return `${d} ${MONTHS[month - 1]} ${year}`;
}

export interface RowFacts {
  readonly kind: PeriodKind;
  readonly lastDays: number;
  readonly push: PushCell;
  readonly returns: ReturnsCell | null;
  readonly discount: DiscountCell | null;
  readonly pullForward: PullForwardCell | null;
  readonly coasting: CoastingCell | null;
}

/** The clauses of a row's flagged findings, in the order push, returns, discounting, pull-forward, coasting. */
export function rowClauses(r: RowFacts): string[] {
  const out: string[] = [];
  const window = `its last ${r.lastDays} day${r.lastDays === 1 ? '' : 's'}`;
  const pushed = r.push.flagged;
  if (pushed) out.push(`${percent(r.push.share!)} of the ${r.kind}'s sales came in ${window}, ${times(r.push.ratio!)} the even share`);
  if (r.returns?.flagged) {
    const { push, rest } = r.returns;
    out.push(
      pushed
        ? `${percent(push.rate!)} of what was sold then came back, against ${percent(rest.rate!)} of the rest`
        : `${percent(push.rate!)} of what was sold in the ${r.kind}'s last ${r.lastDays} days came back, against ${percent(rest.rate!)} of the rest`,
    );
  }
  if (r.discount?.flagged) {
    const { push, rest } = r.discount;
    out.push(
      pushed || r.returns?.flagged
        ? `those sales were ${percent(push.rate!)} off list, against ${percent(rest.rate!)} for the rest of the ${r.kind}`
        : `sales in the ${r.kind}'s last ${r.lastDays} days were ${percent(push.rate!)} off list, against ${percent(rest.rate!)} for the rest of it`,
    );
  }
  if (r.pullForward?.flagged) {
    const pf = r.pullForward;
    out.push(
      `then ${pf.next} made only ${percent(pf.share!)} of its sales in its first ${r.lastDays} days, against an even ` +
        `${percent(pf.expected)}: sales pulled forward`,
    );
  }
  if (r.coasting?.flagged) {
    const c = r.coasting;
    out.push(
      `the ${r.kind}'s target of ${amount(c.target)} was reached on ${dayText(c.reached!)}, then sales ran at ` +
        `${amount(c.rateAfter!)} a day, against ${amount(c.rateBefore!)} a day before (${percent(c.ratio!)} of the pace)`,
    );
  }
  return out;
}

/** A ratchet run in words: by how much, from when to when, after how many misses. */
export function ratchetClause(run: RatchetRun, kind: PeriodKind, fromLabel: string, toLabel: string): string {
  const rises = run.to - run.from + 1;
  const step =
    percentOne(run.smallest) === percentOne(run.largest)
      ? `by ${percentOne(run.smallest)}`
      : `by ${percentOne(run.smallest)} to ${percentOne(run.largest)}`;
  const misses = `${run.afterMisses} ${kind}${run.afterMisses === 1 ? '' : 's'} that missed`;
  return (
    `targets rose ${step} every ${kind} for ${rises} ${kind}s in a row (${fromLabel} to ${toLabel}), ` +
    `also after ${misses}: a ratchet that ignores how the ${kind} went`
  );
}

/** Clauses as one sentence: "2025-Q3 (Tom Lee): …; …." */
export function sentence(label: string, rep: string | null, clauses: readonly string[]): string {
  return `${label}${rep ? ` (${rep})` : ''}: ${clauses.join('; ')}.`;
}
