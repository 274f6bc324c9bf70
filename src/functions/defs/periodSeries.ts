import { sameLength, toColumn } from '../../core/values/column';
import { readDayColumn } from '../../core/values/date';
import { parsePeriod } from '../../core/time/periods';
import { dateCellSeries, parseAggregate, periodSeries } from '../../core/measures/periodSeries';
import { bucketLabels } from '../../core/measures/buckets';
import { fail } from '../../core/values/errors';
import { defineFormula } from '../types';
import { cell, optText, required } from '../args';

export const PERIOD_SERIES = defineFormula({
  name: 'PERIOD_SERIES',
  summary:
    'Values added up (or averaged, counted, ...) per week, month, quarter or year. Every period between the first ' +
    'and the last date is listed; empty periods show 0 for sum and count and stay blank otherwise.',
  args: [
    { name: 'dates', type: 'range', help: 'The date of each row (dates, or text such as 2026-01-31 or 31/01/2026).' },
    { name: 'values', type: 'range', help: 'The values, same size as dates (numbers or text such as "£1,234.50").' },
    { name: 'period', type: 'text', default: '"month"', help: '"week", "month", "quarter" or "year"; a fiscal year: "quarter:apr".' },
    { name: 'aggregate', type: 'text', default: '"sum"', help: '"sum", "average", "count", "min", "max" or "median".' },
  ],
  returns: 'A table: Period, Value.',
  example: '=PERIOD_SERIES(A2:A5000, E2:E5000, "month", "sum")',
  run([dates, values, period, aggregate], ctx) {
    const spec = parsePeriod(optText(period, 'period'));
    const agg = parseAggregate(optText(aggregate, 'aggregate'));
    const dateCol = toColumn(required(dates, 'dates'), 'dates', true);
    const valueCol = toColumn(required(values, 'values'), 'values', true);
    sameLength(dateCol, valueCol);
    const { buckets, values: series } =
      dateCellSeries(dateCol, valueCol, spec, agg, ctx.dates.zone) ??
      periodSeries(readDayColumn(dateCol, ctx.dates), valueCol, spec, agg, dateCol);
    if (buckets.count === 0) fail('no row has a date; check that dates and values are the same rows');
    const labels = bucketLabels(buckets);
    const out: (string | number)[][] = [['Period', 'Value']];
    for (let k = 0; k < buckets.count; k++) out.push([labels[k], cell(series[k])]);
    return out;
  },
});
