import { isBlank } from '../../core/values/cell';
import { toColumn } from '../../core/values/column';
import { readDayColumn } from '../../core/values/date';
import { fail } from '../../core/values/errors';
import { improvementSummary } from '../../core/measures/improvementSummary';
import { defineFormula } from '../types';
import { cell, required } from '../args';

export const IMPROVEMENT_SUMMARY = defineFormula({
  name: 'IMPROVEMENT_SUMMARY',
  summary:
    'Where the improvement tracker stands: actions open (open or in progress), overdue (open past their due date), ' +
    'done, and the median days from opened to closed.',
  args: [
    { name: 'status', type: 'range', help: 'Each action\'s status: open, in progress, done or dropped.' },
    { name: 'due', type: 'range', help: 'Each action\'s due date.' },
    { name: 'closed', type: 'range', help: 'The date each action was closed (blank while open).' },
    { name: 'opened', type: 'range', help: 'Optional: the date each action was opened (needed for the median days to close).' },
    { name: 'as_of', type: 'date', help: 'Optional: the day to count overdue from; pass TODAY() so it updates daily. Default: today.' },
  ],
  returns: 'A table with one row: Open, Overdue, Done, Median days to close.',
  example: '=IMPROVEMENT_SUMMARY(I2:I200, H2:H200, J2:J200, B2:B200, TODAY())',
  run([status, due, closed, opened, asOf], ctx) {
    let day = ctx.today();
    if (!isBlank(asOf as never)) {
      if (Array.isArray(asOf)) fail('as_of must be a single date, e.g. TODAY()');
      day = readDayColumn(toColumn(asOf, 'as_of'), ctx.dates)[0];
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
