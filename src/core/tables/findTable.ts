import { type Cell } from '../values/cell';
import { fail } from '../values/errors';
import { type SkippedRow, sortRows } from './dataRows';
import { type HeaderSpan, findHeaderRow } from './headerRow';
import { cellText, columnLetter, isEmptyCell } from './kinds';
import { type ExportProfile, recogniseGrid } from './profiles/index';
import { profileRows } from './profiles/rows';

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
  /** The export profile the header row was recognised as (core/tables/profiles), by id. */
  readonly profile?: string;
  /** How many rows the header spans (a SurveyMonkey export 2, Qualtrics 3); absent: 1. Data starts below them. */
  readonly headerRows?: number;
  /** Each column's question text where a header row below the names holds it (Qualtrics), else absent. */
  readonly labels?: string[];
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
  const { span, profile } = locateHeader(rows);
  const headers = headerNames(rows[span.row], span.firstCol, span.lastCol);
  const { dataRows, skipped, labels } = tableRows(rows, span, headers, profile);
  if (dataRows.length === 0) {
    fail(`found the column names on row ${span.row + 1} but no data below them; paste the rows of data under the header`);
  }
  return {
    headerRow: span.row,
    firstCol: span.firstCol,
    lastCol: span.lastCol,
    headers,
    dataRows,
    skipped,
    ...profileFacts(profile, labels),
  };
}

/**
 * Where a table's column names are, and the export they say it is: a vendor's export is known by its header
 * row (core/tables/profiles), anything else is found by the shape of its rows (headerRow.ts). The grid reader
 * (findTable) and the command line's streamed reader (on a file's first lines) both start here. Throws an
 * InputError as findHeaderRow does.
 */
export function locateHeader(rows: readonly (readonly Cell[])[]): { span: HeaderSpan; profile?: ExportProfile } {
  const known = recogniseGrid(rows);
  return known ? { span: spanOfRow(rows[known.row], known.row), profile: known.profile } : { span: findHeaderRow(rows) };
}

/**
 * The rows below a header: sorted into data and rows left out (dataRows.ts), then, for a recognised export,
 * its own rules (profiles/rows.ts: its header rows below the first, its rows without a date) and its columns'
 * question texts.
 */
export function tableRows(
  rows: readonly (readonly Cell[])[],
  span: HeaderSpan,
  headers: readonly string[],
  profile: ExportProfile | undefined,
): { dataRows: number[]; skipped: SkippedRow[]; labels?: string[] } {
  const sorted = sortRows(rows, span.row, span.firstCol, span.lastCol, headers);
  return profile ? profileRows(profile, rows, span.row, span.firstCol, headers, sorted) : sorted;
}

/** What a table found as a vendor's export says of it (TableFound's profile, headerRows and labels). */
export function profileFacts(
  profile: ExportProfile | undefined,
  labels: string[] | undefined,
): Pick<TableFound, 'profile' | 'headerRows' | 'labels'> {
  if (!profile) return {};
  const headerRows = profile.headerRows ?? 1;
  return { profile: profile.id, ...(headerRows > 1 ? { headerRows } : {}), ...(labels ? { labels } : {}) };
}

/** The span of a header row a profile recognised: from its first filled cell to its last. */
function spanOfRow(row: readonly Cell[], r: number): HeaderSpan {
  let firstCol = 0;
  while (firstCol < row.length && isEmptyCell(row[firstCol])) firstCol++;
  let lastCol = row.length - 1;
  while (lastCol > firstCol && isEmptyCell(row[lastCol])) lastCol--;
  return { row: r, firstCol, lastCol };
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
