import * as z from 'zod/mini';
import { GOAL_ROLES, type GoalRole, REQUIRED_GOAL_ROLES, GOAL_ROLE_LABELS, STALE_DAYS } from './columns';

/**
 * What the Goals sheet is built from, stored in the spreadsheet as its own document setting (beside the
 * scorecard's): the manager's goals table and what each of its columns holds. It crosses from the sidebar
 * and from the settings store: zod checks its shape (built on first use), `checkGoalsDefinition` the rules.
 */
function makeShape() {
  return z.object({
    version: z.number(),
    source: z.object({ sheet: z.string(), columns: z.unknown() }),
    staleDays: z.optional(z.number()),
  });
}

let shape: ReturnType<typeof makeShape> | null = null;

export function goalsDefinitionShape(): ReturnType<typeof makeShape> {
  return (shape ??= makeShape());
}

export type GoalsDefinitionInput = z.input<ReturnType<typeof makeShape>>;

export interface GoalsDefinition {
  readonly version: 1;
  /** The goals table: its sheet, and the header of the column of each role. */
  readonly source: { readonly sheet: string; readonly columns: Partial<Record<GoalRole, string>> };
  /** Days without an update before a typed key result is flagged (default 21: three weeks). */
  readonly staleDays: number;
}

export { STALE_DAYS };

/** Checks the rules of a shaped definition and fills in defaults; throws an Error listing what is wrong. */
export function checkGoalsDefinition(d: z.output<ReturnType<typeof makeShape>>): GoalsDefinition {
  const problems: string[] = [];
  if (d.version !== 1) problems.push(`version ${d.version} is not one this Leadlag knows; update the add-on`);
  if (d.source.sheet.trim() === '') problems.push('the goals sheet is not chosen');
  const columns: Partial<Record<GoalRole, string>> = {};
  const seen = new Map<string, GoalRole>();
  const given = d.source.columns;
  const entries = typeof given === 'object' && given !== null && !Array.isArray(given) ? Object.entries(given) : null;
  if (!entries) problems.push('the columns must map what each holds to its header');
  for (const [role, header] of entries ?? []) {
    if (typeof header !== 'string') {
      problems.push(`the column for ${role} must be a header name`);
      continue;
    }
    if (!(GOAL_ROLES as readonly string[]).includes(role)) {
      problems.push(`"${role}" is not a column of a goals table (${GOAL_ROLES.join(', ')})`);
      continue;
    }
    const k = header.trim().toLowerCase();
    if (k === '') continue;
    const other = seen.get(k);
    if (other)
      problems.push(`the column "${header}" is chosen for both ${GOAL_ROLE_LABELS[other]} and ${GOAL_ROLE_LABELS[role as GoalRole]}`);
    seen.set(k, role as GoalRole);
    columns[role as GoalRole] = header;
  }
  for (const r of REQUIRED_GOAL_ROLES) if (!columns[r]) problems.push(`choose the column that holds the ${GOAL_ROLE_LABELS[r]}`);
  if (!columns.kind && !columns.target) problems.push('choose the column of the Type (objective or key result), or of the Target');
  const staleDays = d.staleDays ?? STALE_DAYS;
  if (!Number.isInteger(staleDays) || staleDays < 1 || staleDays > 365)
    problems.push('days without an update must be a whole number from 1 to 365');
  if (problems.length) throw new Error(`The goals settings are not valid: ${problems.join('; ')}`);
  return { version: 1, source: { sheet: d.source.sheet, columns }, staleDays };
}

export function parseGoalsDefinition(value: unknown): GoalsDefinition {
  const r = goalsDefinitionShape().safeParse(value);
  if (!r.success) {
    const what = r.error.issues.map((i) => `${i.path.join('.') || 'definition'}: ${i.message}`);
    throw new Error(`The goals settings are not valid: ${what.join('; ')}`);
  }
  return checkGoalsDefinition(r.data);
}
