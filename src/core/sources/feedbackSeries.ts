import { type Column, sameLength } from '../values/column';
import { type DateOptions, cachedDayColumn } from '../values/date';
import { InputError } from '../values/errors';
import { type PeriodSpec } from '../time/periods';
import { npsPeriodCounts } from '../measures/npsByPeriod';
import { csatRows, labelScale } from '../measures/csat';
import { comparisonRows } from '../measures/comparison';
import { reviewRows } from '../measures/reviews';
import { type RatioRows } from '../measures/ratio';
import { type SourceRules } from './rules';
import { leftOutRows } from './leaveOut';
import { type PeriodSpan, slotsIn, spanOf } from './periodSpan';

/**
 * The customer-feedback and review measures per period (DOMAIN.md "Lead measures"), each with its count
 * of answers: NPS (promoters and detractors of n), CSAT (top box of n), net comparison (better − worse
 * of n), review response (answered of n low reviews). Counted by the measures' own row readers
 * (core/measures), grouped over one span; a column that cannot be read fails only its own measure.
 */
export interface RatePeriods {
  /** Σ num and Σ den per period (for NPS: promoters − detractors, and answers). */
  readonly num: Float64Array;
  readonly den: Float64Array;
}

export interface NpsPeriods extends RatePeriods {
  readonly promoters: Float64Array;
  readonly detractors: Float64Array;
}

export interface FeedbackColumns {
  readonly date: Column;
  readonly referral_score?: Column;
  readonly satisfaction?: Column;
  readonly comparison?: Column;
  readonly filters?: readonly (Column | undefined)[];
}

export interface FeedbackPeriods extends PeriodSpan {
  readonly before: number;
  readonly nps: NpsPeriods | null;
  readonly csat: RatePeriods | null;
  readonly comparison: RatePeriods | null;
  /** Rows the leave-out rules took out (unfinished or test responses). */
  readonly leftOutCount: number;
  /** The first LEFT_OUT_LISTED of them, with why (rows without a date that a rule catches too). */
  readonly leftOut: readonly { readonly index: number; readonly reason: string }[];
  /** The satisfaction scale counted on (rules.scale, else the scale its labels say, else `scale`). */
  readonly scale: number;
  readonly problems: Readonly<Partial<Record<'nps' | 'csat' | 'net_comparison', string>>>;
}

const LEFT_OUT_LISTED = 200;

function tryRows(read: () => RatioRows): RatioRows | string {
  try {
    return read();
  } catch (e) {
    if (e instanceof InputError) return e.message;
    throw e;
  }
}

function group(rows: RatioRows, slot: Int32Array, k: number): RatePeriods {
  const num = new Float64Array(k);
  const den = new Float64Array(k);
  for (let i = 0; i < slot.length; i++) {
    const s = slot[i];
    if (s >= 0 && rows.den[i] !== 0) {
      num[s] += rows.num[i];
      den[s] += rows.den[i];
    }
  }
  return { num, den };
}

/**
 * Rows kept: dated and not taken out by a rule (each response is its own group). A rule also names the
 * undated rows it catches (a partial response has no submit date), so that the list says why they are out.
 */
function kept(
  days: Float64Array,
  cols: { filters?: readonly (Column | undefined)[] },
  rules: SourceRules,
): { keep: Uint8Array; leftOut: number; listed: { index: number; reason: string }[] } {
  const n = days.length;
  const groupOf = new Int32Array(n);
  for (let i = 0; i < n; i++) groupOf[i] = i;
  const left = leftOutRows(cols.filters, rules, groupOf, n);
  const keep = new Uint8Array(n);
  const listed: { index: number; reason: string }[] = [];
  let leftOut = 0;
  for (let i = 0; i < n; i++) {
    const dated = days[i] === days[i];
    if (left.out[i]) {
      if (dated) leftOut++;
      if (listed.length < LEFT_OUT_LISTED && (dated || hasAnswer(cols.filters, i))) listed.push({ index: i, reason: left.reason(i) });
    } else if (dated) keep[i] = 1;
  }
  return { keep, leftOut, listed };
}

/** Whether an undated row holds anything in the filter columns (a blank row between tables does not). */
function hasAnswer(filters: readonly (Column | undefined)[] | undefined, i: number): boolean {
  for (const f of filters ?? []) {
    if (!f) continue;
    const c = f.rows ? f.rows[i][0] : f.cells[i];
    if (c !== '' && c !== null && c !== undefined) return true;
  }
  return false;
}

/** Survey answers per period from `start` (a period index; default the first answered period). */
export function feedbackPeriods(
  cols: FeedbackColumns,
  rules: SourceRules,
  spec: PeriodSpec,
  opts: DateOptions,
  start?: number,
  scale = 5,
  topBox = 2,
): FeedbackPeriods {
  for (const c of [cols.referral_score, cols.satisfaction, cols.comparison, ...(cols.filters ?? [])]) if (c) sameLength(cols.date, c);
  const days = cachedDayColumn(cols.date, opts);
  const { keep, leftOut, listed } = kept(days, cols, rules);
  const problems: Partial<Record<'nps' | 'csat' | 'net_comparison', string>> = {};
  // A 7-point labelled scale says so by its labels (csat.ts labelScale); rules.scale says it outright.
  const csatScale = rules.scale ?? (cols.satisfaction && scale === 5 ? (labelScale(cols.satisfaction.cells) ?? 5) : scale);
  const csatTop = rules.topBox ?? topBox;

  // The span runs over every kept response with a date, whichever questions it answered.
  const span = spanOf(days, keep, spec, start);
  const { first, count } = span;
  const slot = slotsIn(days, keep, span);
  const csat = cols.satisfaction ? tryRows(() => csatRows(cols.satisfaction!, csatScale, csatTop)) : null;
  const comparison = cols.comparison ? tryRows(() => comparisonRows(cols.comparison!)) : null;
  let npsCounts: ReturnType<typeof npsPeriodCounts> | string | null = null;
  if (cols.referral_score) {
    try {
      npsCounts = npsPeriodCounts(cols.date, cols.referral_score, spec, opts, keep);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      npsCounts = e.message;
    }
  }

  let nps: NpsPeriods | null = null;
  if (typeof npsCounts === 'string') problems.nps = npsCounts;
  else if (npsCounts) {
    const num = new Float64Array(count);
    const den = new Float64Array(count);
    const promoters = new Float64Array(count);
    const detractors = new Float64Array(count);
    for (let j = 0; j < npsCounts.responses.length; j++) {
      const s = npsCounts.first + j - first;
      if (s < 0 || s >= count) continue;
      den[s] = npsCounts.responses[j];
      promoters[s] = npsCounts.promoters[j];
      detractors[s] = npsCounts.detractors[j];
      num[s] = promoters[s] - detractors[s];
    }
    nps = { num, den, promoters, detractors };
  }
  let csatOut: RatePeriods | null = null;
  if (typeof csat === 'string') problems.csat = csat;
  else if (csat) csatOut = group(csat, slot, count);
  let comparisonOut: RatePeriods | null = null;
  if (typeof comparison === 'string') problems.net_comparison = comparison;
  else if (comparison) comparisonOut = group(comparison, slot, count);

  return { ...span, nps, csat: csatOut, comparison: comparisonOut, leftOutCount: leftOut, leftOut: listed, scale: csatScale, problems };
}

export interface ReviewColumns {
  readonly date: Column;
  readonly stars: Column;
  readonly responded?: Column;
  readonly filters?: readonly (Column | undefined)[];
}

export interface ReviewPeriods extends PeriodSpan {
  readonly before: number;
  /** Low reviews (stars ≤ lowMax) per period, and how many were answered. */
  readonly response: RatePeriods | null;
  readonly leftOutCount: number;
  readonly leftOut: readonly { readonly index: number; readonly reason: string }[];
  readonly problems: Readonly<Partial<Record<'review_response', string>>>;
}

/** Review response per period from `start` (DOMAIN.md "Review response"). */
export function reviewPeriods(
  cols: ReviewColumns,
  rules: SourceRules,
  spec: PeriodSpec,
  opts: DateOptions,
  start?: number,
  lowMax = 2,
): ReviewPeriods {
  for (const c of [cols.stars, cols.responded, ...(cols.filters ?? [])]) if (c) sameLength(cols.date, c);
  const days = cachedDayColumn(cols.date, opts);
  const { keep, leftOut, listed } = kept(days, cols, rules);
  const rows = cols.responded ? tryRows(() => reviewRows(cols.stars, cols.responded!, lowMax)) : null;
  const problems: Partial<Record<'review_response', string>> = {};
  const span = spanOf(days, keep, spec, start);
  const slot = slotsIn(days, keep, span);
  let response: RatePeriods | null = null;
  if (typeof rows === 'string') problems.review_response = rows;
  else if (rows) response = group(rows, slot, span.count);
  return { ...span, response, leftOutCount: leftOut, leftOut: listed, problems };
}
