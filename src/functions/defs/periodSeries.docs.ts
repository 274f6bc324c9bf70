import { documentFormula } from '../types';
import { PERIOD_SERIES } from './periodSeries';

export const PERIOD_SERIES_DOCS = documentFormula(PERIOD_SERIES, {
  summary:
    'Values added up (or averaged, counted, ...) per week, month, quarter or year. Every period between ' +
    'the first and the last date is listed (at most 5,000 periods: a stray date far away is an error that ' +
    'names it); empty periods show 0 for sum and count and stay blank otherwise.',
  returns: 'A table: Period, Value.',
  example: '=PERIOD_SERIES(A2:A5000, E2:E5000, "month", "sum")',
  args: {
    dates: 'The date of each row (dates, or text such as 2026-01-31 or 31/01/2026).',
    values: 'The values, same size as dates (numbers or text such as "£1,234.50").',
    period: '"week", "month", "quarter" or "year"; a fiscal year: "quarter:apr".',
    aggregate:
      '"sum", "average", "count" (cells that hold something, text too; blanks, "-" and "n/a" are not counted), "min", "max" or "median".',
  },
});
