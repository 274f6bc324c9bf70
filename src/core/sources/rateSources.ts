import { type DateOptions, cachedDayColumn } from '../values/date';
import { type PeriodSpec } from '../time/periods';
import { type MeasureId } from '../scorecard/measures';
import { type SourceRules } from './rules';
import { type RatePeriods, feedbackPeriods, reviewPeriods } from './feedbackSeries';
import { type FilterColumns, type MeasureRow, type RoleColumns, type SourceSeries } from './sourceSeries';
import { blankRow, datedRows, rateRow } from './seriesRows';

/** NPS, CSAT and net comparison per period (survey answers). */
export function feedbackSeries(
  cols: RoleColumns,
  filters: FilterColumns,
  rules: SourceRules,
  spec: PeriodSpec,
  opts: DateOptions,
  start?: number,
  scale = 5,
  topBox = 2,
): SourceSeries {
  const date = cols.date;
  if (!date) throw new Error('feedbackSeries needs the date column');
  const f = feedbackPeriods(
    { date, referral_score: cols.referral_score, satisfaction: cols.satisfaction, comparison: cols.comparison, filters },
    rules,
    spec,
    opts,
    start,
    scale,
    topBox,
  );
  const measures: MeasureRow[] = [];
  const add = (id: MeasureId, r: RatePeriods | null, scale: number) => {
    const problem = f.problems[id as 'nps'];
    if (r) measures.push(rateRow(id, r, scale));
    else if (problem) measures.push(blankRow(id, f.count, problem));
  };
  add('nps', f.nps, 100);
  add('csat', f.csat, 1);
  add('net_comparison', f.comparison, 1);
  return {
    source: 'feedback',
    spec,
    first: f.first,
    count: f.count,
    dated: datedRows(cachedDayColumn(date, opts)),
    before: f.before,
    measures,
    leftOut: f.leftOut,
    leftOutCount: f.leftOutCount,
  };
}

/** Review response per period. */
export function reviewSeries(
  cols: RoleColumns,
  filters: FilterColumns,
  rules: SourceRules,
  spec: PeriodSpec,
  opts: DateOptions,
  start?: number,
  lowMax = 2,
): SourceSeries {
  const date = cols.date;
  const stars = cols.stars;
  if (!date || !stars) throw new Error('reviewSeries needs the date and stars columns');
  const r = reviewPeriods({ date, stars, responded: cols.responded, filters }, rules, spec, opts, start, lowMax);
  const measures: MeasureRow[] = [];
  if (r.response) measures.push(rateRow('review_response', r.response));
  else if (r.problems.review_response) measures.push(blankRow('review_response', r.count, r.problems.review_response));
  return {
    source: 'reviews',
    spec,
    first: r.first,
    count: r.count,
    dated: datedRows(cachedDayColumn(date, opts)),
    before: r.before,
    measures,
    leftOut: r.leftOut,
    leftOutCount: r.leftOutCount,
  };
}
