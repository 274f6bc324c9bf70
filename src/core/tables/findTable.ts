import { type Cell } from '../values/cell';
import { fail } from '../values/errors';
import { type SkippedRow, sortRows } from './dataRows';
import { findHeaderRow } from './headerRow';
import { cellText, columnLetter } from './kinds';

export type { SkippedRow } from './dataRows';

/** A table found in a pasted sheet. Columns are firstCol..lastCol; headers[i] names column firstCol + i. */
export interface TableFound {
  /** 0-based index of the header row in the grid. */
  readonly headerRow: number;
  /** 0-based, inclusive. */
  readonly firstCol: number;
  readonly lastCol: number;
  /** Column names as shown; a column without a name is called by its letter, e.g. "Column F". */
  readonly headers: string[];
  /** 0-based grid indexes of the rows that hold data, top to bottom. */
  readonly dataRows: number[];
  /** Every row left out, in sheet order. */
  readonly skipped: SkippedRow[];
}

/**
 * Finds the header row and the data block in a pasted sheet's values (rows of cells, as Sheets'
 * getValues returns them, blanks as ""). Title rows, notes, blank rows, repeated headers and totals
 * rows are left out and reported. Throws an InputError with a message for the user when there is no
 * header or no data under it.
 */
export function findTable(grid: readonly (readonly Cell[])[]): TableFound {
  if (!Array.isArray(grid)) fail('expected the sheet as rows of cells');
  const rows = grid.map((r) => (Array.isArray(r) ? r : [r as unknown as Cell]));
  const span = findHeaderRow(rows);
  const headers = headerNames(rows[span.row], span.firstCol, span.lastCol);
  const { dataRows, skipped } = sortRows(rows, span.row, span.firstCol, span.lastCol, headers);
  if (dataRows.length === 0) {
    fail(`found the column names on row ${span.row + 1} but no data below them; paste the rows of data under the header`);
  }
  return { headerRow: span.row, firstCol: span.firstCol, lastCol: span.lastCol, headers, dataRows, skipped };
}

/**
 * The column names of a header row's columns firstCol..lastCol, as shown: a column without a name is called
 * by its letter ("Column F"), and a name used twice gets a number ("Amount (2)").
 */
export function headerNames(row: readonly Cell[], firstCol: number, lastCol: number): string[] {
  const headers: string[] = [];
  const seen = new Set<string>();
  for (let j = firstCol; j <= lastCol; j++) {
    let name = cellText(row[j]) || `Column ${columnLetter(j)}`;
    // Two columns with one name cannot be told apart when the user picks one by name.
    for (let k = 2; seen.has(name.toLowerCase()); k++) name = `${cellText(row[j])} (${k})`;
    seen.add(name.toLowerCase());
    headers.push(name);
  }
  return headers;
}

/** The data cells of each column of a found table (what suggestRoles takes). */
export function tableColumns(grid: readonly (readonly Cell[])[], table: TableFound): Cell[][] {
  const out: Cell[][] = [];
  for (let j = table.firstCol; j <= table.lastCol; j++) out.push(table.dataRows.map((r) => grid[r]?.[j] ?? ''));
  return out;
}
