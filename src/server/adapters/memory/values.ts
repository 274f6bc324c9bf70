import { CellError, EmptyValue, ErrorType, SimpleRangeValue } from 'hyperformula';
import type { Arg, Cell } from '../../../core/values/cell';
import { MS_PER_DAY, SERIAL_EPOCH_OFFSET, civilFromDays } from '../../../core/time/days';
import type { TimeZone } from '../../../core/time/zone';

/**
 * Moving values between HyperFormula and the shapes Google Sheets uses.
 *
 * HyperFormula keeps dates as serial numbers (days since 1899-12-30, as Sheets does) tagged with a
 * "date" subtype when they came from a date-looking entry or a date function. Sheets hands a
 * date-formatted cell to a custom function (and to `getValues`) as a `Date`: the instant at midnight
 * in the spreadsheet's time zone. These helpers make the same Date from the serial and the zone.
 */

/** How Sheets shows each error (its `getValues` and custom-function arguments carry this text). */
const ERROR_TEXT: Record<string, string> = {
  [ErrorType.DIV_BY_ZERO]: '#DIV/0!',
  [ErrorType.NAME]: '#NAME?',
  [ErrorType.VALUE]: '#VALUE!',
  [ErrorType.NUM]: '#NUM!',
  [ErrorType.NA]: '#N/A',
  [ErrorType.CYCLE]: '#REF!', // Sheets reports a circular dependency as #REF!
  [ErrorType.REF]: '#REF!',
  [ErrorType.SPILL]: '#REF!', // Sheets: "Array result was not expanded because it would overwrite data"
  [ErrorType.LIC]: '#ERROR!',
  [ErrorType.ERROR]: '#ERROR!',
};

export function errorText(type: string): string {
  return ERROR_TEXT[type] ?? '#ERROR!';
}

/** HyperFormula's numbers with a subtype (date, time, percent, currency) carry `val` and a detailed type. */
interface RichNumberLike {
  val: number;
  getDetailedType(): string;
}

function isRichNumber(v: unknown): v is RichNumberLike {
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof (v as RichNumberLike).val === 'number' &&
    typeof (v as RichNumberLike).getDetailedType === 'function'
  );
}

/** The instant of a wall-clock time (ms since 1970 as if UTC) in a zone. */
export function wallToInstant(wallMs: number, zone: TimeZone): number {
  const first = wallMs - zone.offsetMinutes(wallMs) * 60000;
  const off = zone.offsetMinutes(first);
  return wallMs - off * 60000;
}

/** A Sheets serial number (days since 1899-12-30, fraction = time of day) as the Date Sheets would pass. */
export function serialToDate(serial: number, zone: TimeZone): Date {
  const wall = Math.round((serial - SERIAL_EPOCH_OFFSET) * MS_PER_DAY);
  return new Date(wallToInstant(wall, zone));
}

/** A Date as the serial number of its wall-clock time in the zone. */
export function dateToSerial(d: Date, zone: TimeZone): number {
  const t = d.getTime();
  return (t + zone.offsetMinutes(t) * 60000) / MS_PER_DAY + SERIAL_EPOCH_OFFSET;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/**
 * A Date as text HyperFormula parses into a date cell (`YYYY-MM-DD`, with ` hh:mm:ss` when it has a time),
 * read in the workbook's zone. HyperFormula would read a Date object with the runtime's local clock instead.
 */
export function dateEntry(d: Date, zone: TimeZone): string {
  const serial = dateToSerial(d, zone);
  const day = Math.floor(serial);
  const { year, month, day: dd } = civilFromDays(day - SERIAL_EPOCH_OFFSET);
  const date = `${pad(year, 4)}-${pad(month)}-${pad(dd)}`;
  const secs = Math.round((serial - day) * 86400);
  if (secs === 0) return date;
  return `${date} ${pad(Math.floor(secs / 3600))}:${pad(Math.floor(secs / 60) % 60)}:${pad(secs % 60)}`;
}

const DATE_TYPES = new Set(['NUMBER_DATE', 'NUMBER_DATETIME']);

/** One HyperFormula value as Sheets would pass it to a custom function. */
export function toCell(v: unknown, zone: TimeZone): Cell {
  if (v === EmptyValue || v === null || v === undefined) return '';
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (isRichNumber(v)) return DATE_TYPES.has(v.getDetailedType()) ? serialToDate(v.val, zone) : v.val;
  if (v instanceof CellError) return errorText(v.type);
  return String(v);
}

/** A custom-function argument: a range becomes rows of cells, a single value stays a value. */
export function toArg(v: unknown, zone: TimeZone): Arg {
  if (v instanceof SimpleRangeValue) return v.data.map((row) => row.map((c) => toCell(c, zone)));
  return toCell(v, zone);
}
