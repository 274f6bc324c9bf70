import { type Cell } from '../values/cell';
import { type Column } from '../values/column';
import { fail } from '../values/errors';
import { type TableFound, findTable, tableColumns } from '../tables/findTable';
import { type RoleSuggestion } from '../tables/suggestRoles';
import { ROLES, type Role, isRole } from '../tables/roles';
import { type RoleMapping, applyOverrides } from '../tables/overrides';
import { type SourceSetup, type TableHeaders, sourceSetup, suggestTableRoles } from '../tables/profiles/setup';
import { detectCurrency } from '../values/currency';
import { type SourceColumns } from './compute';
import { type SourceRefDef } from './definition';

/**
 * A source as the build and the checks before it read it (core/scorecard/plausibility.ts): from a sheet's grid
 * (loadSource, loadSourceOf) or from a file streamed by the command line (src/cli/source.ts).
 */
export interface LoadedSource {
  /** Its headers, and the export profile it was recognised as (with its question texts). */
  readonly table: TableHeaders;
  readonly suggestions: readonly RoleSuggestion[];
  /** Final role → column index among table.headers, after the user's overrides. */
  readonly mapping: Partial<Record<Role, number>>;
  readonly source: SourceColumns;
  /** The rules the rows are read by, the filter columns they read, the profile and the amounts' currency. */
  readonly setup: SourceSetup;
  /**
   * The data cells of each column (data rows only), by column index, for the checks before a build: every
   * column from a grid; a streamed file keeps those the build and the checks read (plausibility.ts checkedColumns).
   */
  readonly cells: readonly (readonly Cell[])[];
  /** Where data row i is, in the checks' messages: "row 57" (a sheet's row), "line 57" (a file's). */
  readonly rowAt: (i: number) => string;
}

/** A source read from a grid: its table as found there. */
export interface GridSource extends LoadedSource {
  readonly table: TableFound;
}

/** Words that say "this role is not in this table" in an override (the command line's --map amount=none). */
export function isNotUsed(header: string | null | undefined): boolean {
  return header === null || header === undefined || header.trim() === '' || /^(none|not used|-)$/i.test(header.trim());
}

const key = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * The source's columns as the formulas read them: one cell per sheet row from the first data row to the
 * last, blank where a row was left out (a totals row, a second header row), so that a message names the
 * sheet row ("sheet row 57 of sales.csv column "Amount""), and `rows` gives each cell's sheet row.
 */
function sourceColumns(
  name: string,
  grid: readonly (readonly Cell[])[],
  table: TableFound,
  mapping: Partial<Record<Role, number>>,
  setup: SourceSetup,
): SourceColumns {
  const first = table.dataRows[0];
  const last = table.dataRows[table.dataRows.length - 1];
  const isData = new Uint8Array(last - first + 1);
  for (const r of table.dataRows) isData[r - first] = 1;
  const column = (index: number, named = `${name} column "${table.headers[index]}"`): Column => {
    const cells: Cell[] = new Array<Cell>(isData.length);
    for (let i = 0; i < isData.length; i++) cells[i] = isData[i] ? (grid[first + i]?.[table.firstCol + index] ?? '') : '';
    return { cells, width: 1, name: named, named: true, firstRow: first + 1 };
  };
  const columns: Record<string, Column> = {};
  for (const [role, index] of Object.entries(mapping) as [Role, number][]) columns[role] = column(index);
  const filters = setup.filters.map((h) => {
    const at = table.headers.findIndex((x) => key(x) === key(h));
    // Named by its header alone: the reason a row is left out reads "column "Status" is "voided"".
    return at < 0 ? undefined : column(at, `column "${table.headers[at]}"`);
  });
  return {
    name,
    columns,
    ...(filters.length ? { filters } : {}),
    rules: setup.rules,
    skipped: table.skipped,
    rows: Array.from({ length: isData.length }, (_, i) => first + i + 1),
  };
}

/**
 * A pasted sheet (or CSV) to the scorecard's view of it: find the table (a vendor's export by its profile),
 * suggest a role per column, apply the user's overrides (role → header, or "none" for not used), and give
 * each role's data cells as a Column with the rules the rows are read by. Overrides naming a header this
 * table does not have are returned in `unused` for the caller to check across all its tables.
 */
export function loadSource(
  name: string,
  grid: readonly (readonly Cell[])[],
  overrides: Readonly<Record<string, string | null>> = {},
): GridSource & { unused: string[] } {
  const table = findTable(grid);
  const cells = tableColumns(grid, table);
  const { suggestions, mapping, unused } = mapRoles(table, cells, overrides);
  const setup = sourceSetup(table, mapping, cells);
  const source = sourceColumns(name, grid, table, mapping, setup);
  return { table, suggestions, mapping, setup, cells, source, rowAt: sheetRowOf(table), unused };
}

/**
 * Each column's role in a table: suggested (by its export profile, else guessed from its headers and cells:
 * suggestTableRoles), then the user's overrides on top (role → header, or "none" for not used). Overrides
 * naming a header this table does not have are returned in `unused`, for the caller to check across its
 * tables (the command line's --map applies to every file it fits). `cells` are the data cells per column
 * (a streamed file: those of its first lines). Throws an InputError for an unknown role or a conflict.
 */
export function mapRoles(
  table: TableHeaders,
  cells: readonly (readonly Cell[])[],
  overrides: Readonly<Record<string, string | null>>,
): { suggestions: RoleSuggestion[]; mapping: RoleMapping; unused: string[] } {
  const suggestions = suggestTableRoles(table, cells);
  const has = new Set(table.headers.map(key));
  const mine: Record<string, string | null> = {};
  const unused: string[] = [];
  for (const [role, header] of Object.entries(overrides)) {
    if (!isRole(role)) fail(`there is no role called "${role}"; the roles are: ${ROLES.join(', ')}`);
    if (isNotUsed(header)) mine[role] = null;
    else if (has.has(key(header!))) mine[role] = header;
    else unused.push(role);
  }
  return { suggestions, mapping: applyOverrides(suggestions, mine), unused };
}

const sheetRowOf =
  (table: TableFound) =>
  (i: number): string =>
    `row ${table.dataRows[i] + 1}`;

/**
 * A source as a stored definition names it (role → header, the filter columns, the rules): what the build
 * would read. Throws an InputError naming a header the table does not have.
 */
export function loadSourceOf(name: string, grid: readonly (readonly Cell[])[], ref: SourceRefDef): GridSource {
  const table = findTable(grid);
  const cells = tableColumns(grid, table);
  const suggestions = suggestTableRoles(table, cells);
  const mapping: Partial<Record<Role, number>> = {};
  for (const [role, header] of Object.entries(ref.columns) as [Role, string][]) {
    const at = table.headers.findIndex((h) => key(h) === key(header));
    if (at < 0) fail(`"${name}" has no column "${header}" (for ${role.replace(/_/g, ' ')}); choose its columns again`);
    mapping[role] = at;
  }
  const amount = mapping.amount;
  const setup: SourceSetup = {
    rules: ref.rules ?? {},
    filters: [...(ref.filters ?? [])],
    ...(ref.profile ? { profile: ref.profile } : {}),
    currency: ref.currency
      ? { code: ref.currency, mixed: [], from: 'the scorecard settings' }
      : amount === undefined
        ? { code: undefined, mixed: [], from: '' }
        : detectCurrency(table.headers[amount], cells[amount] ?? []),
  };
  return { table, suggestions, mapping, setup, cells, source: sourceColumns(name, grid, table, mapping, setup), rowAt: sheetRowOf(table) };
}
