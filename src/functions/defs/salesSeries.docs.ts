import { documentFormula } from '../types';
import { SALES_SERIES } from './salesSeries';

export const SALES_SERIES_DOCS = documentFormula(SALES_SERIES, {
  summary:
    'Every sales measure per period in one call: revenue, orders, margin, margin %, average order value, ' +
    'return rate and on-time delivery, each with the count behind it (orders, units or value sold, orders due). ' +
    'An order of several lines counts once; rows the options leave out (voided, failed, cancelled, test) are ' +
    'not sales. The scorecard spills one of these per sales sheet, so each column is read once.',
  returns:
    'A table: Measure, Note, then one column per period (labels such as 2026-01). Two rows per measure: its ' +
    'values, and its counts (the row named like "revenue:n"); the Note says what a measure needs or what went wrong. ' +
    'Under them, target health per quarter: Period, Sales, the push (share in last days, expected share, spike ratio), ' +
    'returned and discount in the last days and the rest, next start ratio, Flags and a Finding.',
  example: '=SALES_SERIES(Sales!B4:B, Sales!E4:E, "month", Sales!A4:A, Sales!F4:F)',
  args: {
    dates: 'The date of each sale (dates, or text such as 2026-01-31 or 31/01/2026); rows without one are left out.',
    amounts: 'The net amount of each sale (after discounts, before tax and shipping).',
    period: '"week", "month", "quarter" or "year"; a fiscal year: "quarter:apr".',
    order_ids: 'The order or invoice number of each row: an order of several lines counts once.',
    costs: 'The cost of each row (for margin = amount − cost).',
    quantities: 'Units sold per row (for the return rate by units).',
    returned: 'Units returned per row.',
    promised: 'The promised delivery date of each order (for on time).',
    delivered: 'The actual delivery date, blank while not delivered.',
    refunds: 'Money refunded per order (the return rate by value).',
    margins: 'A margin per row, where the data has one instead of costs.',
    discounts:
      'Money off per row (the list value is amount + discount): target health compares the discount in the last days with the rest.',
    start: 'The first period to list, e.g. "2024-11" (several sources line up from the same start); blank: the first period with a sale.',
    options:
      'Rules for reading the rows: "amounts=order" (each order\'s amount is given once, on its first line or on every line), ' +
      '"leave1=voided|cancelled" (rows whose filter1 is one of these are left out; * = any non-blank), "row=4" (the sheet row ' +
      'the ranges start on, so messages name sheet rows).',
    filter1: 'A column the options read to leave rows out (e.g. the payment status).',
    filter2: 'A second such column.',
    filter3: 'A third such column.',
    as_of: 'The day an undelivered order is judged by. Default: the latest promised or delivered date.',
    health_period: 'The periods of the target-health section under the measures (the end-of-period push).',
    last_days: 'How many calendar days at the end of each of those periods count as its last days.',
    targets:
      "Optional: a targets table (a row of period labels, then the team's targets under them, as TARGET_HEALTH reads it), " +
      'for coasting after the target and the ratchet in the target-health section.',
  },
});
