import { type Column, atSheetRow } from '../core/values/column';
import { fail } from '../core/values/errors';
import { type PeriodSpec, parsePeriodLabel, periodLabel, periodOfDay, sameSpec } from '../core/time/periods';
import { daysFromCivil } from '../core/time/days';
import { MEASURES, type MeasureId } from '../core/scorecard/measures';
import { measureNeeds } from '../core/scorecard/bindings';
import { MAX_FILTERS, type SourceOptions, parseOptions } from '../core/sources/rules';
import { type SourceSeries } from '../core/sources/sourceSeries';
import { sourceTable } from '../core/sources/table';

/**
 * What the three source formulas (SALES_SERIES, FEEDBACK_SERIES, REVIEWS_SERIES) share: their `start`,
 * `options` and filter arguments, and the table they spill (core/sources/table.ts).
 */
export function startIndex(start: string | undefined, spec: PeriodSpec): number | undefined {
  if (start === undefined) return undefined;
  const p = parsePeriodLabel(start);
  if (!sameSpec(p.spec, spec)) {
    const example = periodLabel(periodOfDay(daysFromCivil(2026, 1, 15), spec), spec);
    fail(`argument start is "${start}", a period of another kind; give a ${spec.kind} label such as "${example}"`);
  }
  return p.index;
}

/** The options, and the columns named with the sheet row their first cell is on (when `row=` says it). */
export function sourceOptions(options: string | undefined): SourceOptions {
  return parseOptions(options);
}

export function onSheet(col: Column | undefined, opts: SourceOptions): Column | undefined {
  return col && opts.firstRow !== undefined ? atSheetRow(col, opts.firstRow) : col;
}

export function filtersOf(given: readonly (Column | undefined)[], opts: SourceOptions): (Column | undefined)[] {
  for (const r of opts.rules.leaveOut ?? []) {
    if (r.filter >= MAX_FILTERS || !given[r.filter]) fail(`options: leave${r.filter + 1} needs filter${r.filter + 1}, the column it reads`);
  }
  return given.map((c) => onSheet(c, opts));
}

function needs(id: MeasureId): string {
  const info = MEASURES.find((m) => m.id === id)!;
  return `needs ${measureNeeds(id).join(', ').replace(/_/g, ' ')} (${info.source})`;
}

/** The spill, with a header note that says what was read and what was left out. */
export function spill(series: SourceSeries, what: string): (string | number | null)[][] {
  const parts = [`${series.dated.toLocaleString('en-US')} dated ${what}`];
  if (series.leftOutCount) parts.push(`${series.leftOutCount.toLocaleString('en-US')} left out by the options`);
  if (series.before) parts.push(`${series.before.toLocaleString('en-US')} before ${periodLabel(series.first, series.spec)} left out`);
  if (series.amounts === 'order') parts.push('amounts counted once per order');
  if (series.count === 0) fail(`no ${what} have a date; select the column of dates (and check that all ranges are the same rows)`);
  return sourceTable(series, parts.join('; '), needs);
}
