import { type Column, atSheetRow } from '../core/values/column';
import { InputError, fail } from '../core/values/errors';
import { type PeriodSpec, parsePeriodLabel, periodLabel, periodOfDay, sameSpec } from '../core/time/periods';
import { daysFromCivil } from '../core/time/days';
import { MEASURES, type MeasureId } from '../core/scorecard/measures';
import { measureNeeds } from '../core/scorecard/bindings';
import { MAX_FILTERS, type SourceOptions, filtersRead, parseOptions } from '../core/sources/rules';
import { type SourceSeries } from '../core/sources/sourceSeries';
import { sourceTable } from '../core/sources/table';

/**
 * What the three source formulas (SALES_SERIES, FEEDBACK_SERIES, REVIEWS_SERIES) share: their `start`,
 * `options` and filter arguments, and the table they spill (core/sources/table.ts).
 */
export const START_HINT = 'give the first period as PERIODS labels it, e.g. "2024-11"';
export const OPTIONS_HINT = 'give rules as the formula help shows them, e.g. amounts=order';

/** The first clause of a message, for the value part of an argument error (which ends in the hint). */
function why(e: unknown): string {
  if (!(e instanceof InputError)) throw e;
  return e.message.replace(/^options: /, '').split('; ')[0];
}

export function startIndex(start: string | undefined, spec: PeriodSpec): number | undefined {
  if (start === undefined || start.trim() === '') return undefined;
  let p: ReturnType<typeof parsePeriodLabel>;
  try {
    p = parsePeriodLabel(start);
  } catch (e) {
    return fail(`argument start is ${JSON.stringify(start)} (${why(e)}); ${START_HINT}`);
  }
  if (!sameSpec(p.spec, spec)) {
    const example = periodLabel(periodOfDay(daysFromCivil(2026, 1, 15), spec), spec);
    fail(
      `argument start is ${JSON.stringify(start)} (a period of another kind: this series is by ${spec.kind}, e.g. "${example}"); ${START_HINT}`,
    );
  }
  return p.index;
}

/** The options text read into rules, and where the ranges start on their sheet (`row=`). */
export function sourceOptions(options: string | undefined, param = 'options'): SourceOptions {
  try {
    return parseOptions(options);
  } catch (e) {
    return fail(`argument ${param} is ${JSON.stringify(options)} (${why(e)}); ${OPTIONS_HINT}`);
  }
}

export function onSheet(col: Column | undefined, opts: SourceOptions): Column | undefined {
  return col && opts.firstRow !== undefined ? atSheetRow(col, opts.firstRow) : col;
}

/** The filter columns the options read; `names` when a formula's parameters are called otherwise (answer_options…). */
export function filtersOf(
  given: readonly (Column | undefined)[],
  opts: SourceOptions,
  names: { readonly options: string; readonly filter: string } = { options: 'options', filter: 'filter' },
): (Column | undefined)[] {
  for (const f of filtersRead(opts.rules)) {
    if (f >= MAX_FILTERS || !given[f])
      fail(`argument ${names.options} reads filter${f + 1}, which is not given; give the column it reads as ${names.filter}${f + 1}`);
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
