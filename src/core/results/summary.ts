import { type Cell, isBlank, showCell } from '../values/cell';
import { type Column, columnLength, sameLength } from '../values/column';
import { type DateOptions, readDay } from '../values/date';
import { fail } from '../values/errors';
import { type PeriodSpec, periodLabel, periodOfDay } from '../time/periods';
import { median } from '../stats/median';
import { readStatus } from '../measures/improvementSummary';
import { customerKey } from '../survey/links';
import { READING } from './actionResults';

/**
 * Did the improvement work, over the whole tracker: how many done actions moved their measure (their
 * Measured result, ACTION_RESULT's reading), how many customers were unhappy again after the close, how
 * many were told what changed, and how long actions take to close by source and by owner. The first line
 * is the sentence the scorecard shows: "12 actions closed this quarter; 5 moved their measure; 3
 * customers told what changed".
 */
export interface TrackerResultColumns {
  readonly status: Column;
  readonly opened: Column;
  readonly closed: Column;
  readonly source: Column;
  readonly owner: Column;
  readonly customers: Column;
  readonly contact: Column;
  readonly replied: Column;
  /** ACTION_RESULT's Measured result and Unhappy again, row by row. */
  readonly results: Column;
  readonly unhappy: Column;
}

export interface ResultCounts {
  readonly done: number;
  readonly measured: number;
  readonly better: number;
  readonly worse: number;
  readonly same: number;
  readonly few: number;
  readonly reopened: number;
  readonly replied: number;
  /** Done with an address the customer left, and no reply sent. */
  readonly unreplied: number;
}

export interface GroupLine extends Pick<ResultCounts, 'done' | 'better' | 'reopened'> {
  readonly name: string;
  readonly medianDays: number | null;
}

export interface TrackerResults {
  readonly period: string;
  readonly closedInPeriod: number;
  readonly movedInPeriod: number;
  readonly worseInPeriod: number;
  readonly toldInPeriod: number;
  readonly all: ResultCounts;
  readonly bySource: readonly GroupLine[];
  readonly byOwner: readonly GroupLine[];
}

/** The most groups listed by source and by owner; the rest are added up as one line. */
export const MAX_GROUPS = 8;

type Kind = 'better' | 'worse' | 'same' | 'few' | null;

function kindOf(c: Cell): Kind {
  if (typeof c !== 'string') return null;
  if (c.startsWith(READING.better)) return 'better';
  if (c.startsWith(READING.worse)) return 'worse';
  if (c.startsWith(READING.same)) return 'same';
  if (c.startsWith(READING.few)) return 'few';
  return null;
}

const text = (c: Cell) => (isBlank(c) ? '' : String(c).trim());

interface Acc {
  name: string;
  done: number;
  better: number;
  reopened: number;
  days: number[];
}

function lines(groups: Map<string, Acc>): GroupLine[] {
  const sorted = [...groups.values()].sort((a, b) => b.done - a.done || a.name.localeCompare(b.name));
  const kept = sorted.length > MAX_GROUPS ? sorted.slice(0, MAX_GROUPS - 1) : sorted;
  const rest = sorted.slice(kept.length);
  const out = kept.map((g) => ({ name: g.name, done: g.done, better: g.better, reopened: g.reopened, medianDays: median(g.days) }));
  if (rest.length) {
    const all = rest.flatMap((g) => g.days);
    out.push({
      name: `${rest.length} others`,
      done: rest.reduce((n, g) => n + g.done, 0),
      better: rest.reduce((n, g) => n + g.better, 0),
      reopened: rest.reduce((n, g) => n + g.reopened, 0),
      medianDays: median(all),
    });
  }
  return out;
}

/** The tracker's results as of a day (the period is the one holding it). */
export function trackerResults(t: TrackerResultColumns, spec: PeriodSpec, dates: DateOptions, asOf: number): TrackerResults {
  sameLength(t.status, t.opened, t.closed, t.source, t.owner, t.customers, t.contact, t.replied, t.results, t.unhappy);
  const period = periodOfDay(asOf, spec);
  const all = { done: 0, measured: 0, better: 0, worse: 0, same: 0, few: 0, reopened: 0, replied: 0, unreplied: 0 };
  let closedInPeriod = 0;
  let movedInPeriod = 0;
  let worseInPeriod = 0;
  const told = new Set<string>();
  const bySource = new Map<string, Acc>();
  const byOwner = new Map<string, Acc>();
  const into = (groups: Map<string, Acc>, name: string) => {
    const k = name.toLowerCase();
    let g = groups.get(k);
    if (!g) groups.set(k, (g = { name, done: 0, better: 0, reopened: 0, days: [] }));
    return g;
  };
  const n = columnLength(t.status);
  for (let i = 0; i < n; i++) {
    const s = t.status.cells[i];
    if (isBlank(s) || typeof s !== 'string' || readStatus(s) !== 'done') continue;
    all.done++;
    const kind = kindOf(t.results.cells[i]);
    if (kind) {
      all[kind]++;
      if (kind !== 'few') all.measured++;
    }
    const reopened = !isBlank(t.unhappy.cells[i]) && !String(t.unhappy.cells[i]).startsWith('Could not tell');
    if (reopened) all.reopened++;
    const replied = !isBlank(t.replied.cells[i]);
    if (replied) all.replied++;
    else if (!isBlank(t.contact.cells[i])) all.unreplied++;
    const closed = readDay(t.closed.cells[i], dates);
    const opened = readDay(t.opened.cells[i], dates);
    if (closed === undefined && i > 0)
      fail(`row ${i + 1} of closed holds ${showCell(t.closed.cells[i])}; give the day each action was closed`);
    const days = typeof closed === 'number' && typeof opened === 'number' && closed >= opened ? closed - opened : null;
    for (const g of [into(bySource, text(t.source.cells[i]) || '(no source)'), into(byOwner, text(t.owner.cells[i]) || '(no owner)')]) {
      g.done++;
      if (kind === 'better') g.better++;
      if (reopened) g.reopened++;
      if (days !== null) g.days.push(days);
    }
    if (typeof closed === 'number' && closed <= asOf && periodOfDay(closed, spec) === period) {
      closedInPeriod++;
      if (kind === 'better') movedInPeriod++;
      if (kind === 'worse') worseInPeriod++;
      if (replied) told.add(customerKey(text(t.customers.cells[i])) || `#${i}`);
    }
  }
  return {
    period: periodLabel(period, spec),
    closedInPeriod,
    movedInPeriod,
    worseInPeriod,
    toldInPeriod: told.size,
    all,
    bySource: lines(bySource),
    byOwner: lines(byOwner),
  };
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** "12 actions closed this quarter (2026-Q4); 5 moved their measure; 3 customers told what changed". */
export function resultLine(r: TrackerResults, spec: PeriodSpec): string {
  const when = `this ${spec.kind} (${r.period})`;
  if (!r.closedInPeriod) return `No action closed ${when} yet`;
  const parts = [
    `${plural(r.closedInPeriod, 'action')} closed ${when}`,
    `${r.movedInPeriod.toLocaleString('en-US')} moved ${r.movedInPeriod === 1 ? 'its' : 'their'} measure`,
  ];
  if (r.worseInPeriod) parts.push(`${r.worseInPeriod.toLocaleString('en-US')} moved it the wrong way`);
  parts.push(`${plural(r.toldInPeriod, 'customer')} told what changed`);
  return parts.join('; ');
}
