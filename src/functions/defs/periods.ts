import { readDayColumn } from '../../core/values/date';
import { fail } from '../../core/values/errors';
import { periodLabel, periodsEndingAtLatest } from '../../core/time/periods';
import { SCORECARD_DEFAULTS } from '../../core/scorecard/defaults';
import { defineFormula } from '../types';

export const PERIODS = defineFormula({
  name: 'PERIODS',
  params: [
    { name: 'dates', kind: 'range' },
    { name: 'period', kind: 'period', default: SCORECARD_DEFAULTS.period },
    { name: 'count', kind: 'number', default: SCORECARD_DEFAULTS.periods, integer: true, min: 1, max: 120 },
  ],
  run({ dates, period, count }, ctx) {
    const periods =
      periodsEndingAtLatest(readDayColumn(dates, ctx.dates), period, count) ??
      fail('no dates found; select the column that holds the dates');
    return [periods.map((p) => periodLabel(p, period))];
  },
});
