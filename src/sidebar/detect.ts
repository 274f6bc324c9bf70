import type { SheetTable } from '../rpc/contract';
import { suggestRoles, type RoleSuggestion } from '../core/tables/suggestRoles';
import type { Role } from '../core/tables/roles';
import type { Source } from '../core/scorecard/measures';

/**
 * What the sidebar makes of each sheet the server read: the column roles guessed here, in the browser
 * (core/tables/suggestRoles), and what kind of data that makes the sheet.
 */
export interface SheetGuess {
  readonly table: SheetTable;
  readonly suggestions: readonly RoleSuggestion[];
  /** Role of each column (index as in table.headers), as guessed. */
  readonly roles: readonly (Role | null)[];
  readonly kind: Source | null;
}

/**
 * The server's `kindOf` (src/server/scorecard/detect.ts), copied: importing that file would pull zod into
 * the sidebar through the definition schema (15 KB). tests/browser/sidebarLogic.test.ts checks they agree.
 */
export function kindOf(roles: ReadonlySet<string>): Source | null {
  if (roles.has('stars')) return 'reviews';
  if (roles.has('referral_score') || roles.has('satisfaction') || roles.has('comparison')) return 'feedback';
  if (roles.has('amount') && roles.has('date')) return 'sales';
  return null;
}

export function guessSheet(table: SheetTable): SheetGuess {
  if (table.problem || table.headers.length === 0) return { table, suggestions: [], roles: [], kind: null };
  const suggestions = suggestRoles(table.headers, table.columns);
  const roles = suggestions.map((s) => s.role);
  return { table, suggestions, roles, kind: kindOf(new Set(roles.filter((r): r is Role => r !== null))) };
}

export const SOURCES: readonly Source[] = ['sales', 'feedback', 'reviews'];

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
