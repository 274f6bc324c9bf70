import { type Cell, isBlank, showCell } from '../../values/cell';
import { fail } from '../../values/errors';
import { readNumber } from '../../values/number';
import { LABEL_HELP, type PeriodSpec, parsePeriodLabel, periodLabel, sameSpec } from '../../time/periods';
import { nameKey, nameOf } from './read';

/**
 * Targets per period, for the team and per rep, as a manager keeps them in a sheet: a row of period labels
 * (as PERIODS writes them: 2026-Q1, FY2027-Q1 (Jul)) and a row of targets under it; or, with names in the
 * first column, a row per rep (a blank name, or All, Total, Team, Company, Target, is the whole team's row).
 * The same table turned on its side (labels down the first column) reads the same way.
 *
 *   Target     2025-Q1   2025-Q2   …          2025-Q1   2025-Q2   …
 *   All        900000    990000              900000    990000
 *   Tom Lee    150000    165000
 *
 * A blank target is no target for that period.
 */
export interface Targets {
  readonly spec: PeriodSpec;
  /** The team's targets by period index. */
  readonly team: ReadonlyMap<number, number>;
  /** Each rep's targets, by name key (see nameKey), with the name as written. */
  readonly reps: ReadonlyMap<string, { readonly name: string; readonly byPeriod: ReadonlyMap<number, number> }>;
}

const TEAM_WORDS = new Set(['', 'all', 'total', 'team', 'company', 'everyone', 'target', 'targets', 'whole team', 'overall', 'all reps']);

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function describe(spec: PeriodSpec): string {
  return spec.fiscalStartMonth === 1 ? `${spec.kind}s` : `fiscal ${spec.kind}s starting in ${MONTHS[spec.fiscalStartMonth - 1]}`;
}

/** The first period of 2026 of a spec, as PERIODS labels it. */
function exampleLabel(spec: PeriodSpec): string {
  const index = spec.kind === 'week' ? 2922 : spec.kind === 'month' ? 2026 * 12 : spec.kind === 'quarter' ? 2026 * 4 : 2026;
  return periodLabel(index, spec);
}

/** The spec of a period label, or null when the cell is not one (a number is a label only as a year). */
function labelSpec(c: Cell): PeriodSpec | null {
  if (typeof c !== 'string' && typeof c !== 'number') return null;
  try {
    return parsePeriodLabel(String(c)).spec;
  } catch {
    return null;
  }
}

/** The grid's cells as `targets row R, column C` names them (1-based, as the range is laid out). */
function at(name: string, row: number, col: number, transposed: boolean): string {
  return transposed ? `${name} row ${col + 1}, column ${row + 1}` : `${name} row ${row + 1}, column ${col + 1}`;
}

export function readTargets(grid: readonly (readonly Cell[])[], spec: PeriodSpec, name = 'targets'): Targets {
  const rows = grid.filter((r) => r.some((c) => !isBlank(c)));
  if (rows.length === 0) fail(`${name} is empty; give a row of period labels (e.g. from PERIODS) with the targets under it`);
  const width = Math.max(...rows.map((r) => r.length));
  const cell = (r: number, c: number): Cell => rows[r][c];
  // Whether the cells along a row (or down a column) from `from` on are labels of one kind.
  const labels = (get: (j: number) => Cell, from: number, to: number): boolean => {
    let kind: PeriodSpec | null = null;
    for (let j = from; j < to; j++) {
      const x = get(j);
      if (isBlank(x)) continue;
      const sp = labelSpec(x);
      if (sp === null || (kind !== null && !sameSpec(kind, sp))) return false;
      kind = sp;
    }
    return kind !== null;
  };
  // Labels across the first row (after a corner cell when the rows are named), or down the first column.
  const corner = labelSpec(cell(0, 0)) !== null;
  const from = corner ? 0 : 1;
  const named = !corner;
  let transposed: boolean;
  if (labels((c) => cell(0, c), from, width)) transposed = false;
  else if (labels((r) => cell(r, 0), from, rows.length)) transposed = true;
  else return fail(`${name}: the first row (or column) must hold period labels with the targets under them; ${LABEL_HELP}`);
  // As rows of [name?, target per label], whichever way the table lies.
  const height = transposed ? width : rows.length;
  const across = transposed ? rows.length : width;
  const get = (r: number, c: number): Cell => (transposed ? cell(c, r) : cell(r, c));
  const first = named ? 1 : 0;
  const periods: (number | null)[] = [];
  const seen = new Map<number, number>();
  for (let c = first; c < across; c++) {
    const x = get(0, c);
    if (isBlank(x)) {
      periods.push(null);
      continue;
    }
    const p = parsePeriodLabel(String(x));
    if (!sameSpec(p.spec, spec))
      fail(
        `${at(name, 0, c, transposed)} is ${showCell(x)}, a label of ${describe(p.spec)}, but the periods are ` +
          `${describe(spec)}; label the targets as PERIODS writes them for the same periods, e.g. ${exampleLabel(spec)}`,
      );
    if (seen.has(p.index)) fail(`${at(name, 0, c, transposed)} repeats the period ${String(x).trim()}; give each period once`);
    seen.set(p.index, c);
    periods.push(p.index);
  }
  if (!named && height > 2)
    fail(
      `${name} has ${height - 1} rows of targets but no names; put each rep's name in the first column (a blank or "All" for the whole team)`,
    );
  let team: Map<number, number> | null = null;
  const reps = new Map<string, { name: string; byPeriod: Map<number, number> }>();
  for (let r = 1; r < height; r++) {
    const who = named ? get(r, 0) : '';
    const label = isBlank(who) ? '' : nameOf(who);
    const key = nameKey(label);
    const byPeriod = new Map<number, number>();
    for (let c = first; c < across; c++) {
      const x = get(r, c);
      if (isBlank(x)) continue;
      const p = periods[c - first];
      if (p === null) fail(`${at(name, r, c, transposed)} holds a target under a blank label; give the period it is for`);
      const v = readNumber(x);
      if (v === undefined || v === null || !(v > 0))
        fail(`${at(name, r, c, transposed)} holds ${showCell(x)}; a target is an amount above 0, such as 250000`);
      byPeriod.set(p, v);
    }
    if (TEAM_WORDS.has(key)) {
      if (team) fail(`${at(name, r, 0, transposed)}: a second row for the whole team; give one, and a row per rep`);
      team = byPeriod;
    } else {
      if (reps.has(key)) fail(`${at(name, r, 0, transposed)}: ${label} has a second row; give one row per rep`);
      reps.set(key, { name: label, byPeriod });
    }
  }
  return { spec, team: team ?? new Map(), reps };
}
