import { type Cell } from '../../values/cell';
import { MULTI_COLUMN_ROLES, ROLE_LABELS, type Role } from '../roles';
import { type RoleSuggestion, suggestRoles } from '../suggestRoles';
import { type ExportProfile, findHeader, headerKey } from './index';

const shortRole = (role: Role): string => ROLE_LABELS[role].replace(/\s*\(.*$/, '').toLowerCase();

function ignored(profile: ExportProfile, header: string): boolean {
  const key = headerKey(header);
  return (profile.ignore ?? []).some((x) => (typeof x === 'string' ? headerKey(x) === key : x.test(header.trim())));
}

/**
 * The role of each column of a recognised export: the profile's columns by their header names (certain:
 * confidence 1), then the roles it leaves to guessing (survey questions, named by their text) among the
 * columns it neither claims nor ignores, by the same guesser as any sheet, on the question text where a
 * header row holds it (`labels`). Every other column is not used: a vendor's Discount Amount or Shipping
 * column never becomes the revenue or the referral score.
 */
export function profileSuggestions(
  profile: ExportProfile,
  headers: readonly string[],
  columns: readonly (readonly Cell[])[],
  labels?: readonly string[],
): RoleSuggestion[] {
  const claimed = new Map<number, Role>();
  const taken = new Set<number>();
  for (const [role, names] of Object.entries(profile.columns) as [Role, readonly string[]][]) {
    const at = findHeader(headers, names, taken);
    if (at < 0) continue;
    claimed.set(at, role);
    taken.add(at);
  }
  const out: RoleSuggestion[] = headers.map((header, column) => {
    const role = claimed.get(column);
    if (role) {
      const note = profile.notes?.[role];
      return {
        column,
        header,
        role,
        confidence: 1,
        why: `${profile.name}: "${header}" is its ${shortRole(role)}${note ? ` (${note})` : ''}`,
        alternatives: [],
      };
    }
    return { column, header, role: null, confidence: 0, why: `${profile.name}: Leadlag does not use "${header}"`, alternatives: [] };
  });

  const guess = new Set<Role>(profile.guess ?? []);
  if (guess.size === 0) return out;
  const have = new Set(claimed.values());
  const open = headers.map((_, j) => j).filter((j) => !claimed.has(j) && !ignored(profile, headers[j]));
  if (open.length === 0) return out;
  const named = (j: number) => (labels?.[j] ? labels[j] : headers[j]);
  const guessed = suggestRoles(
    open.map(named),
    open.map((j) => columns[j] ?? []),
  );
  guessed.forEach((g, k) => {
    const column = open[k];
    const role = g.role;
    if (!role || !guess.has(role) || (have.has(role) && !MULTI_COLUMN_ROLES.has(role))) return;
    have.add(role);
    const said = labels?.[column] ? ` (the question "${labels[column]}")` : '';
    out[column] = {
      column,
      header: headers[column],
      role,
      confidence: g.confidence,
      why: `${profile.name}: ${g.why}${said}`,
      alternatives: g.alternatives.filter((a) => guess.has(a.role)),
    };
  });
  return out;
}
