/**
 * `leadlag goals`: the Goals sheet's numbers from a goals CSV (and the sales, feedback and reviews files for
 * the key results tied to scorecard measures), with the same core as the sheet: each goal's score rolled up
 * the tree, its chain to the company goal, and its flags.
 *
 *   leadlag goals --file goals.csv [--sales FILE] [--feedback FILE] [--reviews FILE] [--period month]
 *                 [--periods 12] [--checkins FILE] [--as-of 2026-12-01] [--stale-days 21]
 *                 [--column role=Header ...] [--month-first] [--json]
 */
import { readFileSync } from 'node:fs';
import { parseCsv } from '../core/tables/csv';
import { findTable } from '../core/tables/findTable';
import { type Cell } from '../core/values/cell';
import { InputError } from '../core/values/errors';
import { dayOfDate, readDay } from '../core/values/date';
import { readNumber } from '../core/values/number';
import { isoDay } from '../core/time/days';
import { RUNTIME_ZONE } from '../core/time/zone';
import { cellText } from '../core/tables/kinds';
import { GOAL_ROLES, type GoalRole, guessGoalColumns } from '../core/goals/columns';
import { STALE_DAYS } from '../core/goals/definition';
import { readGoals } from '../core/goals/read';
import { type CheckIn, type GoalLine, goalsReport } from '../core/goals/report';
import { MEASURES, type MeasureId, type Source } from '../core/scorecard/measures';
import { SCORECARD_DEFAULTS } from '../core/scorecard/defaults';
import { type ScorecardResult } from '../core/scorecard/compute';
import { type Bytes, fileBytes, memoryBytes } from './decode';

/** A wrong argument: the usage is shown, exit status 2. */
export class CliUsageError extends Error {}

/** The command line's scorecard from files (main.ts's scorecardFromFiles), for key results tied to its measures. */
export type ScorecardFromFiles = (
  args: {
    files: Partial<Record<Source, string>>;
    period: string;
    periods: number;
    maps: Record<string, string>;
    targets: Partial<Record<MeasureId, number>>;
    monthFirst: boolean;
    json: boolean;
  },
  open?: (path: string) => Bytes,
) => ScorecardResult;

/** Runs a command's body: 0 on success, 2 for a wrong argument or a file or column that cannot be used (with why). */
export function runCommand(work: () => string, out: (s: string) => void, err: (s: string) => void): number {
  let text: string;
  try {
    text = work();
  } catch (e) {
    if (e instanceof CliUsageError || e instanceof InputError) {
      err(`leadlag: ${e.message}`);
      return 2;
    }
    err(`leadlag: unexpected error: ${e instanceof Error ? e.stack : String(e)}`);
    return 1;
  }
  out(text);
  return 0;
}

export const GOALS_USAGE = `Usage: leadlag goals --file goals.csv [--sales FILE] [--feedback FILE] [--reviews FILE]
                     [--period month|quarter|week] [--periods N] [--checkins FILE]
                     [--as-of YYYY-MM-DD] [--stale-days 21] [--column role=Header ...]
                     [--month-first] [--json]

Scores a goals table (objectives and key results, each naming its parent) as the Goals sheet does:
key results tied to a scorecard measure (its Measure column) take the measure's latest value from the
sales, feedback and reviews files; --checkins reads the Goal check-ins sheet exported as CSV. --column
fixes a column the guess got wrong, e.g. --column parent="Contributes to".`;

interface GoalsArgs {
  file: string;
  sources: Partial<Record<Source, string>>;
  period: string;
  periods: number;
  checkins?: string;
  asOf?: string;
  staleDays: number;
  columns: Record<string, string>;
  monthFirst: boolean;
  json: boolean;
}

function parseGoalsArgs(argv: readonly string[]): GoalsArgs {
  const a: GoalsArgs = {
    file: '',
    sources: {},
    period: SCORECARD_DEFAULTS.period,
    periods: SCORECARD_DEFAULTS.periods,
    staleDays: STALE_DAYS,
    columns: {},
    monthFirst: false,
    json: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new CliUsageError(`${flag} needs a value\n\n${GOALS_USAGE}`);
      return v;
    };
    switch (flag) {
      case '--file':
        a.file = value();
        break;
      case '--sales':
      case '--feedback':
      case '--reviews':
        a.sources[flag.slice(2) as Source] = value();
        break;
      case '--period':
        a.period = value();
        if (!['month', 'quarter', 'week'].includes(a.period)) throw new CliUsageError('--period takes month, quarter or week');
        break;
      case '--periods': {
        const n = Number(value());
        if (!Number.isInteger(n) || n < 3 || n > 120) throw new CliUsageError('--periods takes a whole number from 3 to 120');
        a.periods = n;
        break;
      }
      case '--checkins':
        a.checkins = value();
        break;
      case '--as-of':
        a.asOf = value();
        break;
      case '--stale-days': {
        const n = Number(value());
        if (!Number.isInteger(n) || n < 1 || n > 365) throw new CliUsageError('--stale-days takes a whole number from 1 to 365');
        a.staleDays = n;
        break;
      }
      case '--column': {
        const text = value();
        const at = text.indexOf('=');
        const role = text.slice(0, at).trim();
        if (at <= 0 || !(GOAL_ROLES as readonly string[]).includes(role))
          throw new CliUsageError(`--column takes role=Header, the roles being ${GOAL_ROLES.join(', ')}`);
        a.columns[role] = text.slice(at + 1).trim();
        break;
      }
      case '--month-first':
        a.monthFirst = true;
        break;
      case '--json':
        a.json = true;
        break;
      default:
        throw new CliUsageError(`unknown option "${flag}"\n\n${GOALS_USAGE}`);
    }
  }
  if (!a.file) throw new CliUsageError(`give the goals table: --file goals.csv\n\n${GOALS_USAGE}`);
  return a;
}

function readText(path: string, read: (p: string) => string): string {
  try {
    return read(path);
  } catch (e) {
    throw new InputError(`cannot read ${path}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
  }
}

/** The Goal check-ins sheet as CSV: its Date, ID and Score columns (by header). */
function readCheckins(path: string, text: string, monthFirst: boolean): CheckIn[] {
  const grid = parseCsv(text);
  const t = findTable(grid);
  const col = (name: string) => {
    const j = t.headers.findIndex((h) => h.trim().toLowerCase() === name);
    if (j < 0) throw new InputError(`${path} has no column "${name}"; export the Goal check-ins sheet (Date, ID, Score)`);
    return t.firstCol + j;
  };
  const [d, id, s] = [col('date'), col('id'), col('score')];
  const out: CheckIn[] = [];
  for (const r of t.dataRows) {
    const day = readDay(grid[r][d], { zone: RUNTIME_ZONE, monthFirst });
    const score = readNumber(grid[r][s]);
    if (day === null || day === undefined) throw new InputError(`${path} row ${r + 1}: "${grid[r][d]}" is not a date`);
    if (score === undefined) throw new InputError(`${path} row ${r + 1}: "${grid[r][s]}" is not a score`);
    out.push({ id: cellText(grid[r][id]), day, score });
  }
  return out;
}

export interface GoalsResult {
  as_of: string;
  goals: {
    id: string;
    kind: 'objective' | 'key_result';
    level: string;
    depth: number;
    title: string;
    owner: string;
    parent: string | null;
    start: number | null;
    current: number | null;
    target: number | null;
    due: string | null;
    measure: MeasureId | null;
    score: number | null;
    chain: string;
    flags: readonly string[];
  }[];
  notes: string[];
}

/** Everything but the I/O. Throws InputError or UsageError. */
export function goalsFromFiles(
  argv: readonly string[],
  read: (path: string) => string,
  scorecardFromFiles: ScorecardFromFiles,
  /** How the scorecard's files are opened (streamed from disk by the command line); default: their text by `read`. */
  open: (path: string) => Bytes = (path) => memoryBytes(new TextEncoder().encode(read(path))),
): { args: GoalsArgs; result: GoalsResult } {
  const args = parseGoalsArgs(argv);
  const dates = { zone: RUNTIME_ZONE, monthFirst: args.monthFirst };
  const grid: Cell[][] = parseCsv(readText(args.file, read));
  let table;
  try {
    table = findTable(grid);
  } catch (e) {
    if (e instanceof InputError) throw new InputError(`${args.file}: ${e.message}`);
    throw e;
  }
  const guessed = guessGoalColumns(table.headers);
  const at: Partial<Record<GoalRole, number>> = {};
  const headers: Partial<Record<GoalRole, string>> = {};
  guessed.forEach((role, j) => {
    if (role && !Object.values(args.columns).some((h) => h.toLowerCase() === table.headers[j].toLowerCase())) {
      at[role] = table.firstCol + j;
      headers[role] = table.headers[j];
    }
  });
  for (const [role, header] of Object.entries(args.columns) as [GoalRole, string][]) {
    const j = table.headers.findIndex((h) => h.toLowerCase() === header.toLowerCase());
    if (j < 0) throw new InputError(`--column ${role}="${header}": ${args.file} has no column called "${header}"`);
    at[role] = table.firstCol + j;
    headers[role] = table.headers[j];
  }
  const rows = table.dataRows.map((r) => grid[r]);
  const read1 = readGoals(
    rows,
    table.dataRows.map((r) => r + 1),
    at,
    headers,
    args.file,
    dates,
  );
  const blocking = read1.problems.filter((p) => p.blocking);
  if (blocking.length || !read1.tree) throw new InputError(blocking.map((p) => p.message).join('\n'));
  let latest: Partial<Record<MeasureId, number | null>> = {};
  if (Object.keys(args.sources).length) {
    const sc = scorecardFromFiles(
      { files: args.sources, period: args.period, periods: args.periods, maps: {}, targets: {}, monthFirst: args.monthFirst, json: true },
      open,
    );
    latest = {};
    for (const m of sc.measures) {
      let v: number | null = null;
      for (const x of m.values) if (x !== null) v = x;
      latest[m.id] = v;
    }
  }
  let asOf = dayOfDate(new Date(), RUNTIME_ZONE);
  if (args.asOf !== undefined) {
    const d = readDay(args.asOf, dates);
    if (d === null || d === undefined) throw new CliUsageError(`--as-of takes a date such as 2026-12-01, not "${args.asOf}"`);
    asOf = d;
  }
  const checkins = args.checkins ? readCheckins(args.checkins, readText(args.checkins, read), args.monthFirst) : [];
  const lines = goalsReport(read1.goals, read1.tree, {
    live: (m) => (m.id in latest ? latest[m.id] : undefined),
    checkins,
    asOf,
    staleDays: args.staleDays,
    since: null,
  });
  return {
    args,
    result: {
      as_of: isoDay(asOf),
      goals: lines.map((l: GoalLine) => ({
        id: l.goal.id,
        kind: l.goal.kind,
        level: l.level,
        depth: l.depth,
        title: l.goal.title,
        owner: l.goal.owner,
        parent: l.goal.parent || null,
        start: l.goal.start,
        current: l.current,
        target: l.goal.target,
        due: l.goal.due === null ? null : isoDay(l.goal.due),
        measure: l.goal.measure?.id ?? null,
        score: l.score,
        chain: l.chain,
        flags: l.flags,
      })),
      notes: [
        ...read1.problems.map((p) => p.message),
        ...(Object.keys(args.sources).length === 0 && read1.goals.some((g) => g.measure)
          ? ['Key results tied to a scorecard measure need the data it is measured from: give --sales, --feedback and --reviews.']
          : []),
      ],
    },
  };
}

/** A key result's numbers as the sheet formats them: the measure's format, else a percentage where start and target are fractions. */
function formatter(g: GoalsResult['goals'][number]): (v: number | null) => string {
  const info = g.measure ? MEASURES.find((m) => m.id === g.measure) : undefined;
  const s = g.start ?? 0;
  const t = g.target ?? 0;
  const percent = info ? info.format.endsWith('%') : Math.abs(s) <= 1 && Math.abs(t) <= 1 && !(Number.isInteger(s) && Number.isInteger(t));
  const places = info ? (/\.(0+)/.exec(info.format)?.[1].length ?? 0) : 2;
  return (v) => {
    if (v === null) return '';
    if (percent) return `${(v * 100).toFixed(info ? places : 0)}%`;
    return v.toLocaleString('en-GB', { maximumFractionDigits: places });
  };
}

/** The goals as a plain-text table, then each goal's chain. */
export function renderGoals(r: GoalsResult): string {
  const header = ['Goal', 'Level', 'Owner', 'Start', 'Current', 'Target', 'Score', 'Flags'];
  const rows = r.goals.map((g) => {
    const num = formatter(g);
    return [
      `${'  '.repeat(g.depth)}${g.id} ${g.title}`,
      g.level,
      g.owner,
      num(g.start),
      num(g.current),
      num(g.target),
      g.score === null ? '' : g.score.toFixed(2),
      g.flags.join('; '),
    ];
  });
  const widths = header.map((h, j) => Math.max(h.length, ...rows.map((row) => row[j].length)));
  const right = new Set([3, 4, 5, 6]);
  const line = (cells: string[]) =>
    cells
      .map((c, j) => (right.has(j) ? c.padStart(widths[j]) : c.padEnd(widths[j])))
      .join('  ')
      .trimEnd();
  const out = [`Goals that connect, as of ${r.as_of}`, '', line(header), widths.map((w) => '-'.repeat(w)).join('  ')];
  for (const row of rows) out.push(line(row));
  out.push('', 'Chain to the company goal');
  for (const g of r.goals) if (g.depth > 0) out.push(`  ${g.id}: ${g.chain}`);
  if (r.notes.length) out.push('', 'Notes', ...r.notes.map((n) => `  ${n}`));
  return out.join('\n');
}

export function runGoals(
  argv: readonly string[],
  out: (s: string) => void,
  err: (s: string) => void,
  scorecard: ScorecardFromFiles,
): number {
  return runCommand(
    () => {
      const { args, result } = goalsFromFiles(argv, (p) => readFileSync(p, 'utf8'), scorecard, fileBytes);
      return args.json ? JSON.stringify(result, null, 2) : renderGoals(result);
    },
    out,
    err,
  );
}
