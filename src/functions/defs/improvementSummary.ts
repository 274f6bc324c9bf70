import { isBlank } from '../../core/values/cell';
import { toColumn } from '../../core/values/column';
import { readDayColumn } from '../../core/values/date';
import { improvementSummary } from '../../core/measures/improvementSummary';
import { defineFormula } from '../types';
import { cell, required, scalar } from '../args';

export const IMPROVEMENT_SUMMARY = defineFormula({
  name: 'IMPROVEMENT_SUMMARY',
  summary:
    'Where the improvement tracker stands: actions open (open or in progress), overdue (open past their due date), ' +
    'done, and the median days from opened to closed.',
  args: [
    { name: 'status', type: 'range', help: "Each action's status: open, in progress, done or dropped." },
    { name: 'due', type: 'range', help: "Each action's due date." },
    { name: 'closed', type: 'range', help: 'The date each action was closed (blank while open).' },
    { name: 'opened', type: 'range', help: 'Optional: the date each action was opened (needed for the median days to close).' },
    { name: 'as_of', type: 'date', help: 'Optional: the day to count overdue from; pass TODAY() so it updates daily. Default: today.' },
  ],
  returns: 'A table with one row: Open, Overdue, Done, Median days to close.',
  example: '=IMPROVEMENT_SUMMARY(I2:I200, H2:H200, J2:J200, B2:B200, TODAY())',
  run([status, due, closed, opened, asOf], ctx) {
    let day = ctx.today();
    const when = scalar(asOf, 'as_of');
    if (!isBlank(when)) {
      day = readDayColumn(toColumn(when, 'as_of'), ctx.dates, 'as_of must be a date, e.g. TODAY() or 2026-06-30', false)[0];
    }
    const openedCol = opened === undefined || isBlank(opened as never) ? null : toColumn(opened, 'opened', true);
    const s = improvementSummary(
      toColumn(required(status, 'status'), 'status', true),
      toColumn(required(due, 'due'), 'due', true),
      toColumn(required(closed, 'closed'), 'closed', true),
      openedCol,
      ctx.dates,
      day,
    );
    return [
      ['Open', 'Overdue', 'Done', 'Median days to close'],
      [s.open, s.overdue, s.done, cell(s.medianDaysToClose)],
    ];
  },
});
