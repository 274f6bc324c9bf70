import { type Column, badCell, sameLength } from '../values/column';
import { isBlank } from '../values/cell';
import { type DateOptions, cachedDayColumn } from '../values/date';
import { readNumber } from '../values/number';
import { InputError } from '../values/errors';
import { TextIds } from '../values/textIds';
import { type SourceRules, matches } from './rules';
import { filterText, leftOutRows } from './leaveOut';

/**
 * A sales table read once into what the lag measures and the sales-side lead measures count
 * (DOMAIN.md "Lag measures"): which rows are sales, which order each belongs to, and each row's counted
 * amount, cost, margin, refund and discount. Every sales measure — the whole-range formulas, MEASURE_SERIES,
 * SALES_SERIES, the command line — counts from a ledger, so they agree by construction.
 *
 * - A row is a sale when it has a date and no leave-out rule (voided, failed, cancelled, test…) catches it
 *   or another row of its order.
 * - An order is its order id (trimmed text); a sale without an id is an order of its own.
 * - Amounts at the order level (rules.amounts = 'order', or decided from the data) are counted once per
 *   order: the first non-blank amount among its rows, on that row. At the line level every row counts.
 *   Cost, margin, refund and discount follow the amount's level; quantities and returned units are per line.
 * - A return row (rules.returns: a refund row, a credit memo or note; rules.negatives: a row whose amount is
 *   below zero) is neither a sale nor an order: the size of its amount is a return by value in its own
 *   period, added to the refunds (at the order level once per id among the return rows). A return row of an
 *   order that a leave-out rule takes out goes with it (a cancelled order's refund is no return).
 */
export interface SalesColumns {
  readonly date: Column;
  readonly order_id?: Column;
  readonly amount?: Column;
  readonly cost?: Column;
  readonly margin?: Column;
  readonly quantity?: Column;
  readonly returned?: Column;
  readonly refunded?: Column;
  readonly discount?: Column;
  readonly promised_date?: Column;
  readonly delivered_date?: Column;
  /** Columns the leave-out rules read, by their place (rules.leaveOut[].filter). */
  readonly filters?: readonly (Column | undefined)[];
}

/** The money columns read at the amount's level, and the per-line ones. */
export type LedgerValue = 'amount' | 'cost' | 'margin' | 'refunded' | 'discount' | 'quantity' | 'returned';
const ORDER_LEVEL: readonly LedgerValue[] = ['amount', 'cost', 'margin', 'refunded', 'discount'];
const LINE_LEVEL: readonly LedgerValue[] = ['quantity', 'returned'];

export interface SalesLedger {
  readonly n: number;
  /** Each row's day (core/time/days.ts); NaN for rows without a date (titles, totals, blank rows). */
  readonly day: Float64Array;
  /** 1 where the row counts as a sale. */
  readonly sale: Uint8Array;
  /** 1 where the row is a return row (its value is in values.refunded), counted in its own period. */
  readonly returnRow: Uint8Array;
  readonly returnRows: number;
  /** The order of each sale row, 0..orders−1 (−1 for other rows); orders are numbered by first appearance. */
  readonly order: Int32Array;
  readonly orders: number;
  /** Each order's first sale row. */
  readonly orderFirst: Int32Array;
  /** How amounts were counted, and whether the data decided it (no rule said). */
  readonly level: 'line' | 'order';
  readonly levelGuessed: boolean;
  /** Counted values per row, 0 where nothing counts; null when the column is not there or could not be read. */
  readonly values: Readonly<Record<LedgerValue, Float64Array | null>>;
  /** Promised and delivered days per row (NaN: none), when those columns are there and readable. */
  readonly promised: Float64Array | null;
  readonly delivered: Float64Array | null;
  /** Dated rows the leave-out rules took out, with why (the first LEFT_OUT_LISTED of them), and how many. */
  readonly leftOut: readonly { readonly index: number; readonly reason: string }[];
  readonly leftOutCount: number;
  /**
   * A column that could not be read (a cell that is not an amount, a date that is not a date): its
   * measures say so with this message while the others are counted (issue "one cell, one measure").
   */
  readonly problems: Readonly<Partial<Record<LedgerValue | 'promised_date' | 'delivered_date' | 'order_id', string>>>;
}

export const LEFT_OUT_LISTED = 200;

const AMOUNT = 'expected an amount such as 1234.5 or "£1,234.50"';
const QUANTITY = 'expected a quantity such as 12';

function cellText(c: unknown): string {
  if (c instanceof Date) return isNaN(c.getTime()) ? '' : String(c.getTime());
  return String(c).trim();
}

/** A money or quantity column as numbers per row (NaN for a blank), or an error message. */
function readValues(col: Column, expected: string, day: Float64Array): Float64Array | string {
  const n = day.length;
  const out = new Float64Array(n);
  const rows = col.rows;
  try {
    for (let i = 0; i < n; i++) {
      const c = rows ? rows[i][0] : col.cells[i];
      if (typeof c === 'number' && c - c === 0) {
        out[i] = c;
        continue;
      }
      const x = readNumber(c);
      if (x === undefined) {
        // Rows without a date (a title, the header, a totals row) may hold anything.
        if (day[i] !== day[i]) {
          out[i] = NaN;
          continue;
        }
        badCell(col, i, expected);
      }
      out[i] = x === null ? NaN : x;
    }
  } catch (e) {
    if (e instanceof InputError) return e.message;
    throw e;
  }
  return out;
}

function readDays(col: Column, opts: DateOptions): Float64Array | string {
  try {
    return cachedDayColumn(col, opts);
  } catch (e) {
    if (e instanceof InputError) return e.message;
    throw e;
  }
}

/**
 * Reads a sales table into a ledger. The date column must be readable (without it nothing is a sale:
 * its error is thrown); any other column that cannot be read is reported in `problems`.
 */
export function salesLedger(cols: SalesColumns, rules: SourceRules, opts: DateOptions): SalesLedger {
  const present = [cols.order_id, cols.amount, cols.cost, cols.margin, cols.quantity, cols.returned, cols.refunded, cols.discount];
  for (const c of [...present, cols.promised_date, cols.delivered_date, ...(cols.filters ?? [])]) if (c) sameLength(cols.date, c);
  const day = cachedDayColumn(cols.date, opts);
  const n = day.length;
  const problems: Record<string, string> = {};

  // Orders by id, numbered by first appearance among dated rows.
  const key = new Int32Array(n).fill(-1);
  let keys = 0;
  if (cols.order_id) {
    const ids = new TextIds(n >> 2); // room for an order per 4 rows before it grows
    const rows = cols.order_id.rows;
    const idKey: number[] = [];
    // An order's lines are usually next to each other: the id of the row before is checked first.
    let prevCell: unknown = undefined;
    let prevKey = -1;
    for (let i = 0; i < n; i++) {
      if (day[i] !== day[i]) continue;
      const c = rows ? rows[i][0] : cols.order_id.cells[i];
      if (prevKey >= 0 && typeof c === 'string' && c === prevCell) {
        key[i] = prevKey;
        continue;
      }
      if (isBlank(c)) {
        key[i] = keys++;
        prevKey = -1;
        continue;
      }
      // Ids are numbered by first appearance, as keys are; blank rows take keys of their own in between.
      const id = ids.id(cellText(c));
      if (id === idKey.length) idKey.push(keys++);
      const k = idKey[id];
      key[i] = k;
      prevCell = c;
      prevKey = k;
    }
  } else for (let i = 0; i < n; i++) if (day[i] === day[i]) key[i] = keys++;

  // Raw values, each column on its own so that one unreadable cell fails only its measures.
  const raw: Partial<Record<LedgerValue, Float64Array>> = {};
  const read = (name: LedgerValue, col: Column | undefined, expected: string) => {
    if (!col) return;
    const r = readValues(col, expected, day);
    if (typeof r === 'string') problems[name] = r;
    else raw[name] = r;
  };
  read('amount', cols.amount, AMOUNT);
  read('cost', cols.cost, AMOUNT);
  read('margin', cols.margin, AMOUNT);
  read('refunded', cols.refunded, AMOUNT);
  read('discount', cols.discount, AMOUNT);
  read('quantity', cols.quantity, QUANTITY);
  read('returned', cols.returned, QUANTITY);

  // Return rows: refunds and credit notes written as rows of their own.
  const returnRow = new Uint8Array(n);
  let returnRows = 0;
  const byFilter = rules.returns ?? [];
  const negatives = rules.negatives === 'returns';
  if (byFilter.length || negatives) {
    for (let i = 0; i < n; i++) {
      if (key[i] < 0) continue;
      let hit = negatives && raw.amount !== undefined && raw.amount[i] < 0;
      for (const r of byFilter) {
        if (hit) break;
        const col = cols.filters?.[r.filter];
        if (col) hit = matches(r.values, filterText(col.rows ? col.rows[i][0] : col.cells[i]));
      }
      if (hit) {
        returnRow[i] = 1;
        returnRows++;
      }
    }
  }

  // Leave-out rules: an order with one such row goes whole.
  const left = leftOutRows(cols.filters, rules, key, keys);
  const sale = new Uint8Array(n);
  const order = new Int32Array(n).fill(-1);
  const renumber = new Int32Array(keys).fill(-1);
  const firsts: number[] = [];
  const leftOut: { index: number; reason: string }[] = [];
  let leftOutCount = 0;
  for (let i = 0; i < n; i++) {
    const k = key[i];
    if (k < 0) continue;
    if (left.out[i]) {
      leftOutCount++;
      if (leftOut.length < LEFT_OUT_LISTED) leftOut.push({ index: i, reason: left.reason(i) });
      if (returnRow[i]) {
        returnRow[i] = 0;
        returnRows--;
      }
      continue;
    }
    if (returnRow[i]) continue;
    sale[i] = 1;
    if (renumber[k] < 0) {
      renumber[k] = firsts.length;
      firsts.push(i);
    }
    order[i] = renumber[k];
  }
  const orders = firsts.length;

  let level: 'line' | 'order' = rules.amounts ?? 'line';
  const levelGuessed = rules.amounts === undefined;
  if (levelGuessed && raw.amount && cols.order_id) level = guessLevel(raw.amount, order, firsts.length, sale);

  const values = {} as Record<LedgerValue, Float64Array | null>;
  for (const name of [...ORDER_LEVEL, ...LINE_LEVEL]) {
    const r = raw[name];
    if (!r) {
      values[name] = null;
      continue;
    }
    if (level === 'line' || !ORDER_LEVEL.includes(name)) {
      // Every sale row counts: the raw column itself, with the other rows and the blanks at 0 (no copy; the
      // return rows below read the raw amounts, so those are copied when there are any).
      const out = name === 'amount' && returnRows > 0 ? Float64Array.from(r) : r;
      for (let i = 0; i < n; i++) if (!sale[i] || out[i] !== out[i]) out[i] = 0;
      values[name] = out;
      continue;
    }
    // At the order level: the first non-blank value among an order's sale rows, on that row.
    const out = new Float64Array(n);
    const done = new Uint8Array(orders);
    for (let i = 0; i < n; i++) {
      if (!sale[i]) continue;
      const o = order[i];
      const x = r[i];
      if (!done[o] && x === x) {
        out[i] = x;
        done[o] = 1;
      }
    }
    values[name] = out;
  }
  if (returnRows > 0 && !problems.refunded) {
    // The size of a return row's amount, once per id among return rows at the order level.
    if (!raw.amount) {
      problems.refunded = problems.amount ?? 'the return rows need the amount column, which holds what was given back';
      values.refunded = null;
    } else {
      const out = values.refunded ?? new Float64Array(n);
      const done = level === 'order' ? new Set<number>() : null;
      for (let i = 0; i < n; i++) {
        if (!returnRow[i]) continue;
        const x = raw.amount[i];
        if (x !== x || done?.has(key[i])) continue;
        done?.add(key[i]);
        out[i] += Math.abs(x);
      }
      values.refunded = out;
    }
  }

  let promised: Float64Array | null = null;
  let delivered: Float64Array | null = null;
  if (cols.promised_date) {
    const r = readDays(cols.promised_date, opts);
    if (typeof r === 'string') problems.promised_date = r;
    else promised = r;
  }
  if (cols.delivered_date) {
    const r = readDays(cols.delivered_date, opts);
    if (typeof r === 'string') problems.delivered_date = r;
    else delivered = r;
  }

  return {
    n,
    day,
    sale,
    returnRow,
    returnRows,
    order,
    orders,
    orderFirst: Int32Array.from(firsts),
    level,
    levelGuessed,
    values,
    promised,
    delivered,
    leftOut,
    leftOutCount,
    problems,
  };
}

/**
 * Whether the amounts are the order's (given once, or repeated on each of its lines) or each line's:
 * the order's when no order with several lines has lines with different amounts and at least one
 * repeats its amount on a later line. When every later line is blank both readings count the same.
 */
function guessLevel(amount: Float64Array, order: Int32Array, orders: number, sale: Uint8Array): 'line' | 'order' {
  const firstAmount = new Float64Array(orders).fill(NaN);
  let repeats = 0;
  for (let i = 0; i < amount.length; i++) {
    if (!sale[i]) continue;
    const x = amount[i];
    if (x !== x) continue;
    const o = order[i];
    const f = firstAmount[o];
    if (f !== f) firstAmount[o] = x;
    else if (f === x) repeats++;
    else return 'line';
  }
  return repeats > 0 ? 'order' : 'line';
}
