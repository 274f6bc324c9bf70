import { civilFromDays, daysFromCivil, isoDay } from './days';
import { type Column, badCell, where } from '../values/column';
import { isBlank } from '../values/cell';
import { fail } from '../values/errors';

/**
 * Periods, in one place: the kinds, the words a user types for them ("quarter:jul"), the labels written
 * for them and read back, and stepping from one to the next.
 *
 * A period is a value: its spec (kind + the month its fiscal year starts) and an index. Consecutive
 * periods have consecutive indexes, so "every period between the first and the last" is a range of
 * integers and stepping is adding one.
 *
 * Labels (written by PERIODS, PERIOD_SERIES, NPS_BY_PERIOD..., read back by MEASURE_SERIES):
 * - week: ISO 8601, Monday start, by ISO week-year: `2026-W05`;
 * - month `2026-01`; quarter `2026-Q1`; year `2026` (calendar years, January start);
 * - a fiscal year that starts in another month is named by the calendar year it ends in, and its label
 *   carries the start, so that it reads back with no assumption: the month the period itself begins is
 *   written in parentheses. With a July start: `FY2027-Q1 (Jul)`, `FY2027-Q2 (Oct)`, and the year
 *   `FY2027 (Jul)`.
 */
export type PeriodKind = 'week' | 'month' | 'quarter' | 'year';

export interface PeriodSpec {
  readonly kind: PeriodKind;
  /** 1 = January (calendar years). Always 1 for weeks and months. */
  readonly fiscalStartMonth: number;
}

/** One period: its kind and fiscal year, and its index among periods of that spec. */
export interface Period {
  readonly spec: PeriodSpec;
  readonly index: number;
}

export function calendarSpec(kind: PeriodKind): PeriodSpec {
  return { kind, fiscalStartMonth: 1 };
}

export function sameSpec(a: PeriodSpec, b: PeriodSpec): boolean {
  return a.kind === b.kind && a.fiscalStartMonth === b.fiscalStartMonth;
}

// ------------------------------------------------------------------------------------------------
// The words a user types: "month", "Quarterly", "quarter:apr", "year:4"
// ------------------------------------------------------------------------------------------------

const KIND_WORDS: Record<string, PeriodKind> = {
  week: 'week',
  weeks: 'week',
  weekly: 'week',
  w: 'week',
  isoweek: 'week',
  month: 'month',
  months: 'month',
  monthly: 'month',
  m: 'month',
  quarter: 'quarter',
  quarters: 'quarter',
  quarterly: 'quarter',
  q: 'quarter',
  year: 'year',
  years: 'year',
  yearly: 'year',
  annual: 'year',
  y: 'year',
};
const MONTH_WORDS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export const PERIOD_HELP = 'give "week", "month", "quarter" or "year" (for a fiscal year add its first month: "quarter:apr")';

/** A month by name ("apr", "April", "Sept") or number ("4"): 1–12, or undefined. */
function monthOf(text: string): number | undefined {
  const t = text.trim().toLowerCase();
  const byName = t.length >= 3 ? MONTH_WORDS.indexOf(t.slice(0, 3)) : -1;
  if (byName >= 0) return byName + 1;
  const n = /^\d{1,2}$/.test(t) ? Number(t) : NaN;
  return n >= 1 && n <= 12 ? n : undefined;
}

/** The spec a user's period words name, or the help to show when they name none. */
export function readPeriodWords(text: string): PeriodSpec | { readonly hint: string } {
  const [word, start] = text
    .trim()
    .toLowerCase()
    .split(/\s*[:/ ]\s*/);
  const kind = KIND_WORDS[word];
  if (!kind) return { hint: PERIOD_HELP };
  if (start === undefined || start === '') return calendarSpec(kind);
  if (kind === 'week' || kind === 'month') return { hint: `a fiscal start applies to quarters and years only; give "${kind}" alone` };
  const fiscalStartMonth = monthOf(start);
  if (fiscalStartMonth === undefined) return { hint: `name the fiscal year's first month, e.g. "${kind}:apr"` };
  return { kind, fiscalStartMonth };
}

/** Reads "month", "Quarterly", "quarter:apr", "year:4"; blank gives the fallback. Throws InputError. */
export function parsePeriod(text: unknown, fallback: PeriodKind = 'month'): PeriodSpec {
  if (text === undefined || text === null || text === '') return calendarSpec(fallback);
  if (typeof text !== 'string') return fail(`period ${JSON.stringify(text)} is not a period name; ${PERIOD_HELP}`);
  const spec = readPeriodWords(text);
  if ('hint' in spec) return fail(`unknown period "${text}"; ${spec.hint}`);
  return spec;
}

// ------------------------------------------------------------------------------------------------
// Days to periods and back
// ------------------------------------------------------------------------------------------------

/** The index of the period holding a day. Consecutive periods have consecutive indexes. */
export function periodOfDay(day: number, spec: PeriodSpec): number {
  if (spec.kind === 'week') return Math.floor((day + 3) / 7); // day 0 is a Thursday
  const { year, month } = civilFromDays(day);
  const m = year * 12 + (month - 1) - (spec.fiscalStartMonth - 1);
  if (spec.kind === 'month') return m;
  if (spec.kind === 'quarter') return Math.floor(m / 3);
  return Math.floor(m / 12);
}

/** Days remembered by a period indexer, around the first one it misses: about 45 years. */
const INDEX_WINDOW = 1 << 14;
const UNKNOWN = -0x80000000;

/**
 * A bucketing function with a cache of the last period seen (dates in pasted data come in runs) and, for
 * dates in any order (a sheet sorted by customer), each day's period remembered in a window of days.
 */
export function periodIndexer(spec: PeriodSpec): (day: number) => number {
  if (spec.kind === 'week') return (day) => Math.floor((day + 3) / 7);
  let lastStart = 1;
  let lastEnd = 0; // [lastStart, lastEnd] is the period of the last lookup
  let lastIndex = 0;
  let memo: Int32Array | null = null;
  let base = 0;
  return (day) => {
    if (day >= lastStart && day <= lastEnd) return lastIndex;
    if (memo === null) {
      base = day - (INDEX_WINDOW >> 1);
      memo = new Int32Array(INDEX_WINDOW).fill(UNKNOWN);
    }
    const k = day - base;
    const inWindow = k >>> 0 === k && k < INDEX_WINDOW;
    if (inWindow && memo[k] !== UNKNOWN) return memo[k];
    const { year, month } = civilFromDays(day);
    lastStart = daysFromCivil(year, month, 1);
    lastEnd = (month === 12 ? daysFromCivil(year + 1, 1, 1) : daysFromCivil(year, month + 1, 1)) - 1;
    const m = year * 12 + (month - 1) - (spec.fiscalStartMonth - 1);
    lastIndex = spec.kind === 'month' ? m : spec.kind === 'quarter' ? Math.floor(m / 3) : Math.floor(m / 12);
    if (inWindow) memo[k] = lastIndex;
    return lastIndex;
  };
}

/** Calendar months since year 0 at which a period begins. */
function startMonth(index: number, spec: PeriodSpec): number {
  const months = spec.kind === 'month' ? index : spec.kind === 'quarter' ? index * 3 : index * 12;
  return months + (spec.fiscalStartMonth - 1);
}

/** First day of a period. */
export function periodStart(index: number, spec: PeriodSpec): number {
  if (spec.kind === 'week') return index * 7 - 3;
  const m = startMonth(index, spec);
  return daysFromCivil(Math.floor(m / 12), (m % 12) + 1, 1);
}

/** Last day of a period. */
export function periodEnd(index: number, spec: PeriodSpec): number {
  return periodStart(index + 1, spec) - 1;
}

/** Stepping: the `count` periods that end with the period holding the latest of `days` (NaN = no date), oldest first. */
export function periodsEndingAtLatest(days: ArrayLike<number>, spec: PeriodSpec, count: number): number[] | null {
  let last = -Infinity;
  for (let i = 0; i < days.length; i++) if (days[i] > last) last = days[i];
  if (last === -Infinity) return null;
  const end = periodOfDay(last, spec);
  return Array.from({ length: count }, (_, i) => end - count + 1 + i);
}

// ------------------------------------------------------------------------------------------------
// How many periods a formula lists
// ------------------------------------------------------------------------------------------------

/**
 * The most periods a formula lists, one row each. A single mistyped date (9999-12-31 among 2026's) would
 * otherwise make PERIOD_SERIES list 416,064 weeks; the cap turns that into an error naming the date.
 */
export const MAX_PERIODS = 5000;

const KIND_PLURAL: Record<PeriodKind, string> = { week: 'weeks', month: 'months', quarter: 'quarters', year: 'years' };

function grouped(n: number): string {
  const s = String(n);
  let out = '';
  for (let i = 0; i < s.length; i++) out += (i > 0 && (s.length - i) % 3 === 0 ? ',' : '') + s[i];
  return out;
}

/**
 * Fails when the dates span more than MAX_PERIODS periods of the spec. The error names the date that
 * stretches the span, and where it is: of the earliest and the latest date (among the rows `only`
 * keeps), the one further from the median date. Days are day numbers, NaN for a row without a date.
 */
export function checkPeriodSpan(
  firstPeriod: number,
  lastPeriod: number,
  spec: PeriodSpec,
  days: ArrayLike<number>,
  dates?: Column,
  only?: (i: number) => boolean,
): void {
  const count = lastPeriod - firstPeriod + 1;
  if (count <= MAX_PERIODS) return;
  let lo = -1;
  let hi = -1;
  const kept = new Float64Array(days.length);
  let m = 0;
  for (let i = 0; i < days.length; i++) {
    const d = days[i];
    if (d !== d || (only !== undefined && !only(i))) continue;
    kept[m++] = d;
    if (lo < 0 || d < days[lo]) lo = i;
    if (hi < 0 || d > days[hi]) hi = i;
  }
  const span = `the dates span ${grouped(count)} ${KIND_PLURAL[spec.kind]}, more than the ${grouped(MAX_PERIODS)} periods a formula lists`;
  if (lo < 0) return fail(`${span}; check the dates`);
  const mid = kept.subarray(0, m).sort()[m >> 1];
  const culprit = days[hi] - mid >= mid - days[lo] ? hi : lo;
  const at = dates ? where(dates, culprit) : `row ${culprit + 1} of the dates`;
  fail(
    `${span} (${isoDay(days[lo])} to ${isoDay(days[hi])}); ${at} holds ${isoDay(days[culprit])}: ` +
      `correct that date or leave its row out${spec.kind === 'year' ? '' : ', or choose a longer period such as "year"'}`,
  );
}

// ------------------------------------------------------------------------------------------------
// Labels: written, and read back
// ------------------------------------------------------------------------------------------------

const two = (n: number) => `${n < 10 ? '0' : ''}${n}`;

export function periodLabel(index: number, spec: PeriodSpec): string {
  if (spec.kind === 'week') {
    const thursday = index * 7; // the Monday is index·7 − 3; the ISO week-year is the year of the week's Thursday
    const { year } = civilFromDays(thursday);
    const week = Math.floor((thursday - daysFromCivil(year, 1, 1)) / 7) + 1;
    return `${year}-W${two(week)}`;
  }
  if (spec.kind === 'month') return `${Math.floor(index / 12)}-${two((index % 12) + 1)}`;
  const yearIndex = spec.kind === 'quarter' ? Math.floor(index / 4) : index;
  const quarter = spec.kind === 'quarter' ? `-Q${(index % 4) + 1}` : '';
  if (spec.fiscalStartMonth === 1) return `${yearIndex}${quarter}`;
  // Fiscal years are named by the calendar year they end in; the label names the month its period begins.
  return `FY${yearIndex + 1}${quarter} (${MONTH_NAMES[startMonth(index, spec) % 12]})`;
}

export const LABEL_HELP =
  'give period labels as PERIODS writes them, such as 2026-01, 2026-Q1, 2026-W05, 2026, FY2027-Q1 (Jul) or FY2027 (Jul)';
const FISCAL_HELP =
  'a fiscal label names the month its period begins, as PERIODS writes it: FY2027-Q1 (Jul); make the row with PERIODS(dates, "quarter:jul")';

/** The period a label names, or the help to show when it names none. */
function readLabel(text: string): Period | { readonly hint: string } {
  const t = text.trim();
  let m = /^(\d{4})-W(\d{2})$/.exec(t);
  if (m) {
    const year = Number(m[1]);
    const week = Number(m[2]);
    // Monday of ISO week 1 is the Monday on or before January 4th.
    const jan4 = daysFromCivil(year, 1, 4);
    const monday = jan4 - ((((jan4 + 3) % 7) + 7) % 7);
    const index = Math.floor((monday + 3) / 7) + week - 1;
    const spec = calendarSpec('week');
    return week >= 1 && periodLabel(index, spec) === t ? { spec, index } : { hint: LABEL_HELP };
  }
  m = /^(\d{4})-(\d{2})$/.exec(t);
  if (m) {
    const month = Number(m[2]);
    return month >= 1 && month <= 12 ? { spec: calendarSpec('month'), index: Number(m[1]) * 12 + month - 1 } : { hint: LABEL_HELP };
  }
  m = /^(\d{4})-Q([1-4])$/.exec(t);
  if (m) return { spec: calendarSpec('quarter'), index: Number(m[1]) * 4 + Number(m[2]) - 1 };
  m = /^(\d{4})$/.exec(t);
  if (m) return { spec: calendarSpec('year'), index: Number(m[1]) };
  m = /^FY(\d{4})(?:-Q([1-4]))?(?:\s*\(\s*([A-Za-z]+)\.?\s*\))?$/i.exec(t);
  if (m) {
    const begins = m[3] === undefined ? undefined : monthOf(m[3]);
    if (begins === undefined) return { hint: FISCAL_HELP };
    const quarter = m[2] === undefined ? 0 : Number(m[2]);
    // The fiscal year starts 3 months before its second quarter begins, and so on.
    const fiscalStartMonth = ((((begins - 1 - 3 * Math.max(0, quarter - 1)) % 12) + 12) % 12) + 1;
    if (fiscalStartMonth === 1) return { hint: `a fiscal year that starts in January is the calendar year; ${LABEL_HELP}` };
    const yearIndex = Number(m[1]) - 1;
    return quarter === 0
      ? { spec: { kind: 'year', fiscalStartMonth }, index: yearIndex }
      : { spec: { kind: 'quarter', fiscalStartMonth }, index: yearIndex * 4 + quarter - 1 };
  }
  return { hint: LABEL_HELP };
}

/** Reads a label back into its period, with no assumption about fiscal years. Throws InputError. */
export function parsePeriodLabel(label: string): Period {
  const p = readLabel(label);
  if ('hint' in p) return fail(`"${label}" is not a period label; ${p.hint}`);
  return p;
}

/**
 * A row (or column) of period labels, as PERIODS makes for a scorecard's header: blanks are left out,
 * and every label must be of one kind and fiscal year.
 */
export function readPeriodLabels(labels: Column): { spec: PeriodSpec; indexes: number[] } {
  const cells = labels.cells;
  let first = -1;
  let spec: PeriodSpec | null = null;
  const indexes: number[] = [];
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    if (isBlank(c)) continue;
    const p = typeof c === 'string' || typeof c === 'number' ? readLabel(String(c)) : { hint: LABEL_HELP };
    if ('hint' in p) return badCell(labels, i, p.hint);
    if (spec === null) {
      spec = p.spec;
      first = i;
    } else if (!sameSpec(spec, p.spec)) {
      return badCell(
        labels,
        i,
        `the row mixes kinds of period: the first label is ${String(cells[first])}; give one kind, e.g. a row from PERIODS`,
      );
    }
    indexes.push(p.index);
  }
  if (spec === null) return fail(`${labels.name} is empty; give a row of period labels, e.g. from PERIODS`);
  return { spec, indexes };
}
