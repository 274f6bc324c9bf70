import { documentFormula } from '../types';
import { TARGET_HEALTH } from './targetHealth';

export const TARGET_HEALTH_DOCS = documentFormula(TARGET_HEALTH, {
  summary:
    'What sales targets do to customers, per period and per rep: the end-of-period push (Oyer 1998), returns and ' +
    "discounts of its last days against the rest (Larkin 2014), the next period's slow start, coasting after the " +
    'target is reached, and ratcheted targets (Leone, Misra & Zimmerman 2004), with a sentence for each flag. ' +
    'Partial periods are never flagged; reps with fewer than 20 sales neither.',
  returns:
    'A table: Period, Rep (All, then each rep), Sales, the push (share, expected, ratio), returns and discount in the ' +
    'last days and the rest, Next start ratio, Target, Target reached, Daily sales before and after, Target rise, ' +
    'Flags, Finding.',
  example: '=TARGET_HEALTH(B4:B, E4:E, "quarter", 7, H4:H, G4:G, K4:K, , D4:D, Targets!A1:I3)',
  args: {
    dates: 'The date of each sale.',
    amounts: 'The amount of each sale (net, after discounts), same size.',
    period: '"week", "month", "quarter" or "year"; a fiscal year: "quarter:apr".',
    last_days: 'How many calendar days at the end of each period are its push window.',
    returned: 'Optional: what came back of each sale: a number (counted against sold), yes/no, or the date it came back.',
    sold: 'What returned counts against: the quantity for units, or the amounts again for money.',
    discount: 'Optional: the discount of each sale (money off, unless discount_is says otherwise).',
    discount_is: '"amount" (money off), "rate" (0.07 or 7%), "percent" (7 is 7%) or "list" (the price before discount).',
    rep: 'Optional: the rep of each sale; adds rows per rep.',
    targets: 'Optional: period labels as PERIODS writes them, targets under them; a row per rep, named in the first column.',
  },
});
