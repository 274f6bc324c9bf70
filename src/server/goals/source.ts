import { type Cell } from '../../core/values/cell';
import { type DateOptions } from '../../core/values/date';
import { type TableFound, findTable } from '../../core/tables/findTable';
import { cellText } from '../../core/tables/kinds';
import { type GoalRole } from '../../core/goals/columns';
import { type GoalsDefinition } from '../../core/goals/definition';
import { type GoalsRead, readGoals } from '../../core/goals/read';
import { type WorkbookPort } from '../ports/workbook';
import { BuildError } from '../scorecard/resolve';
import { openColumn } from '../scorecard/references';

/** The manager's goals table as the builder uses it: read once, each column as an open-ended range. */
export interface GoalsSource {
  readonly sheet: string;
  readonly table: TableFound;
  /** The sheet row under the header, where the ranges start. */
  readonly firstRow: number;
  /** Role → open-ended range, e.g. 'Goals'!$A$2:$A, so rows pasted below are read too. */
  readonly ranges: Partial<Record<GoalRole, string>>;
  readonly read: GoalsRead;
  /** Non-blank cells of the ID column (the sheet compares it with its own count to ask for a rebuild). */
  readonly idCount: number;
  /** The ID cell of a sheet row as the table holds it (a number stays a number, so MATCH finds it). */
  readonly idCell: (row: number) => Cell;
  /** The last sheet row of the table's data when read. */
  readonly lastRow: number;
}

const norm = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

/** Reads the goals table of a definition (one read of its sheet), or throws a BuildError saying what to do. */
export function resolveGoals(wb: WorkbookPort, def: GoalsDefinition, dates: DateOptions): GoalsSource {
  const { sheet: name, columns } = def.source;
  const sheet = wb.sheet(name);
  if (!sheet) throw new BuildError(`The sheet "${name}" (your goals) is not in this spreadsheet any more. Choose the goals table again.`);
  const grid: Cell[][] = sheet.readValues();
  let table: TableFound;
  try {
    table = findTable(grid);
  } catch (e) {
    throw new BuildError(`"${name}": ${(e as Error).message}`);
  }
  const firstRow = table.headerRow + 2;
  const at: Partial<Record<GoalRole, number>> = {};
  const headers: Partial<Record<GoalRole, string>> = {};
  const ranges: Partial<Record<GoalRole, string>> = {};
  for (const [role, header] of Object.entries(columns) as [GoalRole, string][]) {
    const j = table.headers.findIndex((h) => norm(h) === norm(header));
    if (j < 0) throw new BuildError(`"${name}" has no column "${header}" any more. Check the goals table's columns again.`);
    at[role] = table.firstCol + j;
    headers[role] = table.headers[j];
    ranges[role] = openColumn(name, table.firstCol + j, firstRow);
  }
  // Every row under the header, as the live formulas read them (blank rows are left out by readGoals).
  const rows = grid.slice(firstRow - 1);
  const read = readGoals(
    rows,
    rows.map((_, i) => firstRow + i),
    at,
    headers,
    `"${name}"`,
    dates,
  );
  const idAt = at.id;
  const idCell = (row: number): Cell => (idAt === undefined ? '' : (grid[row - 1]?.[idAt] ?? ''));
  let idCount = 0;
  if (idAt !== undefined) for (const r of rows) if (cellText(r[idAt]) !== '') idCount++;
  const lastRow = (table.dataRows[table.dataRows.length - 1] ?? firstRow - 2) + 1;
  return { sheet: name, table, firstRow, ranges, read, idCount, idCell, lastRow };
}
