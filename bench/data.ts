/**
 * Deterministic bench data: the same seed always gives the same rows (given the same TZ, which
 * bench/run.ts pins). Ranges are shaped as Sheets passes them: rows of cells, [[cell], [cell], ...].
 */
import type { Cell } from '../src/core/values/cell';
import { mulberry32 } from '../examples/random';

export type Range = Cell[][];

/** The seeded generator the example data uses (mulberry32). */
export const rng = mulberry32;

/** Day 0 is 1970-01-01 (UTC calendar arithmetic; no time zone involved). */
const FIRST_DAY = Date.UTC(2024, 0, 1) / 86400000;
/** Three calendar years: 2024-01-01 .. 2026-12-31. */
const SPAN_DAYS = (Date.UTC(2027, 0, 1) - Date.UTC(2024, 0, 1)) / 86400000;

export interface Rows {
  readonly n: number;
  /** Calendar day of each row (days since 1970-01-01). */
  readonly days: Int32Array;
  /** Amounts in pence, 0 .. £5,000.00. */
  readonly pence: Int32Array;
  /** Survey answers 0..10, skewed towards the top like real NPS data. */
  readonly scores: Int8Array;
}

/**
 * `n` rows. `order`: "chronological" (sorted by date, like an export of orders or answers) or
 * "shuffled" (dates in random order).
 */
export function makeRows(n: number, order: 'chronological' | 'shuffled' = 'chronological', seed = 20260131): Rows {
  const r = rng(seed);
  const days = new Int32Array(n);
  for (let i = 0; i < n; i++) days[i] = FIRST_DAY + Math.floor(r() * SPAN_DAYS);
  if (order === 'chronological') days.sort();
  const pence = new Int32Array(n);
  const scores = new Int8Array(n);
  const weights = [2, 1, 1, 2, 2, 4, 6, 12, 18, 22, 30]; // 0..10
  const total = weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < n; i++) {
    pence[i] = Math.floor(r() * 500001);
    let u = r() * total;
    let s = 0;
    while (s < 10 && u >= weights[s]) u -= weights[s++];
    scores[i] = s;
  }
  return { n, days, pence, scores };
}

const civilCache = new Map<number, [number, number, number]>();
function civil(day: number): [number, number, number] {
  let c = civilCache.get(day);
  if (!c) {
    const d = new Date(day * 86400000);
    c = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
    civilCache.set(day, c);
  }
  return c;
}

const midnightCache = new Map<number, number>();
/** Epoch ms of local midnight (the pinned TZ) of a calendar day. */
function localMidnight(day: number): number {
  let t = midnightCache.get(day);
  if (t === undefined) {
    const [y, m, d] = civil(day);
    t = new Date(y, m - 1, d).getTime();
    midnightCache.set(day, t);
  }
  return t;
}

const two = (x: number): string => (x < 10 ? `0${x}` : String(x));

/** Date cells: midnight of that calendar day in the local (pinned) time zone, as Sheets hands them over. */
export function dateRange(rows: Rows): Range {
  const out: Range = new Array(rows.n);
  for (let i = 0; i < rows.n; i++) out[i] = [new Date(localMidnight(rows.days[i]))];
  return out;
}

/** Text dates, one distinct string per cell: ISO "2026-01-31" or day-first "31/01/2026". */
export function textDateRange(rows: Rows, style: 'iso' | 'dayFirst'): Range {
  const out: Range = new Array(rows.n);
  for (let i = 0; i < rows.n; i++) {
    const [y, m, d] = civil(rows.days[i]);
    out[i] = [style === 'iso' ? `${y}-${two(m)}-${two(d)}` : `${two(d)}/${two(m)}/${y}`];
  }
  return out;
}

/** Amounts as numbers (what a number-formatted column gives). */
export function amountRange(rows: Rows): Range {
  const out: Range = new Array(rows.n);
  for (let i = 0; i < rows.n; i++) out[i] = [rows.pence[i] / 100];
  return out;
}

/** Amounts as pasted currency text: "£1,234.50", "£87.05". */
export function currencyRange(rows: Rows): Range {
  const out: Range = new Array(rows.n);
  for (let i = 0; i < rows.n; i++) {
    const p = rows.pence[i];
    const pounds = Math.floor(p / 100);
    const whole = pounds >= 1000 ? `${Math.floor(pounds / 1000)},${String(pounds % 1000).padStart(3, '0')}` : String(pounds);
    out[i] = [`£${whole}.${two(p % 100)}`];
  }
  return out;
}

export function scoreRange(rows: Rows): Range {
  const out: Range = new Array(rows.n);
  for (let i = 0; i < rows.n; i++) out[i] = [rows.scores[i]];
  return out;
}

/** Sheets serial numbers (days since 1899-12-30), for HyperFormula. */
export function serialOf(day: number): number {
  return day + 25569;
}
