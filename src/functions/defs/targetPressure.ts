import { sameLength, toColumn } from '../../core/values/column';
import { readDayColumn } from '../../core/values/date';
import { parsePeriod } from '../../core/time/periods';
import { targetPressure } from '../../core/measures/targetPressure';
import { bucketLabels } from '../../core/measures/buckets';
import { fail } from '../../core/values/errors';
import { defineFormula } from '../types';
import { cell, optNumber, optText, required } from '../args';

export const TARGET_PRESSURE = defineFormula({
  name: 'TARGET_PRESSURE',
  summary:
    "What sales targets do to customers: the share of each period's sales made in its last days, against the share " +
    'expected if sales were even. A spike ratio of 1.5 or more is flagged as an end-of-period push.',
  args: [
    { name: 'dates', type: 'range', help: 'The date of each sale.' },
    { name: 'amounts', type: 'range', help: 'The amount of each sale, same size.' },
    { name: 'period', type: 'text', default: '"quarter"', help: '"week", "month", "quarter" or "year".' },
    { name: 'last_days', type: 'number', default: '7', help: 'How many calendar days at the end of each period count as its last days.' },
  ],
  returns: 'A table: Period, Sales, Share in last days, Expected share, Spike ratio, Flag.',
  example: '=TARGET_PRESSURE(A2:A5000, E2:E5000, "quarter", 7)',
  run([dates, amounts, period, lastDays], ctx) {
    const spec = parsePeriod(optText(period, 'period'), 'quarter');
    const last = optNumber(lastDays, 'last_days', 7, { integer: true, min: 1, max: 180, help: 'give a whole number of days such as 7' });
    const dateCol = toColumn(required(dates, 'dates'), 'dates', true);
    const amountCol = toColumn(required(amounts, 'amounts'), 'amounts', true);
    sameLength(dateCol, amountCol);
    const days = readDayColumn(dateCol, ctx.dates);
    const { buckets, rows } = targetPressure(days, amountCol, spec, last, dateCol);
    if (buckets.count === 0) fail('no sale has a date; check that dates and amounts are the same rows');
    const labels = bucketLabels(buckets);
    const out: (string | number)[][] = [['Period', 'Sales', 'Share in last days', 'Expected share', 'Spike ratio', 'Flag']];
    rows.forEach((r, k) => out.push([labels[k], r.sales, cell(r.share), r.expected, cell(r.ratio), r.flagged ? 'End-of-period push' : '']));
    return out;
  },
});
