import { type Cell } from './cell';
import { type Column, badCell } from './column';
import { fail } from './errors';
import { MS_PER_DAY, SERIAL_EPOCH_OFFSET, daysFromCivil, daysInMonth } from '../time/days';
import { type TimeZone, localDayReader } from '../time/zone';

/**
 * Reading dates as pasted. Every date becomes a day number (see time/days.ts).
 *
 * - Date cells: the calendar day in the spreadsheet's time zone.
 * - Numbers: Sheets serial numbers (days since 1899-12-30; a time of day is dropped), and
 *   8-digit numbers that read as yyyymmdd (20260131).
 * - Text: ISO `2026-01-31` (a time after it is dropped), `31/01/2026` or `01/31/2026` (also with
 *   `-` or `.`, and two-digit years: 26 → 2026, 70 → 1970), `31 Jan 2026`, `31-Jan-2026`,
 *   `Jan 31, 2026`, `January 31st 2026`, with an optional weekday in front.
 * - Day-first or month-first is decided per column: a first part over 12 means day-first, a second
 *   part over 12 means month-first; a column with both is an error; a column that stays ambiguous
 *   follows the spreadsheet's locale (`monthFirst`: true for en_US and a few others, see locale.ts).
 */
export interface DateOptions {
  readonly zone: TimeZone;
  /** How to read 01/02/2026 when nothing in the column decides it. */
  readonly monthFirst: boolean;
}

export const DATE_EXPECTED = 'expected a date such as 2026-01-31, 31/01/2026 or 31 Jan 2026';

const MONTHS: Record<string, number> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};

function validDay(y: number, m: number, d: number): number | undefined {
  if (m < 1 || m > 12 || d < 1 || y < 1000 || y > 9999 || d > daysInMonth(y, m)) return undefined;
  return daysFromCivil(y, m, d);
}

function fullYear(y: number, digits: number): number {
  if (digits === 4) return y;
  if (digits === 2) return y < 70 ? 2000 + y : 1900 + y;
  return -1;
}

/** Day number of a Date cell in the given zone. */
export function dayOfDate(d: Date, zone: TimeZone): number {
  const t = d.getTime();
  return Math.floor((t + zone.offsetMinutes(t) * 60000) / MS_PER_DAY);
}

/** Day number of a Sheets serial number or a yyyymmdd number; undefined if neither. */
export function dayOfNumber(n: number): number | undefined {
  if (!Number.isFinite(n)) return undefined;
  if (n >= 19000101 && n <= 29991231 && Number.isInteger(n)) {
    const y = Math.floor(n / 10000);
    return validDay(y, Math.floor(n / 100) % 100, n % 100);
  }
  if (n < 1 || n >= 2958466) return undefined;
  return Math.floor(n) - SERIAL_EPOCH_OFFSET;
}

// Results of reading numeric text such as 03/04/2026 before the column's order is known.
const AMBIGUOUS = -1e15;
type Parsed = number | null | undefined;

interface Evidence {
  dayFirst: number; // index of the first cell that proves day-first, or -1
  monthFirst: number;
}

/**
 * Numeric dates, read by hand (this runs once per cell on columns of a million rows).
 * Returns a day number, undefined if not a numeric date, or an encoded ambiguous value
 * AMBIGUOUS + y*10000 + a*100 + b where a/b are the first two parts.
 */
function parseNumericDate(s: string, ev: Evidence, index: number): Parsed {
  const n = s.length;
  let i = 0;
  while (i < n && s.charCodeAt(i) === 32) i++;
  let a = 0;
  let la = 0;
  let c = 0;
  while (i < n && (c = s.charCodeAt(i)) >= 48 && c <= 57) {
    a = a * 10 + c - 48;
    la++;
    i++;
  }
  if (la === 0 || la > 4 || i >= n) return undefined;
  const sep = c;
  if (sep !== 47 && sep !== 45 && sep !== 46) return undefined; // / - .
  i++;
  let b = 0;
  let lb = 0;
  while (i < n && (c = s.charCodeAt(i)) >= 48 && c <= 57) {
    b = b * 10 + c - 48;
    lb++;
    i++;
  }
  if (lb === 0 || lb > 2 || i >= n || c !== sep) return undefined;
  i++;
  let y = 0;
  let ly = 0;
  while (i < n && (c = s.charCodeAt(i)) >= 48 && c <= 57) {
    y = y * 10 + c - 48;
    ly++;
    i++;
  }
  if (ly === 0) return undefined;
  // What follows may only be a time of day: " 14:02", "T14:02:11Z", or spaces.
  if (i < n) {
    c = s.charCodeAt(i);
    if (c !== 32 && c !== 84) return undefined;
    let j = i + 1;
    while (j < n && s.charCodeAt(j) === 32) j++;
    if (j < n) {
      const d0 = s.charCodeAt(j);
      if (d0 < 48 || d0 > 57) return undefined;
    }
  }
  if (la === 4) return ly <= 2 ? validDay(a, b, y) : undefined; // 2026-01-31
  const year = fullYear(y, ly);
  if (year < 0 || la > 2) return undefined;
  if (a > 12 && b > 12) return undefined;
  if (a > 12) {
    if (ev.dayFirst < 0) ev.dayFirst = index;
    return validDay(year, b, a);
  }
  if (b > 12) {
    if (ev.monthFirst < 0) ev.monthFirst = index;
    return validDay(year, a, b);
  }
  if (a < 1 || b < 1) return undefined;
  if (a === b) return validDay(year, a, b);
  return AMBIGUOUS + year * 10000 + a * 100 + b;
}

const DAY_MONTH_YEAR = /^(?:[A-Za-z]+\.?,?\s+)?(\d{1,2})(?:st|nd|rd|th)?[\s\-/.]+([A-Za-z]+)\.?[\s\-/.,]+(\d{4}|\d{2})(?:[\sT,]+\d.*)?$/;
const MONTH_DAY_YEAR = /^(?:[A-Za-z]+\.?,?\s+)?([A-Za-z]+)\.?[\s\-/.]+(\d{1,2})(?:st|nd|rd|th)?,?[\s\-/.,]+(\d{4}|\d{2})(?:[\sT,]+\d.*)?$/;
const YEAR_MONTH_DAY = /^(\d{4})[\s\-/.]+([A-Za-z]+)\.?[\s\-/.]+(\d{1,2})$/;

/** Dates with a month name: "31 Jan 2026", "Jan 31, 2026", "Saturday, January 31st 2026". */
export function parseNamedDate(text: string): number | undefined {
  const s = text.trim();
  let m = DAY_MONTH_YEAR.exec(s);
  if (m) {
    const month = MONTHS[m[2].toLowerCase()];
    return month ? validDay(fullYear(Number(m[3]), m[3].length), month, Number(m[1])) : undefined;
  }
  m = MONTH_DAY_YEAR.exec(s);
  if (m) {
    const month = MONTHS[m[1].toLowerCase()];
    return month ? validDay(fullYear(Number(m[3]), m[3].length), month, Number(m[2])) : undefined;
  }
  m = YEAR_MONTH_DAY.exec(s);
  if (m) {
    const month = MONTHS[m[2].toLowerCase()];
    return month ? validDay(Number(m[1]), month, Number(m[3])) : undefined;
  }
  return undefined;
}

const BLANK = /^\s*$/;
function isBlankText(s: string): boolean {
  return BLANK.test(s);
}

/**
 * A column's first cell may be its header ("Order Date"), but not a date that went wrong
 * ("31/02/2026", "31 Feb 2026"): that must be an error like any other row.
 *
 * Linear in the length of the text: the month-name alternative starts only at the first letter of a
 * run of letters (the lookbehind), so a long run is scanned once, not once from each of its letters
 * (that was quadratic: a 50,000-letter cell took a second, 1 MB a minute). Where a match starts inside
 * a run of letters, one starting at the run's first letter matches too, so the set of texts it
 * matches is unchanged.
 */
const DATE_ATTEMPT =
  /\d{1,4}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{1,4}|\d{1,2}(?:st|nd|rd|th)?[\s\-/.]+[A-Za-z]{3,}\.?[\s\-/.,]+\d{2,4}|(?<![A-Za-z])[A-Za-z]{3,}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{2,4}/;
export function looksLikeHeader(s: string): boolean {
  return /[A-Za-z]/.test(s) && !DATE_ATTEMPT.test(s);
}

/**
 * Reads a whole column of dates: a day number per cell, NaN for blanks. Throws an InputError naming
 * the first cell that is not a date. A text first row that is not a date is taken as the header.
 */
export function readDayColumn(col: Column, opts: DateOptions, expected = DATE_EXPECTED, header = true): Float64Array {
  const rows = col.rows;
  const cells = rows ? null : col.cells;
  const n = rows ? rows.length : cells!.length;
  const out = new Float64Array(n);
  const ev: Evidence = { dayFirst: -1, monthFirst: -1 };
  const named = new Map<string, Parsed>();
  let ambiguous: number[] | null = null;
  const localDay = localDayReader(opts.zone);
  let lastText: string | null = null;
  let lastParsed: Parsed = undefined;
  let numeric: Map<string, Parsed> | null = null;
  for (let i = 0; i < n; i++) {
    const c: Cell = rows ? rows[i][0] : cells![i];
    if (c instanceof Date) {
      const t = c.getTime();
      if (t !== t) badCell(col, i, expected);
      out[i] = localDay(t);
    } else if (typeof c === 'string') {
      // A run of one date (an export in date order), or a date seen before: read once.
      let d: Parsed;
      if (c === lastText) d = lastParsed;
      else {
        d = numeric?.get(c);
        if (d === undefined) {
          d = parseNumericDate(c, ev, i);
          if (d !== undefined && i > 0 && (numeric ??= new Map()).size < 4096) numeric.set(c, d);
        }
        if (d === undefined) {
          if (named.has(c)) d = named.get(c);
          else {
            d = isBlankText(c) ? null : parseNamedDate(c);
            named.set(c, d);
          }
        }
        lastText = c;
        lastParsed = d;
      }
      if (d === null) out[i] = NaN;
      else if (d === undefined) {
        if (header && i < col.width && looksLikeHeader(c))
          out[i] = NaN; // the header row
        else badCell(col, i, expected);
      } else if (d < -1e14) {
        (ambiguous ??= []).push(i);
        out[i] = d;
      } else out[i] = d;
    } else if (typeof c === 'number') {
      const d = dayOfNumber(c);
      if (d === undefined) badCell(col, i, expected);
      out[i] = d;
    } else if (c === null || c === undefined) {
      out[i] = NaN;
    } else badCell(col, i, expected);
  }
  if (ev.dayFirst >= 0 && ev.monthFirst >= 0) {
    fail(
      `the dates mix day-first and month-first: ${describeAt(col, ev.dayFirst)} is day-first but ` +
        `${describeAt(col, ev.monthFirst)} is month-first; write them one way (ISO 2026-01-31 is safest)`,
    );
  }
  if (ambiguous) {
    if (ev.monthFirst < 0 && ev.dayFirst < 0) byLocale.add(out);
    const monthFirst = ev.monthFirst >= 0 || (ev.dayFirst < 0 && opts.monthFirst);
    for (const i of ambiguous) {
      const packed = out[i] - AMBIGUOUS;
      const y = Math.floor(packed / 10000);
      const a = Math.floor(packed / 100) % 100;
      const b = packed % 100;
      const d = monthFirst ? validDay(y, a, b) : validDay(y, b, a);
      if (d === undefined) badCell(col, i, expected);
      out[i] = d;
    }
  }
  return out;
}

/**
 * One date cell on its own (an option such as IMPROVEMENT_SUMMARY's as_of): its day number, null for a
 * blank, undefined when it is not a date. Read as readDayColumn reads a column of one cell; an ambiguous
 * 03/04/2026 follows the locale.
 */
export function readDay(c: Cell, opts: DateOptions): number | null | undefined {
  if (c instanceof Date) return c.getTime() === c.getTime() ? dayOfDate(c, opts.zone) : undefined;
  if (typeof c === 'number') return dayOfNumber(c);
  if (c === null || c === undefined) return null;
  if (typeof c !== 'string') return undefined;
  if (isBlankText(c)) return null;
  const d = parseNumericDate(c, { dayFirst: -1, monthFirst: -1 }, 0) ?? parseNamedDate(c);
  if (d === undefined || d === null || d > AMBIGUOUS / 10) return d;
  const packed = d - AMBIGUOUS;
  const y = Math.floor(packed / 10000);
  const a = Math.floor(packed / 100) % 100;
  const b = packed % 100;
  return opts.monthFirst ? validDay(y, a, b) : validDay(y, b, a);
}

const dayCache = new WeakMap<Column, { opts: DateOptions; days: Float64Array }>();

/** The readings in which the locale decided some day (03/04/2026 with no 13/04 or 04/13 to settle it). */
const byLocale = new WeakSet<Float64Array>();

/**
 * Whether `days`, as readDayColumn gave them, depend on opts.monthFirst: only cells such as 03/04/2026 in a
 * column whose other cells do not settle the order do. When false, the other reading gives the same days.
 */
export function readByLocale(days: Float64Array): boolean {
  return byLocale.has(days);
}

/**
 * readDayColumn, remembered per column: the scorecard reads the same date column for many measures.
 * The result must not be changed by the caller.
 */
export function cachedDayColumn(col: Column, opts: DateOptions): Float64Array {
  const hit = dayCache.get(col);
  if (hit && hit.opts === opts) return hit.days;
  const days = readDayColumn(col, opts);
  dayCache.set(col, { opts, days });
  return days;
}

function describeAt(col: Column, i: number): string {
  const at = col.at ? col.at(i) : `row ${Math.floor(i / col.width) + 1}`;
  return `${at} ("${String(col.cells[i])}")`;
}
