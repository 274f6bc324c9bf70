/**
 * The pushed scripts as Apps Script loads them: their sizes, evaluating Code.js + Formulas.js + Server.js in a
 * fresh bare node:vm context (what every execution pays), then the formulas loaded with the code of the
 * formula that has the most (what a formula execution pays on top, at most, before it reads a cell: each
 * formula's code is compiled on its first use), and compiling the server (what menu, sidebar and trigger
 * executions pay in addition).
 *   node --expose-gc --import tsx bench/bundle.ts
 * Prints `RESULT {json}` (see BundleResult). Each run gets a new context and sources that differ by a
 * leading comment (and the code in the files' comments, which eval and new Function compile and V8 caches
 * across contexts, by its first line), so V8's compilation cache cannot serve them; a full GC before each
 * run clears the previous runs' contexts (otherwise their collection lands on a later run's clock). Both are
 * harness artefacts, not something a fresh Apps Script execution pays: V8 keys its compilation cache by a hash
 * that, for a source longer than 16,383 characters, is its length only, and compares a new source with every
 * cached one of that length, character by character up to the first that differs; with the run's comment at
 * the end, each file was compared in full with every earlier run's of the same length (1 ms of 8 per run
 * measured, growing with the runs).
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { COMMENT_SEPARATOR } from '../src/appsscript/loader';
import { collect } from './timing';

export interface BundleResult {
  readonly kb: number;
  readonly formulasKb: number;
  readonly serverKb: number;
  /** The formula whose first use compiles the most code, and how much (KB), then the least. */
  readonly heaviest: { readonly name: string; readonly kb: number };
  readonly lightest: { readonly name: string; readonly kb: number };
  /** ms per evaluation of Code.js + Formulas.js + Server.js, 20 runs after one warm-up. */
  readonly times: number[];
  /** ms per Leadlag.load().formulaDef(heaviest) (the formulas loaded, with that formula's code) in those contexts. */
  readonly loadTimes: number[];
  /** ms per Leadlag.server() (compiling the server) in those contexts. */
  readonly serverTimes: number[];
  /** Whether PERIOD_SERIES works in the evaluated context, and the server's menu entry is there. */
  readonly works: boolean;
}

/** A file with its comment's codes (each chunk of Formulas.js, the server in Server.js) led by `// run i`. */
function tagged(file: string, i: number): string {
  const tag = `// run ${i}\n`;
  const start = file.indexOf('/*') + 2;
  const end = file.indexOf('*/', start);
  return (
    tag +
    file.slice(0, start) +
    tag +
    file
      .slice(start, end)
      .split(COMMENT_SEPARATOR)
      .join(COMMENT_SEPARATOR + tag) +
    file.slice(end)
  );
}

/** How many characters each formula's first use compiles (what the formulas' loader hands to eval). */
function codeSizes(files: readonly string[]): Map<string, number> {
  const names = (() => {
    const ctx = vm.createContext({});
    for (const f of files) vm.runInContext(f, ctx);
    return vm.runInContext(
      'Object.keys(globalThis).filter((n) => /^[A-Z][A-Z_]+$/.test(n) && typeof globalThis[n] === "function")',
      ctx,
    ) as string[];
  })();
  const sizes = new Map<string, number>();
  for (const name of names) {
    const ctx = vm.createContext({});
    for (const f of files) vm.runInContext(f, ctx);
    vm.runInContext('var __chars = 0, __eval = eval; eval = function (s) { __chars += s.length; return __eval(s); };', ctx);
    if (vm.runInContext(`Leadlag.load().formulaDef(${JSON.stringify(name)})`, ctx) === undefined) continue; // a server entry
    sizes.set(name, vm.runInContext('__chars', ctx) as number);
  }
  return sizes;
}

export function measureBundle(runs = 20): BundleResult {
  const dist = join(__dirname, '..', 'dist');
  const code = readFileSync(join(dist, 'Code.js'), 'utf8');
  const formulas = readFileSync(join(dist, 'Formulas.js'), 'utf8');
  const server = readFileSync(join(dist, 'Server.js'), 'utf8');
  const sizes = [...codeSizes([code, formulas, server])].sort((a, b) => b[1] - a[1]);
  const [heavy, heavyChars] = sizes[0];
  const [light, lightChars] = sizes[sizes.length - 1];
  const times: number[] = [];
  const loadTimes: number[] = [];
  const serverTimes: number[] = [];
  let works = false;
  for (let i = 0; i <= runs; i++) {
    const context = vm.createContext({});
    collect();
    const t0 = performance.now();
    vm.runInContext(`// run ${i}\n${code}`, context, { filename: 'Code.js' });
    vm.runInContext(tagged(formulas, i), context, { filename: 'Formulas.js' });
    vm.runInContext(tagged(server, i), context, { filename: 'Server.js' });
    const t1 = performance.now();
    vm.runInContext(`Leadlag.load().formulaDef(${JSON.stringify(heavy)});`, context);
    const t2 = performance.now();
    vm.runInContext('Leadlag.server();', context);
    const t3 = performance.now();
    if (i > 0) {
      times.push(t1 - t0); // run 0 warms up node:vm itself
      loadTimes.push(t2 - t1);
      serverTimes.push(t3 - t2);
    }
    if (i === runs) {
      const out = vm.runInContext('JSON.stringify(PERIOD_SERIES([["2026-01-31"],["2026-03-02"]], [["£1,000"],[250]]))', context) as string;
      const menu = vm.runInContext('typeof Leadlag.server().onOpen', context) as string;
      works =
        out ===
          JSON.stringify([
            ['Period', 'Value'],
            ['2026-01', 1000],
            ['2026-02', 0],
            ['2026-03', 250],
          ]) && menu === 'function';
    }
  }
  return {
    kb: statSync(join(dist, 'Code.js')).size / 1024,
    formulasKb: statSync(join(dist, 'Formulas.js')).size / 1024,
    serverKb: statSync(join(dist, 'Server.js')).size / 1024,
    heaviest: { name: heavy, kb: heavyChars / 1024 },
    lightest: { name: light, kb: lightChars / 1024 },
    times,
    loadTimes,
    serverTimes,
    works,
  };
}

if (require.main === module) console.log(`RESULT ${JSON.stringify(measureBundle())}`);
