import { toColumn } from '../../core/values/column';
import { readDayColumn } from '../../core/values/date';
import { fail } from '../../core/values/errors';
import { parsePeriod, periodLabel, periodOfDay } from '../../core/time/periods';
import { defineFormula } from '../types';
import { optNumber, optText, required } from '../args';

export const PERIODS = defineFormula({
  name: 'PERIODS',
  summary:
    'The labels of the last periods in the data, oldest first, ending with the period of the latest date: ' +
    "a scorecard's header row that moves on by itself when newer rows are pasted.",
  args: [
    { name: 'dates', type: 'range', help: 'The dates of the data (e.g. the order dates).' },
    { name: 'period', type: 'text', default: '"month"', help: '"week", "month", "quarter" or "year".' },
    { name: 'count', type: 'number', default: '12', help: 'How many periods to list.' },
  ],
  returns: 'One row of period labels such as 2026-01 … 2026-12.',
  example: '=PERIODS(Sales!B4:B, "month", 12)',
  run([dates, period, count], ctx) {
    const spec = parsePeriod(optText(period, 'period'));
    const n = optNumber(count, 'count', 12, { integer: true, min: 1, max: 120, help: 'give a whole number from 1 to 120' });
    const days = readDayColumn(toColumn(required(dates, 'dates'), 'dates'), ctx.dates);
    let last = -Infinity;
    for (const d of days) if (d > last) last = d;
    if (last === -Infinity) fail('no dates found; select the column that holds the dates');
    const end = periodOfDay(last, spec);
    return [Array.from({ length: n }, (_, i) => periodLabel(end - n + 1 + i, spec))];
  },
});
