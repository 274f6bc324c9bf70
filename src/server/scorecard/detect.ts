import { type Cell } from '../../core/values/cell';
import { findTable, tableColumns, type TableFound } from '../../core/tables/findTable';
import { type RoleSuggestion, suggestRoles } from '../../core/tables/suggestRoles';
import { applyOverrides } from '../../core/tables/overrides';
import { type Role } from '../../core/tables/roles';
import { type Source } from '../../core/scorecard/measures';
import { kindOf } from '../../core/scorecard/sourceKind';
import { type WorkbookPort } from '../ports/workbook';
import { type ScorecardDefinition, parseDefinition } from '../../core/scorecard/definition';

/** What the wizard shows for one sheet: the table found, its column guesses and what data it looks like. */
export interface DetectedSheet {
  readonly sheet: string;
  readonly kind: Source | null;
  readonly table: TableFound | null;
  readonly suggestions: readonly RoleSuggestion[];
  readonly problem: string | null;
}

export function detectSheet(name: string, grid: readonly (readonly Cell[])[]): DetectedSheet {
  try {
    const table = findTable(grid);
    const suggestions = suggestRoles(table.headers, tableColumns(grid, table));
    const roles = new Set(suggestions.filter((s) => s.role).map((s) => s.role as string));
    return { sheet: name, kind: kindOf(roles), table, suggestions, problem: null };
  } catch (e) {
    return { sheet: name, kind: null, table: null, suggestions: [], problem: (e as Error).message };
  }
}

/** Sheets the add-on made carry a tag starting with "leadlag:". */
export function isOwnTag(tag: string | null): boolean {
  return tag !== null && tag.startsWith('leadlag:');
}

/** Every sheet the add-on did not make, read once each. */
export function detectSheets(wb: WorkbookPort): DetectedSheet[] {
  const out: DetectedSheet[] = [];
  for (const name of wb.sheetNames()) {
    if (isOwnTag(wb.getSheetTag(name))) continue;
    const sheet = wb.sheet(name);
    if (sheet) out.push(detectSheet(name, sheet.readValues()));
  }
  return out;
}

/** The wizard's defaults: the first sheet of each kind, with its suggested columns. */
export function suggestDefinition(
  detected: readonly DetectedSheet[],
  overrides: Partial<Record<Source, Partial<Record<string, string | null>>>> = {},
): ScorecardDefinition {
  const sources: Partial<Record<Source, { sheet: string; columns: Partial<Record<Role, string>> }>> = {};
  for (const d of detected) {
    if (!d.kind || !d.table || sources[d.kind]) continue;
    const mapping = applyOverrides(d.suggestions, overrides[d.kind] ?? {});
    const columns: Partial<Record<Role, string>> = {};
    for (const [role, index] of Object.entries(mapping) as [Role, number][]) columns[role] = d.table.headers[index];
    sources[d.kind] = { sheet: d.sheet, columns };
  }
  return parseDefinition({ version: 1, sources });
}
