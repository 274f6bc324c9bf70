import { documentFormula } from '../types';
import { TARGET_PRESSURE } from './targetPressure';

export const TARGET_PRESSURE_DOCS = documentFormula(TARGET_PRESSURE, {
  summary:
    "What sales targets do to customers: the share of each period's sales made in its last days, against " +
    'the share expected if sales were even. A spike ratio of 1.5 or more is flagged as an end-of-period ' +
    'push (Oyer 1998 found sales peak at the end of the fiscal year); a period the data covers only in part is ' +
    'marked Partial period and never flagged. TARGET_HEALTH adds returns, discounts, coasting and ratchets.',
  returns: 'A table: Period, Sales, Share in last days, Expected share, Spike ratio, Flag (End-of-period push or Partial period).',
  example: '=TARGET_PRESSURE(A2:A5000, E2:E5000, "quarter", 7)',
  args: {
    dates: 'The date of each sale.',
    amounts: 'The amount of each sale, same size.',
    period: '"week", "month", "quarter" or "year".',
    last_days: 'How many calendar days at the end of each period count as its last days.',
  },
});
