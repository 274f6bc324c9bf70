/**
 * On time (DOMAIN.md): of the orders **due** in a period — bucketed by the period of the promised day —
 * the share delivered on or before the promised day. An order with no delivery date counts as late once
 * its promised day has passed, and is left out while it is not yet due; "passed" is judged as of
 * `asOf`, by default the latest date in the promised and delivered columns (so the number is
 * reproducible). Rows without a promised date are left out.
 *
 * With order ids (the sales ledger), an order's lines count once: its promised day is the first promised
 * day among its lines, and it is delivered when every line with a promised day is, on the latest of
 * their delivery days.
 */
export interface OnTimeOrders {
  /** Per order: promised day (NaN: none) and delivery day (NaN: not delivered yet). */
  readonly promised: Float64Array;
  readonly delivered: Float64Array;
  /** The latest date in the promised and delivered columns among the rows counted (NaN: none). */
  readonly latest: number;
}

/**
 * The orders behind an on-time rate. `rows` says which rows count (null: all) and `order` which order each
 * row belongs to (null: every row is an order of its own, numbered by row).
 */
export function onTimeOrders(
  promised: Float64Array,
  delivered: Float64Array,
  rows: Uint8Array | null,
  order: Int32Array | null,
  orders: number,
): OnTimeOrders {
  const n = promised.length;
  const count = order ? orders : n;
  const p = new Float64Array(count).fill(NaN);
  const d = new Float64Array(count).fill(NaN);
  const open = new Uint8Array(count); // a line with a promised day and no delivery yet
  let latest = -Infinity;
  for (let i = 0; i < n; i++) {
    if (rows && !rows[i]) continue;
    const o = order ? order[i] : i;
    if (o < 0) continue;
    const pi = promised[i];
    const di = delivered[i];
    if (pi > latest) latest = pi;
    if (di > latest) latest = di;
    if (pi !== pi) continue;
    if (p[o] !== p[o]) p[o] = pi;
    if (di !== di) open[o] = 1;
    else if (!(d[o] >= di)) d[o] = di;
  }
  for (let o = 0; o < count; o++) if (open[o]) d[o] = NaN;
  return { promised: p, delivered: d, latest: latest === -Infinity ? NaN : latest };
}

/** Whether an order counts, and whether it was on time: 0 not due (or no promised day), 1 late, 2 on time. */
export function onTimeState(promisedDay: number, deliveredDay: number, asOf: number): 0 | 1 | 2 {
  if (promisedDay !== promisedDay) return 0;
  if (deliveredDay === deliveredDay) return deliveredDay <= promisedDay ? 2 : 1;
  return asOf > promisedDay ? 1 : 0;
}

/** The whole-range rate (ONTIME_RATE): on-time orders and due orders. */
export function onTimeTotals(o: OnTimeOrders, asOf: number = o.latest): { onTime: number; due: number } {
  let onTime = 0;
  let due = 0;
  for (let k = 0; k < o.promised.length; k++) {
    const s = onTimeState(o.promised[k], o.delivered[k], asOf);
    if (s === 0) continue;
    due++;
    if (s === 2) onTime++;
  }
  return { onTime, due };
}
