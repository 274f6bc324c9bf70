import { type DateOptions, readDayColumn } from '../values/date';
import { readNumber } from '../values/number';
import { isDateText } from './kinds';

/**
 * How a pasted CSV's text would sit in a spreadsheet's cells, read by the formulas' own value readers so
 * that a sheet seeded from a file and the command line reading that file agree on every value: a column is
 * a date column when most of its filled cells read as dates, and then its order (day-first or month-first)
 * is decided once for the whole column by DOMAIN.md's column rule (core/values/date.ts readDayColumn); in a
 * column that mixes the two orders the dates stay text, as written (the formulas then say which cells
 * disagree). Numbers become numbers (core/values/number.ts) unless a letter touches a digit (an ID such as
 * "KR1"), TRUE and FALSE booleans, the rest stays text.
 */
export type PastedValue = { readonly day: number } | number | boolean | string;

const BOOLEAN = /^(true|false)$/i;
/**
 * A letter touching a digit ("KR1", "Q3", "12kr"): an identifier, which Sheets keeps as text although the
 * number reader would take "KR" for a currency code; an exponent ("1e5", "2.5E-3") is still a number.
 */
const GLUED = /[A-Za-z]\d|\d[A-Za-z]/;
const EXPONENT = /^\s*[-+]?(\d+\.?\d*|\.\d+)e[-+]?\d+\s*$/i;
const identifier = (c: string): boolean => GLUED.test(c) && !EXPONENT.test(c);

export function pastedValues(grid: readonly (readonly string[])[], opts: DateOptions): PastedValue[][] {
  const width = grid.reduce((w, r) => Math.max(w, r.length), 0);
  const out: PastedValue[][] = grid.map((r) => r.map((c) => c));
  for (let j = 0; j < width; j++) {
    const dated: number[] = [];
    let filled = 0;
    for (let i = 0; i < grid.length; i++) {
      const c = grid[i][j];
      if (c === undefined || c.trim() === '') continue;
      filled++;
      if (isDateText(c)) dated.push(i);
    }
    const days =
      dated.length > 0 && dated.length >= 0.5 * filled
        ? readDates(
            dated.map((i) => grid[i][j]),
            opts,
          )
        : null;
    if (days) dated.forEach((i, k) => (out[i][j] = { day: days[k] }));
    for (let i = 0; i < grid.length; i++) {
      const c = out[i][j];
      if (typeof c !== 'string' || c.trim() === '') continue;
      if (BOOLEAN.test(c.trim())) {
        out[i][j] = c.trim().toLowerCase() === 'true';
        continue;
      }
      const n = readNumber(c);
      if (typeof n === 'number' && !isDateText(c) && !identifier(c)) out[i][j] = n;
    }
  }
  return out;
}

/** The day of each date text of a column, decided as one column; null when the column mixes orders. */
function readDates(texts: string[], opts: DateOptions): Float64Array | null {
  try {
    return readDayColumn({ cells: texts, width: 1, name: '', named: false }, opts, undefined, false);
  } catch {
    return null;
  }
}
