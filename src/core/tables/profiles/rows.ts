import { type Cell } from '../../values/cell';
import { type SkippedRow } from '../dataRows';
import { cellKind, cellText } from '../kinds';
import { type ExportProfile, findHeader } from './index';

const ORDINAL = ['first', 'second', 'third', 'fourth', 'fifth'];

/**
 * A recognised export's own rule for one row that the generic sorting (dataRows.ts) kept as data: the reason
 * the profile leaves it out, or null. `offset` is how far below the header row the row is (1: the next row);
 * `cell(j)` is its cell in column j of the table, `row()` all its cells (for the reason's quote).
 */
export type ProfileRowRule = (offset: number, cell: (j: number) => Cell, row: () => readonly Cell[]) => string | null;

/**
 * What a recognised export's profile changes in the rows found under its header: the header rows below
 * the first (SurveyMonkey's "Response" row, Qualtrics' question texts and ImportId line) are left out, and
 * in a report whose rows need a date (QuickBooks) the group headings, subtotals and footer are left out.
 * Null when the profile changes nothing. Kept apart from the generic row sorting (dataRows.ts); the grid
 * reader (profileRows) and the command line's streamed reader both judge each row by it.
 */
export function profileRowRule(profile: ExportProfile, headers: readonly string[]): ProfileRowRule | null {
  const extra = Math.max(0, (profile.headerRows ?? 1) - 1);
  const dateAt = profile.rowsNeedDate ? findHeader(headers, profile.columns.date) : -1;
  if (extra === 0 && dateAt < 0) return null;
  const dateName = dateAt >= 0 ? headers[dateAt] : '';
  const what = profile.headerRowsHold ? `: ${profile.headerRowsHold}` : '';
  return (offset, cell, row) => {
    if (offset >= 1 && offset <= extra) return `the ${ORDINAL[offset] ?? `${offset + 1}th`} header row of a ${profile.name}${what}`;
    if (dateAt >= 0 && cellKind(cell(dateAt)) !== 'date') {
      const first =
        row()
          .map(cellText)
          .find((t) => t !== '') ?? '';
      const shown = first.length > 40 ? `${first.slice(0, 37)}...` : first;
      return `no date in "${dateName}": a heading, subtotal or footer of the report ("${shown}"), left out so nothing is counted twice`;
    }
    return null;
  };
}

/** Each column's question text, where one of the export's header rows below the names holds it (Qualtrics), else undefined. */
export function profileLabels(
  profile: ExportProfile,
  grid: readonly (readonly Cell[])[],
  headerRow: number,
  firstCol: number,
  headers: readonly string[],
): string[] | undefined {
  if (profile.labelRow === undefined || profile.labelRow <= 0) return undefined;
  const row = grid[headerRow + profile.labelRow] ?? [];
  return headers.map((_, j) => cellText(row[firstCol + j]));
}

/** The rows of a recognised export (profileRowRule) under its header, from those the generic sorting found, and its question texts. */
export function profileRows(
  profile: ExportProfile,
  grid: readonly (readonly Cell[])[],
  headerRow: number,
  firstCol: number,
  headers: readonly string[],
  found: { dataRows: number[]; skipped: SkippedRow[] },
): { dataRows: number[]; skipped: SkippedRow[]; labels?: string[] } {
  const rule = profileRowRule(profile, headers);
  let dataRows = found.dataRows;
  let skipped = found.skipped;
  if (rule) {
    skipped = [...found.skipped];
    dataRows = [];
    for (const r of found.dataRows) {
      const cells = grid[r] ?? [];
      const reason = rule(
        r - headerRow,
        (j) => cells[firstCol + j],
        () => cells,
      );
      if (reason === null) dataRows.push(r);
      else skipped.push({ row: r + 1, reason });
    }
    skipped.sort((a, b) => a.row - b.row);
  }
  const labels = profileLabels(profile, grid, headerRow, firstCol, headers);
  return labels ? { dataRows, skipped, labels } : { dataRows, skipped };
}
