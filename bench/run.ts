/**
 * `npm run bench`: builds, then prints one markdown table and a one-line verdict.
 * Every data case runs in its own child process (bench/case.ts) so that its peak RSS is its own;
 * ours and its baseline are timed alternately inside that one process. See bench/README.md.
 *
 *   npm run bench                 # the table
 *   BENCH_TZ=America/New_York npm run bench   # another pinned zone (default Europe/London)
 */
import { spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import type { CaseName, CaseResult } from './case';
import type { BundleResult } from './bundle';
import type { ScorecardBench } from './scorecard';
import { type EvidenceResult, evidenceBenchRows } from './evidence';
import { existsSync, readFileSync } from 'node:fs';
import { median } from './timing';

const root = join(__dirname, '..');
/** Dates are made at local midnight and bucketed in local time: pin the zone so runs compare. */
const TZ = process.env.BENCH_TZ ?? 'Europe/London';

/** Runs a bench script in its own `node --expose-gc` process and returns its `RESULT {json}` line. */
function child<T>(script: string, args: string[], label: string): T {
  const started = Date.now();
  const proc = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', join(__dirname, script), ...args], {
    cwd: root,
    env: { ...process.env, TZ },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 16 * 1024 * 1024,
  });
  const line = proc.stdout.split('\n').find((l) => l.startsWith('RESULT '));
  if (proc.status !== 0 || !line) throw new Error(`bench ${label} failed (exit ${proc.status}):\n${proc.stderr}`);
  process.stderr.write(`  ${label}: ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  return JSON.parse(line.slice('RESULT '.length)) as T;
}

function runCase(name: CaseName, rounds?: number): CaseResult {
  return child<CaseResult>('case.ts', rounds === undefined ? [name] : [name, String(rounds)], name);
}

interface Row {
  case: string;
  rows: string;
  ours: string;
  base: string;
  ratio: string;
  target: string;
  memory: string;
  ok: string;
}

const ms = (x: number): string => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
const mb = (x: number): string => `${x.toFixed(0)} MB`;
const times = (r: number): string => `${r < 10 ? r.toFixed(2) : r.toFixed(1)}×`;
const misses: string[] = [];

function verdict(ok: boolean, mismatch: string | null, what: string, why: string): string {
  if (!ok) misses.push(`${what} (${why})`);
  if (mismatch) misses.push(`${what}: tables differ (${mismatch})`);
  return `${ok ? 'yes' : '**NO**'}${mismatch ? ` (tables differ: ${mismatch})` : ''}`;
}

function memoryOf(r: CaseResult): string {
  return `${mb(r.peakRssMB)} (ours: +${mb(Math.max(0, r.oursRssMB))} RSS, ${mb(r.oursHeapMB)} heap)`;
}

/** Ours vs a bare loop: ratio = ours / baseline, must be ≤ limit. */
function loopRow(label: string, r: CaseResult, limit: number): Row[] {
  const o = median(r.ours);
  const b = median(r.base);
  const ratio = o / b;
  const out: Row[] = [
    {
      case: label,
      rows: r.rows.toLocaleString('en-GB'),
      ours: ms(o),
      base: `${ms(b)} (bare Date loop)`,
      ratio: times(ratio),
      target: `≤ ${limit}×`,
      memory: memoryOf(r),
      ok: verdict(ratio <= limit, r.mismatch, label, `${times(ratio)} > ${limit}×`),
    },
  ];
  if (r.info) {
    const i = median(r.info);
    out.push({
      case: '↳ same, vs a bare loop that also parses the text (slice/Number, replace/Number)',
      rows: '',
      ours: ms(o),
      base: ms(i),
      ratio: times(o / i),
      target: 'info',
      memory: '',
      ok: '—',
    });
  }
  return out;
}

/** Ours vs HyperFormula: ratio = ours / HyperFormula, ours must be ≥ 20× faster. */
function hfRow(label: string, r: CaseResult): Row {
  const o = median(r.ours);
  const h = median(r.base);
  const faster = h / o;
  return {
    case: label,
    rows: r.rows.toLocaleString('en-GB'),
    ours: ms(o),
    base: `${ms(h)} (HyperFormula, ${r.base.length} run${r.base.length > 1 ? 's' : ''})`,
    ratio: `${(o / h).toFixed(4)}× (${faster.toFixed(0)}× faster)`,
    target: '≤ 0.05× (≥ 20× faster)',
    memory: `${mb(r.peakRssMB)} (process with HyperFormula)`,
    ok: verdict(faster >= 20, r.mismatch, label, `only ${faster.toFixed(1)}× faster`),
  };
}

/** dist/Code.js and dist/Server.js: sizes, evaluating both (every execution), compiling the server (server executions). */
function bundleRows(): Row[] {
  const { kb, serverKb, times: evalTimes, serverTimes, works } = child<BundleResult>('bundle.ts', [], 'dist/Code.js');
  const e = median(evalTimes);
  const s = median(serverTimes);
  return [
    {
      case: 'dist/Code.js size (formulas; compiled by every execution)',
      rows: '',
      ours: `${kb.toFixed(1)} KB`,
      base: '',
      ratio: '',
      target: '≤ 100 KB',
      memory: '',
      ok: verdict(kb <= 100, null, 'dist/Code.js size', `${kb.toFixed(1)} KB`),
    },
    {
      case: 'dist/Server.js size (the server as text; compiled only by menu, sidebar and trigger executions)',
      rows: '',
      ours: `${serverKb.toFixed(1)} KB`,
      base: '',
      ratio: '',
      target: 'info',
      memory: '',
      ok: '—',
    },
    {
      case: 'Code.js + Server.js evaluated in a fresh bare node:vm context, as every execution does (median of 20)',
      rows: '',
      ours: ms(e),
      base: '',
      ratio: '',
      target: '< 5 ms',
      memory: '',
      ok: verdict(
        e < 5 && works,
        works ? null : 'PERIOD_SERIES or the server in the vm context failed',
        'Code.js evaluation',
        `${ms(e)} ms`,
      ),
    },
    {
      case: '↳ then Leadlag.server(): compiling the server, as a menu, sidebar or trigger execution does (median of 20)',
      rows: '',
      ours: ms(s),
      base: '',
      ratio: '',
      target: 'info',
      memory: '',
      ok: '—',
    },
  ];
}

/** The command line at 100,000 + 20,000 rows against reading the CSVs alone; the builder's call counts. */
function scorecardRows(): Row[] {
  const r = child<ScorecardBench>('scorecard.ts', [], 'scorecard');
  const c = median(r.cli);
  const read = median(r.read);
  const total = (x: Record<string, number>) => Object.values(x).reduce((a, b) => a + b, 0);
  const same = JSON.stringify(r.calls.small) === JSON.stringify(r.calls.large);
  return [
    {
      case: 'Command line scorecard (CSV → JSON) vs reading + parsing the CSV files alone',
      rows: `${r.salesRows.toLocaleString('en-GB')} + ${r.feedbackRows.toLocaleString('en-GB')}`,
      ours: ms(c),
      base: `${ms(read)} (read + parse CSV)`,
      ratio: times(c / read),
      target: '< 3×',
      memory: '',
      ok: verdict(c / read < 3, null, 'command line scorecard', `${times(c / read)} ≥ 3×`),
    },
    {
      case: 'Sheet builder: calls into the workbook at 100 vs 100,000 sales rows',
      rows: '100 / 100,000',
      ours: `${total(r.calls.small)} / ${total(r.calls.large)} calls`,
      base: '',
      ratio: '',
      target: 'the same count',
      memory: '',
      ok: verdict(same, null, 'builder calls', `${total(r.calls.small)} vs ${total(r.calls.large)}`),
    },
  ];
}

/** How sure is a link: the lead/lag evidence on 2,000 simulated pairs (and scorecards) per case (bench/evidence.ts). */
function evidenceRows(): Row[] {
  const r = child<EvidenceResult>('evidence.ts', ['2000'], 'evidence');
  return evidenceBenchRows(r, (ok, what, why) => verdict(ok, null, what, why));
}

/** The sidebar's numbers, written by the browser tests (npx jest tests/browser). */
function sidebarRows(): Row[] {
  const path = join(root, 'tests', 'browser', 'metrics.json');
  if (!existsSync(path))
    return [
      {
        case: 'Sidebar (run `npx jest tests/browser` first)',
        rows: '',
        ours: 'not measured',
        base: '',
        ratio: '',
        target: '',
        memory: '',
        ok: '—',
      },
    ];
  const m = JSON.parse(readFileSync(path, 'utf8')) as { sidebarBytes: number; sidebarOpenToInteractiveMs: number; measuredAt: string };
  return [
    {
      case: 'dist/sidebar.html size',
      rows: '',
      ours: `${(m.sidebarBytes / 1024).toFixed(1)} KB`,
      base: '',
      ratio: '',
      target: '≤ 150 KB',
      memory: '',
      ok: verdict(m.sidebarBytes <= 150 * 1024, null, 'sidebar size', `${(m.sidebarBytes / 1024).toFixed(1)} KB`),
    },
    {
      case: `Sidebar from opening to interactive in the preview (browser test, ${m.measuredAt.slice(0, 16)})`,
      rows: '',
      ours: ms(m.sidebarOpenToInteractiveMs),
      base: '',
      ratio: '',
      target: '< 1000 ms',
      memory: '',
      ok: verdict(m.sidebarOpenToInteractiveMs < 1000, null, 'sidebar open to interactive', `${m.sidebarOpenToInteractiveMs} ms`),
    },
  ];
}

function main(): void {
  const startedAt = Date.now();
  const load = loadavg()[0];
  process.stderr.write(`bench: TZ=${TZ}, each case in its own process\n`);
  const rows: Row[] = [];
  rows.push(...loopRow('PERIOD_SERIES month/sum: Date cells, number values', runCase('series-date'), 3));
  rows.push(...loopRow('NPS_BY_PERIOD month: Date cells, scores 0–10', runCase('nps-date'), 3));
  {
    // Information only: the same dates shuffled (every row a new hour and a new month for the caches).
    const r = runCase('series-date-shuffled');
    const o = median(r.ours);
    const b = median(r.base);
    rows.push({
      case: 'PERIOD_SERIES month/sum: Date cells in random order',
      rows: r.rows.toLocaleString('en-GB'),
      ours: ms(o),
      base: `${ms(b)} (bare Date loop)`,
      ratio: times(o / b),
      target: 'info',
      memory: memoryOf(r),
      ok: r.mismatch ? verdict(true, r.mismatch, 'shuffled dates', '') : '—',
    });
  }
  // The slow text cases run 5 rounds instead of 7 to keep the whole bench near 3 minutes.
  rows.push(...loopRow('PERIOD_SERIES month/sum: ISO text dates, "£1,234.50" text values', runCase('series-iso', 5), 10));
  rows.push(...loopRow('PERIOD_SERIES month/sum: day-first text dates, "£1,234.50" text values', runCase('series-dayfirst', 5), 10));
  rows.push(...loopRow('NPS_BY_PERIOD month: ISO text dates', runCase('nps-iso'), 10));
  rows.push(...loopRow('NPS_BY_PERIOD month: day-first text dates', runCase('nps-dayfirst'), 10));
  rows.push(hfRow('PERIOD_SERIES vs HyperFormula SUMIFS per month (build + evaluate)', runCase('hf-series', 1)));
  rows.push(hfRow('NPS_BY_PERIOD vs HyperFormula COUNTIFS NPS per month (build + evaluate)', runCase('hf-nps', 1)));
  rows.push(...bundleRows());
  rows.push(...scorecardRows());
  rows.push(...evidenceRows());
  rows.push(...sidebarRows());

  const cols: [keyof Row, string][] = [
    ['case', 'case'],
    ['rows', 'rows'],
    ['ours', 'ours (ms, median)'],
    ['base', 'baseline (ms, median)'],
    ['ratio', 'ratio'],
    ['target', 'target'],
    ['memory', 'peak memory'],
    ['ok', 'ok?'],
  ];
  const lines = [
    `Node ${process.version}, ${cpus().length} CPUs, TZ=${TZ}, load average ${load.toFixed(2)} at start; ` +
      `1,000,000-row cases: medians of 7 alternated rounds (5 for the "£" text cases) after a warm-up; ` +
      `ratio = ours / baseline, measured within one process. Total ${((Date.now() - startedAt) / 1000).toFixed(0)} s.`,
    '',
    `| ${cols.map(([, h]) => h).join(' | ')} |`,
    `|${cols.map(([k]) => (k === 'case' || k === 'target' || k === 'memory' || k === 'ok' ? '---' : '---:')).join('|')}|`,
    ...rows.map((r) => `| ${cols.map(([k]) => r[k]).join(' | ')} |`),
    '',
    misses.length === 0
      ? `Verdict: every target met (${rows.filter((r) => r.ok !== '—').length} checks).`
      : `Verdict: ${misses.length} target${misses.length > 1 ? 's' : ''} missed: ${misses.join('; ')}.`,
  ];
  console.log(lines.join('\n'));
}

main();
