import { documentFormula } from '../types';
import { ACTION_RESULT } from './actionResult';

export const ACTION_RESULT_DOCS = documentFormula(ACTION_RESULT, {
  summary:
    'Did each improvement action move the lead measure it names? The measure over a window before the action was ' +
    'opened and the same window after it was closed, for its customer (or everyone when it names none), with the ' +
    'counts behind both, the change and a reading: moved beyond routine variation (better or worse), no change, or ' +
    'too few answers to tell (3 are needed on each side). Where the measure has 6 or more earlier windows, a move is ' +
    'a value outside their natural limits (XmR); otherwise the two windows’ counts must differ beyond chance at 95%. ' +
    'Also: the first time the same customer was unhappy again after the close. The tracker’s Before…Unhappy again ' +
    'columns are one of these.',
  returns:
    'A table: Before, After, Change, Measured result, Unhappy again, one row per action (a header row first when the ' +
    'ranges start with the tracker’s headers). Open actions show Before only; dropped ones nothing.',
  example: '=ACTION_RESULT(G1:G, D1:D, B1:B, L1:L, K1:K, Feedback!A2:A, Feedback!B2:B, Feedback!D2:D, Feedback!F2:F, Feedback!E2:E)',
  args: {
    measures: 'The lead measure of each action: Referral score, Satisfaction, How we compare, On time, Returns or Review response.',
    customers: 'The customer of each action; blank: the measure over everyone.',
    opened: 'The day each action was opened: the before window ends on it.',
    closed: 'The day each action was closed: the after window starts the day after.',
    status: 'Each action’s status (open, in progress, done, dropped): done actions get a result.',
    feedback_dates: 'Optional: when each survey answer was given.',
    feedback_customers: 'Optional: the customer of each answer.',
    scores: 'Optional: the referral scores, 0 to 10 (NPS).',
    satisfaction: 'Optional: satisfaction ratings, 1 to 5 or labels such as Very satisfied (CSAT).',
    comparison: 'Optional: answers to "better, about the same or worse than others?".',
    sale_dates: 'Optional: the date of each sale (returns are counted by it).',
    sale_customers: 'Optional: the customer of each sale.',
    promised: 'Optional: the promised delivery date of each order (on time is counted by it).',
    delivered: 'Optional: the actual delivery date, blank while not delivered.',
    sold: 'Optional: units (or value) sold per row.',
    returned: 'Optional: units (or value) returned per row.',
    review_dates: 'Optional: when each review was posted.',
    stars: 'Optional: star ratings (reviews of 2 stars or fewer count).',
    responded: 'Optional: whether each review was answered.',
    reviewers: 'Optional: who wrote each review (to match a customer).',
    window_length: 'Optional: the length of each window: "8 weeks", "30 days", "month" or "quarter" (calendar months).',
    rows: 'Optional: the sheet row each source’s ranges start on, e.g. "feedback=2, sales=4", so that messages name sheet rows.',
  },
});
