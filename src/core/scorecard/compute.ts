import { type Column } from '../values/column';
import { type DateOptions, cachedDayColumn } from '../values/date';
import { type PeriodSpec, calendarSpec, periodLabel, periodsEndingAtLatest } from '../time/periods';
import { targetPressure } from '../measures/targetPressure';
import { bucketLabels } from '../measures/buckets';
import { MEASURES, type MeasureId, type Source } from './measures';
import { bindMeasure } from './bindings';
import { measureSeries } from './measureSeries';
import { latestValue, targetStatus, type Status } from './status';
import { connectDots } from './connections';
import type { Evidence } from '../measures/leadLag';
import { fail } from '../values/errors';
import { SCORECARD_DEFAULTS } from './defaults';

/** A source table as the scorecard sees it: its columns by role, and the rows left out. */
export interface SourceColumns {
  readonly name: string;
  readonly columns: Readonly<Record<string, Column>>;
  readonly skipped: readonly { row: number; reason: string }[];
}

export interface ScorecardOptions {
  readonly period: PeriodSpec;
  readonly count: number;
  readonly targets: Partial<Record<MeasureId, number>>;
  /** Which measures to show; default: every one the data supports. */
  readonly measures?: readonly MeasureId[];
  readonly maxLag: number;
  readonly healthPeriod: PeriodSpec;
  readonly lastDays: number;
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
    target: number | null;
    status: Status | null;
  }[];
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
  target_health: {
    period: string;
    sales: number;
    share: number | null;
    expected_share: number;
    spike_ratio: number | null;
    flag: boolean;
  }[];
  skipped: { file: string; row: number; reason: string }[];
}

/** The last `count` periods, ending with the period of the latest date in the given columns. */
export function lastPeriods(dates: Column, spec: PeriodSpec, count: number, opts: DateOptions): number[] {
  return periodsEndingAtLatest(cachedDayColumn(dates, opts), spec, count) ?? fail(`no dates found in ${dates.name}`);
}

export function computeScorecard(
  sources: Partial<Record<Source, SourceColumns>>,
  options: ScorecardOptions,
  dates: DateOptions,
): ScorecardResult {
  const roles: Partial<Record<Source, Set<string>>> = {};
  for (const [s, table] of Object.entries(sources)) if (table) roles[s as Source] = new Set(Object.keys(table.columns));
  const clock =
    sources.sales?.columns.date ?? sources.feedback?.columns.date ?? fail('the scorecard needs sales or feedback data with a date column');
  const periods = lastPeriods(clock, options.period, options.count, dates);
  const wanted = options.measures ?? MEASURES.map((m) => m.id);

  const measures: ScorecardResult['measures'] = [];
  for (const info of MEASURES) {
    if (!wanted.includes(info.id)) continue;
    const binding = bindMeasure(info.id, roles);
    if (!binding) continue;
    const cols = sources[binding.source]!.columns;
    const values = measureSeries(
      info.id,
      periods,
      options.period,
      {
        dates: cols[binding.dates],
        a: binding.a ? cols[binding.a] : undefined,
        b: binding.b ? cols[binding.b] : undefined,
      },
      dates,
    );
    const target = options.targets[info.id] ?? null;
    measures.push({
      id: info.id,
      kind: info.kind,
      label: info.label,
      values,
      target,
      status: targetStatus(latestValue(values), target, info.better),
    });
  }

  // Connections are computed on the labels (the sentence reads them) and mapped back to ids.
  const idOf = new Map(measures.map((m) => [m.label, m.id]));
  const series = (m: ScorecardResult['measures'][number]) => ({
    name: m.label,
    values: Float64Array.from(m.values, (v) => (v === null ? NaN : v)),
  });
  const connections = connectDots(
    measures.filter((m) => m.kind === 'lead').map(series),
    measures.filter((m) => m.kind === 'lag').map(series),
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

  const target_health: ScorecardResult['target_health'] = [];
  const sales = sources.sales?.columns;
  if (sales?.date && sales.amount) {
    const days = cachedDayColumn(sales.date, dates);
    const { buckets, rows } = targetPressure(days, sales.amount, options.healthPeriod, options.lastDays, sales.date);
    const labels = bucketLabels(buckets);
    rows.forEach((r, i) =>
      target_health.push({
        period: labels[i],
        sales: r.sales,
        share: r.share,
        expected_share: r.expected,
        spike_ratio: r.ratio,
        flag: r.flagged,
      }),
    );
  }

  const skipped: ScorecardResult['skipped'] = [];
  for (const table of Object.values(sources))
    if (table) for (const s of table.skipped) skipped.push({ file: table.name, row: s.row, reason: s.reason });

  return {
    period: options.period.kind,
    periods: periods.map((p) => periodLabel(p, options.period)),
    measures,
    connections,
    target_health,
    skipped,
  };
}
