import { type Cell, isBlank, showCell } from '../values/cell';
import { type Column, badCell, columnLength, isHeaderCell, sameLength } from '../values/column';
import { type DateOptions, readDayColumn } from '../values/date';
import { fail } from '../values/errors';
import { readNumber } from '../values/number';
import { readScore, SCORE_EXPECTED } from '../values/score';
import { type Comparison, COMPARISON_EXPECTED, readComparison } from '../measures/comparison';
import { type Account, customerKey, customerName, keyAccounts } from '../measures/keyAccounts';
import { type SourceRules } from '../sources/rules';
import { salesLedger } from '../sources/salesLedger';
import { leftOutRows } from '../sources/leaveOut';
import { type PeriodSpec, MAX_PERIODS, periodEnd, periodIndexer, periodLabel } from '../time/periods';
import { isoDay } from '../time/days';
import { type RevenueTrend, TREND_PERIODS, revenueTrend } from './trend';

/**
 * A key-account plan (DOMAIN.md "Key accounts"): who the best customers are (KEY_ACCOUNTS' tiers, ties
 * sharing a tier), how much of the team's attention each gets against its share of the business, which are
 * at risk and why, and each one's last answer and comment. "Create a key account management plan and ensure
 * it focuses your energies, efforts, resources proportionately across your clients."
 *
 * - Revenue is counted as the scorecard counts it (core/sources/salesLedger.ts: one order once, voided or
 *   cancelled rows left out by the rules, rows without a date are not sales), then tiered by keyAccounts.
 * - Attention is what the manager chose to count: rows naming the customer (improvement actions, survey
 *   responses) or an amount per row (hours, visits). Its share is of the attention given to the accounts.
 * - Answers are read by the survey's own rules, as the scorecard reads them: a response its leave-out rules
 *   take out (unfinished, partial, another survey's row) is no answer and, counted as attention, no contact.
 * - Far less than its share: a tier A or B account whose attention share is under half its revenue share;
 *   far more: any account's over twice it. Both only where the gap is at least ATTENTION_FLOOR of all the
 *   attention, so a small account with one answer more than its share is not "over-served".
 * - At risk (tier A or B): its latest referral score is a detractor (≤ 6), its latest comparison says
 *   "worse", its revenue is falling beyond routine variation (trend.ts), or it bought nothing in the last
 *   6 complete periods after buying before.
 */
export const ATTENTION_FLOOR = 0.005;
export const DETRACTOR_MAX = 6;

export interface PlanSales {
  readonly customers: Column;
  readonly amounts: Column;
  readonly dates: Column;
  readonly orderIds?: Column;
  readonly rules?: SourceRules;
  readonly filters?: readonly (Column | undefined)[];
}

/** Each row is one unit of attention to its customer, or `amounts` of it (hours, visits). */
export interface PlanAttention {
  readonly customers: Column;
  readonly amounts?: Column;
}

export interface PlanAnswers {
  readonly customers: Column;
  readonly dates?: Column;
  readonly scores?: Column;
  readonly comparisons?: Column;
  readonly comments?: Column;
  /** The survey's rules (its leave-out rules count here) and the filter columns they read. */
  readonly rules?: SourceRules;
  readonly filters?: readonly (Column | undefined)[];
}

export interface PlanInput {
  readonly sales: PlanSales;
  /** 'answers': each answer the survey's rules keep counts 1 (how often the customer is heard from). */
  readonly attention?: PlanAttention | 'answers';
  readonly answers?: PlanAnswers;
  readonly spec: PeriodSpec;
  readonly dates: DateOptions;
}

export type AttentionFlag = 'starved' | 'over-served';

export interface PlannedAccount extends Account {
  /** 1 for the largest; null for a net negative customer. */
  readonly rank: number | null;
  /** Null when no attention source was given. */
  readonly attention: number | null;
  readonly attentionShare: number | null;
  /** Attention share ÷ revenue share: 1 is attention in proportion to the account. */
  readonly ratio: number | null;
  readonly attentionFlag: AttentionFlag | null;
  readonly trend: RevenueTrend | null;
  /** Why it is at risk, in words (empty: not at risk). */
  readonly reasons: readonly string[];
  readonly lastAnswer: string;
  readonly comment: string;
}

export interface AccountPlan {
  readonly accounts: readonly PlannedAccount[];
  /** Attention given to the accounts listed, and to names the sales do not have (left out of the shares). */
  readonly attentionTotal: number | null;
  readonly attentionUnmatched: { readonly rows: number; readonly names: readonly string[] };
  /** Sales without a customer, left out. */
  readonly noCustomer: { readonly rows: number; readonly revenue: number };
  /** The periods the trend compares, e.g. 2026-07…2026-09 against 2026-04…2026-06; null with too few periods. */
  readonly trendPeriods: { readonly last: string; readonly before: string } | null;
  readonly periodWord: string;
}

const PERIOD_WORD: Record<PeriodSpec['kind'], string> = { week: 'week', month: 'month', quarter: 'quarter', year: 'year' };

function grouped(x: number): string {
  const s = String(Math.round(Math.abs(x)));
  let out = '';
  for (let i = 0; i < s.length; i++) out += (i > 0 && (s.length - i) % 3 === 0 ? ',' : '') + s[i];
  return (x < 0 && Math.round(Math.abs(x)) !== 0 ? '−' : '') + out;
}

interface Answer {
  readonly at: number;
  readonly day: number;
}

interface Heard {
  score: (Answer & { value: number }) | null;
  compare: (Answer & { value: Comparison }) | null;
  last: (Answer & { score: number | null; compare: Comparison | null }) | null;
  comment: (Answer & { text: string }) | null;
}

const COMPARE_WORDS: Record<Comparison, string> = {
  better: 'better than others',
  same: 'about the same as others',
  worse: 'worse than others',
};

/** The order of answers: by day, then by row (a later row of the same day is later); rows without a day come first. */
const later = (a: Answer | null, b: Answer) => !a || b.at >= a.at;

/** A first row whose cells cannot be answers is the header ("Customer", "Score"…). */
function headerFirst(a: PlanAnswers): boolean {
  const unreadable = (col: Column | undefined, read: (c: Cell) => unknown) => {
    const c = col?.cells[0];
    return col !== undefined && typeof c === 'string' && !isBlank(c) && read(c) === undefined;
  };
  return unreadable(a.scores, readScore) || unreadable(a.comparisons, readComparison);
}

/** 1 for each answer the survey's leave-out rules take out; null when none can. */
function answersLeftOut(a: PlanAnswers): Uint8Array | null {
  if (!a.rules?.leaveOut?.length) return null;
  const n = columnLength(a.customers);
  const group = new Int32Array(n);
  for (let i = 0; i < n; i++) group[i] = i;
  return leftOutRows(a.filters, a.rules, group, n).out;
}

function readAnswers(a: PlanAnswers, opts: DateOptions, left: Uint8Array | null): Map<string, Heard> {
  const cols = [a.dates, a.scores, a.comparisons, a.comments, ...(a.filters ?? [])].filter((c): c is Column => !!c);
  sameLength(a.customers, ...cols);
  const n = columnLength(a.customers);
  const days = a.dates ? readDayColumn(a.dates, opts) : null;
  const out = new Map<string, Heard>();
  for (let i = headerFirst(a) ? 1 : 0; i < n; i++) {
    const c = a.customers.cells[i];
    if (isBlank(c) || left?.[i]) continue;
    const key = customerKey(customerName(c));
    let h = out.get(key);
    if (!h) out.set(key, (h = { score: null, compare: null, last: null, comment: null }));
    const day = days ? days[i] : NaN;
    // By day, then by row; rows without a day before any with one.
    const at = (day === day ? day + 1e6 : 0) * 1e7 + i;
    let score: number | null = null;
    if (a.scores) {
      const r = readScore(a.scores.cells[i]);
      if (r === undefined) badCell(a.scores, i, SCORE_EXPECTED);
      score = r;
    }
    let compare: Comparison | null = null;
    if (a.comparisons) {
      const r = readComparison(a.comparisons.cells[i]);
      if (r === undefined) badCell(a.comparisons, i, COMPARISON_EXPECTED);
      compare = r;
    }
    const when = { at, day };
    if (score !== null && later(h.score, when)) h.score = { ...when, value: score };
    if (compare !== null && later(h.compare, when)) h.compare = { ...when, value: compare };
    if ((score !== null || compare !== null) && later(h.last, when)) h.last = { ...when, score, compare };
    const t = a.comments?.cells[i];
    if (t !== undefined && !isBlank(t) && later(h.comment, when))
      h.comment = { ...when, text: t instanceof Date ? showCell(t) : String(t).trim() };
  }
  return out;
}

/** Attention per customer; `left` rows (answers the survey's rules take out) and a header first row do not count. */
function readAttention(a: PlanAttention, left: Uint8Array | null, skipFirst: boolean): Map<string, number> {
  if (a.amounts) sameLength(a.customers, a.amounts);
  const n = columnLength(a.customers);
  const out = new Map<string, number>();
  for (let i = skipFirst ? 1 : 0; i < n; i++) {
    if (left?.[i]) continue;
    const c = a.customers.cells[i];
    let x = 1;
    if (a.amounts) {
      const v = a.amounts.cells[i];
      const r = readNumber(v);
      if (r === undefined) {
        if (isHeaderCell(a.amounts, i, v)) continue;
        badCell(a.amounts, i, 'expected a number of hours or visits, such as 2 or 1.5');
      }
      if (r === null) continue;
      if (r < 0) badCell(a.amounts, i, 'hours or visits cannot be below 0');
      x = r;
      if (isBlank(c)) {
        if (r !== 0) badCell(a.amounts, i, 'this row has attention but no customer; fill in the customer or clear the row');
        continue;
      }
    }
    if (isBlank(c)) continue;
    if (!a.amounts && i < a.customers.width && typeof c === 'string' && /^(customer|company|account|client)s?\b/i.test(c.trim())) continue;
    const key = customerKey(customerName(c));
    out.set(key, (out.get(key) ?? 0) + x);
  }
  return out;
}

/** The plan over sales, attention and answers (see the module's comment for every rule). */
export function accountPlan(input: PlanInput): AccountPlan {
  const { sales, spec } = input;
  sameLength(sales.customers, sales.amounts, sales.dates);
  const ledger = salesLedger(
    { date: sales.dates, amount: sales.amounts, order_id: sales.orderIds, filters: sales.filters },
    sales.rules ?? {},
    input.dates,
  );
  const amount = ledger.values.amount;
  if (!amount) fail(ledger.problems.amount ?? "the amounts cannot be read; select the column that holds each sale's amount");
  const n = ledger.n;
  // What each row counts for, and its customer: the ledger's amount on sale rows, nothing elsewhere.
  const revenueCells: Cell[] = new Array<Cell>(n);
  const noCustomer = { rows: 0, revenue: 0 };
  let lastDay = -Infinity;
  let firstDay = Infinity;
  for (let i = 0; i < n; i++) {
    const c = sales.customers.cells[i];
    if (!ledger.sale[i]) {
      revenueCells[i] = '';
      continue;
    }
    if (ledger.day[i] > lastDay) lastDay = ledger.day[i];
    if (ledger.day[i] < firstDay) firstDay = ledger.day[i];
    if (isBlank(c)) {
      revenueCells[i] = '';
      noCustomer.rows++;
      noCustomer.revenue += amount[i];
    } else revenueCells[i] = amount[i];
  }
  const revenue: Column = { cells: revenueCells, width: 1, name: sales.amounts.name, named: true, firstRow: sales.amounts.firstRow };
  const tiered = keyAccounts(sales.customers, revenue);

  // Revenue per customer and period, for the trend: up to the last complete period of the data.
  const index = periodIndexer(spec);
  const latest = index(lastDay);
  const end = lastDay >= periodEnd(latest, spec) ? latest : latest - 1;
  const perPeriod = new Map<string, Map<number, number>>();
  const first = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    if (!ledger.sale[i] || revenueCells[i] === '') continue;
    const p = index(ledger.day[i]);
    const key = customerKey(customerName(sales.customers.cells[i]));
    let m = perPeriod.get(key);
    if (!m) perPeriod.set(key, (m = new Map()));
    m.set(p, (m.get(p) ?? 0) + amount[i]);
    const f = first.get(key);
    if (f === undefined || p < f) first.set(key, p);
  }
  const trendOf = (key: string): RevenueTrend | null => {
    const f = first.get(key);
    const m = perPeriod.get(key);
    if (f === undefined || !m || f > end) return null;
    if (end - f + 1 > MAX_PERIODS) fail(`the sales span more than ${MAX_PERIODS} periods; choose a longer period such as "quarter"`);
    const values: number[] = [];
    for (let p = f; p <= end; p++) values.push(m.get(p) ?? 0);
    return revenueTrend(values);
  };
  const haveTrend = lastDay > -Infinity && end - index(firstDay) + 1 >= 2 * TREND_PERIODS;

  const left = input.answers ? answersLeftOut(input.answers) : null;
  const heard = input.answers ? readAnswers(input.answers, input.dates, left) : null;
  let attention: Map<string, number> | null = null;
  if (input.attention === 'answers') {
    if (!input.answers) fail('survey responses count as attention only with the answers; give the customer of each answer');
    attention = readAttention({ customers: input.answers.customers }, left, headerFirst(input.answers));
  } else if (input.attention) attention = readAttention(input.attention, null, false);
  let attentionTotal: number | null = null;
  const known = new Set(tiered.map((a) => customerKey(a.customer)));
  const unmatched = { rows: 0, names: [] as string[] };
  if (attention) {
    attentionTotal = 0;
    for (const a of tiered) if (a.tier !== 'net negative') attentionTotal += attention.get(customerKey(a.customer)) ?? 0;
    for (const [k, x] of attention) {
      if (known.has(k)) continue;
      unmatched.rows += x;
      if (unmatched.names.length < 5) unmatched.names.push(k);
    }
  }
  const word = PERIOD_WORD[spec.kind];
  let rank = 0;
  const accounts: PlannedAccount[] = tiered.map((a) => {
    const key = customerKey(a.customer);
    const listed = a.tier !== 'net negative';
    const att = attention ? (attention.get(key) ?? 0) : null;
    const attShare = att !== null && attentionTotal && listed ? att / attentionTotal : null;
    const ratio = attShare !== null && a.share ? attShare / a.share : null;
    let flag: AttentionFlag | null = null;
    if (attShare !== null && a.share !== null) {
      if ((a.tier === 'A' || a.tier === 'B') && attShare < a.share / 2 && a.share - attShare >= ATTENTION_FLOOR) flag = 'starved';
      else if (attShare > 2 * a.share && attShare - a.share >= ATTENTION_FLOOR) flag = 'over-served';
    }
    const trend = listed ? trendOf(key) : null;
    const h = heard?.get(key);
    const reasons: string[] = [];
    const on = (d: number) => (d === d ? ` (${isoDay(d)})` : '');
    if (a.tier === 'A' || a.tier === 'B') {
      if (h?.score && h.score.value <= DETRACTOR_MAX) reasons.push(`latest referral score ${h.score.value} of 10${on(h.score.day)}`);
      if (h?.compare?.value === 'worse') reasons.push(`said worse than others${on(h.compare.day)}`);
      if (trend?.falling)
        reasons.push(
          `revenue falling: ${grouped(trend.last)} a ${word} over the last ${TREND_PERIODS} ${word}s against ${grouped(trend.before)} the ${TREND_PERIODS} before`,
        );
      if (trend?.stopped) reasons.push(`no sales in the last ${2 * TREND_PERIODS} ${word}s`);
    }
    const dated = (d: number, text: string) => (d === d ? `${isoDay(d)}: ${text}` : text);
    const said = h?.last ? [h.last.score !== null ? `${h.last.score} of 10` : '', h.last.compare ? COMPARE_WORDS[h.last.compare] : ''] : [];
    const lastAnswer = h?.last ? dated(h.last.day, said.filter(Boolean).join(', ')) : '';
    const comment = h?.comment ? dated(h.comment.day, h.comment.text) : '';
    return {
      ...a,
      rank: listed ? ++rank : null,
      attention: att,
      attentionShare: attShare,
      ratio,
      attentionFlag: flag,
      trend,
      atRisk: reasons.length > 0,
      reasons,
      lastAnswer,
      comment,
    };
  });
  const label = (from: number, to: number) => `${periodLabel(from, spec)} to ${periodLabel(to, spec)}`;
  return {
    accounts,
    attentionTotal,
    attentionUnmatched: unmatched,
    noCustomer,
    trendPeriods: haveTrend
      ? { last: label(end - TREND_PERIODS + 1, end), before: label(end - 2 * TREND_PERIODS + 1, end - TREND_PERIODS) }
      : null,
    periodWord: word,
  };
}

/** Per tier: how many accounts, their share of the revenue and of the attention. */
export function tierSummary(
  plan: AccountPlan,
): { tier: 'A' | 'B' | 'C'; accounts: number; share: number; attentionShare: number | null }[] {
  return (['A', 'B', 'C'] as const).map((tier) => {
    const of = plan.accounts.filter((a) => a.tier === tier);
    const share = of.reduce((s, a) => s + (a.share ?? 0), 0);
    const att = plan.attentionTotal ? of.reduce((s, a) => s + (a.attentionShare ?? 0), 0) : null;
    return { tier, accounts: of.length, share, attentionShare: att };
  });
}
