import { documentFormula } from '../types';
import { NPS_BY_PERIOD } from './npsByPeriod';

export const NPS_BY_PERIOD_DOCS = documentFormula(NPS_BY_PERIOD, {
  summary:
    'Net Promoter Score per week, month, quarter or year, with its margin of error, the change from the ' +
    'period before and whether that change is significant at 95%. Every period between the first and last ' +
    'answer is listed.',
  returns: 'A table: Period, Responses, NPS, Margin of error, Change, Significant.',
  example: '=NPS_BY_PERIOD(A2:A500, B2:B500, "month")',
  args: {
    dates: 'When each answer was given (dates, or text such as 2026-01-31 or 31/01/2026).',
    scores: 'The answers, whole numbers from 0 to 10, same size as dates.',
    period: '"week", "month", "quarter" or "year"; a fiscal year: "quarter:apr".',
  },
});
