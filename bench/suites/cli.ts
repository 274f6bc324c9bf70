/**
 * The command line as users run it (node bin/leadlag.js scorecard ... --json, a process of its own), on seeded
 * exports (bench/csvFiles.ts): 1,000,000 sales + 200,000 feedback rows against reading and splitting the
 * same files alone (bench/split.js), alternated; then 5,000,000 + 1,000,000 rows, for its time per row and
 * its peak memory in Node's default heap. Wall time measured around the process; peak RSS by the process
 * itself (bench/peak.js).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TZ, root } from '../child';
import { writeFeedbackCsv, writeSalesCsv } from '../csvFiles';
import { type Suite, count, mb, median, ms, times } from '../table';

interface Run {
  ms: number;
  rssMB: number;
}

function measure(args: readonly string[], label: string): Run {
  const t0 = performance.now();
  const p = spawnSync(process.execPath, ['--require', join(__dirname, '..', 'peak.js'), ...args], {
    cwd: root,
    env: { ...process.env, TZ },
    encoding: 'utf8',
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const elapsed = performance.now() - t0;
  const peak = /PEAK_RSS_KB (\d+)/.exec(p.stderr);
  if (p.status !== 0 || !peak) throw new Error(`${label} failed (exit ${p.status}):\n${p.stderr}`);
  return { ms: elapsed, rssMB: Number(peak[1]) / 1024 };
}

function files(dir: string, sales: number, feedback: number): [string, string] {
  const t0 = Date.now();
  const s = join(dir, `sales-${sales}.csv`);
  const f = join(dir, `feedback-${feedback}.csv`);
  writeSalesCsv(s, sales);
  writeFeedbackCsv(f, feedback);
  const size = (statSync(s).size + statSync(f).size) / 1024 / 1024;
  process.stderr.write(
    `  wrote ${count(sales)} + ${count(feedback)} rows (${size.toFixed(0)} MB) in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`,
  );
  return [s, f];
}

const cli = (s: string, f: string): string[] => [join(root, 'bin', 'leadlag.js'), 'scorecard', '--sales', s, '--feedback', f, '--json'];

export const suite: Suite = {
  name: 'cli',
  order: 60,
  run(report) {
    const dir = mkdtempSync(join(tmpdir(), 'leadlag-bench-'));
    try {
      const [s1, f1] = files(dir, 1_000_000, 200_000);
      measure(cli(s1, f1), 'command line (warm-up)');
      const ours: Run[] = [];
      const base: Run[] = [];
      for (let i = 0; i < 3; i++) {
        ours.push(measure(cli(s1, f1), 'command line'));
        base.push(measure([join(__dirname, '..', 'split.js'), s1, f1], 'read + split'));
      }
      process.stderr.write(`  command line at 1,000,000 rows: ${ours.map((r) => ms(r.ms)).join(', ')} ms\n`);
      const o = median(ours.map((r) => r.ms));
      const b = median(base.map((r) => r.ms));
      const oRss = Math.max(...ours.map((r) => r.rssMB));
      const bRss = Math.max(...base.map((r) => r.rssMB));
      report.add({
        case: 'Command line scorecard (CSV → JSON, a process of its own) vs reading + splitting the files alone',
        rows: '1,000,000 + 200,000',
        ours: ms(o),
        base: `${ms(b)} (read + split lines and fields)`,
        ratio: times(o / b),
        target: '≤ 2×',
        memory: `${mb(oRss)} (read + split: ${mb(bRss)})`,
        ok: report.verdict(o / b <= 2, null, 'command line at 1M rows', `${times(o / b)} > 2×`),
      });
      rmSync(s1);
      rmSync(f1);

      const [s5, f5] = files(dir, 5_000_000, 1_000_000);
      const big = [measure(cli(s5, f5), 'command line at 5M rows'), measure(cli(s5, f5), 'command line at 5M rows')];
      const t5 = median(big.map((r) => r.ms));
      const rss5 = Math.max(...big.map((r) => r.rssMB));
      const perRow = t5 / 5 / o;
      report.add(
        {
          case: 'Command line at 5× the rows: time per row vs the 1,000,000-row run (linear = 1×)',
          rows: '5,000,000 + 1,000,000',
          ours: ms(t5),
          base: `${ms(o * 5)} (5 × the 1M run)`,
          ratio: times(perRow),
          target: '≤ 1.3×',
          memory: mb(rss5),
          ok: report.verdict(perRow <= 1.3, null, 'command line at 5M rows', `${times(perRow)} per row > 1.3×`),
        },
        {
          case: '↳ its peak memory (RSS), in the default Node heap',
          rows: '',
          ours: mb(rss5),
          base: '',
          ratio: '',
          target: '< 1.5 GB',
          memory: '',
          ok: report.verdict(rss5 < 1536, null, 'command line memory at 5M rows', `${mb(rss5)}`),
        },
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
