import { documentFormula } from '../types';
import { IMPROVEMENT_SUMMARY } from './improvementSummary';

export const IMPROVEMENT_SUMMARY_DOCS = documentFormula(IMPROVEMENT_SUMMARY, {
  summary:
    'Where the improvement tracker stands: actions open (open or in progress), overdue (open past their ' +
    'due date), done, and the median days from opened to closed.',
  returns: 'A table with one row: Open, Overdue, Done, Median days to close.',
  example: '=IMPROVEMENT_SUMMARY(I2:I200, H2:H200, J2:J200, B2:B200, TODAY())',
  args: {
    status: "Each action's status: open, in progress, done or dropped.",
    due: "Each action's due date.",
    closed: 'The date each action was closed (blank while open).',
    opened: 'Optional: the date each action was opened (needed for the median days to close).',
    as_of: 'Optional: the day to count overdue from; pass TODAY() so it updates daily.',
  },
});
