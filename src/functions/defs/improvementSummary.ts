import { improvementSummary } from '../../core/measures/improvementSummary';
import { defineFormula } from '../types';

export const IMPROVEMENT_SUMMARY = defineFormula({
  name: 'IMPROVEMENT_SUMMARY',
  params: [
    { name: 'status', kind: 'range' },
    { name: 'due', kind: 'range' },
    { name: 'closed', kind: 'range' },
    { name: 'opened', kind: 'range', optional: true },
    { name: 'as_of', kind: 'date', default: 'today' },
  ],
  run({ status, due, closed, opened, as_of }, ctx) {
    const s = improvementSummary(status, due, closed, opened ?? null, ctx.dates, as_of);
    return [
      ['Open', 'Overdue', 'Done', 'Median days to close'],
      [s.open, s.overdue, s.done, s.medianDaysToClose],
    ];
  },
});
