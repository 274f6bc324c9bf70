/**
 * dist/Code.js as Apps Script loads it: its size, and evaluating it in a fresh bare node:vm context.
 *   node --expose-gc --import tsx bench/bundle.ts
 * Prints `RESULT {json}` (see BundleResult). Each run gets a new context and a source that differs by
 * a trailing comment, so V8's compilation cache cannot serve it; a full GC before each run clears the
 * previous runs' contexts (otherwise their collection lands on a later run's clock: a harness artefact,
 * not something a fresh Apps Script execution pays).
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { collect } from './timing';

export interface BundleResult {
  readonly kb: number;
  /** ms per evaluation, 20 runs after one warm-up. */
  readonly times: number[];
  /** Whether PERIOD_SERIES works in the evaluated context. */
  readonly works: boolean;
}

export function measureBundle(runs = 20): BundleResult {
  const path = join(__dirname, '..', 'dist', 'Code.js');
  const kb = statSync(path).size / 1024;
  const code = readFileSync(path, 'utf8');
  const times: number[] = [];
  let works = false;
  for (let i = 0; i <= runs; i++) {
    const context = vm.createContext({});
    const source = `${code}\n// run ${i}\n`;
    collect();
    const t0 = performance.now();
    vm.runInContext(source, context, { filename: 'Code.js' });
    const t = performance.now() - t0;
    if (i > 0) times.push(t); // run 0 warms up node:vm itself
    if (i === runs) {
      const out = vm.runInContext('JSON.stringify(PERIOD_SERIES([["2026-01-31"],["2026-03-02"]], [["£1,000"],[250]]))', context) as string;
      works = out === JSON.stringify([['Period', 'Value'], ['2026-01', 1000], ['2026-02', 0], ['2026-03', 250]]);
    }
  }
  return { kb, times, works };
}

if (require.main === module) console.log(`RESULT ${JSON.stringify(measureBundle())}`);
