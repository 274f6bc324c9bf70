/**
 * The command line: the same scorecard as the sheet, from CSV files, with the same core.
 *
 *   leadlag scorecard --sales FILE --feedback FILE [--reviews FILE] [--period month|quarter|week]
 *                     [--periods 12] [--map role=Header ...] [--map role=none] [--target id=value ...]
 *                     [--targets FILE] [--accept check ...] [--month-first] [--json]
 *                     [--mark id,id,id] [--path id=FROM:TO:START:BY ...] [--summary FILE|-]
 *
 * Files are CSV, or JSON for the exports that come only so (Delighted, Google Business Profile reviews).
 * Exit status: 0 on success (a measure that cannot be counted says why, and the others are printed), 2
 * when a file cannot be read, a column cannot be found, an argument is wrong, a check before the build
 * finds the mapping implausible, or no measure at all can be counted (the message says which and what to
 * do). Output is written only once everything has been computed.
 */
import { type Bytes, fileBytes } from './decode';
import { type LoadedFile, loadFile, readText } from './source';
import { parseCsv } from '../core/tables/csv';
import { type LoadedSource } from '../core/scorecard/source';
import {
  CHECK_IDS,
  type CheckId,
  type Implausible,
  type SourcesReview,
  combineReviews,
  reviewSource,
} from '../core/scorecard/plausibility';
import { type PendingReview, type ReviewedFile, startReview, threadsAvailable, worthAThread } from './threads';
import { ROLES, isRole } from '../core/tables/roles';
import { DEFAULT_OPTIONS, type ScorecardResult, type SourceColumns, computeScorecard, sourceSeriesOf } from '../core/scorecard/compute';
import { type SourceSeries } from '../core/sources/sourceSeries';
import { type DateOptions } from '../core/values/date';
import { type MeasureId, type Source, measureInfo } from '../core/scorecard/measures';
import { MAX_MARKED, SCORECARD_DEFAULTS } from '../core/scorecard/defaults';
import { type PeriodSpec, parsePeriod } from '../core/time/periods';
import { RUNTIME_ZONE } from '../core/time/zone';
import { InputError } from '../core/values/errors';
import { renderScorecard } from './table';
import { runGoals } from './goals';
import { runAccounts } from './accounts';
import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { isMainThread } from 'node:worker_threads';
import { markedMeasures } from '../core/scorecard/marked';
import { scoreSummary, summaryMarkdown } from '../core/scorecard/summary';
import { AT_RISK_ROLES, type AccountAtRisk, accountsAtRisk } from '../core/accounts/atRisk';
import { formatMoney } from '../core/values/currency';
import { type TargetPath } from '../core/scorecard/targetPath';

export class UsageError extends Error {}

export const USAGE = `Usage: leadlag scorecard --sales FILE [--feedback FILE] [--reviews FILE]
                          [--period month|quarter|week] [--periods N]
                          [--map role=Header ...] [--target measure=value ...]
                          [--targets FILE] [--accept check ...] [--month-first] [--json]
                          [--mark measure,...] [--path measure=FROM:TO:START:BY ...]
                          [--summary FILE|-]

Builds the lead/lag scorecard from CSV (or JSON) files exported as they come: the exports
of Shopify, WooCommerce, Square, Stripe, QuickBooks, Xero, Google Forms, SurveyMonkey,
Typeform, Qualtrics, Delighted, Google Business Profile and Trustpilot are recognised by
their headers; other layouts are guessed (title rows, blank rows and totals rows are found
and left out). --map fixes a column the guess got wrong, e.g. --map amount="Net Sales (£)";
--map satisfaction=none leaves a column out. Before building, the mapping is checked (a
revenue column that is mostly zero, returns over 100%, a score outside 0-10...): a check
that fails stops with what to do; --accept CHECK builds anyway. --targets reads sales targets per quarter (a row of labels
such as 2026-Q1, a row of targets, a row per rep) for target health's coasting and ratchet.
--json prints one object instead of a table. A measure without --target gets a target
suggested from its history (marked * in the table). --path revenue=250000:300000:2026-01:2026-12
sets the target on the line from 250,000 in 2026-01 to 300,000 in 2026-12 (rates as fractions:
csat=0.8:0.9:...). --summary writes "are we winning?" as Markdown (the weekly mail's summary: the
measures --mark names, up to 3, else two customer measures and revenue) to FILE, or to the
output instead of the table with --summary -.

Also: leadlag goals --file goals.csv …, leadlag accounts --sales FILE … (each with no option says more).`;

export interface Args {
  files: Partial<Record<Source, string>>;
  period: string;
  periods: number;
  maps: Record<string, string>;
  targets: Partial<Record<MeasureId, number>>;
  /** Target health's sales targets (a CSV file). */
  targetsFile?: string;
  accept?: CheckId[];
  monthFirst: boolean;
  json: boolean;
  /** The measures that matter most (at most MAX_MARKED), for the summary. */
  marked?: MeasureId[];
  paths?: Partial<Record<MeasureId, TargetPath>>;
  /** Where the Markdown summary goes: a file, or "-" for the output instead of the table. */
  summary?: string;
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
    accept: [],
    monthFirst: false,
    json: false,
    paths: {},
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
        if (!isRole(k)) throw new UsageError(`--map: there is no role called "${k}"; the roles are: ${ROLES.join(', ')}`);
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
      case '--accept': {
        for (const id of value()
          .split(',')
          .map((x) => x.trim())) {
          if (!(CHECK_IDS as readonly string[]).includes(id))
            throw new UsageError(`--accept: "${id}" is not a check; the checks are ${CHECK_IDS.join(', ')}`);
          (args.accept ??= []).push(id as CheckId);
        }
        break;
      }
      case '--month-first':
        args.monthFirst = true;
        break;
      case '--mark': {
        const ids = value()
          .split(',')
          .map((x) => x.trim())
          .filter(Boolean);
        for (const id of ids) if (!measureInfo(id)) throw new UsageError(`--mark: unknown measure "${id}"`);
        if (ids.length > MAX_MARKED) throw new UsageError(`--mark takes at most ${MAX_MARKED} measures, not ${ids.length}`);
        args.marked = ids.map((id) => measureInfo(id)!.id);
        break;
      }
      case '--path': {
        const [k, v] = pair(value(), 'measure=value');
        const info = measureInfo(k);
        if (!info) throw new UsageError(`--path: unknown measure "${k}"`);
        const parts = v.split(':').map((x) => x.trim());
        const [from, to] = parts.slice(0, 2).map(Number);
        if (parts.length !== 4 || !Number.isFinite(from) || !Number.isFinite(to) || !parts[2] || !parts[3])
          throw new UsageError(`--path ${k}: "${v}" is not FROM:TO:START:BY, e.g. --path ${k}=250000:300000:2026-01:2026-12`);
        (args.paths ??= {})[info.id] = { from, to, start: parts[2], by: parts[3] };
        break;
      }
      case '--summary':
        args.summary = value();
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

const FLAGS: Readonly<Record<Source, string>> = { sales: '--sales', feedback: '--feedback', reviews: '--reviews' };
const KIND_WORDS: Readonly<Record<Source, string>> = { sales: 'sales data', feedback: 'customer feedback', reviews: 'online reviews' };

/** The checks that failed, as one message: each with what to do, then how to build anyway. */
function implausible(problems: readonly Implausible[], files: Partial<Record<Source, string>>): string {
  const lines = problems.map((p) => {
    const where = files[p.source] ?? p.source;
    if (p.check === 'kind' && p.holds)
      return `  ${FLAGS[p.source]} ${where}: this file holds ${p.profile ? `a ${p.profile}, ` : ''}${KIND_WORDS[p.holds]}, not ${KIND_WORDS[p.source]}: give it as ${FLAGS[p.holds]}`;
    return `  ${FLAGS[p.source]} ${where}: ${p.message} [${p.check}]`;
  });
  const ids = [...new Set(problems.filter((p) => p.check !== 'kind').map((p) => p.check))];
  const accept = ids.length
    ? `\nFix the columns with --map role="Header" (or --map role=none), or if the numbers are right, run again with --accept ${ids.join(',')}.`
    : '';
  return `the scorecard would be implausible, so nothing was built:\n${lines.join('\n')}${accept}`;
}

const validPeriod = (text: string): boolean => {
  try {
    return parsePeriod(text).kind !== 'year';
  } catch {
    return false; // said after the files are read, as without threads
  }
};

/**
 * Every source's series for the build: the checks counted them already when none was left out (an accepted
 * date check can leave one out, and the build counts it: its error is the build's). A file reviewed in a
 * thread has no columns here: the error its counting met is thrown in its place, in the order of the sources.
 */
function countedSeries(
  loaded: readonly (readonly [Source, string])[],
  review: SourcesReview,
  threaded: Partial<Record<Source, ReviewedFile>>,
  sources: Partial<Record<Source, SourceColumns>>,
  period: PeriodSpec,
  dates: DateOptions,
): Partial<Record<Source, SourceSeries>> | undefined {
  if (loaded.every(([kind]) => review.usable.includes(kind))) return review.series;
  if (!Object.keys(threaded).length) return undefined;
  const out: Partial<Record<Source, SourceSeries>> = {};
  for (const kind of ['sales', 'feedback', 'reviews'] as const) {
    const t = threaded[kind];
    if (t) {
      const counted = t.review.series ?? t.build?.series ?? null;
      const error = t.review.countError ?? t.build?.error ?? null;
      if (error !== null) throw new InputError(error);
      if (counted) out[kind] = counted;
    } else if (sources[kind]) {
      const s = review.usable.includes(kind) ? review.series[kind] : sourceSeriesOf({ [kind]: sources[kind] }, period, dates)[kind];
      if (s) out[kind] = s;
    }
  }
  return out;
}

/** How the command line opens a file: its bytes (a file on disk; bytes in memory in tests). */
export type Opener = (path: string) => Bytes;

/** The opener of one file, its errors in words ("cannot read sales.csv: no such file"). */
function opener(path: string, open: Opener): () => Bytes {
  return () => {
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
}

/**
 * Everything but the output: files in, the scorecard out. Each file is streamed (src/cli/source.ts), so its
 * size is bounded by the disk, not by memory; the checks before a build read what it kept. Throws InputError
 * or UsageError.
 */
export function scorecardFromFiles(
  args: Args,
  open: Opener = fileBytes,
): ScorecardResult & { currency: string | null; atRisk?: AccountAtRisk[] | null } {
  const sources: Partial<Record<Source, SourceColumns>> = {};
  const loadedBy: Partial<Record<Source, LoadedSource>> = {};
  const unusedBy: Record<string, number> = {};
  const loaded = Object.entries(args.files) as [Source, string][];
  // The files other than sales, when large, are read and reviewed in threads of their own meanwhile
  // (threads.ts); the summary reads their columns, so it keeps them here.
  const pending = new Map<Source, PendingReview>();
  if (open === fileBytes && args.summary === undefined && validPeriod(args.period) && threadsAvailable())
    for (const [kind, path] of loaded) {
      if (kind === 'sales' || !worthAThread(path)) continue;
      const p = startReview({ path, kind, maps: args.maps, period: args.period, monthFirst: args.monthFirst });
      if (p) pending.set(kind, p);
    }
  const read = (kind: Source, path: string) => {
    const extra = args.summary !== undefined && kind !== 'reviews' ? AT_RISK_ROLES[kind] : [];
    return loadFile(path, kind, args.maps, opener(path, open), extra);
  };
  // The main thread's files first (while the threads read theirs), their errors kept: the first file in the
  // order given that fails is the one the user hears of, as without threads.
  const here = new Map<Source, { file: LoadedFile } | { error: unknown }>();
  for (const [kind, path] of loaded) {
    if (pending.has(kind)) continue;
    try {
      here.set(kind, { file: read(kind, path) });
    } catch (error) {
      here.set(kind, { error });
    }
  }
  const threaded: Partial<Record<Source, ReviewedFile>> = {};
  for (const [kind, path] of loaded) {
    const inThread = pending.get(kind)?.take();
    if (inThread) {
      threaded[kind] = inThread;
      for (const r of inThread.unused) unusedBy[r] = (unusedBy[r] ?? 0) + 1;
      sources[kind] = inThread.source;
      continue;
    }
    const got = here.get(kind);
    if (got && 'error' in got) throw got.error;
    const file = got?.file ?? read(kind, path); // a thread that gave no answer: read here
    for (const r of file.unused) unusedBy[r] = (unusedBy[r] ?? 0) + 1;
    sources[kind] = file.source;
    loadedBy[kind] = file.loaded;
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
    const text = readText(path, opener(path, open));
    try {
      healthTargets = { name: path, cells: parseCsv(text) };
    } catch (e) {
      if (e instanceof InputError) throw new InputError(`${path}: ${e.message}`);
      throw e;
    }
  }
  const dates = { zone: RUNTIME_ZONE, monthFirst: args.monthFirst };
  const parts = loaded.map(([kind, path]) => threaded[kind]?.review ?? reviewSource(kind, loadedBy[kind]!, path, period, dates));
  const review = combineReviews(parts);
  const stop = review.problems.filter((p) => p.check === 'kind' || !(args.accept ?? []).includes(p.check));
  if (stop.length) throw new InputError(implausible(stop, args.files));
  const counted = countedSeries(loaded, review, threaded, sources, period, dates);
  const result = computeScorecard(
    sources,
    { ...DEFAULT_OPTIONS, period, count: args.periods, targets: args.targets, paths: args.paths, healthTargets },
    dates,
    counted,
  );
  if (result.measures.length && result.measures.every((m) => m.problem))
    throw new InputError(
      `no measure can be counted:\n${result.measures.map((m) => `  ${m.label}: ${m.problem}`).join('\n')}\nFix those cells, or leave their columns out with --map role=none.`,
    );
  const currency = loadedBy.sales?.setup.currency.code ?? null;
  // The summary's key accounts at risk: the same core as the scorecard's panel (null: no customers to match).
  const atRisk =
    args.summary !== undefined && sources.sales && sources.feedback ? accountsAtRisk(sources.sales, sources.feedback, period, dates) : null;
  return args.summary !== undefined ? { ...result, currency, atRisk } : { ...result, currency };
}

export function run(argv: readonly string[], out: (s: string) => void, err: (s: string) => void): number {
  if (argv[0] === 'goals') return runGoals(argv.slice(1), out, err, scorecardFromFiles);
  if (argv[0] === 'accounts') return runAccounts(argv.slice(1), out, err);
  try {
    const args = parseArgs(argv);
    const result = scorecardFromFiles(args);
    if (args.summary !== undefined) {
      const marked = markedMeasures(
        args.marked,
        result.measures.filter((m) => !m.problem).map((m) => m.id),
      ).ids;
      const title = Object.values(args.files)
        .map((f) => basename(f))
        .join(', ');
      const currency = result.currency ?? undefined;
      const lines = result.atRisk?.map((a) => ({
        account: a.customer,
        tier: a.tier,
        revenue: formatMoney(Math.round(a.revenue), currency),
        lastAnswer: a.lastDay,
        why: a.whyWords,
        comment: a.commentWords,
        actions: [],
      }));
      const md = summaryMarkdown(scoreSummary(result, marked, currency, lines ?? null), { spreadsheet: title });
      if (args.summary === '-') {
        out(md.trimEnd());
        return 0;
      }
      try {
        writeFileSync(args.summary, md);
      } catch (e) {
        throw new InputError(`--summary: cannot write "${args.summary}" (${e instanceof Error ? e.message : String(e)})`);
      }
    }
    const { atRisk: _atRisk, ...json } = result;
    out(args.json ? JSON.stringify(json, null, 2) : renderScorecard(result, result.currency));
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

if (require.main === module && isMainThread) {
  process.exitCode = run(
    process.argv.slice(2),
    (s) => process.stdout.write(s + '\n'),
    (s) => process.stderr.write(s + '\n'),
  );
}
