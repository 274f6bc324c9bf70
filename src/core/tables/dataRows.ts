import { type Cell } from '../values/cell';
import { type Kind, cellKind, cellText, isEmptyCell } from './kinds';

/** A row left out of the table, with a reason a manager understands. */
export interface SkippedRow {
  /** 1-based sheet row (the grid is taken to start on row 1, as getDataRange's values do); a CSV file's line. */
  readonly row: number;
  readonly reason: string;
}

// Whole-cell matches only, so a customer called "Total Gym Ltd" stays data.
const TOTAL = /^(grand |sub-?|overall )?totals?\s*(:.*|\(.*\))?$|^(sum|subtotal)\s*:?$/i;
const NOTE = /^(notes?|source|exported|generated|printed|report|page|filter(ed)?|prepared|run on|as of)\b|^\*/i;
/** Rows sampled to learn what each column usually holds: enough to be sure, cheap on 100,000 rows. */
const KIND_SAMPLE = 200;

const quote = (s: string): string => `"${s.length > 50 ? `${s.slice(0, 47)}...` : s}"`;

/** The entry for a run of blank rows, numbered first to last (1-based), listed once. */
export function blankRun(first: number, last: number): SkippedRow {
  return first === last
    ? { row: first, reason: 'blank row' }
    : { row: first, reason: `${last - first + 1} blank rows (rows ${first} to ${last}, listed once)` };
}

/** The entry for a row above the header that holds something (a title or a note). */
export function aboveHeaderRow(row: readonly Cell[] | undefined, number: number): SkippedRow | null {
  const first = (row ?? []).find((c) => !isEmptyCell(c));
  return first === undefined ? null : { row: number, reason: `above the header row (a title or note: ${quote(cellText(first))})` };
}

// The per-row classifier below the header. Both the grid reader (sortRows) and the command line's
// streaming reader (src/cli/) call it, so that the same rows are left out whichever reads the table.

/** What one cell below the header says: FILLED when it holds something, SAME when it repeats its column's name. */
export const FILLED = 1;
export const SAME = 2;

/** FILLED and SAME for one cell; `name` is its column's name in lower case. */
export function cellFacts(c: Cell, name: string): number {
  if (typeof c !== 'string') return isEmptyCell(c) ? 0 : FILLED;
  if (c.length === 0) return 0;
  // Blank and the blank words ("-", "n/a", "none") start with white space, a dash or an n.
  const c0 = c.charCodeAt(0);
  if ((c0 <= 32 || c0 === 45 || (c0 | 32) === 110 || (c0 >= 128 && (isTrimmed(c0) || c0 === 0x2013 || c0 === 0x2014))) && isEmptyCell(c))
    return 0;
  return c.length <= 160 && sameName(c, name) ? FILLED | SAME : FILLED;
}

/** White space and line terminators, as String.prototype.trim removes them. */
function isTrimmed(code: number): boolean {
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** c.trim().toLowerCase() === name, without building either string when the text is ASCII. */
function sameName(c: string, name: string): boolean {
  let a = 0;
  let b = c.length;
  while (a < b && isTrimmed(c.charCodeAt(a))) a++;
  while (b > a && isTrimmed(c.charCodeAt(b - 1))) b--;
  const n = b - a;
  for (let k = 0; k < n; k++) {
    const ch = c.charCodeAt(a + k);
    if (ch >= 128) return c.trim().toLowerCase() === name; // lower-casing beyond ASCII may change the length
    if (n !== name.length) continue; // only looking for non-ASCII now
    const lower = ch >= 65 && ch <= 90 ? ch + 32 : ch;
    if (lower !== name.charCodeAt(k)) return false;
  }
  return n === name.length;
}

/** The text of a cell that labels a totals row ("Total", "Grand total:", "Sum"), else undefined. */
export function totalWord(c: Cell): string | undefined {
  if (typeof c !== 'string' || c.length > 160) return undefined;
  // Every totals word starts with g, o, s or t (in any case; /i without /u maps nothing beyond ASCII to them).
  let a = 0;
  while (a < c.length && isTrimmed(c.charCodeAt(a))) a++;
  const first = c.charCodeAt(a) | 32;
  if (first !== 103 && first !== 111 && first !== 115 && first !== 116) return undefined;
  const t = c.trim();
  return t.length <= 40 && TOTAL.test(t) ? t : undefined;
}

/**
 * Whether a cell is certainly filled, not its column's name and no totals word (so that cellFacts gives
 * FILLED and totalWord undefined) from four things about its text: its first character, its second (-1 if
 * none), its last and its length; `nameCode` and `nameLength` are the first character and the length of the
 * column's name in lower case. A fast path for readers that hold the text as characters (the command line's
 * CSV records): most cells of a table pass without their text being built.
 *
 * Not certain, so false: a first character that is white space (a blank?); a dash or an n in a text of at
 * most 6 characters (the blank words "-", "n/a", "none"); the name's first letter in any case, unless the
 * text is longer than the name and does not end in white space (lower-casing never shortens a text); the
 * starts of the totals words (gr, ov, su, to in any case). No character beyond ASCII lower-cases into ASCII
 * but the Kelvin sign and the dotted capital I, and none matches a totals word (/i without /u).
 */
export function plainText(c0: number, c1: number, cz: number, length: number, nameCode: number, nameLength: number): boolean {
  if (c0 <= 32 || (c0 >= 128 && isTrimmed(c0))) return false;
  const l0 = c0 >= 65 && c0 <= 90 ? c0 + 32 : c0;
  if ((l0 === 45 || l0 === 110 || c0 === 0x2013 || c0 === 0x2014) && length <= 6) return false;
  const maybeName = l0 === nameCode || (c0 >= 128 && (nameCode >= 128 || c0 === 0x212a || c0 === 0x130));
  if (maybeName && (length <= nameLength || cz <= 32 || (cz >= 128 && isTrimmed(cz)))) return false;
  const l1 = c1 >= 65 && c1 <= 90 ? c1 + 32 : c1;
  return !((l0 === 103 && l1 === 114) || (l0 === 111 && l1 === 118) || (l0 === 115 && l1 === 117) || (l0 === 116 && l1 === 111));
}

/**
 * A row below the header, from its cells' facts: blank (nothing filled), a repeat of the column names
 * (a second header row, as pasted pages of a report have), or a row of the table.
 */
export function rowVerdict(count: number, same: number, width: number): 'blank' | 'repeat' | 'row' {
  if (count === 0) return 'blank';
  if (same >= Math.max(1, 0.75 * count) && (same >= 2 || width === 1)) return 'repeat';
  return 'row';
}

/** The skipped-row entry for a repeated header row. */
export function repeatRow(number: number): SkippedRow {
  return { row: number, reason: 'repeats the column names (a second header row)' };
}

/** A row of the table, as the classifier sees it. */
export interface RowFacts {
  /** Per column of the table: whether the cell holds something. */
  readonly filled: ArrayLike<boolean | number>;
  readonly count: number;
  /** Its totals word, if a cell holds one. */
  readonly total: string | undefined;
}

/**
 * Whether a row must wait for the whole table before it is judged: a row with a totals word, or one filled
 * cell in a table of three columns or more (a note?). Every other row is data. "Plain" rows (no totals
 * word) tell what a real row fills and what each column usually holds (TableShape).
 */
export function isDoubtful(count: number, total: string | undefined, width: number): boolean {
  return total !== undefined || (count === 1 && width >= 3);
}

/** What the plain rows of a table look like: how often each column is filled, and (sampled) what it holds. */
export interface TableShape {
  /** Plain rows (those without a totals word). */
  readonly plain: number;
  /** Per column: the share of plain rows that fill it. */
  readonly fill: readonly number[];
  /** Per column: the kind of value most sampled plain rows hold (see sampledPlainRows), asked for only when needed. */
  usual(): readonly (Kind | undefined)[];
}

/** Which plain rows (0-based, among plain rows in order) are sampled for the usual kinds: at most about 200, spread evenly. */
export function sampledPlainRows(plain: number): number[] {
  const out: number[] = [];
  const step = Math.max(1, plain / KIND_SAMPLE);
  for (let i = 0; i < plain; i += step) out.push(Math.floor(i));
  return out;
}

/** The usual kind of each column from the sampled plain rows' cells (cellAt(k, j): column j of the k-th sampled row). */
export function usualKinds(
  samples: number,
  width: number,
  filledAt: (k: number, j: number) => boolean,
  cellAt: (k: number, j: number) => Cell,
): (Kind | undefined)[] {
  const out: (Kind | undefined)[] = [];
  for (let j = 0; j < width; j++) {
    const counts = new Map<Kind, number>();
    for (let k = 0; k < samples; k++) {
      if (!filledAt(k, j)) continue;
      const kind = cellKind(cellAt(k, j));
      counts.set(kind, (counts.get(kind) ?? 0) + 1);
    }
    let best: Kind | undefined;
    for (const [kind, v] of counts) if (best === undefined || v > (counts.get(best) ?? 0)) best = kind;
    out.push(best);
  }
  return out;
}

/**
 * The verdict on a doubtful row once the table's shape is known: the reason it is left out, or null when
 * it is data. A totals row lacks what every order has (an id, a date); a row of one text cell where that
 * column holds numbers or dates, or that reads as a note ("Source: ...", "* excl. VAT"), is a note.
 * `cell(j)` is the row's cell in column j of the table.
 */
export function judgeRow(x: RowFacts, cell: (j: number) => Cell, shape: TableShape, width: number): string | null {
  if (x.total !== undefined) {
    let lacking = shape.plain === 0;
    // Two rounds of the same test, so that the usual kinds are asked for only when the first says nothing.
    for (let j = 0; j < width && !lacking; j++) if (shape.fill[j] >= 0.9 && !x.filled[j]) lacking = true;
    for (let j = 0; j < width && !lacking; j++)
      if (shape.fill[j] >= 0.9 && cellKind(cell(j)) !== 'date' && shape.usual()[j] === 'date') lacking = true;
    if (lacking) return `a totals row (${quote(x.total)}), left out so nothing is counted twice`;
  }
  if (x.count === 1 && width >= 3) {
    // One text cell in a wide table, where that column holds numbers or dates: a note.
    let j = 0;
    while (!x.filled[j]) j++;
    const c = cell(j);
    const text = cellText(c);
    if (cellKind(c) === 'text' && (NOTE.test(text) || (shape.usual()[j] !== undefined && shape.usual()[j] !== 'text')))
      return `a note, not data (only one cell filled: ${quote(text)})`;
  }
  return null;
}

interface Row extends RowFacts {
  readonly r: number;
  readonly filled: boolean[];
}

/**
 * Sorts the rows of a grid around its header into data rows and rows left out: blank rows (one
 * entry per run), rows above the header (titles, notes), repeated headers, totals rows and notes.
 */
export function sortRows(
  grid: readonly (readonly Cell[])[],
  headerRow: number,
  firstCol: number,
  lastCol: number,
  headers: readonly string[],
): { dataRows: number[]; skipped: SkippedRow[] } {
  const skipped: SkippedRow[] = [];
  let runStart = -1;
  // Blank rows are reported once per run, when the run ends (before row r).
  const closeRun = (r: number): void => {
    if (runStart >= 0) skipped.push(blankRun(runStart + 1, r));
    runStart = -1;
  };

  // Above the header: titles, notes and blank rows, whatever they hold.
  for (let r = 0; r < headerRow; r++) {
    const entry = aboveHeaderRow(grid[r], r + 1);
    if (entry === null) {
      if (runStart < 0) runStart = r;
      continue;
    }
    closeRun(r);
    skipped.push(entry);
  }
  closeRun(headerRow);

  // Below: blank rows and repeated headers go at once; the rest wait until the columns are known.
  const width = headers.length;
  const names = headers.map((h) => h.toLowerCase());
  const rows: Row[] = [];
  for (let r = headerRow + 1; r < grid.length; r++) {
    const cells = grid[r] ?? [];
    const filled: boolean[] = [];
    let count = 0;
    let same = 0;
    let total: string | undefined;
    for (let j = 0; j < width; j++) {
      const c = cells[firstCol + j];
      const facts = cellFacts(c, names[j]);
      filled.push(facts !== 0);
      if (facts === 0) continue;
      count++;
      if (facts & SAME) same++;
      if (total === undefined) total = totalWord(c);
    }
    const verdict = rowVerdict(count, same, width);
    if (verdict === 'blank') {
      if (runStart < 0) runStart = r;
      continue;
    }
    closeRun(r);
    if (verdict === 'repeat') {
      skipped.push(repeatRow(r + 1));
      continue;
    }
    rows.push({ r, filled, count, total });
  }
  closeRun(grid.length);

  // What a real row fills, and what kind of value each column usually holds (from a sample).
  const plain = rows.filter((x) => x.total === undefined);
  const fill = headers.map((_, j) => (plain.length ? plain.filter((x) => x.filled[j]).length / plain.length : 0));
  let usual: (Kind | undefined)[] | null = null;
  const shape: TableShape = {
    plain: plain.length,
    fill,
    usual: () => {
      if (!usual) {
        const sample = sampledPlainRows(plain.length).map((k) => plain[k]);
        usual = usualKinds(
          sample.length,
          width,
          (k, j) => sample[k].filled[j],
          (k, j) => grid[sample[k].r][firstCol + j],
        );
      }
      return usual;
    },
  };

  const dataRows: number[] = [];
  for (const x of rows) {
    if (isDoubtful(x.count, x.total, width)) {
      const cells = grid[x.r];
      const reason = judgeRow(x, (j) => cells[firstCol + j], shape, width);
      if (reason !== null) {
        skipped.push({ row: x.r + 1, reason });
        continue;
      }
    }
    dataRows.push(x.r);
  }
  skipped.sort((a, b) => a.row - b.row);
  return { dataRows, skipped };
}
