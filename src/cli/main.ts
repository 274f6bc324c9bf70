/**
 * The command line: the same scorecard as the sheet, from CSV files, with the same core.
 *
 *   leadlag scorecard --sales FILE --feedback FILE [--reviews FILE] [--period month|quarter|week]
 *                     [--periods 12] [--map role=Header ...] [--target id=value ...] [--targets FILE]
 *                     [--month-first] [--json]
 *
 * Exit status: 0 on success, 2 when a file cannot be read, a column cannot be found or an argument
 * is wrong (the message says which). Output is written only once everything has been computed.
 */
import { readFileSync } from 'node:fs';
import { parseCsv } from '../core/tables/csv';
import { loadSource } from '../core/scorecard/source';
import { DEFAULT_OPTIONS, type ScorecardResult, type SourceColumns, computeScorecard } from '../core/scorecard/compute';
import { type MeasureId, type Source, measureInfo } from '../core/scorecard/measures';
import { SCORECARD_DEFAULTS } from '../core/scorecard/defaults';
import { parsePeriod } from '../core/time/periods';
import { RUNTIME_ZONE } from '../core/time/zone';
import { InputError } from '../core/values/errors';
import { renderScorecard } from './table';
import { runGoals } from './goals';
import { runAccounts } from './accounts';

export class UsageError extends Error {}

export const USAGE = `Usage: leadlag scorecard --sales FILE [--feedback FILE] [--reviews FILE]
                          [--period month|quarter|week] [--periods N]
                          [--map role=Header ...] [--target measure=value ...]
                          [--targets FILE] [--month-first] [--json]

Builds the lead/lag scorecard from CSV files exported as they come (title rows, blank rows
and totals rows are found and left out). --map fixes a column the guess got wrong, e.g.
--map amount="Net Sales (£)". --targets reads sales targets per quarter (a row of
labels such as 2026-Q1, a row of targets, a row per rep) for target health's coasting and
ratchet. --json prints one object instead of a table.

Also: leadlag goals --file goals.csv …, leadlag accounts --sales FILE … (each with no option says more).`;

export interface Args {
  files: Partial<Record<Source, string>>;
  period: string;
  periods: number;
  maps: Record<string, string>;
  targets: Partial<Record<MeasureId, number>>;
  /** Target health's sales targets (a CSV file). */
  targetsFile?: string;
  monthFirst: boolean;
  json: boolean;
}

export function parseArgs(argv: readonly string[]): Args {
  const [command, ...rest] = argv;
  if (command !== 'scorecard') throw new UsageError(command ? `unknown command "${command}"\n\n${USAGE}` : USAGE);
  const args: Args = {
    files: {},
    period: SCORECARD_DEFAULTS.period,
    periods: SCORECARD_DEFAULTS.periods,
    maps: {},
    targets: {},
    monthFirst: false,
    json: false,
  };
  for (let i = 0; i < rest.length; i++) {
    const flag = rest[i];
    const value = (): string => {
      const v = rest[++i];
      if (v === undefined) throw new UsageError(`${flag} needs a value\n\n${USAGE}`);
      return v;
    };
    const pair = (text: string, what: string): [string, string] => {
      const at = text.indexOf('=');
      if (at <= 0)
        throw new UsageError(`${flag} takes ${what}, e.g. ${flag} ${what === 'role=Header' ? 'amount="Net Sales (£)"' : 'nps=30'}`);
      return [text.slice(0, at).trim(), text.slice(at + 1).trim()];
    };
    switch (flag) {
      case '--sales':
      case '--feedback':
      case '--reviews':
        args.files[flag.slice(2) as Source] = value();
        break;
      case '--period':
        args.period = value();
        break;
      case '--periods': {
        const n = Number(value());
        if (!Number.isInteger(n) || n < 3 || n > 120) throw new UsageError('--periods takes a whole number from 3 to 120');
        args.periods = n;
        break;
      }
      case '--map': {
        const [k, v] = pair(value(), 'role=Header');
        args.maps[k] = v;
        break;
      }
      case '--target': {
        const [k, v] = pair(value(), 'measure=value');
        const info = measureInfo(k);
        if (!info) throw new UsageError(`--target: unknown measure "${k}"`);
        const n = Number(v);
        if (!Number.isFinite(n)) throw new UsageError(`--target ${k}: "${v}" is not a number`);
        args.targets[info.id] = n;
        break;
      }
      case '--targets':
        args.targetsFile = value();
        break;
      case '--month-first':
        args.monthFirst = true;
        break;
      case '--json':
        args.json = true;
        break;
      default:
        throw new UsageError(`unknown option "${flag}"\n\n${USAGE}`);
    }
  }
  if (!args.files.sales && !args.files.feedback) throw new UsageError(`give at least --sales or --feedback\n\n${USAGE}`);
  if (args.targetsFile && !args.files.sales) throw new UsageError('--targets are sales targets; give --sales too');
  return args;
}

/** Everything but the I/O: files in, the scorecard out. Throws InputError or UsageError. */
export function scorecardFromFiles(args: Args, read: (path: string) => string): ScorecardResult {
  const sources: Partial<Record<Source, SourceColumns>> = {};
  const unusedBy: Record<string, number> = {};
  const loaded = Object.entries(args.files) as [Source, string][];
  for (const [kind, path] of loaded) {
    let text: string;
    try {
      text = read(path);
    } catch (e) {
      throw new InputError(
        `cannot read ${path}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`,
      );
    }
    let source;
    try {
      source = loadSource(path, parseCsv(text), args.maps);
    } catch (e) {
      if (e instanceof InputError) throw new InputError(`${path}: ${e.message}`);
      throw e;
    }
    for (const r of source.unused) unusedBy[r] = (unusedBy[r] ?? 0) + 1;
    sources[kind] = source.source;
  }
  for (const [role, count] of Object.entries(unusedBy)) {
    if (count === loaded.length)
      throw new InputError(`--map ${role}="${args.maps[role]}": no file has a column called "${args.maps[role]}"`);
  }
  const period = parsePeriod(args.period);
  if (period.kind === 'year') throw new UsageError('--period takes month, quarter or week');
  let healthTargets: { name: string; cells: string[][] } | undefined;
  if (args.targetsFile) {
    const path = args.targetsFile;
    try {
      healthTargets = { name: path, cells: parseCsv(read(path)) };
    } catch (e) {
      throw new InputError(
        `cannot read ${path}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`,
      );
    }
  }
  return computeScorecard(
    sources,
    { ...DEFAULT_OPTIONS, period, count: args.periods, targets: args.targets, healthTargets },
    { zone: RUNTIME_ZONE, monthFirst: args.monthFirst },
  );
}

export function run(argv: readonly string[], out: (s: string) => void, err: (s: string) => void): number {
  if (argv[0] === 'goals') return runGoals(argv.slice(1), out, err, scorecardFromFiles);
  if (argv[0] === 'accounts') return runAccounts(argv.slice(1), out, err);
  try {
    const args = parseArgs(argv);
    const result = scorecardFromFiles(args, (p) => readFileSync(p, 'utf8'));
    out(args.json ? JSON.stringify(result, null, 2) : renderScorecard(result));
    return 0;
  } catch (e) {
    if (e instanceof UsageError || e instanceof InputError) {
      err(`leadlag: ${e.message}`);
      return 2;
    }
    err(`leadlag: unexpected error: ${e instanceof Error ? e.stack : String(e)}`);
    return 1;
  }
}

if (require.main === module) {
  process.exitCode = run(
    process.argv.slice(2),
    (s) => process.stdout.write(s + '\n'),
    (s) => process.stderr.write(s + '\n'),
  );
}
