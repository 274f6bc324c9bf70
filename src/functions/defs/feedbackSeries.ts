import { SCORECARD_DEFAULTS } from '../../core/scorecard/defaults';
import { feedbackSeries } from '../../core/sources/rateSources';
import { defineFormula } from '../types';
import { OPTIONS_HINT, START_HINT, filtersOf, onSheet, sourceOptions, spill, startIndex } from '../sourceFormula';

/** NPS, CSAT and net comparison per period in one call, with the answers behind each. */
export const FEEDBACK_SERIES = defineFormula({
  name: 'FEEDBACK_SERIES',
  params: [
    { name: 'dates', kind: 'range' },
    { name: 'scores', kind: 'range', optional: true },
    { name: 'satisfaction', kind: 'range', optional: true },
    { name: 'comparison', kind: 'range', optional: true },
    { name: 'period', kind: 'period', default: SCORECARD_DEFAULTS.period },
    { name: 'start', kind: 'text', default: '', hint: START_HINT },
    { name: 'options', kind: 'text', default: '', hint: OPTIONS_HINT },
    { name: 'filter1', kind: 'range', optional: true },
    { name: 'filter2', kind: 'range', optional: true },
    { name: 'filter3', kind: 'range', optional: true },
    { name: 'scale', kind: 'number', default: 5, integer: true, min: 2, max: 100 },
    { name: 'top_box', kind: 'number', default: 2, integer: true, min: 1, max: (e) => (e.scale as number) - 1 },
  ],
  run(a, ctx) {
    const o = sourceOptions(a.options);
    const cols = {
      date: onSheet(a.dates, o),
      referral_score: onSheet(a.scores, o),
      satisfaction: onSheet(a.satisfaction, o),
      comparison: onSheet(a.comparison, o),
    };
    const filters = filtersOf([a.filter1, a.filter2, a.filter3], o);
    const series = feedbackSeries(cols, filters, o.rules, a.period, ctx.dates, startIndex(a.start, a.period), a.scale, a.top_box);
    return spill(series, 'responses');
  },
});
