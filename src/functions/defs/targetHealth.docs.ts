import { documentFormula } from '../types';
import { TARGET_HEALTH } from './targetHealth';

export const TARGET_HEALTH_DOCS = documentFormula(TARGET_HEALTH, {
  summary:
    'What sales targets do to customers, period by period and rep by rep: the end-of-period push (share of sales in ' +
    'the last days, flagged from 1.5× the even share; Oyer 1998 found sales peak at the fiscal year end and dip at its ' +
    'start), returns of the push window against the rest (1.5×, 20 sales each side), its discount rate against the ' +
    'rest (2 points; Larkin 2014 found deals timed to commissions cost 6–8% of revenue in discounts), the next ' +
    "period's slow start (pull-forward), coasting once a target is reached (half the daily rate, 7 days each side) and " +
    'ratcheted targets (Leone, Misra & Zimmerman 2004). Partial periods are marked and never flagged; a rep is never ' +
    'flagged on fewer than 20 sales.',
  returns:
    'A table: Period, Rep (All, then each rep), Sales, Share in last days, Expected share, Spike ratio, Returned, last ' +
    'days, Returned, rest, Discount, last days, Discount, rest, Next start ratio, Target, Target reached, Daily sales ' +
    'before, Daily sales after, Target rise, Flags, Finding (a sentence).',
  example: '=TARGET_HEALTH(B4:B, E4:E, "quarter", 7, H4:H, G4:G, K4:K, , D4:D, Targets!A1:I3)',
  args: {
    dates: 'The date of each sale.',
    amounts: 'The amount of each sale (net, after discounts), same size.',
    period: '"week", "month", "quarter" or "year"; a fiscal year: "quarter:apr".',
    last_days: 'How many calendar days at the end of each period are its push window.',
    returned:
      'Optional: what came back of each sale, a number (units or money, counted against sold), or yes/no or the date it came back (the whole sale).',
    sold: 'What returned counts against: the quantity column for units, or the amounts again for money. Needed when returned holds numbers.',
    discount: 'Optional: the discount of each sale. Discount rate = money off / (amount + money off), weighted by value.',
    discount_is:
      'How discount is written: "amount" (money off; the default), "rate" (0.07 or 7%), "percent" (7 = 7%) or "list" (the list value before discount).',
    rep: 'Optional: the sales rep of each sale; adds a block of rows per rep.',
    targets:
      'Optional: a row of period labels (as PERIODS writes them) with the targets under it; with names in the first column, a row per rep (blank or All for the team).',
  },
});
