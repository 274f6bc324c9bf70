import { type Cell, isBlank } from '../../values/cell';
import { type Column, badCell, requireSome, sameLength, where } from '../../values/column';
import { readBoolean } from '../../values/boolean';
import { type DateOptions, readDay } from '../../values/date';
import { fail } from '../../values/errors';
import { readNumber } from '../../values/number';

/** How the discount column is written: money off the row, a rate (0.07 or 7%), a percentage (7 = 7%), or the row's list value. */
export type DiscountKind = 'amount' | 'rate' | 'percent' | 'list';

/** The columns of a sales table that target health reads, row by row; all but dates and amounts optional. */
export interface HealthColumns {
  /** The date column the days were read from (for its size, and to tell a totals row from a bad amount). */
  readonly dates?: Column;
  readonly amounts: Column;
  /** What came back of each sale: a number (counted against `sold`), or yes/no or the date it came back (the whole row). */
  readonly returned?: Column;
  /** What `returned` counts against: the quantity column for units, or the amounts for money. */
  readonly sold?: Column;
  readonly discount?: Column;
  /** Left out: money off, refusing a column whose every discount is 1 or less (rates in disguise). */
  readonly discountIs?: DiscountKind;
  readonly rep?: Column;
}

/**
 * The sales as numbers, one entry per row of the ranges. A sale is a row with a date and an amount; the
 * other columns are read on sales only, so header, blank and totals rows never need to hold anything.
 */
export interface HealthSales {
  /** The date column as read: NaN for a row without a date. */
  readonly days: Float64Array;
  /** NaN where the row is not a sale. */
  readonly amounts: Float64Array;
  /** What came back and what it counts against; base 0 where the row does not count (no base, or a credit: amount < 0). */
  readonly returns: { readonly returned: Float64Array; readonly base: Float64Array } | null;
  /** Money off and the list value (amount + money off); list 0 where the row does not count. */
  readonly discount: { readonly off: Float64Array; readonly list: Float64Array } | null;
  /** Each row's rep as an index into `reps`, −1 for none. */
  readonly rep: Int32Array | null;
  /** Rep names, first spelling seen. */
  readonly reps: readonly string[];
}

const AMOUNT = 'expected an amount such as 1234.5 or "£1,234.50"';

/** Rep (and customer) names group ignoring case and extra spaces. */
export function nameKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

export function nameOf(c: Cell): string {
  if (c instanceof Date) return isNaN(c.getTime()) ? 'Invalid date' : c.toISOString().slice(0, 10);
  return String(c).trim().replace(/\s+/g, ' ');
}

export function readHealthSales(cols: HealthColumns, days: Float64Array, opts: DateOptions): HealthSales {
  const { dates, amounts } = cols;
  const others = [cols.returned, cols.sold, cols.discount, cols.rep].filter((c): c is Column => c !== undefined);
  if (dates) sameLength(dates, amounts, ...others);
  else sameLength(amounts, ...others);
  requireSome(amounts, 'amounts');
  const n = days.length;
  const amount = new Float64Array(n);
  const cells = amounts.cells;
  for (let i = 0; i < n; i++) {
    const c = cells[i];
    const x = typeof c === 'number' && Number.isFinite(c) ? c : readNumber(c);
    const dated = days[i] === days[i];
    if (x === undefined) {
      if (!dated && (i < amounts.width || isBlank(dates?.cells[i]))) {
        amount[i] = NaN; // the header, or a totals row
        continue;
      }
      badCell(amounts, i, AMOUNT);
    }
    amount[i] = dated && x !== null ? x : NaN;
  }
  return {
    days,
    amounts: amount,
    returns: cols.returned ? readReturns(cols.returned, cols.sold, amount, opts) : null,
    discount: cols.discount ? readDiscounts(cols.discount, cols.discountIs, amount) : null,
    ...(cols.rep ? readReps(cols.rep, amount) : { rep: null, reps: [] }),
  };
}

const RETURNED_WORDS = new Set(['returned', 'return', 'refunded', 'refund', 'rma', 'came back']);

/** A returned cell: a number, 'whole' (yes, or the date it came back), null for none, undefined when unreadable. */
function returnedCell(c: Cell, opts: DateOptions): number | 'whole' | null | undefined {
  if (isBlank(c)) return null;
  if (c instanceof Date) return c.getTime() === c.getTime() ? 'whole' : undefined;
  if (typeof c === 'boolean') return c ? 'whole' : null;
  if (typeof c === 'number') return Number.isFinite(c) ? c : undefined;
  if (typeof c !== 'string') return undefined;
  const x = readNumber(c);
  if (x !== undefined) return x;
  const yes = readBoolean(c);
  if (yes !== undefined) return yes ? 'whole' : null;
  if (RETURNED_WORDS.has(c.trim().toLowerCase())) return 'whole';
  const d = readDay(c, opts);
  return d === undefined ? undefined : d === null ? null : 'whole';
}

function readReturns(
  returned: Column,
  sold: Column | undefined,
  amount: Float64Array,
  opts: DateOptions,
): { returned: Float64Array; base: Float64Array } {
  const n = amount.length;
  const back = new Float64Array(n);
  const base = new Float64Array(n);
  let numberAt = -1;
  let wholeAt = -1;
  for (let i = 0; i < n; i++) {
    const a = amount[i];
    if (a !== a) continue;
    const r = returnedCell(returned.cells[i], opts);
    if (r === undefined) badCell(returned, i, 'expected what came back (a number such as 2), yes/no, or the date it came back');
    if (typeof r === 'number') {
      if (r < 0) badCell(returned, i, 'what came back is a number of 0 or more');
      if (r !== 0 && numberAt < 0) numberAt = i;
    } else if (r === 'whole' && wholeAt < 0) wholeAt = i;
    let b = a;
    if (sold) {
      const s = readNumber(sold.cells[i]);
      if (s === undefined) badCell(sold, i, 'expected what was sold, a quantity or an amount such as 12 or £1,234.50');
      if (s === null) {
        if (r === 'whole' || (typeof r === 'number' && r !== 0))
          badCell(sold, i, 'a row with returns needs what was sold; fill it in or clear the row');
        continue;
      }
      b = s;
    }
    if (a < 0 || b <= 0) continue; // a credit or an empty line: not a sale that could come back
    base[i] = b;
    back[i] = r === 'whole' ? b : (r ?? 0);
  }
  if (numberAt >= 0 && wholeAt >= 0)
    fail(
      `returned mixes numbers (${where(returned, numberAt)}) with dates or yes/no (${where(returned, wholeAt)}); ` +
        'give one kind: what came back as numbers, or a date or yes on each row that came back',
    );
  if (numberAt >= 0 && !sold)
    fail(
      `returned holds numbers (${where(returned, numberAt)}); give sold, what they count against: the quantity column ` +
        'for units, or the amounts again for money',
    );
  return { returned: back, base };
}

const PERCENT_TEXT = /%\s*$/;

function readDiscounts(col: Column, kind: DiscountKind | undefined, amount: Float64Array): { off: Float64Array; list: Float64Array } {
  const n = amount.length;
  const off = new Float64Array(n);
  const list = new Float64Array(n);
  const k = kind ?? 'amount';
  let positiveAt = -1;
  let negativeAt = -1;
  let aboveOne = false;
  for (let i = 0; i < n; i++) {
    const a = amount[i];
    if (a !== a) continue;
    const c = col.cells[i];
    const v = readNumber(c);
    if (v === undefined)
      badCell(col, i, k === 'list' ? "expected the row's list value, an amount such as 1234.5" : 'expected a discount such as 12.5 or 7%');
    const percentText = typeof c === 'string' && PERCENT_TEXT.test(c);
    if (a < 0) continue; // credit notes are not sales at a price
    if (k === 'list') {
      if (v === null) continue;
      if (percentText) badCell(col, i, 'this is a rate, not a list value; give discount_is "rate"');
      if (v < a * (1 - 1e-12)) badCell(col, i, `the list value is below the row's amount ${a}; give the price before discount`);
      if (v <= 0) continue;
      list[i] = v;
      off[i] = v - a;
      continue;
    }
    if (k === 'amount') {
      if (percentText) badCell(col, i, 'this is a rate, not money off; give discount_is "rate"');
      const x = v ?? 0;
      if (x > 0 && positiveAt < 0) positiveAt = i;
      if (x < 0 && negativeAt < 0) negativeAt = i;
      if (Math.abs(x) > 1) aboveOne = true;
      off[i] = x; // the sign is settled below
      continue;
    }
    const rate = v === null ? 0 : k === 'percent' && !percentText ? v / 100 : v;
    if (!(rate >= 0 && rate <= 1))
      badCell(
        col,
        i,
        k === 'percent'
          ? 'a percentage off is from 0 to 100, such as 7 for 7%'
          : 'a rate off is a fraction from 0 to 1, such as 0.07 or 7%',
      );
    if (rate === 1) {
      if (a === 0) continue; // given away: no list value to weigh it by
      badCell(col, i, `a row sold for ${a} was not 100% off; check the discount`);
    }
    list[i] = a / (1 - rate);
    off[i] = list[i] - a;
    if (list[i] <= 0) list[i] = off[i] = 0;
  }
  if (k === 'amount') {
    if (positiveAt >= 0 && negativeAt >= 0)
      fail(
        `discount holds money off both as positive (${where(col, positiveAt)}) and negative (${where(col, negativeAt)}) numbers; ` +
          'write it one way',
      );
    if ((positiveAt >= 0 || negativeAt >= 0) && !aboveOne && kind === undefined)
      fail(
        `every discount is 1 or less (${where(col, positiveAt >= 0 ? positiveAt : negativeAt)} holds ` +
          `${String(col.cells[positiveAt >= 0 ? positiveAt : negativeAt])}), which reads as rates rather than money off; ` +
          'give discount_is "rate" (0.07 is 7% off) or "amount" (money off)',
      );
    const sign = negativeAt >= 0 ? -1 : 1; // exports such as Square write discounts as negative money
    for (let i = 0; i < n; i++) {
      const a = amount[i];
      if (a !== a || a < 0) continue;
      const x = off[i] === 0 ? 0 : sign * off[i];
      off[i] = x;
      list[i] = a + x;
      if (list[i] <= 0) list[i] = off[i] = 0;
    }
  }
  return { off, list };
}

/** Each sale's rep (index into `reps`; −1 for none), names grouped ignoring case and spaces. */
export function readReps(col: Column, amount: Float64Array): { rep: Int32Array; reps: string[] } {
  const n = amount.length;
  const rep = new Int32Array(n).fill(-1);
  const reps: string[] = [];
  const byKey = new Map<string, number>();
  // A column holds a few names over many rows: each distinct text is normalised once.
  const byText = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    if (amount[i] !== amount[i]) continue;
    const c = col.cells[i];
    if (typeof c === 'string') {
      const known = byText.get(c);
      if (known !== undefined) {
        rep[i] = known;
        continue;
      }
    }
    if (isBlank(c)) continue;
    const name = nameOf(c);
    const key = nameKey(name);
    let g = byKey.get(key);
    if (g === undefined) {
      g = reps.length;
      byKey.set(key, g);
      reps.push(name);
    }
    if (typeof c === 'string') byText.set(c, g);
    rep[i] = g;
  }
  return { rep, reps };
}
