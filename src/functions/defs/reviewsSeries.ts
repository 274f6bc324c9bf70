import { SCORECARD_DEFAULTS } from '../../core/scorecard/defaults';
import { reviewSeries } from '../../core/sources/rateSources';
import { defineFormula } from '../types';
import { OPTIONS_HINT, START_HINT, filtersOf, onSheet, sourceOptions, spill, startIndex } from '../sourceFormula';

/** Review response per period in one call, with the low reviews behind each. */
export const REVIEWS_SERIES = defineFormula({
  name: 'REVIEWS_SERIES',
  params: [
    { name: 'dates', kind: 'range' },
    { name: 'stars', kind: 'range' },
    { name: 'responded', kind: 'range', optional: true },
    { name: 'period', kind: 'period', default: SCORECARD_DEFAULTS.period },
    { name: 'start', kind: 'text', default: '', hint: START_HINT },
    { name: 'options', kind: 'text', default: '', hint: OPTIONS_HINT },
    { name: 'filter1', kind: 'range', optional: true },
    { name: 'filter2', kind: 'range', optional: true },
    { name: 'filter3', kind: 'range', optional: true },
    { name: 'low_max', kind: 'number', default: 2, min: 0, max: 10 },
  ],
  run(a, ctx) {
    const o = sourceOptions(a.options);
    const cols = { date: onSheet(a.dates, o), stars: onSheet(a.stars, o), responded: onSheet(a.responded, o) };
    const filters = filtersOf([a.filter1, a.filter2, a.filter3], o);
    const series = reviewSeries(cols, filters, o.rules, a.period, ctx.dates, startIndex(a.start, a.period), a.low_max);
    return spill(series, 'reviews');
  },
});
