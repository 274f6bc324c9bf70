import { fail } from '../values/errors';
import { MULTI_COLUMN_ROLES, ROLES, ROLE_LABELS, type Role, isRole } from './roles';
import { type RoleSuggestion } from './suggestRoles';

/** The confirmed meaning of the columns: role → 0-based column index among the table's columns. */
export type RoleMapping = Partial<Record<Role, number>>;

/** What the manager changed in the wizard: role → header name, or null for "not in this table". */
export type RoleOverrides = Partial<Record<string, string | null>>;

const key = (s: string): string => s.replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * The final mapping: the suggestions, with the manager's choices on top. A column holds one role,
 * so a column chosen for a role loses the role it was suggested for. Comment keeps its most
 * confident column (the others stay in the suggestions). Header names match ignoring case and
 * spacing. Throws for an unknown role or header, or one column chosen for two roles.
 */
export function applyOverrides(suggestions: readonly RoleSuggestion[], overrides: RoleOverrides = {}): RoleMapping {
  const byName = new Map<string, RoleSuggestion[]>();
  for (const s of suggestions) {
    const k = key(s.header);
    byName.set(k, [...(byName.get(k) ?? []), s]);
  }
  const chosen = new Map<Role, number | null>();
  const usedBy = new Map<number, Role>();
  for (const [name, header] of Object.entries(overrides ?? {})) {
    if (!isRole(name)) fail(`there is no role called "${name}"; the roles are: ${ROLES.join(', ')}`);
    if (header === null || header === undefined || header === '') {
      chosen.set(name, null);
      continue;
    }
    if (typeof header !== 'string') fail(`the column for ${name} must be given by its header name, e.g. "Order Date"`);
    const matches = byName.get(key(header)) ?? [];
    if (matches.length === 0) {
      const names = suggestions.map((s) => `"${s.header}"`).join(', ');
      fail(`no column is called "${header}" (for ${ROLE_LABELS[name]}); the columns are: ${names}`);
    }
    if (matches.length > 1) fail(`${matches.length} columns are called "${header}"; rename one so they can be told apart`);
    const column = matches[0].column;
    const other = usedBy.get(column);
    if (other !== undefined) {
      fail(`"${matches[0].header}" is chosen for both ${ROLE_LABELS[other]} and ${ROLE_LABELS[name]}; a column can hold only one`);
    }
    usedBy.set(column, name);
    chosen.set(name, column);
  }
  const mapping: RoleMapping = {};
  for (const [role, column] of chosen) if (column !== null) mapping[role] = column;
  const best = [...suggestions].sort((a, b) => b.confidence - a.confidence || a.column - b.column);
  for (const s of best) {
    if (s.role === null || chosen.has(s.role) || usedBy.has(s.column)) continue;
    if (mapping[s.role] !== undefined && !MULTI_COLUMN_ROLES.has(s.role)) continue;
    if (mapping[s.role] === undefined) mapping[s.role] = s.column;
    usedBy.set(s.column, s.role);
  }
  return mapping;
}
