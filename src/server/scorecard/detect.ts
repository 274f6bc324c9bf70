import { type Cell } from '../../core/values/cell';
import { findTable, tableColumns, type TableFound } from '../../core/tables/findTable';
import { type RoleSuggestion } from '../../core/tables/suggestRoles';
import { sourceRefFor, suggestTableRoles } from '../../core/tables/profiles/setup';
import { profileById } from '../../core/tables/profiles/index';
import { applyOverrides } from '../../core/tables/overrides';
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
  /** The data cells of each column (for the rules and the currency the definition records). */
  readonly columns?: readonly (readonly Cell[])[];
  readonly problem: string | null;
}

export function detectSheet(name: string, grid: readonly (readonly Cell[])[]): DetectedSheet {
  try {
    const table = findTable(grid);
    const columns = tableColumns(grid, table);
    const suggestions = suggestTableRoles(table, columns);
    const roles = new Set(suggestions.filter((s) => s.role).map((s) => s.role as string));
    return { sheet: name, kind: profileById(table.profile)?.kind ?? kindOf(roles), table, suggestions, columns, problem: null };
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
  const sources: Partial<Record<Source, ReturnType<typeof sourceRefFor>>> = {};
  for (const d of detected) {
    if (!d.kind || !d.table || sources[d.kind]) continue;
    const mapping = applyOverrides(d.suggestions, overrides[d.kind] ?? {});
    sources[d.kind] = sourceRefFor(d.sheet, d.table, mapping, d.columns ?? []);
  }
  return parseDefinition({ version: 1, sources });
}
