/**
 * The bare hand-written loops ours is compared with. They assume clean input (every date a Date or
 * the expected text, every value a number or "£1,234.50"), validate nothing, and build the same output
 * table as the formula: a header, then every month from the first to the last, with its label.
 */
import type { Range } from './data';

type Table = (string | number | boolean)[][];

function label(k: number): string {
  const y = Math.floor(k / 12);
  const m = (k % 12) + 1;
  return `${y}-${m < 10 ? '0' : ''}${m}`;
}

/** How a row's month index (year*12 + month-1) is read from its date cell. */
export type MonthOf = (cell: unknown) => number;

export const monthOfDate: MonthOf = (c) => {
  const d = c as Date;
  return d.getFullYear() * 12 + d.getMonth();
};
/** "2026-01-31" */
export const monthOfIso: MonthOf = (c) => {
  const s = c as string;
  return Number(s.slice(0, 4)) * 12 + Number(s.slice(5, 7)) - 1;
};
/** "31/01/2026" */
export const monthOfDayFirst: MonthOf = (c) => {
  const s = c as string;
  return Number(s.slice(6, 10)) * 12 + Number(s.slice(3, 5)) - 1;
};

/** Month index of every row, and the first and last month. */
function months(dates: Range, monthOf: MonthOf): { key: Int32Array; min: number; max: number } {
  const n = dates.length;
  const key = new Int32Array(n);
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const k = monthOf(dates[i][0]);
    key[i] = k;
    if (k < min) min = k;
    if (k > max) max = k;
  }
  return { key, min, max };
}

/** PERIOD_SERIES(dates, values, "month", "sum") on Date cells and number values. */
export function seriesFromDates(dates: Range, values: Range): Table {
  const { key, min, max } = monthsOfDates(dates);
  const n = dates.length;
  const sums = new Float64Array(max - min + 1);
  for (let i = 0; i < n; i++) sums[key[i] - min] += values[i][0] as number;
  const out: Table = [['Period', 'Value']];
  for (let k = 0; k < sums.length; k++) out.push([label(min + k), sums[k]]);
  return out;
}

/** The same with text dates and "£1,234.50" amounts parsed the quick way (slice/Number, replace/Number). */
export function seriesFromText(dates: Range, values: Range, monthOf: MonthOf): Table {
  const { key, min, max } = months(dates, monthOf);
  const sums = new Float64Array(max - min + 1);
  const n = dates.length;
  for (let i = 0; i < n; i++) sums[key[i] - min] += Number((values[i][0] as string).replace(/[£,]/g, ''));
  const out: Table = [['Period', 'Value']];
  for (let k = 0; k < sums.length; k++) out.push([label(min + k), sums[k]]);
  return out;
}

const Z95 = 1.959963984540054; // DOMAIN.md: the exact quantile Φ⁻¹(0.975), as NPS_BY_PERIOD uses it

/** Month index of every Date row, inline (no callback): the bare loop at its fastest. */
function monthsOfDates(dates: Range): { key: Int32Array; min: number; max: number } {
  const n = dates.length;
  const key = new Int32Array(n);
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const d = dates[i][0] as Date;
    const k = d.getFullYear() * 12 + d.getMonth();
    key[i] = k;
    if (k < min) min = k;
    if (k > max) max = k;
  }
  return { key, min, max };
}

/** NPS_BY_PERIOD(dates, scores, "month") on Date cells. */
export function npsFromDates(dates: Range, scores: Range): Table {
  const { key, min, max } = monthsOfDates(dates);
  return npsTable(key, min, max, scores);
}

/** The same with text dates read the quick way. */
export function npsFromText(dates: Range, scores: Range, monthOf: MonthOf): Table {
  const { key, min, max } = months(dates, monthOf);
  return npsTable(key, min, max, scores);
}

/** Responses, NPS, adjusted-Wald margin, change and its significance per month. */
function npsTable(key: Int32Array, min: number, max: number, scores: Range): Table {
  const k = max - min + 1;
  const n = new Float64Array(k);
  const p = new Float64Array(k);
  const d = new Float64Array(k);
  for (let i = 0; i < key.length; i++) {
    const b = key[i] - min;
    const s = scores[i][0] as number;
    n[b]++;
    if (s >= 9) p[b]++;
    else if (s <= 6) d[b]++;
  }
  const out: Table = [['Period', 'Responses', 'NPS', 'Margin of error', 'Change', 'Significant']];
  let prevNps = 0;
  let prevM = 0;
  let prevSe = -1;
  for (let b = 0; b < k; b++) {
    if (n[b] === 0) {
      out.push([label(min + b), 0, '', '', '', '']);
      prevSe = -1;
      continue;
    }
    const nps = (100 * (p[b] - d[b])) / n[b];
    const n1 = n[b] + 3;
    const pp = (p[b] + 0.75) / n1;
    const dd = (d[b] + 0.75) / n1;
    const m = pp - dd;
    const se = Math.sqrt((pp + dd - m * m) / n1);
    const has = prevSe >= 0;
    out.push([
      label(min + b),
      n[b],
      nps,
      100 * Z95 * se,
      has ? nps - prevNps : '',
      has ? Math.abs(m - prevM) > Z95 * Math.sqrt(prevSe * prevSe + se * se) : '',
    ]);
    prevNps = nps;
    prevM = m;
    prevSe = se;
  }
  return out;
}

/** Cell-by-cell equality of two result tables; numbers within a relative 1e-9. */
export function sameTable(a: unknown, b: unknown): string | null {
  if (!Array.isArray(a) || !Array.isArray(b)) return 'not tables';
  if (a.length !== b.length) return `${a.length} rows vs ${b.length}`;
  for (let i = 0; i < a.length; i++) {
    const ra = a[i] as unknown[];
    const rb = b[i] as unknown[];
    if (ra.length !== rb.length) return `row ${i}: ${ra.length} columns vs ${rb.length}`;
    for (let j = 0; j < ra.length; j++) {
      const x = ra[j];
      const y = rb[j];
      if (typeof x === 'number' && typeof y === 'number') {
        if (Math.abs(x - y) > 1e-9 * Math.max(1, Math.abs(x), Math.abs(y))) return `row ${i} col ${j}: ${x} vs ${y}`;
      } else if (x !== y) return `row ${i} col ${j}: ${String(x)} vs ${String(y)}`;
    }
  }
  return null;
}
