import { type Cell } from '../../core/values/cell';
import { type Column } from '../../core/values/column';
import { type TableFound, findTable } from '../../core/tables/findTable';
import { type Role } from '../../core/tables/roles';
import { type Source } from '../../core/scorecard/measures';
import { type SourceRefDef } from '../../core/scorecard/definition';
import { type SourceColumns } from '../../core/scorecard/compute';
import { type WorkbookPort } from '../ports/workbook';
import { openColumn } from './references';

/** A user-facing failure: the sidebar shows the message as it is. */
export class BuildError extends Error {}

/** A source sheet as the builder uses it: its table, each column as an open-ended range, and its columns for a build-time look. */
export interface ResolvedSource {
  readonly kind: Source;
  readonly sheet: string;
  readonly table: TableFound;
  /** Role → open-ended range of its data, e.g. 'Sales'!$B$4:$B, so that rows pasted below count. */
  readonly ranges: Partial<Record<Role, string>>;
  /** The filter columns' ranges, by place (what the rules' leave1… read). */
  readonly filterRanges: readonly string[];
  /** The sheet row the ranges start on (the row under the header). */
  readonly firstRow: number;
  /** The first and last data rows found when built, for the scorecard's "reads" line. */
  readonly dataFrom: number;
  readonly dataTo: number;
  /** The same data as the command line reads it (core/scorecard/compute.ts), for what the builder computes now. */
  readonly columns: SourceColumns;
}

const key = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

/** Reads a source sheet once, finds its table and turns each confirmed column into a range. */
export function resolveSource(wb: WorkbookPort, kind: Source, ref: SourceRefDef): ResolvedSource {
  const sheet = wb.sheet(ref.sheet);
  if (!sheet)
    throw new BuildError(
      `The sheet "${ref.sheet}" (${kind} data) is not in this spreadsheet any more. Choose the ${kind} data again in the wizard.`,
    );
  const grid: Cell[][] = sheet.readValues();
  let table: TableFound;
  try {
    table = findTable(grid);
  } catch (e) {
    throw new BuildError(`"${ref.sheet}": ${(e as Error).message}`);
  }
  const at = (header: string, what: string): number => {
    const i = table.headers.findIndex((h) => key(h) === key(header));
    if (i < 0)
      throw new BuildError(`"${ref.sheet}" has no column "${header}" (for ${what}) any more. Confirm the columns again in the wizard.`);
    return i;
  };
  // Under the header row(s): SurveyMonkey's second header row and Qualtrics' ImportId line are not data.
  const firstRow = table.headerRow + (table.headerRows ?? 1) + 1;
  // What the live formulas read: every row under the header (their ranges are open-ended from firstRow),
  // so the numbers computed now are theirs, and messages name sheet rows.
  const below = grid.slice(firstRow - 1);
  const rows = below.map((_, i) => firstRow + i);
  const column = (i: number): Column => ({
    cells: below.map((r) => r[table.firstCol + i] ?? ''),
    width: 1,
    name: `"${ref.sheet}" column "${table.headers[i]}"`,
    named: true,
    firstRow,
  });
  const ranges: Partial<Record<Role, string>> = {};
  const columns: Record<string, Column> = {};
  for (const [role, header] of Object.entries(ref.columns) as [Role, string][]) {
    const i = at(header, role.replace(/_/g, ' '));
    ranges[role] = openColumn(ref.sheet, table.firstCol + i, firstRow);
    columns[role] = column(i);
  }
  const filterRanges: string[] = [];
  const filters: Column[] = [];
  (ref.filters ?? []).forEach((header, k) => {
    const i = at(header, `the rule leave${k + 1}`);
    filterRanges.push(openColumn(ref.sheet, table.firstCol + i, firstRow));
    filters.push(column(i));
  });
  return {
    kind,
    sheet: ref.sheet,
    table,
    ranges,
    filterRanges,
    firstRow,
    dataFrom: (table.dataRows[0] ?? firstRow - 1) + 1,
    dataTo: (table.dataRows[table.dataRows.length - 1] ?? firstRow - 1) + 1,
    columns: { name: `"${ref.sheet}"`, columns, filters, rules: ref.rules ?? {}, skipped: table.skipped, rows },
  };
}
