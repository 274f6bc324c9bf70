import { type DateOptions } from '../values/date';
import { type PeriodSpec } from '../time/periods';
import { type SourceColumns } from '../scorecard/compute';
import { accountPlan, type PlannedAccount } from './plan';

/** A tier A or B account whose latest answer is a detractor or "worse" (DOMAIN.md key accounts), for the scorecard. */
export interface AccountAtRisk {
  readonly customer: string;
  readonly tier: 'A' | 'B';
  readonly revenue: number;
  /** "latest referral score 3 of 10 (2026-05-14)"; "said worse than others (…)". */
  readonly why: string;
  /** ISO day of the last answer, and what it said ("2026-05-14: 3 of 10, worse than others"). */
  readonly lastAnswer: string;
  readonly comment: string;
  /** The same, for a line that names the day once: `why` without its dates, the day, the comment's words. */
  readonly whyWords: string;
  readonly lastDay: string;
  readonly commentWords: string;
}

/** The columns the list reads beyond the scorecard's measures (the command line reads them only for --summary). */
export const AT_RISK_ROLES = { sales: ['customer'], feedback: ['customer', 'comment'] } as const;

/** The plan's reasons that come from what the customer said (its others: revenue falling, no sales). */
const SAID = /^(latest referral score|said worse)/;

/**
 * The key accounts at risk by what they said, largest first: the key-account plan's tiers and latest
 * answers (core/accounts/plan.ts, the same as KEY_ACCOUNT_PLAN and `leadlag accounts`), keeping the A and
 * B accounts whose latest referral score is a detractor or whose latest comparison is "worse". Null
 * without a customer column on both sides (there is nothing to match).
 */
export function accountsAtRisk(
  sales: SourceColumns,
  feedback: SourceColumns,
  spec: PeriodSpec,
  dates: DateOptions,
): AccountAtRisk[] | null {
  const s = sales.columns;
  const f = feedback.columns;
  if (!s.customer || !s.amount || !s.date || !f.customer || (!f.referral_score && !f.comparison)) return null;
  const plan = accountPlan({
    sales: { customers: s.customer, amounts: s.amount, dates: s.date, orderIds: s.order_id, rules: sales.rules, filters: sales.filters },
    answers: {
      customers: f.customer,
      dates: f.date,
      scores: f.referral_score,
      comparisons: f.comparison,
      comments: f.comment,
      rules: feedback.rules,
      filters: feedback.filters,
    },
    spec,
    dates,
  });
  return plan.accounts.filter(said).map((a) => {
    const why = a.reasons.filter((r) => SAID.test(r)).join('; ');
    return {
      customer: a.customer,
      tier: a.tier as 'A' | 'B',
      revenue: a.revenue,
      why,
      lastAnswer: a.lastAnswer,
      comment: a.comment,
      whyWords: why.replace(/ \(\d{4}-\d\d-\d\d\)/g, ''),
      lastDay: a.lastAnswer.slice(0, 10),
      commentWords: a.comment.replace(/^\d{4}-\d\d-\d\d: /, ''),
    };
  });
}

const said = (a: PlannedAccount) => (a.tier === 'A' || a.tier === 'B') && a.reasons.some((r) => SAID.test(r));
