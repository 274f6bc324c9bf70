import { documentFormula } from '../types';
import { KEY_ACCOUNT_PLAN } from './keyAccountPlan';

export const KEY_ACCOUNT_PLAN_DOCS = documentFormula(KEY_ACCOUNT_PLAN, {
  summary:
    'A key-account plan: each account’s tier (as KEY_ACCOUNTS, ties share a tier) and revenue share against its ' +
    'share of the attention (rows naming it, or hours or visits), flagged when a tier A or B account gets under ' +
    'half its share or any account over twice it (gaps under half a point left alone). At risk: a tier A or B ' +
    'account whose latest referral score is 6 or less, who said we are worse, whose revenue in the last 3 complete ' +
    'periods fell below the 3 before by more than routine variation (XmR), or who bought nothing in 6 periods. ' +
    'Revenue is counted as the scorecard counts it: one order once, rows the options leave out are not sales.',
  returns:
    'A table: Customer, Rank, Tier, Revenue, Revenue share, Attention, Attention share, Attention ÷ revenue share, ' +
    'Attention against share, At risk, Why at risk, Revenue (last 3 against the 3 before, as a change), Last answer, ' +
    'Latest comment. With listed: a row per listed customer, no Customer column, and a last row naming the ' +
    'accounts not listed.',
  example:
    '=KEY_ACCOUNT_PLAN(Sales!C4:C, Sales!E4:E, Sales!B4:B, "month", Sales!A4:A, "row=4", , , , Feedback!B2:B, , Feedback!B2:B, Feedback!A2:A, Feedback!D2:D, Feedback!E2:E, Feedback!H2:H)',
  args: {
    customers: 'The customer of each sale.',
    amounts: 'The net amount of each sale; a negative amount nets, or with "negatives=returns" is a return, not revenue.',
    dates: 'The date of each sale (rows without one are not sales).',
    period: 'The periods the revenue trend compares: "week", "month", "quarter" or "year".',
    order_ids: 'Optional: the order of each row, so an order of several lines counts once.',
    options: 'Rules for reading the sales rows, as SALES_SERIES takes them: "amounts=order", "leave1=voided|cancelled", "row=4".',
    filter1: 'A column the options read to leave rows out (e.g. the payment status).',
    filter2: 'A second such column.',
    filter3: 'A third such column.',
    attention_customers: 'Optional: what counts as attention, one row per action, contact or visit: the customer it was for.',
    attention: 'Optional: the hours or visits of each of those rows (blank: each row counts 1).',
    answer_customers: 'Optional: the customer of each survey answer.',
    answer_dates: 'When each answer was given (the latest counts).',
    scores: 'The referral score (0–10) of each answer.',
    comparisons: 'The answer to “better, about the same or worse than others?”.',
    comments: 'A comment of each answer (the latest one is shown).',
    answer_options:
      'Rules for reading the answers, as FEEDBACK_SERIES takes them: "keep1=true" (Qualtrics’ Finished), "leave1=partial", "row=2". An answer they leave out is no answer and no attention.',
    answer_filter1: 'A column the answer options read to leave answers out (e.g. Finished, Response Type).',
    answer_filter2: 'A second such column.',
    answer_filter3: 'A third such column.',
    attention_from: '"rows" (the default): the rows of attention_customers count; "answers": each answer the answer options keep counts 1.',
    listed: 'Optional: the customers to list, in this order (the plan sheet’s own column).',
  },
});
