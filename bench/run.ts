/**
 * `npm run bench`: builds, then prints one markdown table and a one-line verdict (bench/README.md).
 * Every file in bench/suites/ that exports `suite` adds its rows, in the suites' `order`; most run their
 * cases in child processes of their own (so that each case's peak memory is its own).
 *
 *   npm run bench                             # the table
 *   BENCH_ONLY=formulas,cli npm run bench     # some suites only
 *   BENCH_TZ=America/New_York npm run bench   # another pinned zone (default Europe/London)
 */
import { readdirSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { TZ } from './child';
import { type Row, Report, type Suite } from './table';

function suites(): Suite[] {
  const dir = join(__dirname, 'suites');
  const only = process.env.BENCH_ONLY?.split(',').map((s) => s.trim());
  const found: Suite[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => /\.ts$/.test(f))
    .sort()) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(join(dir, file)) as { suite?: Suite };
    if (!mod.suite) throw new Error(`bench/suites/${file} exports no \`suite\``);
    if (!only || only.includes(mod.suite.name)) found.push(mod.suite);
  }
  return found.sort((a, b) => a.order - b.order);
}

function main(): void {
  const startedAt = Date.now();
  const load = loadavg()[0];
  process.stderr.write(`bench: TZ=${TZ}, each case in its own process\n`);
  const report = new Report();
  for (const s of suites()) {
    process.stderr.write(`${s.name}\n`);
    s.run(report);
  }
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
    `Node ${process.version}, ${cpus().length} CPUs, TZ=${TZ}, load average ${load.toFixed(2)} at start, ${loadavg()[0].toFixed(2)} at the end; ` +
      `formulas: dist/Code.js in a fresh node:vm context, warm medians of 7 alternated rounds (5 for text dates, 21 for CONNECTIONS) ` +
      `after a warm-up, cold = the first call; ratio = ours / baseline, measured within one process. Total ${((Date.now() - startedAt) / 1000).toFixed(0)} s.`,
    '',
    `| ${cols.map(([, h]) => h).join(' | ')} |`,
    `|${cols.map(([k]) => (k === 'case' || k === 'target' || k === 'memory' || k === 'ok' ? '---' : '---:')).join('|')}|`,
    ...report.rows.map((r) => `| ${cols.map(([k]) => r[k]).join(' | ')} |`),
    '',
    report.misses.length === 0
      ? `Verdict: every target met (${report.checks} checks).`
      : `Verdict: ${report.misses.length} target${report.misses.length > 1 ? 's' : ''} missed: ${report.misses.join('; ')}.`,
  ];
  console.log(lines.join('\n'));
}

main();
