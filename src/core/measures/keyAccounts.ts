import { type Cell, dateCellText, isBlank } from '../values/cell';
import { type Column, badCell, requireSome, sameLength, isHeaderCell } from '../values/column';
import { fail } from '../values/errors';
import { readNumber } from '../values/number';
import { readScore } from '../values/score';
import { readComparison } from './comparison';

export interface Account {
  customer: string;
  revenue: number;
  share: number;
  cumulative: number;
  tier: 'A' | 'B' | 'C';
  /** Suggested share of effort: the account's revenue share (effort in proportion to the account). */
  effort: number;
  atRisk: boolean;
}

const TOTAL_ROW = /^(grand\s+)?(sub)?totals?:?$/i;

/** Customer names are grouped ignoring case and extra spaces; the first spelling seen is shown. */
function customerKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

function customerName(c: Cell): string {
  if (c instanceof Date) return isNaN(c.getTime()) ? 'Invalid date' : dateCellText(c);
  return String(c).trim().replace(/\s+/g, ' ');
}

/**
 * Key accounts (DOMAIN.md): revenue by customer from largest; cumulative share before a customer
 * < 80% → A, < 95% → B, else C. A tier A or B customer whose latest referral score is a detractor
 * (≤ 6) or whose latest comparison answer is "worse" is at risk. "Latest" is the last such row.
 * Rows labelled Total / Subtotal are left out, and so are rows with neither customer nor revenue.
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
    if (r !== null) acc.revenue += r;
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
  const list = [...byKey.values()].filter((a) => a.revenue !== 0 || a.score !== null || a.worse !== null);
  list.sort((a, b) => b.revenue - a.revenue || a.name.localeCompare(b.name));
  let total = 0;
  for (const a of list) total += a.revenue;
  if (!(total > 0)) fail("the revenue adds up to nothing; select the column that holds each sale's amount");
  // Compare running revenue with 80% and 95% of the total (not summed shares, whose rounding
  // would put a customer at exactly 80% into tier A).
  const slack = total * 1e-12;
  let before = 0;
  return list.map((a) => {
    const share = a.revenue / total;
    const tier = before < 0.8 * total - slack ? 'A' : before < 0.95 * total - slack ? 'B' : 'C';
    before += a.revenue;
    const atRisk = tier !== 'C' && ((a.score !== null && a.score <= 6) || a.worse === true);
    return { customer: a.name, revenue: a.revenue, share, cumulative: before / total, tier, effort: share, atRisk };
  });
}
