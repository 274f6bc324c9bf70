import { signalAt } from '../sources/table';
import { type Column } from '../values/column';
import { type DateOptions, cachedDayColumn } from '../values/date';
import { type PeriodSpec, calendarSpec, periodLabel, periodsEndingAtLatest } from '../time/periods';
import { type Cell } from '../values/cell';
import { isoDay } from '../time/days';
import { readTargets } from '../measures/targetHealth/targets';
import { type HealthFlag, type HealthRow, targetHealth } from '../measures/targetHealth/targetHealth';
import { MEASURES, type MeasureId, type Source } from './measures';
import { type Role } from '../tables/roles';
import { type MeasureRow, type SourceSeries } from '../sources/sourceSeries';
import { salesSeries } from '../sources/salesSource';
import { feedbackSeries, reviewSeries } from '../sources/rateSources';
import { type SourceRules } from '../sources/rules';
import { type SalesLedger } from '../sources/salesLedger';
import { healthSalesOf, withHealth } from '../sources/healthSection';
import { latestValue, targetStatus, type Status } from './status';
import { connectDots } from './connections';
import type { Evidence } from '../measures/leadLag';
import { fail } from '../values/errors';
import { SCORECARD_DEFAULTS } from './defaults';
import { shownDecimals } from './precision';
import { type PathAt, type TargetKind, measureTarget } from './targets';
import { type TargetPath, pathIndexes } from './targetPath';

/** A source table as the scorecard sees it: its columns by role, how its rows are read, and the rows left out. */
export interface SourceColumns {
  readonly name: string;
  readonly columns: Readonly<Record<string, Column>>;
  /** Filter columns for the leave-out rules, by their place in rules.leaveOut[].filter. */
  readonly filters?: readonly (Column | undefined)[];
  readonly rules?: SourceRules;
  readonly skipped: readonly { row: number; reason: string }[];
  /** The sheet or file row (1-based) of each data cell of the columns, for messages. */
  readonly rows?: ArrayLike<number>;
}

export interface ScorecardOptions {
  readonly period: PeriodSpec;
  readonly count: number;
  readonly targets: Partial<Record<MeasureId, number>>;
  /** "From X to Y by when" per measure (targetPath.ts); checked against `period` when read. */
  readonly paths?: Partial<Record<MeasureId, TargetPath>>;
  /** Which measures to show; default: every one the data supports. */
  readonly measures?: readonly MeasureId[];
  readonly maxLag: number;
  readonly healthPeriod: PeriodSpec;
  readonly lastDays: number;
  /** Target health's targets, as a sheet or CSV holds them (core/measures/targetHealth/targets.ts), and its name for messages. */
  readonly healthTargets?: { readonly name: string; readonly cells: readonly (readonly Cell[])[] };
}

/** A path's periods as indexes of the scorecard's period; throws InputError when they are not of it. */
export function pathAt(path: TargetPath | undefined, spec: PeriodSpec): PathAt | undefined {
  if (!path) return undefined;
  const fit = pathIndexes(path, spec);
  if ('problem' in fit) fail(`the target path ${fit.problem}`);
  return { from: path.from, to: path.to, start: fit.start, by: fit.by, startLabel: path.start, byLabel: path.by };
}

export const DEFAULT_OPTIONS: ScorecardOptions = {
  period: calendarSpec(SCORECARD_DEFAULTS.period),
  count: SCORECARD_DEFAULTS.periods,
  targets: {},
  maxLag: SCORECARD_DEFAULTS.maxLag,
  healthPeriod: calendarSpec(SCORECARD_DEFAULTS.healthPeriod),
  lastDays: SCORECARD_DEFAULTS.lastDays,
};

/** The scorecard as numbers: the command line's --json output has exactly this shape. */
export interface ScorecardResult {
  period: string;
  periods: string[];
  measures: {
    id: MeasureId;
    kind: 'lead' | 'lag';
    label: string;
    values: (number | null)[];
    /** The count behind each value: answers, orders due, orders, units or value sold (DOMAIN.md "Sample size"). */
    counts: (number | null)[];
    /** The target of the latest value's period: typed, on the path "from X to Y by when", or suggested from the history. */
    target: number | null;
    target_kind: TargetKind | null;
    /** Where the target comes from, in words (a suggestion says its rule and figures). */
    target_why: string;
    /** Compared at the precision the measure is shown with (a value shown equal to its target is on track). */
    status: Status | null;
    /** The period of the latest value: a source with nothing in the last period is judged on the one before. */
    as_of: string | null;
    /** Why the measure could not be counted (a cell that cannot be read), or null: the other measures still are. */
    problem: string | null;
    /** Signal or noise at `as_of` (XmR over every period of the source, as the sheet's Signal column), or null. */
    signal: 'Routine' | 'Outside limits' | 'Run of 8' | 'Too few periods' | null;
  }[];
  /** How many periods the evidence used: every period the data has, not only those shown. */
  connections_periods: number;
  /** Every lead × lag pair at its best lag, sorted by q (connections.ts); a link is claimed only where q < 0.05. */
  connections: {
    lead: MeasureId;
    lag: MeasureId;
    lag_periods: number | null;
    r: number | null;
    r_prewhitened: number | null;
    pairs: number;
    adjusted_p: number | null;
    q: number | null;
    evidence: Evidence;
    sentence: string;
  }[];
  target_health: HealthJson[];
  skipped: { file: string; row: number; reason: string }[];
}

/** A side of a period for a rate: the push window (its last days) or the rest of the period. */
interface SideJson {
  rate: number | null;
  sales: number;
}

/**
 * One row of target health (DOMAIN.md *Target health*): the team's for every period, then each rep's. The
 * push's numbers keep the names they had before the other measures came (`sales`, `share`, `flag`).
 */
export interface HealthJson {
  period: string;
  /** null for the team (every sale). */
  rep: string | null;
  partial: boolean;
  /** Σ amounts, and how many sales. */
  sales: number;
  count: number;
  share: number | null;
  expected_share: number;
  spike_ratio: number | null;
  /** The share above the even share in standard errors, by value and by number of sales (a rep's push needs both). */
  spike_z: number | null;
  spike_count_z: number | null;
  /** The end-of-period push. */
  flag: boolean;
  returns: { last_days: SideJson; rest: SideJson; ratio: number | null; z: number | null; flag: boolean } | null;
  discount: { last_days: SideJson; rest: SideJson; points: number | null; z: number | null; flag: boolean } | null;
  pull_forward: {
    next_period: string;
    share: number | null;
    expected_share: number;
    ratio: number | null;
    z: number | null;
    flag: boolean;
  } | null;
  coasting: {
    target: number;
    reached: string | null;
    days_before: number;
    days_after: number;
    rate_before: number | null;
    rate_after: number | null;
    ratio: number | null;
    z: number | null;
    count_z: number | null;
    flag: boolean;
  } | null;
  ratchet: { target: number | null; result: number | null; hit: boolean | null; rise: number | null; flag: boolean } | null;
  flags: HealthFlag[];
  /** One sentence a manager reads for what is flagged; null when nothing is. */
  finding: string | null;
}

/** JSON has no infinity: a z of ±∞ (no spread at all on either side) is written as ±1e308. */
function finite(z: number | null): number | null {
  return z === null ? null : Math.max(-1e308, Math.min(1e308, z));
}

function healthJson(r: HealthRow): HealthJson {
  const side = (s: { rate: number | null; count: number }): SideJson => ({ rate: s.rate, sales: s.count });
  const c = r.coasting;
  return {
    period: r.label,
    rep: r.rep,
    partial: r.partial,
    sales: r.push.sales,
    count: r.push.count,
    share: r.push.share,
    expected_share: r.push.expected,
    spike_ratio: r.push.ratio,
    spike_z: finite(r.push.z),
    spike_count_z: finite(r.push.countZ),
    flag: r.push.flagged,
    returns: r.returns && {
      last_days: side(r.returns.push),
      rest: side(r.returns.rest),
      ratio: r.returns.ratio,
      z: finite(r.returns.z),
      flag: r.returns.flagged,
    },
    discount: r.discount && {
      last_days: side(r.discount.push),
      rest: side(r.discount.rest),
      points: r.discount.points,
      z: finite(r.discount.z),
      flag: r.discount.flagged,
    },
    pull_forward: r.pullForward && {
      next_period: r.pullForward.next,
      share: r.pullForward.share,
      expected_share: r.pullForward.expected,
      ratio: r.pullForward.ratio,
      z: finite(r.pullForward.z),
      flag: r.pullForward.flagged,
    },
    coasting: c && {
      target: c.target,
      reached: c.reached === null ? null : isoDay(c.reached),
      days_before: c.daysBefore,
      days_after: c.daysAfter,
      rate_before: c.rateBefore,
      rate_after: c.rateAfter,
      ratio: c.ratio,
      z: finite(c.z),
      count_z: finite(c.countZ),
      flag: c.flagged,
    },
    ratchet: r.ratchet && {
      target: r.ratchet.target,
      result: r.ratchet.result,
      hit: r.ratchet.hit,
      rise: r.ratchet.rise,
      flag: r.ratchet.flagged,
    },
    flags: [...r.flags],
    finding: r.finding,
  };
}

/**
 * Target health of a sales table (DOMAIN.md *Target health*), per period for the team and per rep: over the
 * sales the ledger counts (left-out orders and refund rows out, an order's amount once), the same sales as
 * every other measure and the scorecard's panel (core/sources/healthSection.ts).
 */
export function salesTargetHealth(
  ledger: SalesLedger,
  rep: Column | undefined,
  options: Pick<ScorecardOptions, 'healthPeriod' | 'lastDays' | 'healthTargets'>,
): HealthJson[] {
  if (!ledger.values.amount) return [];
  const t = options.healthTargets;
  const targets = t ? readTargets(t.cells, options.healthPeriod, t.name) : null;
  return targetHealth(healthSalesOf(ledger, rep), options.healthPeriod, options.lastDays, targets).rows.map(healthJson);
}

/** The last `count` periods, ending with the period of the latest date in the given columns. */
export function lastPeriods(dates: Column, spec: PeriodSpec, count: number, opts: DateOptions): number[] {
  return periodsEndingAtLatest(cachedDayColumn(dates, opts), spec, count) ?? fail(`no dates found in ${dates.name}`);
}

/**
 * The roles the scorecard reads from a source of each kind (sourceSeriesOf's series, target health's rep):
 * the columns a reader that keeps only some (the command line) must keep. A column of another role is
 * never read, so leaving it out changes no number.
 */
export const SOURCE_ROLES: Readonly<Record<Source, readonly Role[]>> = {
  sales: [
    'date',
    'order_id',
    'amount',
    'cost',
    'margin',
    'quantity',
    'returned',
    'refunded',
    'discount',
    'promised_date',
    'delivered_date',
    'rep',
  ],
  feedback: ['date', 'referral_score', 'satisfaction', 'comparison'],
  reviews: ['date', 'stars', 'responded'],
};

/** Each source's measures per period, over its own span (core/sources: one reading of each column). */
export function sourceSeriesOf(
  sources: Partial<Record<Source, SourceColumns>>,
  spec: PeriodSpec,
  dates: DateOptions,
  health?: { readonly spec: PeriodSpec; readonly lastDays: number },
): Partial<Record<Source, SourceSeries>> {
  const out: Partial<Record<Source, SourceSeries>> = {};
  const { sales, feedback, reviews } = sources;
  if (sales?.columns.date) out.sales = withHealth(salesSeries(sales.columns, sales.filters, sales.rules ?? {}, spec, dates), health);
  if (feedback?.columns.date) out.feedback = feedbackSeries(feedback.columns, feedback.filters, feedback.rules ?? {}, spec, dates);
  if (reviews?.columns.date && reviews.columns.stars)
    out.reviews = reviewSeries(reviews.columns, reviews.filters, reviews.rules ?? {}, spec, dates);
  return out;
}

/**
 * The scorecard of the sources. `counted`: their series by sourceSeriesOf with the same period and dates,
 * when the caller has them already (the checks before a build count them), so that no source is read twice.
 */
export function computeScorecard(
  sources: Partial<Record<Source, SourceColumns>>,
  options: ScorecardOptions,
  dates: DateOptions,
  counted?: Partial<Record<Source, SourceSeries>>,
): ScorecardResult {
  const series = counted ?? sourceSeriesOf(sources, options.period, dates);
  // A series is counted for each source with a date column.
  if (!series.sales && !series.feedback) fail('the scorecard needs sales or feedback data with a date column');
  // The clock: the scorecard ends with the latest period of the sales (else the feedback).
  const clock = series.sales && series.sales.count > 0 ? series.sales : series.feedback;
  if (!clock || clock.count === 0) fail(`no dates found in ${(sources.sales ?? sources.feedback)!.name}`);
  const last = clock.first + clock.count - 1;
  const periods = Array.from({ length: options.count }, (_, i) => last - options.count + 1 + i);
  const wanted = options.measures ?? MEASURES.map((m) => m.id);
  // Every period any source has, up to the clock's last: the evidence uses them all.
  let first = last;
  for (const s of Object.values(series)) if (s && s.count > 0) first = Math.min(first, s.first);
  const all = Array.from({ length: last - first + 1 }, (_, i) => first + i);

  const at = (s: SourceSeries, row: MeasureRow, list: readonly number[], of: 'values' | 'counts') =>
    list.map((p) => {
      const k = p - s.first;
      return k >= 0 && k < s.count ? row[of][k] : null;
    });
  const measures: ScorecardResult['measures'] = [];
  const everyPeriod = new Map<MeasureId, (number | null)[]>();
  for (const info of MEASURES) {
    if (!wanted.includes(info.id)) continue;
    const s = series[info.source];
    const row = s?.measures.find((m) => m.id === info.id);
    if (!s || !row) continue;
    const values = at(s, row, periods, 'values');
    let latestAt: number | null = null;
    for (let k = values.length - 1; k >= 0 && latestAt === null; k--) if (values[k] !== null) latestAt = periods[k];
    const path = pathAt(options.paths?.[info.id], options.period);
    // Suggestions read the history up to the last period shown (every period the data has).
    const target = measureTarget(info, at(s, row, all, 'values'), options.targets[info.id], path, latestAt);
    measures.push({
      id: info.id,
      kind: info.kind,
      label: info.label,
      values,
      counts: at(s, row, periods, 'counts'),
      target: target.value,
      target_kind: target.kind,
      target_why: target.why,
      status: targetStatus(latestValue(values), target.value, info.better, shownDecimals(info.format)),
      as_of: latestAt === null ? null : periodLabel(latestAt, options.period),
      problem: row.problem,
      signal: latestAt === null || row.problem ? null : signalAt(row.values, latestAt - s.first),
    });
    if (!row.problem) everyPeriod.set(info.id, at(s, row, all, 'values'));
  }

  // Connections are computed on the labels (the sentence reads them) and mapped back to ids.
  const idOf = new Map(measures.map((m) => [m.label, m.id]));
  const seriesOf = (m: ScorecardResult['measures'][number]) => ({
    name: m.label,
    values: Float64Array.from(everyPeriod.get(m.id)!, (v) => (v === null ? NaN : v)),
  });
  const connections = connectDots(
    measures.filter((m) => m.kind === 'lead' && everyPeriod.has(m.id)).map(seriesOf),
    measures.filter((m) => m.kind === 'lag' && everyPeriod.has(m.id)).map(seriesOf),
    options.maxLag,
  ).map((c) => ({
    lead: idOf.get(c.lead)!,
    lag: idOf.get(c.lag)!,
    lag_periods: c.lagPeriods,
    r: c.r,
    r_prewhitened: c.prewhitenedR,
    pairs: c.pairs,
    adjusted_p: c.adjustedP,
    q: c.q,
    evidence: c.evidence,
    sentence: c.sentence,
  }));

  const ledger = series.sales?.ledger;
  const target_health = ledger && sources.sales ? salesTargetHealth(ledger, sources.sales.columns.rep, options) : [];

  const skipped: ScorecardResult['skipped'] = [];
  for (const kind of ['sales', 'feedback', 'reviews'] as const) {
    const table = sources[kind];
    if (!table) continue;
    for (const s of table.skipped) skipped.push({ file: table.name, row: s.row, reason: s.reason });
    // Rows the source's rules left out (voided, failed or test payments; unfinished responses).
    for (const l of series[kind]?.leftOut ?? [])
      skipped.push({ file: table.name, row: table.rows?.[l.index] ?? l.index + 1, reason: l.reason });
  }
  skipped.sort((a, b) => (a.file === b.file ? a.row - b.row : 0));

  return {
    period: options.period.kind,
    periods: periods.map((p) => periodLabel(p, options.period)),
    measures,
    connections_periods: all.length,
    connections,
    target_health,
    skipped,
  };
}
