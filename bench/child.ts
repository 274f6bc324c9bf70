import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export const root = join(__dirname, '..');
/** Dates are made at local midnight and bucketed in local time: the zone is pinned so that runs compare. */
export const TZ = process.env.BENCH_TZ ?? 'Europe/London';

/**
 * Runs a bench script (bench/<script>) in its own `node --expose-gc` process, so that its peak memory is its
 * own, and returns what it printed on its `RESULT {json}` line.
 */
export function child<T>(script: string, args: readonly string[], label: string): T {
  const started = Date.now();
  const proc = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', join(__dirname, script), ...args], {
    cwd: root,
    env: { ...process.env, TZ },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
  const line = proc.stdout.split('\n').find((l) => l.startsWith('RESULT '));
  if (proc.status !== 0 || !line) throw new Error(`bench ${label} failed (exit ${proc.status}):\n${proc.stderr}`);
  process.stderr.write(`  ${label}: ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  return JSON.parse(line.slice('RESULT '.length)) as T;
}
