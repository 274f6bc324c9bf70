/**
 * The columns the command line keeps while a file streams by: only the ones the scorecard reads, each one
 * array allocated once for the rows the file is expected to hold (its size over the head's bytes per row),
 * growing only if the guess was short, trimmed at the end, without the rows left out.
 *
 * Memory per cell is what decides whether millions of rows fit in Node's default heap, and what the
 * collector has to copy decides the time:
 * - money and quantity columns (read by the number reader alone) keep each cell as the number that reader
 *   gives, or as its text when it gives none (so a bad cell's message quotes it as written); a blank cell is
 *   left a hole (read as a blank, like ""), so that a column of numbers stays 8 unboxed bytes a cell;
 * - other columns keep text, one string per distinct value where values repeat (the same date on many
 *   rows, a handful of answers): a pointer a cell.
 */
import type { CsvRecord } from '../core/tables/csv';
import { type Cell, isBlank } from '../core/values/cell';
import { readNumber, readNumberAt } from '../core/values/number';

/**
 * A string that holds its own characters. V8 makes a slice of 13 characters or more a view of the text it
 * was sliced from: kept, it would keep that whole chunk of the file alive (a column of timestamps would keep
 * the file). Joined to a space and sliced again, it is a slice of a fresh string of its own length.
 */
function own(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

/** The table of values a text column has seen: 4,096 slots, the latest value per slot. */
const SEEN_MASK = 4095;

// Arrays of numbers stay arrays of unboxed doubles only if no text is ever stored in them, and V8 gives a
// new array, and a store that has changed one array's kind, the kind they have seen before: numbers and
// text have their own allocation sites and their own stores.
const numberArray = (n: number): Cell[] => new Array<Cell>(n);
const textArray = (n: number): Cell[] => new Array<Cell>(n);

const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * The plainest numbers (digits, then a point and digits: "51.38", "11"), read inline; undefined for anything
 * else, which the number reader reads. The same double the reader gives (and Number() gives): an exact
 * integer of at most 15 digits over a power of ten (tests/cli/columns.test.ts compares them).
 */
export function plainDecimal(s: string, a: number, b: number): number | undefined {
  let int = 0;
  let i = a;
  let c = 0;
  for (; i < b && (c = s.charCodeAt(i)) >= 48 && c <= 57; i++) int = int * 10 + (c - 48);
  const digits = i - a;
  if (digits === 0 || digits > 15) return undefined;
  if (i === b) return int;
  if (c !== 46) return undefined;
  const point = ++i;
  for (; i < b && (c = s.charCodeAt(i)) >= 48 && c <= 57; i++) int = int * 10 + (c - 48);
  const scale = i - point;
  if (i !== b || scale === 0 || digits + scale > 15) return undefined;
  return int / POW10[scale];
}

/** Rows removed after the fact (doubtful rows judged not data), by their 0-based data index, ascending. */
export type Removed = readonly number[];

/**
 * A column of cells as the core's readers take them, filled row by row from CSV records. One class for
 * numbers and text: the hot loop calls `add` on every kept column of a row, and a call site that sees one
 * class stays fast.
 */
export class ColumnBuilder {
  private cells: Cell[];
  length = 0;
  private prev: string | null = null;
  private seen: (string | undefined)[] | null = new Array<string | undefined>(SEEN_MASK + 1);
  private misses = 0;
  private hits = 0;
  /**
   * Text in a column of numbers (a cell the number reader cannot read, a blank word), by row: put into the
   * array only at the end, and only for rows that stay, so that a totals row's label does not turn a
   * million unboxed numbers into boxed ones.
   */
  private texts: Map<number, string> | null = null;

  /** `expected`: how many rows the file is thought to hold (more are taken, at the cost of growing). */
  constructor(
    readonly numeric: boolean,
    expected: number,
  ) {
    this.cells = numeric ? numberArray(expected) : textArray(expected);
  }

  add(src: CsvRecord, j: number): void {
    const at = this.length++;
    if (this.numeric) {
      const cells = this.cells;
      // Read where it lies in the record's text (no string built for the common forms).
      let x: number | null | undefined = null;
      if (j < src.count) {
        if (src.special && src.texts[j] !== undefined) x = readNumber(src.texts[j]);
        else if (src.starts[j] < src.ends[j]) {
          const a = src.starts[j];
          const b = src.ends[j];
          x = plainDecimal(src.text, a, b);
          if (x === undefined) x = readNumberAt(src.text, a, b);
        }
      }
      if (typeof x === 'number') {
        cells[at] = x;
        return;
      }
      if (x !== null || !isBlank(src.field(j))) (this.texts ??= new Map()).set(at, src.field(j)); // unreadable, or a blank word, as written
      if (at >= cells.length) cells.length = at + 1; // a hole: blank (or text, put in at the end)
      return;
    }
    // A run of the same value (a date on consecutive rows): the same string.
    const prev = this.prev;
    if (prev !== null && src.is(j, prev)) {
      this.cells[at] = prev;
      return;
    }
    // A value seen before (one of a few hundred dates, a handful of answers): found by a hash of its
    // characters in a small table, without building the string.
    const seen = this.seen;
    let slot = -1;
    if (seen !== null) {
      slot = src.hash(j) & SEEN_MASK;
      const known = seen[slot];
      if (known !== undefined && src.is(j, known)) {
        this.hits++;
        this.prev = known;
        this.cells[at] = known;
        return;
      }
      // Mostly distinct values (order ids, timestamps): stop looking.
      if (++this.misses > 4096 && this.hits < this.misses) this.seen = null;
    }
    const text = own(src.field(j));
    if (slot >= 0 && seen !== null) seen[slot] = text;
    this.prev = text;
    this.cells[at] = text;
  }

  /** Every cell in order, without the removed rows; the builder is emptied. */
  finish(removed: Removed): Cell[] {
    this.seen = null;
    const cells = this.cells;
    this.cells = [];
    cells.length = this.numeric ? compactNumbers(cells, this.length, removed) : compactTexts(cells, this.length, removed);
    if (this.texts) {
      for (const [i, text] of this.texts) {
        // Its index once the removed rows before it are gone.
        let lo = 0;
        let hi = removed.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (removed[mid] < i) lo = mid + 1;
          else hi = mid;
        }
        if (removed[lo] !== i) cells[i - lo] = text;
      }
      this.texts = null;
    }
    return cells;
  }
}

// Two copies of one loop (see numberArray): shifting text would turn the next array of numbers it
// shifts into one of boxed numbers.
function compactNumbers(cells: Cell[], n: number, removed: Removed): number {
  if (removed.length === 0) return n;
  let k = removed[0];
  let r = 0;
  for (let i = k; i < n; i++) {
    if (r < removed.length && removed[r] === i) {
      r++;
      continue;
    }
    if (i in cells) cells[k] = cells[i];
    else delete cells[k]; // a blank stays a hole
    k++;
  }
  return k;
}

function compactTexts(cells: Cell[], n: number, removed: Removed): number {
  if (removed.length === 0) return n;
  let k = removed[0];
  let r = 0;
  for (let i = k; i < n; i++) {
    if (r < removed.length && removed[r] === i) {
      r++;
      continue;
    }
    cells[k++] = cells[i];
  }
  return k;
}

/** The file line of each data row, for messages. */
export class LineBuilder {
  private lines: Int32Array;
  length = 0;

  constructor(expected: number) {
    this.lines = new Int32Array(Math.max(16, expected));
  }

  add(line: number): void {
    if (this.length === this.lines.length) {
      const grown = new Int32Array(this.lines.length * 2);
      grown.set(this.lines);
      this.lines = grown;
    }
    this.lines[this.length++] = line;
  }

  finish(removed: Removed): Int32Array {
    const lines = this.lines;
    let k = this.length;
    if (removed.length) {
      k = removed[0];
      let r = 0;
      for (let i = k; i < this.length; i++) {
        if (r < removed.length && removed[r] === i) {
          r++;
          continue;
        }
        lines[k++] = lines[i];
      }
    }
    return lines.slice(0, k);
  }
}
