import { type Cell } from '../../values/cell';
import { type SkippedRow } from '../dataRows';
import { cellKind, cellText } from '../kinds';
import { type ExportProfile, findHeader } from './index';

const ORDINAL = ['first', 'second', 'third', 'fourth', 'fifth'];

/**
 * What a recognised export's profile changes in the rows found under its header: the header rows below
 * the first (SurveyMonkey's "Response" row, Qualtrics' question texts and ImportId line) are left out and
 * listed, the question texts kept as the columns' labels, and in a report whose rows need a date (QuickBooks)
 * the group headings, subtotals and footer are left out. Kept apart from the generic row sorting (dataRows.ts).
 */
export function profileRows(
  profile: ExportProfile,
  grid: readonly (readonly Cell[])[],
  headerRow: number,
  firstCol: number,
  headers: readonly string[],
  found: { dataRows: number[]; skipped: SkippedRow[] },
): { dataRows: number[]; skipped: SkippedRow[]; labels?: string[] } {
  const extra = Math.max(0, (profile.headerRows ?? 1) - 1);
  const headerOnly = new Set<number>();
  for (let k = 1; k <= extra; k++) headerOnly.add(headerRow + k);
  const skipped = [...found.skipped];
  const dataRows: number[] = [];
  const dateAt = profile.rowsNeedDate ? findHeader(headers, profile.columns.date) : -1;
  const dateName = dateAt >= 0 ? headers[dateAt] : '';
  for (const r of found.dataRows) {
    if (headerOnly.has(r)) {
      const k = r - headerRow;
      const what = profile.headerRowsHold ? `: ${profile.headerRowsHold}` : '';
      skipped.push({ row: r + 1, reason: `the ${ORDINAL[k] ?? `${k + 1}th`} header row of a ${profile.name}${what}` });
      continue;
    }
    if (dateAt >= 0 && cellKind(grid[r]?.[firstCol + dateAt]) !== 'date') {
      const first = (grid[r] ?? []).map(cellText).find((t) => t !== '') ?? '';
      const shown = first.length > 40 ? `${first.slice(0, 37)}...` : first;
      skipped.push({
        row: r + 1,
        reason: `no date in "${dateName}": a heading, subtotal or footer of the report ("${shown}"), left out so nothing is counted twice`,
      });
      continue;
    }
    dataRows.push(r);
  }
  skipped.sort((a, b) => a.row - b.row);
  const out: { dataRows: number[]; skipped: SkippedRow[]; labels?: string[] } = { dataRows, skipped };
  if (profile.labelRow !== undefined && profile.labelRow > 0) {
    const row = grid[headerRow + profile.labelRow] ?? [];
    out.labels = headers.map((_, j) => cellText(row[firstCol + j]));
  }
  return out;
}
