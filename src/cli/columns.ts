/**
 * The columns the command line keeps while a file streams by: only the ones the scorecard reads, built in
 * blocks (no array is copied as it grows) and joined once at the end, without the rows left out.
 *
 * Memory per cell is what decides whether millions of rows fit in Node's default heap:
 * - money and quantity columns (read by the number reader alone) keep each cell as the number that reader
 *   gives, or as its text when it gives none (so a bad cell's message quotes it as written); a blank cell is
 *   left a hole (read as a blank, like ""), so that a column of numbers stays 8 bytes a cell;
 * - other columns keep text, one string per distinct value where values repeat (the same date on many
 *   rows, a handful of answers): a pointer a cell.
 */
import { type Cell, isBlank } from '../core/values/cell';
import { readNumber } from '../core/values/number';

/** What the builders read a field from: a CSV record (src/core/tables/csv.ts CsvRecord) or a row of strings. */
export interface FieldSource {
  field(j: number): string;
  is(j: number, s: string): boolean;
}

const BLOCK = 1 << 16;

/**
 * A string that holds its own characters. V8 makes a slice of 13 characters or more a view of the text it
 * was sliced from: kept, it would keep that whole chunk of the file alive (a column of timestamps would keep
 * the file). Joined to a space and sliced again, it is a slice of a fresh string of its own length.
 */
function own(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}
/** Distinct values remembered per text column; past this a column interns no new values. */
const INTERN_MAX = 4096;

// Arrays of numbers stay arrays of unboxed doubles only if no text is ever stored in them, and V8 starts
// a new array with the element kind its allocation site has seen: numbers and text get their own sites.
const numberBlock = (n: number): Cell[] => new Array<Cell>(n);
const textBlock = (n: number): Cell[] => new Array<Cell>(n);

/** Rows removed after the fact (doubtful rows judged not data), by their 0-based data index, ascending. */
export type Removed = readonly number[];

/** A column of cells as the core's readers take them. */
export class ColumnBuilder {
  private blocks: Cell[][] = [];
  private cur: Cell[];
  private n = 0;
  length = 0;
  private prev: string | null = null;
  private interned: Map<string, string> | null = new Map();
  private looks = 0;
  private hits = 0;

  constructor(readonly numeric: boolean) {
    this.cur = numeric ? numberBlock(BLOCK) : textBlock(BLOCK);
  }

  add(src: FieldSource, j: number): void {
    if (this.n === BLOCK) {
      this.blocks.push(this.cur);
      this.cur = this.numeric ? numberBlock(BLOCK) : textBlock(BLOCK);
      this.n = 0;
    }
    const at = this.n++;
    this.length++;
    if (this.numeric) {
      const text = src.field(j);
      if (text === '') return; // a hole: blank
      const x = readNumber(text);
      if (typeof x === 'number') this.cur[at] = x;
      else if (x !== null || !isBlank(text)) this.cur[at] = text; // unreadable, or a blank word ("n/a") as written
      return;
    }
    // A run of the same value (a date on consecutive rows): the same string.
    const prev = this.prev;
    if (prev !== null && src.is(j, prev)) {
      this.cur[at] = prev;
      return;
    }
    let text = src.field(j);
    const map = this.interned;
    if (map !== null) {
      this.looks++;
      const known = map.get(text);
      if (known !== undefined) {
        this.hits++;
        text = known;
      } else {
        text = own(text);
        if (map.size < INTERN_MAX) map.set(text, text);
        else if (this.hits < this.looks / 2) this.interned = null; // mostly distinct values: stop looking
      }
    } else text = own(text);
    this.prev = text;
    this.cur[at] = text;
  }

  /** Every cell in order, without the removed rows; the builder is emptied. */
  finish(removed: Removed): Cell[] {
    this.interned = null;
    const blocks = [...this.blocks, this.cur.length === this.n ? this.cur : this.cur.slice(0, this.n)];
    this.blocks = [];
    this.cur = [];
    const size = Math.max(0, this.length - removed.length);
    // Two copies of one loop: a store site that has put text into an array would turn the next array of
    // numbers it fills into an array of boxed numbers.
    return this.numeric ? joinNumbers(blocks, removed, numberBlock(size)) : joinTexts(blocks, removed, textBlock(size));
  }
}

function joinNumbers(blocks: Cell[][], removed: Removed, out: Cell[]): Cell[] {
  let i = 0;
  let k = 0;
  let r = 0;
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b];
    blocks[b] = [];
    for (let x = 0; x < block.length; x++, i++) {
      if (r < removed.length && removed[r] === i) {
        r++;
        continue;
      }
      const v = block[x];
      if (v !== undefined) out[k] = v; // a blank stays a hole
      k++;
    }
  }
  return out;
}

function joinTexts(blocks: Cell[][], removed: Removed, out: Cell[]): Cell[] {
  let i = 0;
  let k = 0;
  let r = 0;
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b];
    blocks[b] = [];
    for (let x = 0; x < block.length; x++, i++) {
      if (r < removed.length && removed[r] === i) {
        r++;
        continue;
      }
      out[k++] = block[x];
    }
  }
  return out;
}

/** The file line of each data row, for messages. */
export class LineBuilder {
  private blocks: Int32Array[] = [];
  private cur = new Int32Array(BLOCK);
  private n = 0;
  length = 0;

  add(line: number): void {
    if (this.n === BLOCK) {
      this.blocks.push(this.cur);
      this.cur = new Int32Array(BLOCK);
      this.n = 0;
    }
    this.cur[this.n++] = line;
    this.length++;
  }

  finish(removed: Removed): Int32Array {
    const out = new Int32Array(Math.max(0, this.length - removed.length));
    const all = [...this.blocks, this.cur.subarray(0, this.n)];
    let i = 0;
    let k = 0;
    let r = 0;
    for (const block of all)
      for (let x = 0; x < block.length; x++, i++) {
        if (r < removed.length && removed[r] === i) {
          r++;
          continue;
        }
        out[k++] = block[x];
      }
    return out;
  }
}
