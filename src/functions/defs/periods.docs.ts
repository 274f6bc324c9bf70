import { documentFormula } from '../types';
import { PERIODS } from './periods';

export const PERIODS_DOCS = documentFormula(PERIODS, {
  summary:
    'The labels of the last periods in the data, oldest first, ending with the period of the latest date: ' +
    "a scorecard's header row that moves on by itself when newer rows are pasted.",
  returns: 'One row of period labels such as 2026-01 … 2026-12; fiscal ones name the month each period begins, such as FY2027-Q1 (Jul).',
  example: '=PERIODS(Sales!B4:B, "month", 12)',
  args: {
    dates: 'The dates of the data (e.g. the order dates).',
    period: '"week", "month", "quarter" or "year"; a fiscal year: "quarter:jul".',
    count: 'How many periods to list.',
  },
});
