import { type Cell, isBlank, showCell } from '../values/cell';
import { type Column, columnLength, sameLength } from '../values/column';
import { type DateOptions, readDay, readDayColumn } from '../values/date';
import { InputError } from '../values/errors';
import { readNumber } from '../values/number';
import { readScore } from '../values/score';
import { isoDay } from '../time/days';
import { npsRows } from '../measures/nps';
import { csatLabel, csatRows } from '../measures/csat';
import { comparisonRows } from '../measures/comparison';
import { returnRows } from '../measures/returns';
import { readStars, reviewRows } from '../measures/reviews';
import { onTimeState } from '../measures/onTime';
import { type RatioRows } from '../measures/ratio';
import { readStatus } from '../measures/improvementSummary';
import { customerKey } from '../survey/links';
import { CSAT_LOW_MAX, LOW_STARS_MAX } from '../tracker/actions';
import { MEASURE_WORDS_HELP, RESULT_MEASURES, type ResultMeasure, readResultMeasure } from './measure';
import { BASELINE_WINDOWS, EMPTY_WINDOW, MIN_ANSWERS, type Comparison, type WindowCount, compareWindows, windowValue } from './compare';
import { type DayWindow, type WindowSpec, afterWindow, beforeWindow, earlierWindows } from './window';

/**
 * An improvement action's measured result (DOMAIN.md: "the measure before and after"): for each action of
 * the tracker, the lead measure it names over the window before it was opened and the same window after it
 * was closed, for its customer where it names one (else for everyone), with the counts behind both numbers,
 * the change, the reading of compare.ts's rule, and whether the same customer was unhappy again in the
 * after window. Everything is computed from the source rows each time, so the tracker stays live.
 */
export interface FeedbackSource {
  readonly dates: Column;
  readonly customers?: Column;
  readonly scores?: Column;
  readonly satisfaction?: Column;
  readonly comparison?: Column;
}

export interface SalesSource {
  /** The sale (order) date: returns are counted by it. */
  readonly dates?: Column;
  readonly customers?: Column;
  readonly promised?: Column;
  readonly delivered?: Column;
  readonly sold?: Column;
  readonly returned?: Column;
}

export interface ReviewSource {
  readonly dates: Column;
  readonly stars: Column;
  readonly responded?: Column;
  readonly reviewers?: Column;
}

export interface ResultSources {
  readonly feedback?: FeedbackSource;
  readonly sales?: SalesSource;
  readonly reviews?: ReviewSource;
}

/** The tracker's columns an action's result reads, one row per action. */
export interface TrackerRows {
  readonly measures: Column;
  readonly customers: Column;
  readonly opened: Column;
  readonly closed: Column;
  readonly status: Column;
}

/** One action's result as the tracker shows it (text, so that each cell says what it counts). */
export interface ActionResult {
  readonly before: string;
  readonly after: string;
  readonly change: string;
  readonly result: string;
  readonly unhappyAgain: string;
}

export const RESULT_HEADERS = ['Before', 'After', 'Change', 'Measured result', 'Unhappy again'] as const;

/** How each reading begins: IMPROVEMENT_RESULTS counts them by these. */
export const READING = {
  better: 'Moved beyond routine variation (better)',
  worse: 'Moved beyond routine variation (worse)',
  same: 'No change',
  few: 'Too few answers to tell',
  none: 'Not measured',
} as const;

const BLANK: ActionResult = { before: '', after: '', change: '', result: '', unhappyAgain: '' };

// ------------------------------------------------------------------------------------------------
// The measures' rows, grouped by customer and sorted by day, with prefix sums for any window
// ------------------------------------------------------------------------------------------------

/** Rows of one customer (or everyone), by day, with running sums of n, num, den, pos, neg, num², num·den, den². */
interface Group {
  readonly day: Float64Array;
  readonly pre: readonly Float64Array[];
}

interface Series {
  readonly all: Group;
  readonly by: ReadonlyMap<string, Group> | null;
  /** The latest day the source has: an after window past it is still running. */
  readonly latest: number;
}

const FIELDS = 8;

function group(rows: readonly number[], day: ArrayLike<number>, num: ArrayLike<number>, den: ArrayLike<number>): Group {
  const order = [...rows].sort((a, b) => day[a] - day[b]);
  const n = order.length;
  const days = new Float64Array(n);
  const pre = Array.from({ length: FIELDS }, () => new Float64Array(n + 1));
  order.forEach((i, k) => {
    days[k] = day[i];
    const x = num[i];
    const d = den[i];
    const add = [1, x, d, x > 0 ? 1 : 0, x < 0 ? 1 : 0, x * x, x * d, d * d];
    for (let f = 0; f < FIELDS; f++) pre[f][k + 1] = pre[f][k] + add[f];
  });
  return { day: days, pre };
}

/** The first index whose day is ≥ d. */
function lowerBound(days: Float64Array, d: number): number {
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (days[mid] < d) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function sums(g: Group | undefined, w: DayWindow): WindowCount {
  if (!g) return EMPTY_WINDOW;
  const a = lowerBound(g.day, w.from);
  const b = lowerBound(g.day, w.to + 1);
  const s = (f: number) => g.pre[f][b] - g.pre[f][a];
  return { n: s(0), num: s(1), den: s(2), pos: s(3), neg: s(4), nn: s(5), nd: s(6), dd: s(7) };
}

const keyOf = (c: Cell): string => (isBlank(c) ? '' : customerKey(String(c)));

/** Groups the counted rows (den ≠ 0 with a day) by customer. */
function series(day: ArrayLike<number>, rows: RatioRows, customers: Column | undefined, latest: number): Series {
  const counted: number[] = [];
  for (let i = 0; i < rows.den.length; i++) if (rows.den[i] !== 0 && day[i] === day[i]) counted.push(i);
  let by: Map<string, Group> | null = null;
  if (customers) {
    const cells = customers.cells;
    const members = new Map<string, number[]>();
    for (const i of counted) {
      const k = keyOf(cells[i]);
      if (!k) continue;
      const list = members.get(k);
      if (list) list.push(i);
      else members.set(k, [i]);
    }
    by = new Map([...members].map(([k, list]) => [k, group(list, day, rows.num, rows.den)]));
  }
  return { all: group(counted, day, rows.num, rows.den), by, latest };
}

function latestOf(...cols: (Float64Array | null)[]): number {
  let m = -Infinity;
  for (const c of cols) if (c) for (let i = 0; i < c.length; i++) if (c[i] > m) m = c[i];
  return m;
}

/** Reads each measure's rows once, when an action first needs them; a column that cannot be read fails its measure only. */
class Readers {
  private readonly made = new Map<ResultMeasure, Series | string>();
  private daysMemo = new Map<Column, Float64Array>();

  constructor(
    private readonly src: ResultSources,
    private readonly dates: DateOptions,
  ) {}

  private days(c: Column): Float64Array {
    let d = this.daysMemo.get(c);
    if (!d) this.daysMemo.set(c, (d = readDayColumn(c, this.dates)));
    return d;
  }

  of(m: ResultMeasure): Series | string {
    let s = this.made.get(m);
    if (s === undefined) {
      try {
        s = this.read(m);
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        s = e.message;
      }
      this.made.set(m, s);
    }
    return s;
  }

  /** The source's customer column when the measure's source has one. */
  hasCustomers(m: ResultMeasure): boolean {
    const { feedback, sales, reviews } = this.src;
    const source = RESULT_MEASURES[m].source;
    return !!(source === 'feedback' ? feedback?.customers : source === 'sales' ? sales?.customers : reviews?.reviewers);
  }

  private read(m: ResultMeasure): Series | string {
    const { feedback: f, sales: s, reviews: r } = this.src;
    const missing = (what: string) => `no ${what} given for ${RESULT_MEASURES[m].name}`;
    if (m === 'nps' || m === 'csat' || m === 'net_comparison') {
      const col = m === 'nps' ? f?.scores : m === 'csat' ? f?.satisfaction : f?.comparison;
      if (!f || !col)
        return missing(m === 'nps' ? 'referral scores' : m === 'csat' ? 'satisfaction ratings' : 'answers to the comparison question');
      sameLength(f.dates, col, ...(f.customers ? [f.customers] : []));
      const day = this.days(f.dates);
      const rows = m === 'nps' ? npsRows(col) : m === 'csat' ? csatRows(col) : comparisonRows(col);
      return series(day, rows, f.customers, latestOf(day));
    }
    if (m === 'on_time') {
      if (!s?.promised || !s.delivered) return missing('promised and delivered dates');
      sameLength(s.promised, s.delivered, ...(s.customers ? [s.customers] : []));
      const p = this.days(s.promised);
      const d = this.days(s.delivered);
      // DOMAIN.md: an order not delivered is late once its promised day has passed, judged as of the latest date in the two columns.
      const asOf = latestOf(p, d);
      const num = new Float64Array(p.length);
      const den = new Float64Array(p.length);
      for (let i = 0; i < p.length; i++) {
        const state = onTimeState(p[i], d[i], asOf);
        if (state === 0) continue;
        den[i] = 1;
        num[i] = state === 2 ? 1 : 0;
      }
      return series(p, { num, den }, s.customers, asOf);
    }
    if (m === 'return_rate') {
      if (!s?.dates || !s.sold || !s.returned) return missing('sale dates, quantities sold and returned');
      sameLength(s.dates, s.sold, s.returned, ...(s.customers ? [s.customers] : []));
      const day = this.days(s.dates);
      return series(day, returnRows(s.sold, s.returned), s.customers, latestOf(day));
    }
    if (!r || !r.responded) return missing('reviews with their stars and whether each was answered');
    sameLength(r.dates, r.stars, r.responded, ...(r.reviewers ? [r.reviewers] : []));
    const day = this.days(r.dates);
    return series(day, reviewRows(r.stars, r.responded, LOW_STARS_MAX), r.reviewers, latestOf(day));
  }

  private unhappy: { by: Map<string, { day: number; what: string }[]>; problem: string | null } | null = null;

  /**
   * Every unhappy signal by customer, as the loop defines them (core/tracker/actions.ts): a referral score
   * of 6 or less, a "worse", a satisfaction of 2 or less, a review of 2 stars or fewer.
   */
  unhappyBy(): { by: Map<string, { day: number; what: string }[]>; problem: string | null } {
    if (this.unhappy) return this.unhappy;
    const by = new Map<string, { day: number; what: string }[]>();
    let problem: string | null = null;
    const add = (who: Cell, day: number, what: string) => {
      const k = keyOf(who);
      if (!k || day !== day) return;
      const list = by.get(k);
      if (list) list.push({ day, what });
      else by.set(k, [{ day, what }]);
    };
    const attempt = (fn: () => void) => {
      try {
        fn();
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        problem ??= e.message;
      }
    };
    const { feedback: f, reviews: r } = this.src;
    const some = (c: Column | undefined): c is Column => !!c && c.cells.some((x) => !isBlank(x));
    if (f?.customers) {
      const who = f.customers.cells;
      attempt(() => {
        const day = this.days(f.dates);
        if (some(f.scores)) {
          const cells = f.scores.cells;
          const rows = npsRows(f.scores);
          for (let i = 0; i < rows.den.length; i++)
            if (rows.den[i] && rows.num[i] < 0) add(who[i], day[i], `referral score ${readScore(cells[i])} of 10`);
        }
        if (some(f.comparison)) {
          const rows = comparisonRows(f.comparison);
          for (let i = 0; i < rows.den.length; i++) if (rows.den[i] && rows.num[i] < 0) add(who[i], day[i], 'worse than others');
        }
        if (some(f.satisfaction)) {
          csatRows(f.satisfaction); // the same checks as the measure's, with the cell that fails named
          f.satisfaction.cells.forEach((c, i) => {
            const v = typeof c === 'string' ? (csatLabel(c) ?? readNumber(c)) : readNumber(c);
            if (typeof v === 'number' && v <= CSAT_LOW_MAX) add(who[i], day[i], `satisfaction ${v} of 5`);
          });
        }
      });
    }
    if (r?.reviewers) {
      const who = r.reviewers.cells;
      attempt(() => {
        const day = this.days(r.dates);
        r.stars.cells.forEach((c, i) => {
          const s = readStars(c);
          if (typeof s === 'number' && s <= LOW_STARS_MAX) add(who[i], day[i], `${s}-star review`);
        });
      });
    }
    for (const list of by.values()) list.sort((a, b) => a.day - b.day);
    return (this.unhappy = { by, problem });
  }
}

// ------------------------------------------------------------------------------------------------
// How the numbers read
// ------------------------------------------------------------------------------------------------

const sign = (x: number, text: string) => (x > 0 ? `+${text}` : x < 0 ? `-${text}` : text);
const fixed = (x: number, places: number) => {
  const s = Math.abs(x).toFixed(places);
  return places && /\.0+$/.test(s) ? s.replace(/\.0+$/, '') : s;
};
/** Places a measure's value is shown with: NPS and percentages whole, returns to a tenth of a percent. */
const places = (m: ResultMeasure) => (m === 'return_rate' ? 1 : 0);

/** A value as the tracker shows it: NPS in points, the rest in percent. */
export function valueText(m: ResultMeasure, v: number): string {
  const x = m === 'nps' ? v : 100 * v;
  const t = fixed(x, places(m));
  const shown = Number(t) === 0 ? t : x < 0 ? `-${t}` : t;
  return m === 'nps' ? shown : `${shown}%`;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
const amount = (x: number) => (Number.isInteger(x) ? x.toLocaleString('en-US') : x.toLocaleString('en-US', { maximumFractionDigits: 2 }));

function countText(m: ResultMeasure, c: WindowCount): string {
  switch (m) {
    case 'nps':
    case 'net_comparison':
      return plural(c.n, 'answer');
    case 'csat':
      return `${c.num} of ${plural(c.n, 'answer')} satisfied`;
    case 'on_time':
      return `${c.num} of ${plural(c.n, 'order')} due on time`;
    case 'return_rate':
      return `${amount(c.num)} of ${amount(c.den)} sold came back; ${plural(c.n, 'sale')}`;
    case 'review_response':
      return `${c.num} of ${plural(c.n, 'low review')} answered`;
  }
}

const NONE: Record<ResultMeasure, string> = {
  nps: 'no answers',
  csat: 'no answers',
  net_comparison: 'no answers',
  on_time: 'no orders due',
  return_rate: 'no sales',
  review_response: 'no low reviews',
};

function windowText(m: ResultMeasure, c: WindowCount): string {
  const v = windowValue(m, c);
  return v === null ? NONE[m] : `${valueText(m, v)} (${countText(m, c)})`;
}

function changeText(m: ResultMeasure, before: WindowCount, after: WindowCount): string {
  const b = windowValue(m, before);
  const a = windowValue(m, after);
  if (a === null || b === null) return '';
  const d = m === 'nps' ? a - b : 100 * (a - b);
  const t = fixed(d, places(m));
  return `${Number(t) === 0 ? t : sign(d, t)} point${t === '1' ? '' : 's'}`;
}

function readingText(m: ResultMeasure, c: Comparison, before: WindowCount, after: WindowCount): string {
  const units = RESULT_MEASURES[m].unit;
  const counts = `${plural(before.n, units)} before, ${after.n.toLocaleString('en-US')} after`;
  if (c.verdict === 'few') return `${READING.few} (at least ${MIN_ANSWERS} ${units}s needed before and after; ${counts})`;
  const lim = c.limits && { n: c.limits.windows, range: `${valueText(m, c.limits.lower)} to ${valueText(m, c.limits.upper)}` };
  if (c.verdict === 'same')
    return `${READING.same} (within routine variation: ${lim ? `the limits of the ${lim.n} windows before are ${lim.range}` : `within chance at 95% for ${counts}`})`;
  const head = c.verdict === 'better' ? READING.better : READING.worse;
  return `${head}: ${lim ? `after the close it is outside the limits of the ${lim.n} windows before (${lim.range})` : `beyond chance at 95% for ${counts}`}`;
}

// ------------------------------------------------------------------------------------------------
// Each action
// ------------------------------------------------------------------------------------------------

const text = (c: Cell) => (isBlank(c) ? '' : c instanceof Date ? '' : String(c).trim());

function dayOf(c: Cell, dates: DateOptions, what: string): number | string | null {
  const d = readDay(c, dates);
  if (d === null) return null;
  return d === undefined ? `${what} holds ${showCell(c)}; give a date such as 2026-06-30` : d;
}

/** Whether the first row is the tracker's header (its measure and opened cells are text that is neither). */
function headerRow(t: TrackerRows, dates: DateOptions): boolean {
  if (!columnLength(t.measures)) return false;
  const m = t.measures.cells[0];
  const o = t.opened.cells[0];
  return typeof m === 'string' && !isBlank(m) && !readResultMeasure(m) && typeof o === 'string' && readDay(o, dates) === undefined;
}

/**
 * The result of every action (row) of the tracker: a header row first when the ranges start with the
 * tracker's headers, then one row per row of the ranges down to the last that holds an action.
 */
export function actionResults(
  t: TrackerRows,
  sources: ResultSources,
  window: WindowSpec,
  dates: DateOptions,
): { header: boolean; rows: ActionResult[] } {
  sameLength(t.measures, t.customers, t.opened, t.closed, t.status);
  const readers = new Readers(sources, dates);
  const header = headerRow(t, dates);
  const n = columnLength(t.measures);
  const cols = [t.measures, t.customers, t.opened, t.closed, t.status].map((c) => c.cells);
  let last = n - 1;
  while (last >= (header ? 1 : 0) && cols.every((c) => isBlank(c[last]))) last--;
  const rows: ActionResult[] = [];
  for (let i = header ? 1 : 0; i <= last; i++) rows.push(oneAction(cols.map((c) => c[i]) as Row, readers, window, dates));
  return { header, rows };
}

type Row = [measure: Cell, customer: Cell, opened: Cell, closed: Cell, status: Cell];

/** Not measured, and why: shown for a done action only (an open one is still being worked on). */
const notMeasured = (why: string): ActionResult => ({ ...BLANK, result: `${READING.none}: ${why}` });

function oneAction(
  [measureCell, customerCell, openedCell, closedCell, statusCell]: Row,
  readers: Readers,
  window: WindowSpec,
  dates: DateOptions,
): ActionResult {
  if ([measureCell, customerCell, openedCell, closedCell, statusCell].every(isBlank)) return BLANK;
  const statusText = text(statusCell);
  const status = statusText ? readStatus(statusText) : 'open';
  if (status === 'dropped') return BLANK;
  const done = status === 'done';
  if (status === undefined) return notMeasured(`Status holds ${showCell(statusCell)}; choose open, in progress, done or dropped`);
  const measureText = text(measureCell);
  const m = measureText ? readResultMeasure(measureText) : undefined;
  if (!m)
    return done
      ? notMeasured(
          measureText
            ? `"${measureText}" is not a lead measure it can measure; ${MEASURE_WORDS_HELP}`
            : 'name the lead measure the action should move',
        )
      : BLANK;
  const opened = dayOf(openedCell, dates, 'Opened');
  if (typeof opened === 'string') return notMeasured(opened);
  if (opened === null) return done ? notMeasured('give the day it was opened in Opened') : BLANK;
  const s = readers.of(m);
  if (typeof s === 'string') return done ? notMeasured(s) : BLANK;
  const who = text(customerCell);
  if (who && !readers.hasCustomers(m))
    return done
      ? notMeasured(`the data for ${RESULT_MEASURES[m].name} has no customer column, so ${who}'s own cannot be told apart`)
      : BLANK;
  const g = who ? s.by!.get(customerKey(who)) : s.all;
  const beforeWin = beforeWindow(window, opened);
  const before = sums(g, beforeWin);
  const beforeShown = windowText(m, before);
  if (!done) return { ...BLANK, before: beforeShown };
  const closed = dayOf(closedCell, dates, 'Closed');
  if (typeof closed === 'string') return notMeasured(closed);
  if (closed === null) return { ...notMeasured('give the day it was closed in Closed'), before: beforeShown };
  if (closed < opened) return { ...notMeasured('Closed is before Opened; check the two dates'), before: beforeShown };
  const afterWin = afterWindow(window, closed);
  const after = sums(g, afterWin);
  const history = earlierWindows(window, beforeWin, BASELINE_WINDOWS - 1).map((w) => sums(g, w));
  const c = compareWindows(m, before, after, history);
  const running = afterWin.to > s.latest;
  const soFar = running
    ? `; so far: the data ends ${s.latest === -Infinity ? 'before it' : isoDay(s.latest)} and the comparison after the close runs to ${isoDay(afterWin.to)}`
    : '';
  let unhappyAgain = '';
  if (who) {
    const { by, problem } = readers.unhappyBy();
    const hit = (by.get(customerKey(who)) ?? []).find((e) => e.day > closed && e.day <= afterWin.to);
    unhappyAgain = hit ? `${isoDay(hit.day)}: ${hit.what}` : problem ? `Could not tell: ${problem}` : '';
  }
  return {
    before: beforeShown,
    after: windowText(m, after),
    change: changeText(m, before, after),
    result: readingText(m, c, before, after) + soFar,
    unhappyAgain,
  };
}
