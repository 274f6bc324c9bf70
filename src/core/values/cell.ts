import { RUNTIME_ZONE, type TimeZone } from '../time/zone';
import { MS_PER_DAY, isoDay } from '../time/days';

/**
 * What Google Sheets hands a custom function: one cell as a scalar, a range as rows of cells.
 * Empty cells arrive as "", date cells as Date, checkboxes as booleans, percentages as fractions.
 */
export type Cell = string | number | boolean | Date | null | undefined;

/** One custom-function argument: a single cell or a range (rows of columns). */
export type Arg = Cell | ReadonlyArray<ReadonlyArray<Cell>>;

/** A value a formula may return: a scalar or a table that spills (rows of columns). */
export type Out = string | number | boolean;
export type Result = Out | Out[][];

const BLANK_TEXT = /^[\s\u00a0\u2007\u202f]*$/;

/** True for an empty cell or one holding only white space: "no answer", never zero. */
export function isBlank(c: Cell): boolean {
  return c === '' || c === null || c === undefined || (typeof c === 'string' && BLANK_TEXT.test(c));
}

/** Sheets passes error cells to custom functions as their error text, e.g. "#N/A". */
const SHEET_ERROR = /^#(N\/A|REF!|VALUE!|DIV\/0!|NUM!|NAME\?|NULL!|ERROR!|SPILL!|CALC!)$/;
export function isSheetError(c: Cell): c is string {
  return typeof c === 'string' && c.length > 2 && c.charCodeAt(0) === 35 && SHEET_ERROR.test(c.trim());
}

let shownIn: TimeZone = RUNTIME_ZONE;

/**
 * The zone date cells are shown in as text: the spreadsheet's. Sheets hands a date cell over as the instant
 * of its midnight in the spreadsheet's zone, so `toISOString()` shows the day before east of UTC. Each entry
 * sets it once it knows the zone (the formula host, the server's handlers, the memory workbook's formulas);
 * outside Sheets it is the runtime's own, as for reading dates.
 */
export function showDatesIn(zone: TimeZone): void {
  shownIn = zone;
}

/** A date cell as the spreadsheet shows it: `2026-01-31`, or with `time` also `T09:30:00` when it is not midnight. */
export function dateCellText(d: Date, zone: TimeZone = shownIn, time = false): string {
  const t = d.getTime();
  const local = t + zone.offsetMinutes(t) * 60000;
  const day = Math.floor(local / MS_PER_DAY);
  const ms = local - day * MS_PER_DAY;
  if (!time || ms === 0) return isoDay(day);
  const s = Math.floor(ms / 1000);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${isoDay(day)}T${two(Math.floor(s / 3600))}:${two(Math.floor(s / 60) % 60)}:${two(s % 60)}`;
}

/** How a cell is quoted in an error message: text in quotes and cut short, others as they read. */
export function showCell(c: Cell): string {
  if (c instanceof Date) return isNaN(c.getTime()) ? 'an invalid date' : `the date ${dateCellText(c)}`;
  if (typeof c === 'string') {
    const t = c.length > 40 ? `${c.slice(0, 37)}...` : c;
    return `"${t}"`;
  }
  if (typeof c === 'boolean') return c ? 'TRUE' : 'FALSE';
  if (typeof c === 'number')
    return c !== c ? 'a value that is not a number' : c === Infinity || c === -Infinity ? 'an infinite number' : String(c);
  return 'a blank';
}
