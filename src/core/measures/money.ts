import { type Column, badCell } from '../values/column';
import { isBlank } from '../values/cell';
import { fail } from '../values/errors';
import { readNumber } from '../values/number';

/** The lag measures (DOMAIN.md "Lag measures"): money that already happened. */
export type MoneyMeasure = 'revenue' | 'margin' | 'margin_pct' | 'orders' | 'average_order_value';

const AMOUNT = 'expected an amount such as 1234.5 or "£1,234.50"';

function amountAt(col: Column, i: number): number | null {
  const c = col.cells[i];
  if (typeof c === 'number' && Number.isFinite(c)) return c;
  const x = readNumber(c);
  if (x === undefined) badCell(col, i, AMOUNT);
  return x;
}

/**
 * A lag measure per wanted period (slot[i] is row i's period, −1 for none): revenue = Σ amount;
 * margin = Σ margin (a) or Σ(amount − cost) (a, b); margin % = margin / revenue; orders = distinct
 * order ids (a; a row without an id counts as one order; every row without ids); average order value
 * = revenue (a) / orders (ids in b). Empty sums are 0; a ratio over nothing is null.
 */
export function moneyOfPeriods(id: MoneyMeasure, slot: Int32Array, k: number, a?: Column, b?: Column): (number | null)[] {
  const revenue = new Float64Array(k);
  const margin = new Float64Array(k);
  const orders = new Float64Array(k);
  const seen: Set<string>[] = Array.from({ length: k }, () => new Set<string>());
  const needsAmount = id !== 'orders';
  const ids = id === 'orders' ? a : id === 'average_order_value' ? b : undefined;
  if (needsAmount && !a) fail(`${id} needs the amounts`);
  for (let i = 0; i < slot.length; i++) {
    const p = slot[i];
    if (p < 0) continue;
    if (needsAmount && a) {
      const amount = amountAt(a, i);
      if (amount !== null) {
        revenue[p] += amount;
        if (id === 'margin' || id === 'margin_pct') {
          if (b) margin[p] += amount - (amountAt(b, i) ?? 0);
          else margin[p] += amount;
        }
      }
    }
    if (id === 'orders' || id === 'average_order_value') {
      if (ids) {
        const c = ids.cells[i];
        if (isBlank(c)) orders[p]++;
        else {
          const key = String(c).trim();
          if (!seen[p].has(key)) {
            seen[p].add(key);
            orders[p]++;
          }
        }
      } else orders[p]++;
    }
  }
  const out: (number | null)[] = new Array(k);
  for (let p = 0; p < k; p++) {
    if (id === 'revenue') out[p] = revenue[p];
    else if (id === 'margin') out[p] = margin[p];
    else if (id === 'margin_pct') out[p] = revenue[p] === 0 ? null : margin[p] / revenue[p];
    else if (id === 'orders') out[p] = orders[p];
    else out[p] = orders[p] === 0 ? null : revenue[p] / orders[p];
  }
  return out;
}
