import { isBlank } from '../../core/values/cell';
import { columnLength } from '../../core/values/column';
import { customerKey, customerName } from '../../core/measures/keyAccounts';
import { type AccountPlan, type PlannedAccount, accountPlan } from '../../core/accounts/plan';
import { PLAN_HEADERS } from '../../core/accounts/headers';
import { defineFormula } from '../types';
import { OPTIONS_HINT, filtersOf, onSheet, sourceOptions } from '../sourceFormula';

const TIER_TEXT = { A: 'A', B: 'B', C: 'C', 'net negative': 'Net negative' } as const;
const FLAG_TEXT = { starved: 'Far less than its share', 'over-served': 'Far more than its share' } as const;

export { PLAN_HEADERS };

function cells(a: PlannedAccount): (string | number | boolean | null)[] {
  return [
    a.rank,
    TIER_TEXT[a.tier],
    a.revenue,
    a.share,
    a.attention,
    a.attentionShare,
    a.ratio,
    a.attentionFlag ? FLAG_TEXT[a.attentionFlag] : '',
    a.atRisk,
    a.reasons.join('; '),
    a.trend?.change ?? null,
    a.lastAnswer,
    a.comment,
  ];
}

/** The last row under a listed plan: the accounts of the data it does not list (new since it was built). */
function notListed(plan: AccountPlan, listed: ReadonlySet<string>): string {
  const missing = plan.accounts.filter((a) => !listed.has(customerKey(a.customer)));
  const parts: string[] = [];
  if (missing.length) {
    const top = missing.slice(0, 3).map((a) => `${a.customer} (tier ${TIER_TEXT[a.tier]})`);
    parts.push(
      `${missing.length} ${missing.length === 1 ? 'account' : 'accounts'} of the data ${missing.length === 1 ? 'is' : 'are'} not listed here: ` +
        `${top.join(', ')}${missing.length > 3 ? ', …' : ''}. Rebuild the plan to list ${missing.length === 1 ? 'it' : 'them'}.`,
    );
  } else parts.push('Every account of the data is listed.');
  if (plan.attentionUnmatched.rows)
    parts.push(
      `Attention to names the sales do not have is left out (${plan.attentionUnmatched.rows}: ${plan.attentionUnmatched.names.join(', ')}).`,
    );
  if (plan.noCustomer.rows) parts.push(`${plan.noCustomer.rows} sales without a customer are left out.`);
  return parts.join(' ');
}

/**
 * KEY_ACCOUNT_PLAN: the key-account plan's table (core/accounts/plan.ts), one row per account from the
 * largest; with `listed`, one row per listed customer in that order (the plan sheet's own column) without
 * the Customer column, and a last row that names the accounts of the data it does not list.
 */
export const KEY_ACCOUNT_PLAN = defineFormula({
  name: 'KEY_ACCOUNT_PLAN',
  params: [
    { name: 'customers', kind: 'range' },
    { name: 'amounts', kind: 'range' },
    { name: 'dates', kind: 'range' },
    { name: 'period', kind: 'period', default: 'month' },
    { name: 'order_ids', kind: 'range', optional: true },
    { name: 'options', kind: 'text', default: '', hint: OPTIONS_HINT },
    { name: 'filter1', kind: 'range', optional: true },
    { name: 'filter2', kind: 'range', optional: true },
    { name: 'filter3', kind: 'range', optional: true },
    { name: 'attention_customers', kind: 'range', optional: true },
    { name: 'attention', kind: 'range', optional: true },
    { name: 'answer_customers', kind: 'range', optional: true },
    { name: 'answer_dates', kind: 'range', optional: true },
    { name: 'scores', kind: 'range', optional: true },
    { name: 'comparisons', kind: 'range', optional: true },
    { name: 'comments', kind: 'range', optional: true },
    { name: 'answer_options', kind: 'text', default: '', hint: OPTIONS_HINT },
    { name: 'answer_filter1', kind: 'range', optional: true },
    { name: 'answer_filter2', kind: 'range', optional: true },
    { name: 'answer_filter3', kind: 'range', optional: true },
    { name: 'attention_from', kind: 'text', default: 'rows', words: { rows: ['row'], answers: ['answer', 'responses', 'response'] } },
    { name: 'listed', kind: 'range', optional: true },
  ],
  run(a, ctx) {
    const o = sourceOptions(a.options);
    const ao = sourceOptions(a.answer_options, 'answer_options');
    const plan = accountPlan({
      sales: {
        customers: onSheet(a.customers, o)!,
        amounts: onSheet(a.amounts, o)!,
        dates: onSheet(a.dates, o)!,
        orderIds: onSheet(a.order_ids, o),
        rules: o.rules,
        filters: filtersOf([a.filter1, a.filter2, a.filter3], o),
      },
      attention:
        a.attention_from === 'answers'
          ? 'answers'
          : a.attention_customers
            ? { customers: a.attention_customers, amounts: a.attention }
            : undefined,
      answers: a.answer_customers
        ? {
            customers: onSheet(a.answer_customers, ao)!,
            dates: onSheet(a.answer_dates, ao),
            scores: onSheet(a.scores, ao),
            comparisons: onSheet(a.comparisons, ao),
            comments: onSheet(a.comments, ao),
            rules: ao.rules,
            filters: filtersOf([a.answer_filter1, a.answer_filter2, a.answer_filter3], ao, {
              options: 'answer_options',
              filter: 'answer_filter',
            }),
          }
        : undefined,
      spec: a.period,
      dates: ctx.dates,
    });
    if (!a.listed) return [['Customer', ...PLAN_HEADERS], ...plan.accounts.map((x) => [x.customer, ...cells(x)])];
    const byKey = new Map(plan.accounts.map((x) => [customerKey(x.customer), x]));
    const out: (string | number | boolean | null)[][] = [[...PLAN_HEADERS]];
    const keys = new Set<string>();
    const blank = PLAN_HEADERS.map(() => '');
    for (let i = 0; i < columnLength(a.listed); i++) {
      const c = a.listed.cells[i];
      if (isBlank(c)) {
        out.push(blank);
        continue;
      }
      const key = customerKey(customerName(c));
      keys.add(key);
      const x = byKey.get(key);
      out.push(x ? cells(x) : ['', '', '', '', '', '', '', '', '', 'Not in the sales any more', '', '', '']);
    }
    out.push([notListed(plan, keys), ...blank.slice(1)]);
    return out;
  },
});
