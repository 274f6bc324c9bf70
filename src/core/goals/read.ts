import { type Cell, isBlank, isSheetError, showCell } from '../values/cell';
import { type DateOptions, DATE_EXPECTED, readDay } from '../values/date';
import { InputError } from '../values/errors';
import { readNumber } from '../values/number';
import { cellText } from '../tables/kinds';
import { type MeasureInfo } from '../scorecard/measures';
import { type GoalRole, GOAL_ROLE_LABELS, MEASURE_NAMES_HELP, measureNamed } from './columns';
import { type GoalTree, goalTree } from './tree';

/** One row of a goals table, read. */
export interface Goal {
  /** The sheet row (1-based) it came from. */
  readonly row: number;
  readonly id: string;
  readonly kind: 'objective' | 'key_result';
  readonly title: string;
  readonly owner: string;
  /** As typed (company, function, team, person), or ''. */
  readonly level: string;
  readonly parent: string;
  readonly start: number | null;
  readonly target: number | null;
  /** The typed current value (a key result tied to a measure takes the measure's instead). */
  readonly current: number | null;
  readonly measure: MeasureInfo | null;
  readonly due: number | null;
  readonly weight: number | null;
  readonly updated: number | null;
}

export interface GoalProblem {
  readonly row: number;
  readonly message: string;
  /** A blocking problem stops a build; the others are said and the build goes ahead. */
  readonly blocking: boolean;
}

export interface GoalsRead {
  readonly goals: readonly Goal[];
  /** Null when a problem in the IDs or parents stops the tree (then it is among the problems). */
  readonly tree: GoalTree | null;
  readonly problems: readonly GoalProblem[];
}

const OBJECTIVE = /^(o|obj|objectives?|goals?)$/i;
const KEY_RESULT = /^(kr|k\.r\.|key ?results?|results?|measures?)$/i;

/**
 * Reads the rows of a goals table: `rows` are its data rows, `sheetRows` their sheet rows, `at` the column
 * (index within a row) of each role. Every cell that cannot be read is a problem naming its sheet row and
 * column; so is a key result without a start and a target, or without the objective it measures. A row
 * holding nothing is left out.
 */
export function readGoals(
  rows: readonly (readonly Cell[])[],
  sheetRows: readonly number[],
  at: Partial<Record<GoalRole, number>>,
  headers: Partial<Record<GoalRole, string>>,
  sheet: string,
  dates: DateOptions,
): GoalsRead {
  const problems: GoalProblem[] = [];
  const goals: Goal[] = [];
  const where = (r: number, role: GoalRole) => `${sheet} row ${r}, column "${headers[role] ?? GOAL_ROLE_LABELS[role]}"`;
  rows.forEach((cells, k) => {
    const r = sheetRows[k];
    const get = (role: GoalRole): Cell => (at[role] === undefined ? '' : (cells[at[role]!] ?? ''));
    const used = Object.values(at).some((j) => j !== undefined && !isBlank(cells[j]));
    if (!used) return;
    const bad = (role: GoalRole, c: Cell, expected: string, blocking = true) => {
      problems.push({ row: r, message: `${where(r, role)} holds ${showCell(c)}; ${expected}`, blocking });
      return null;
    };
    const num = (role: GoalRole): number | null => {
      const c = get(role);
      if (isSheetError(c)) return bad(role, c, 'fix that cell first');
      const x = readNumber(c);
      return x === undefined ? bad(role, c, 'expected a number such as 35, 0.85 or 85%') : x;
    };
    const day = (role: GoalRole): number | null => {
      const c = get(role);
      const d = readDay(c, dates);
      return d === undefined ? bad(role, c, DATE_EXPECTED) : d;
    };
    const id = cellText(get('id'));
    const label = id ? `${id} (${sheet} row ${r})` : `${sheet} row ${r}`;
    if (!id) problems.push({ row: r, message: `${sheet} row ${r} has no ID; give each goal an ID such as O1 or KR1.2`, blocking: true });
    const start = num('start');
    const target = num('target');
    const current = num('current');
    const measureText = cellText(get('measure'));
    const measure = measureText ? measureNamed(measureText) : null;
    if (measureText && !measure) bad('measure', get('measure'), `expected ${MEASURE_NAMES_HELP}`);
    let kind: Goal['kind'];
    const kindText = cellText(get('kind'));
    if (at.kind !== undefined && kindText !== '') {
      if (OBJECTIVE.test(kindText)) kind = 'objective';
      else if (KEY_RESULT.test(kindText)) kind = 'key_result';
      else {
        bad('kind', get('kind'), 'expected Objective or Key result (O or KR)');
        kind = target !== null || start !== null || measure ? 'key_result' : 'objective';
      }
    } else kind = target !== null || start !== null || current !== null || measure ? 'key_result' : 'objective';
    const weight = num('weight');
    if (weight !== null && weight < 0) bad('weight', get('weight'), 'a weight is a number of 0 or more (blank counts as 1)');
    const title = cellText(get('title'));
    if (!title) problems.push({ row: r, message: `${label} has no words: say what the goal is`, blocking: false });
    if (kind === 'key_result' && (start === null || target === null) && !problems.some((p) => p.row === r && p.blocking))
      problems.push({ row: r, message: `the key result ${label} needs a start and a target`, blocking: true });
    if (kind === 'objective' && (measure || start !== null || target !== null || current !== null))
      problems.push({
        row: r,
        message: `${label} is an objective: it is scored from its key results, so its start, target, current and measure are not used`,
        blocking: false,
      });
    if (kind === 'key_result' && measure && current !== null)
      problems.push({
        row: r,
        message: `the key result ${label} is tied to ${measure.label}: its current value comes from the scorecard, not from the value typed`,
        blocking: false,
      });
    goals.push({
      row: r,
      id,
      kind,
      title,
      owner: cellText(get('owner')),
      level: cellText(get('level')),
      parent: cellText(get('parent')),
      start,
      target,
      current: kind === 'key_result' && !measure ? current : null,
      measure: kind === 'key_result' ? measure : null,
      due: day('due'),
      weight: weight !== null && weight >= 0 ? weight : null,
      updated: day('updated'),
    });
  });
  if (!goals.length)
    problems.push({
      row: 0,
      message: `${sheet} holds no goals; give each goal a row with an ID, its words and its parent`,
      blocking: true,
    });
  let tree: GoalTree | null = null;
  try {
    tree = goalTree(
      goals.map((g) => g.id),
      goals.map((g) => g.parent),
      (i) => `${sheet} row ${goals[i].row}`,
    );
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    const row = /row (\d+)/.exec(e.message);
    problems.push({ row: row ? Number(row[1]) : 0, message: e.message, blocking: true });
  }
  if (tree) {
    goals.forEach((g, i) => {
      const p = tree!.parent[i];
      const label = `the key result ${g.id} (${sheet} row ${g.row})`;
      if (g.kind !== 'key_result') return;
      if (p < 0)
        problems.push({
          row: g.row,
          message: `${label} names no objective; give the ID of the objective it measures as its parent`,
          blocking: true,
        });
      else if (goals[p].kind === 'key_result')
        problems.push({
          row: g.row,
          message: `${label} names the key result ${goals[p].id} as its parent; a key result measures an objective (an objective may contribute to a key result)`,
          blocking: true,
        });
    });
  }
  problems.sort((a, b) => a.row - b.row);
  return { goals, tree, problems };
}

/** The level a sheet shows: as typed, else from the objectives above it (company, function, team, person). */
export function levelOf(goals: readonly Goal[], tree: GoalTree, i: number): string {
  const g = goals[i];
  if (g.kind === 'key_result') return 'Key result';
  if (g.level) {
    const t = g.level.trim();
    const word = t.charAt(0).toUpperCase() + t.slice(1);
    return /objective/i.test(t) ? word : `${word} objective`;
  }
  let objectivesAbove = 0;
  for (let k = tree.parent[i]; k >= 0; k = tree.parent[k]) if (goals[k].kind === 'objective') objectivesAbove++;
  return `${['Company', 'Function', 'Team', 'Person'][Math.min(objectivesAbove, 3)]} objective`;
}
