/**
 * The command line: the same scorecard as the sheet, from CSV files, with the same core.
 *
 *   leadlag scorecard --sales FILE --feedback FILE [--reviews FILE] [--period month|quarter|week]
 *                     [--periods 12] [--map role=Header ...] [--target id=value ...] [--month-first] [--json]
 *
 * Exit status: 0 on success, 2 when a file cannot be read, a column cannot be found or an argument
 * is wrong (the message says which). Output is written only once everything has been computed.
 */
import { type Bytes, fileBytes } from './decode';
import { loadFile } from './source';
import { DEFAULT_OPTIONS, type ScorecardResult, type SourceColumns, computeScorecard } from '../core/scorecard/compute';
import { type MeasureId, type Source, measureInfo } from '../core/scorecard/measures';
import { SCORECARD_DEFAULTS } from '../core/scorecard/defaults';
import { parsePeriod } from '../core/time/periods';
import { RUNTIME_ZONE } from '../core/time/zone';
import { InputError } from '../core/values/errors';
import { renderScorecard } from './table';

export class UsageError extends Error {}

export const USAGE = `Usage: leadlag scorecard --sales FILE [--feedback FILE] [--reviews FILE]
                          [--period month|quarter|week] [--periods N]
                          [--map role=Header ...] [--target measure=value ...]
                          [--month-first] [--json]

Builds the lead/lag scorecard from CSV files exported as they come (title rows, blank rows
and totals rows are found and left out). --map fixes a column the guess got wrong, e.g.
--map amount="Net Sales (£)". --json prints one object instead of a table.`;

export interface Args {
  files: Partial<Record<Source, string>>;
  period: string;
  periods: number;
  maps: Record<string, string>;
  targets: Partial<Record<MeasureId, number>>;
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
  return args;
}

/** How the command line opens a file: its bytes (a file on disk; bytes in memory in tests). */
export type Opener = (path: string) => Bytes;

/**
 * Everything but the output: files in, the scorecard out. Each file is streamed (src/cli/source.ts), so its
 * size is bounded by the disk, not by memory. Throws InputError or UsageError.
 */
export function scorecardFromFiles(args: Args, open: Opener = fileBytes): ScorecardResult {
  const sources: Partial<Record<Source, SourceColumns>> = {};
  const unusedBy: Record<string, number> = {};
  const loaded = Object.entries(args.files) as [Source, string][];
  for (const [kind, path] of loaded) {
    const opener = (): Bytes => {
      try {
        return open(path);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        const why =
          code === 'ENOENT'
            ? 'no such file'
            : code === 'EISDIR'
              ? 'it is a folder, not a file'
              : code === 'EACCES'
                ? 'permission denied'
                : (e as Error).message;
        throw new InputError(`cannot read ${path}: ${why}`);
      }
    };
    const file = loadFile(path, kind, args.maps, opener);
    for (const r of file.unused) unusedBy[r] = (unusedBy[r] ?? 0) + 1;
    sources[kind] = file.source;
  }
  for (const [role, count] of Object.entries(unusedBy)) {
    if (count === loaded.length)
      throw new InputError(`--map ${role}="${args.maps[role]}": no file has a column called "${args.maps[role]}"`);
  }
  const period = parsePeriod(args.period);
  if (period.kind === 'year') throw new UsageError('--period takes month, quarter or week');
  return computeScorecard(
    sources,
    { ...DEFAULT_OPTIONS, period, count: args.periods, targets: args.targets },
    { zone: RUNTIME_ZONE, monthFirst: args.monthFirst },
  );
}

export function run(argv: readonly string[], out: (s: string) => void, err: (s: string) => void): number {
  try {
    const args = parseArgs(argv);
    const result = scorecardFromFiles(args);
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
