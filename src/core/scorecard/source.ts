import { type Cell } from '../values/cell';
import { type Column } from '../values/column';
import { fail } from '../values/errors';
import { type TableFound, findTable, tableColumns } from '../tables/findTable';
import { type RoleSuggestion, suggestRoles } from '../tables/suggestRoles';
import { ROLES, type Role, isRole } from '../tables/roles';
import { applyOverrides } from '../tables/overrides';
import { type SourceColumns } from './compute';

export interface LoadedSource {
  readonly table: TableFound;
  readonly suggestions: RoleSuggestion[];
  /** Final role → column index among table.headers, after the user's overrides. */
  readonly mapping: Partial<Record<Role, number>>;
  readonly source: SourceColumns;
}

/**
 * A pasted sheet (or CSV) to the scorecard's view of it: find the table, suggest a role per column,
 * apply the user's overrides (role → header), and give each role's data cells as a Column.
 * Overrides naming a header this table does not have are returned in `unused` for the caller to
 * check across all its tables.
 */
export function loadSource(
  name: string,
  grid: readonly (readonly Cell[])[],
  overrides: Readonly<Record<string, string>> = {},
): LoadedSource & { unused: string[] } {
  const table = findTable(grid);
  const cols = tableColumns(grid, table);
  const suggestions = suggestRoles(table.headers, cols);
  // Overrides name headers; with several tables (the command line's --map) each applies where it fits.
  const has = new Set(table.headers.map((h) => h.replace(/\s+/g, ' ').trim().toLowerCase()));
  const mine: Record<string, string> = {};
  const unused: string[] = [];
  for (const [role, header] of Object.entries(overrides)) {
    if (!isRole(role)) fail(`there is no role called "${role}"; the roles are: ${ROLES.join(', ')}`);
    if (has.has(header.replace(/\s+/g, ' ').trim().toLowerCase())) mine[role] = header;
    else unused.push(role);
  }
  const mapping = applyOverrides(suggestions, mine);
  const columns: Record<string, Column> = {};
  for (const [role, index] of Object.entries(mapping) as [Role, number][]) {
    columns[role] = { cells: cols[index], width: 1, name: `${name} column "${table.headers[index]}"`, named: true };
  }
  return { table, suggestions, mapping, source: { name, columns, skipped: table.skipped }, unused };
}
