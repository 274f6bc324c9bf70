import { sameLength } from '../../core/values/column';
import { readDayColumn } from '../../core/values/date';
import { fail } from '../../core/values/errors';
import { periodLabel } from '../../core/time/periods';
import { AGGREGATE_WORDS, dateCellSeries, periodSeries } from '../../core/measures/periodSeries';
import { defineFormula } from '../types';

export const PERIOD_SERIES = defineFormula({
  name: 'PERIOD_SERIES',
  params: [
    { name: 'dates', kind: 'range' },
    { name: 'values', kind: 'range' },
    { name: 'period', kind: 'period', default: 'month' },
    { name: 'aggregate', kind: 'text', default: 'sum', words: AGGREGATE_WORDS },
  ],
  run({ dates, values, period, aggregate }, ctx) {
    sameLength(dates, values);
    const { buckets, values: series } =
      dateCellSeries(dates, values, period, aggregate, ctx.dates.zone) ??
      periodSeries(readDayColumn(dates, ctx.dates), values, period, aggregate, dates);
    if (buckets.count === 0) fail('no row has a date; check that dates and values are the same rows');
    const out: (string | number | null)[][] = [['Period', 'Value']];
    for (let k = 0; k < buckets.count; k++) out.push([periodLabel(buckets.first + k, period), series[k]]);
    return out;
  },
});
