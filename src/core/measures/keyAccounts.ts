import { type Cell, dateCellText, isBlank, showCell } from '../values/cell';
import { type Column, badCell, requireSome, sameLength, isHeaderCell } from '../values/column';
import { fail } from '../values/errors';
import { readNumber } from '../values/number';
import { readScore } from '../values/score';
import { readComparison } from './comparison';

export interface Account {
  customer: string;
  /** The customer's net revenue: sales less returns and credits. */
  revenue: number;
  /** Share of the total of the customers with a positive (or zero) net revenue; null for a net negative one. */
  share: number | null;
  cumulative: number | null;
  /** A, B or C; 'net negative' for a customer whose returns and credits exceed their sales (listed apart). */
  tier: 'A' | 'B' | 'C' | 'net negative';
  /** Suggested share of effort: the account's revenue share (effort in proportion to the account). */
  effort: number | null;
  atRisk: boolean;
}

const TOTAL_ROW = /^(grand\s+)?(sub)?totals?:?$/i;

/** Customer names are grouped ignoring case and extra spaces; the first spelling seen is shown. */
export function customerKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** A customer cell as the accounts show it: its text, spaces tidied (a date cell as its day). */
export function customerName(c: Cell): string {
  if (c instanceof Date) return isNaN(c.getTime()) ? 'Invalid date' : dateCellText(c);
  return String(c).trim().replace(/\s+/g, ' ');
}

/**
 * Two revenues that agree to 12 significant digits are equal (a tie): sums of the same amounts added in
 * another order differ in the last bits (10.1 + 20.2 is not 30.3 in binary).
 */
function tieKey(revenue: number): number {
  return Number(revenue.toPrecision(12));
}

const TOO_LARGE = 'is larger than a spreadsheet number can hold (about 1.8e308); check that revenue holds amounts';

/**
 * Key accounts (DOMAIN.md): revenue by customer from largest; cumulative share before a customer
 * < 80% → A, < 95% → B, else C; customers with equal revenue share the tier of the first of them (ties
 * never split a tier by name order; revenues equal to 12 significant digits are equal). A tier A or B
 * customer whose latest referral score is a detractor (≤ 6) or whose latest comparison answer is
 * "worse" is at risk. "Latest" is the last such row. Rows labelled Total / Subtotal are left out, and so
 * are rows with neither customer nor revenue.
 *
 * Negative amounts (returns, credit notes) are netted per customer. A customer whose net revenue is
 * negative is listed apart, after the others, with the tier "net negative" and no share: the shares,
 * the cumulative shares and the tiers are of the customers with a net revenue of 0 or more, so they add
 * up to 100% and every share is between 0 and 1.
 */
export function keyAccounts(customers: Column, revenue: Column, scores?: Column): Account[] {
  sameLength(customers, revenue);
  if (scores) sameLength(customers, scores);
  requireSome(customers, 'customers');
  const byKey = new Map<string, { name: string; revenue: number; score: number | null; worse: boolean | null }>();
  const n = customers.cells.length;
  for (let i = 0; i < n; i++) {
    const c = customers.cells[i];
    const r = readNumber(revenue.cells[i]);
    const blankCustomer = isBlank(c);
    if (r === undefined) {
      if (isHeaderCell(revenue, i, revenue.cells[i])) continue;
      badCell(revenue, i, 'expected an amount such as 1234.5 or "£1,234.50"');
    }
    if (blankCustomer) {
      if (r === null) continue;
      badCell(revenue, i, 'this row has revenue but no customer; fill in the customer or clear the row');
    }
    const name = customerName(c);
    if (TOTAL_ROW.test(name)) continue;
    const key = customerKey(name);
    let acc = byKey.get(key);
    if (!acc) byKey.set(key, (acc = { name, revenue: 0, score: null, worse: null }));
    if (r !== null) {
      acc.revenue += r;
      if (!Number.isFinite(acc.revenue)) fail(`the revenue of ${showCell(acc.name)} adds up to a total that ${TOO_LARGE}`);
    }
    if (scores) {
      const s = scores.cells[i];
      if (!isBlank(s)) {
        const score = readScore(s);
        if (score !== undefined && score !== null) acc.score = score;
        else {
          const cmp = readComparison(s);
          if (cmp === undefined || cmp === null) {
            if (isHeaderCell(scores, i, s)) continue;
            badCell(scores, i, 'expected a referral score from 0 to 10 or "better", "about the same", "worse"');
          }
          acc.worse = cmp === 'worse';
        }
      }
    }
  }
  const all = [...byKey.values()].filter((a) => a.revenue !== 0 || a.score !== null || a.worse !== null);
  const keyed = all.map((a) => ({ ...a, key: tieKey(a.revenue) }));
  keyed.sort((a, b) => b.key - a.key || a.name.localeCompare(b.name));
  const list = keyed.filter((a) => a.revenue >= 0);
  const negative = keyed.filter((a) => a.revenue < 0);
  let total = 0;
  for (const a of list) total += a.revenue;
  if (!Number.isFinite(total)) fail(`the revenue of all customers adds up to a total that ${TOO_LARGE}`);
  if (!(total > 0)) {
    fail(
      negative.length
        ? "no customer has a positive net revenue (returns and credits exceed the sales); select the column that holds each sale's amount"
        : "the revenue adds up to nothing; select the column that holds each sale's amount",
    );
  }
  // Compare running revenue with 80% and 95% of the total (not summed shares, whose rounding
  // would put a customer at exactly 80% into tier A).
  const slack = total * 1e-12;
  let before = 0;
  let tier: Account['tier'] = 'A';
  let tierKey = NaN;
  const out: Account[] = list.map((a) => {
    const share = a.revenue / total;
    if (a.key !== tierKey) {
      tier = before < 0.8 * total - slack ? 'A' : before < 0.95 * total - slack ? 'B' : 'C';
      tierKey = a.key;
    }
    before += a.revenue;
    const atRisk = tier !== 'C' && ((a.score !== null && a.score <= 6) || a.worse === true);
    return { customer: a.name, revenue: a.revenue, share, cumulative: Math.min(1, before / total), tier, effort: share, atRisk };
  });
  for (const a of negative)
    out.push({ customer: a.name, revenue: a.revenue, share: null, cumulative: null, tier: 'net negative', effort: null, atRisk: false });
  return out;
}
