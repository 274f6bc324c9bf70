import type { SheetTable } from '../rpc/contract';
import { type RoleSuggestion } from '../core/tables/suggestRoles';
import { suggestTableRoles } from '../core/tables/profiles/setup';
import { type ExportProfile, profileById } from '../core/tables/profiles/index';
import type { Role } from '../core/tables/roles';
import type { Source } from '../core/scorecard/measures';
import { kindOf } from '../core/scorecard/sourceKind';

/**
 * What the sidebar makes of each sheet the server read: the column roles guessed here, in the browser
 * (core/tables/suggestRoles), and what kind of data that makes the sheet (core/scorecard/sourceKind, as
 * the server's detect does).
 */
export interface SheetGuess {
  readonly table: SheetTable;
  readonly suggestions: readonly RoleSuggestion[];
  /** Role of each column (index as in table.headers), as guessed. */
  readonly roles: readonly (Role | null)[];
  readonly kind: Source | null;
  /** The export the sheet was recognised as (its columns then follow the export's layout), or undefined. */
  readonly profile?: ExportProfile;
}

export function guessSheet(table: SheetTable): SheetGuess {
  if (table.problem || table.headers.length === 0) return { table, suggestions: [], roles: [], kind: null };
  const suggestions = suggestTableRoles(table, table.columns);
  const roles = suggestions.map((s) => s.role);
  const profile = profileById(table.profile);
  const kind = profile?.kind ?? kindOf(new Set(roles.filter((r): r is Role => r !== null)));
  return profile ? { table, suggestions, roles, kind, profile } : { table, suggestions, roles, kind };
}

export const SOURCE_LABELS: Readonly<Record<Source, string>> = {
  sales: 'Sales',
  feedback: 'Customer feedback (survey answers)',
  reviews: 'Online reviews',
};

export const KIND_WORDS: Readonly<Record<Source, string>> = {
  sales: 'sales data',
  feedback: 'customer feedback',
  reviews: 'reviews',
};
