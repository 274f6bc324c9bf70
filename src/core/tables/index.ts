/** Finding the table in a pasted sheet and what each of its columns means. */
export { findTable, tableColumns } from './findTable';
export type { TableFound, SkippedRow } from './findTable';
export { suggestRoles } from './suggestRoles';
export type { RoleSuggestion } from './suggestRoles';
export { applyOverrides } from './overrides';
export type { RoleMapping, RoleOverrides } from './overrides';
export { ROLES, ROLE_LABELS, MULTI_COLUMN_ROLES, isRole } from './roles';
export type { Role } from './roles';
export { parseCsv } from './csv';
