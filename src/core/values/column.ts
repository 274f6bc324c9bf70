import { type Arg, type Cell, isBlank, showCell } from './cell';
import { fail } from './errors';

/**
 * A range argument read as one list of cells (row by row), remembering its width and its name so
 * that an error can point at the exact cell. A single cell is a 1×1 range.
 */
export interface Column {
  readonly cells: readonly Cell[];
  readonly width: number;
  /** The argument's name as the user sees it in autocomplete, e.g. "scores". */
  readonly name: string;
  /** Whether messages should name the argument (formulas with several ranges do). */
  readonly named: boolean;
  /**
   * For a one-column range as Sheets passes it: the rows themselves. Hot loops read rows[i][0]
   * instead of `cells`, which is then only built if something asks for it (saves a copy of a
   * million-row column).
   */
  readonly rows?: ReadonlyArray<ReadonlyArray<Cell>>;
  /**
   * Where cell `index` is, for messages, when the cells are not a range of a sheet: the command line's
   * `sales.csv: line 7: column "Qty"`. Replaces "row N of name".
   */
  readonly at?: (index: number) => string;
  /** The sheet row of the first cell, when known (the source formulas are told it): messages name sheet rows. */
  readonly firstRow?: number;
}

export function toColumn(arg: Arg, name: string, named = false): Column {
  if (!Array.isArray(arg)) return { cells: [arg as Cell], width: 1, name, named };
  const rows = arg as ReadonlyArray<ReadonlyArray<Cell>>;
  const n = rows.length;
  if (n === 0) return { cells: [], width: 1, name, named };
  const first = rows[0];
  // A range whose rows are not arrays is a list already (a caller outside Sheets, e.g. the CLI).
  if (!Array.isArray(first)) return { cells: rows as unknown as Cell[], width: 1, name, named };
  const width = first.length || 1;
  if (width === 1) {
    let cells: Cell[] | null = null;
    return {
      get cells() {
        if (!cells) {
          cells = new Array<Cell>(n);
          for (let i = 0; i < n; i++) cells[i] = rows[i][0];
        }
        return cells;
      },
      width,
      name,
      named,
      rows,
    };
  }
  const cells: Cell[] = [];
  for (let i = 0; i < n; i++) {
    const row = rows[i];
    for (let j = 0; j < width; j++) cells.push(row[j]);
  }
  return { cells, width, name, named };
}

/** How many cells a column holds, without building `cells` when the rows are at hand. */
export function columnLength(col: Column): number {
  return col.rows ? col.rows.length : col.cells.length;
}

/** "row 7" for a one-column range, "row 7, column 2" otherwise; "of scores" when asked. */
export function where(col: Column, index: number): string {
  if (col.at) return col.at(index);
  const row = Math.floor(index / col.width) + 1;
  if (col.firstRow !== undefined) return `sheet row ${col.firstRow + row - 1} of ${col.name}`;
  const at = col.width === 1 ? `row ${row}` : `row ${row}, column ${(index % col.width) + 1}`;
  return col.named ? `${at} of ${col.name}` : at;
}

/**
 * The same column, whose first cell is on `firstRow` of its sheet: messages then name the sheet row a
 * manager can go to ("sheet row 57 of amounts"), not the row within the range. Cells are not copied.
 */
export function atSheetRow(col: Column, firstRow: number): Column {
  return {
    get cells() {
      return col.cells;
    },
    width: col.width,
    name: col.name,
    named: col.named,
    rows: col.rows,
    firstRow,
  };
}

/**
 * Whether an unreadable cell is the range's header (its first row, holding text), which every reader
 * skips so that =NPS(B1:B500) works with the question in B1.
 */
export function isHeaderCell(col: Column, index: number, c: unknown): boolean {
  return index < col.width && typeof c === 'string';
}

/** Throw the standard "row 7 holds "eleven"; <what was expected>" error. */
export function badCell(col: Column, index: number, expected: string): never {
  return fail(`${where(col, index)} holds ${showCell(col.cells[index])}; ${expected}`);
}

/** Ranges that pair row by row must be the same size. */
export function sameLength(...cols: Column[]): void {
  const [a, ...rest] = cols;
  for (const b of rest) {
    const na = columnLength(a);
    const nb = columnLength(b);
    if (nb !== na) {
      fail(`${a.name} has ${na} cells but ${b.name} has ${nb}; ` + `give ranges of the same size, e.g. A2:A500 and D2:D500`);
    }
  }
}

/** Fail when every cell is blank: a formula over nothing is almost always the wrong range. */
export function requireSome(col: Column, what: string): void {
  if (col.rows) {
    for (const r of col.rows) if (!isBlank(r[0])) return;
  } else for (const c of col.cells) if (!isBlank(c)) return;
  fail(`no ${what} found in ${col.name}; select the cells that hold them (the header row may be included)`);
}
