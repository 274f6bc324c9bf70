import { type Cell, dateCellText, isBlank, isSheetError } from '../values/cell';
import { readDay } from '../values/date';
import { isBlankWord, readNumber } from '../values/number';
import { UTC_ZONE } from '../time/zone';

/**
 * What a single pasted cell looks like, before we know what its column means. Table finding compares
 * these kinds row against row; role suggestion counts them per column.
 */
export type Kind = 'blank' | 'number' | 'date' | 'bool' | 'text';

// Only whether the text is a date matters here, not which day: any zone and order will do.
const PROBE = { zone: UTC_ZONE, monthFirst: false };

/** Whether text reads as a date, by the same reader the formulas use. */
export function isDateText(s: string): boolean {
  // Every date form we read has a digit and is short: most names and comments stop here, cheaply.
  if (s.length < 6 || s.length > 60 || !/\d/.test(s)) return false;
  // The one-cell reader: what readDayColumn reads for a column of this cell, without an error to throw
  // (an exception per text cell made profiling a column's values several times slower).
  return typeof readDay(s, PROBE) === 'number';
}

export function cellKind(c: Cell): Kind {
  if (isBlank(c)) return 'blank';
  if (typeof c === 'boolean') return 'bool';
  if (c instanceof Date) return isNaN(c.getTime()) ? 'text' : 'date';
  if (typeof c === 'number') return Number.isFinite(c) ? 'number' : 'text';
  if (typeof c !== 'string' || isSheetError(c)) return 'text';
  // Dates first: their patterns are strict, while the number reader accepts "1.234" and the like.
  if (isDateText(c)) return 'date';
  const n = readNumber(c);
  if (n === null) return 'blank'; // "-", "n/a": how exports write "nothing"
  return n === undefined ? 'text' : 'number';
}

/**
 * Whether a cell holds nothing: blank, or how exports write "nothing" ("-", "n/a", "none").
 * Cheaper than cellKind(c) === 'blank', for scanning every row.
 */
export function isEmptyCell(c: Cell): boolean {
  if (isBlank(c)) return true;
  return typeof c === 'string' && isBlankWord(c);
}

/** The column letter a manager sees above the grid: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** A cell as text for headers and messages. */
export function cellText(c: Cell): string {
  if (c === null || c === undefined) return '';
  if (c instanceof Date) return isNaN(c.getTime()) ? '' : dateCellText(c);
  return String(c).replace(/\s+/g, ' ').trim();
}
