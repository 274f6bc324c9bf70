/**
 * One formula case, on what ships: dist/Code.js evaluated in a fresh node:vm context (as Apps Script
 * evaluates it for every execution), the bare loop (bench/bare.js) evaluated in that same context, the data
 * built inside it as Sheets hands it over ([[cell], [cell], ...], Dates of the context's own realm).
 *   node --expose-gc --import tsx bench/vmCase.ts <case> [rounds]
 * Prints `RESULT {json}` (see VmResult).
 *
 * - cold: the first call after the script was evaluated (every Sheets recalculation runs cold: a new
 *   execution compiles the script again), for ours and for the bare loop;
 * - warm: each then timed `rounds` times, alternated, after a full GC (median in the table).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { amountRange, currencyRange, makeRows, scoreRange, serialOf, textDateRange } from './data';
import { sameTable } from './compare';
import { alternate, collect, heldMB, keep, median, peakRssMB } from './timing';

export const VM_CASES = [
  'series-date',
  'series-date-random',
  'nps-date',
  'nps-date-random',
  'series-iso',
  'series-dayfirst',
  'nps-iso',
  'nps-dayfirst',
  'connections',
  'hf-series',
  'hf-nps',
] as const;
export type VmCaseName = (typeof VM_CASES)[number];

export interface VmResult {
  readonly case: VmCaseName;
  readonly rows: number;
  /** ms to evaluate dist/Code.js and dist/Formulas.js in the fresh context. */
  readonly evalMs: number;
  /** The first call of ours and of the bare loop in the context (ms). */
  readonly coldOurs: number;
  readonly coldBase: number;
  /** Warm calls (ms). */
  readonly ours: number[];
  readonly base: number[];
  /** Text cases: the bare loop that parses the text too (information). */
  readonly info?: number[];
  readonly coldInfo?: number;
  readonly peakRssMB: number;
  /** How much the first call of ours raised the process's peak RSS, MB. */
  readonly oursRssMB: number;
  /** Heap + typed arrays a warm call of ours left allocated when it returned, MB. */
  readonly oursHeapMB: number;
  readonly mismatch: string | null;
}

const root = join(__dirname, '..');
const M = 1_000_000;

type Fn = (...args: unknown[]) => unknown;

/**
 * A fresh context with Code.js, Formulas.js and bare.js; how long Code.js and Formulas.js took to evaluate (the
 * formulas' bundle itself is compiled and run by the first call: its cost is in the cold call).
 */
export function freshContext(): { ctx: vm.Context; evalMs: number } {
  const code = readFileSync(join(root, 'dist', 'Code.js'), 'utf8');
  const formulas = readFileSync(join(root, 'dist', 'Formulas.js'), 'utf8');
  const bare = readFileSync(join(__dirname, 'bare.js'), 'utf8');
  const ctx = vm.createContext({});
  const t0 = performance.now();
  vm.runInContext(code, ctx, { filename: 'Code.js' });
  vm.runInContext(formulas, ctx, { filename: 'Formulas.js' });
  const evalMs = performance.now() - t0;
  vm.runInContext(bare, ctx, { filename: 'bare.js' });
  return { ctx, evalMs };
}

/** Builds ranges inside the context: `[[cell], ...]` from a main-realm list (Dates made from epoch ms there). */
function put(ctx: vm.Context, name: string, cells: ArrayLike<unknown>, dates = false): unknown {
  const g = ctx as Record<string, unknown>;
  g.__cells = cells;
  vm.runInContext(
    `var ${name} = (() => { const src = __cells, n = src.length, out = new Array(n);
       for (let i = 0; i < n; i++) out[i] = [${dates ? 'new Date(src[i])' : 'src[i]'}];
       return out; })(); __cells = null;`,
    ctx,
  );
  return g[name];
}

/** Epoch ms of local midnight (the pinned TZ) of each row's day, as Sheets hands date cells over. */
function midnights(days: Int32Array): Float64Array {
  const out = new Float64Array(days.length);
  const cache = new Map<number, number>();
  for (let i = 0; i < days.length; i++) {
    let t = cache.get(days[i]);
    if (t === undefined) {
      const d = new Date(days[i] * 86400000);
      t = new Date(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()).getTime();
      cache.set(days[i], t);
    }
    out[i] = t;
  }
  return out;
}

function timeCall(f: () => unknown): { ms: number; out: unknown } {
  const t0 = performance.now();
  const out = f();
  return { ms: performance.now() - t0, out };
}

/** 520 periods (ten years of weeks) of 6 lead and 5 lag measures, lags following leads a few periods later, 2% gaps. */
function connectionsData(ctx: vm.Context): void {
  const periods = 520;
  let seed = 20260131;
  const rnd = () => {
    seed = (seed + 0x6d2b79f5) >>> 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const leads = Array.from({ length: 6 }, () => Array.from({ length: periods }, () => rnd() * 100));
  const lags = Array.from({ length: 5 }, (_, j) =>
    Array.from({ length: periods }, (_, t) => (t >= j ? leads[j][t - j] * (j + 1) * 1000 : 0) + rnd() * 20000),
  );
  const gaps = (grid: number[][]): (number | string)[][] => grid.map((r) => r.map((x) => (rnd() < 0.02 ? '' : x)));
  const g = ctx as Record<string, unknown>;
  g.__json = JSON.stringify({
    leads: gaps(leads),
    lags: gaps(lags),
    leadNames: ['NPS', 'CSAT', 'How we compare', 'On time', 'Returns', 'Reviews answered'].map((n) => [n]),
    lagNames: ['Revenue', 'Margin', 'Margin %', 'Orders', 'Average order value'].map((n) => [n]),
  });
  vm.runInContext('var C = JSON.parse(__json); __json = null;', ctx);
}

export function runVmCase(name: VmCaseName, rounds: number): VmResult {
  if (name === 'hf-series' || name === 'hf-nps') return runHyperFormula(name, rounds);
  const { ctx, evalMs } = freshContext();
  const g = ctx as Record<string, unknown>;
  const bare = g.Bare as Record<string, Fn>;
  let oursCall: () => unknown;
  let baseCall: () => unknown;
  let infoCall: (() => unknown) | null = null;
  let n = M;
  // Cells compared between ours and the bare loop: CONNECTIONS' reading is prose.
  let compareColumns: number | undefined;
  if (name === 'connections') {
    connectionsData(ctx);
    const c = g.C as Record<string, unknown>;
    const f = g.CONNECTIONS as Fn;
    oursCall = () => f(c.leads, c.lags, c.leadNames, c.lagNames, 3);
    baseCall = () => bare.connections(c.leads, c.lags, c.leadNames, c.lagNames, 3);
    n = 520;
    compareColumns = 8;
  } else {
    const rows = makeRows(M, name.endsWith('-random') ? 'shuffled' : 'chronological');
    const series = name.startsWith('series');
    const f = (series ? g.PERIOD_SERIES : g.NPS_BY_PERIOD) as Fn;
    const dates = put(ctx, 'D', midnights(rows.days), true);
    const second = put(
      ctx,
      'V',
      (series ? amountRange(rows) : scoreRange(rows)).map((r) => r[0]),
    );
    const args = (d: unknown, v: unknown) => (series ? [d, v, 'month', 'sum'] : [d, v, 'month']);
    baseCall = series ? () => bare.seriesDates(dates, second) : () => bare.npsDates(dates, second);
    if (name.endsWith('-iso') || name.endsWith('-dayfirst')) {
      const iso = name.endsWith('-iso');
      const texts = put(
        ctx,
        'T',
        textDateRange(rows, iso ? 'iso' : 'dayFirst').map((r) => r[0]),
      );
      const values = series
        ? put(
            ctx,
            'P',
            currencyRange(rows).map((r) => r[0]),
          )
        : second;
      oursCall = () => f(...args(texts, values));
      infoCall = series ? () => bare.seriesText(texts, values, iso) : () => bare.npsText(texts, values, iso);
    } else oursCall = () => f(...args(dates, second));
  }

  // Cold: the first calls in this context, on a collected heap.
  collect();
  const rss0 = peakRssMB();
  const coldOurs = timeCall(oursCall);
  const oursRssMB = peakRssMB() - rss0;
  collect();
  const coldBase = timeCall(baseCall);
  let coldInfo: number | undefined;
  let mismatch = sameTable(coldOurs.out, coldBase.out, compareColumns);
  if (infoCall) {
    collect();
    const c = timeCall(infoCall);
    coldInfo = c.ms;
    mismatch ??= sameTable(coldOurs.out, c.out, compareColumns);
  }
  // What a warm call allocates.
  collect();
  const held0 = heldMB();
  keep(oursCall());
  const oursHeapMB = heldMB() - held0;
  keep(null);
  // Warm-up, then alternated rounds.
  keep(baseCall());
  if (infoCall) keep(infoCall());
  const contenders = infoCall ? [oursCall, baseCall, infoCall] : [oursCall, baseCall];
  const [o, b, i] = alternate(contenders, rounds);
  return {
    case: name,
    rows: n,
    evalMs,
    coldOurs: coldOurs.ms,
    coldBase: coldBase.ms,
    ours: o,
    base: b,
    info: i,
    coldInfo,
    peakRssMB: peakRssMB(),
    oursRssMB,
    oursHeapMB,
    mismatch: mismatch && `vs the bare loop: ${mismatch}`,
  };
}

/**
 * HyperFormula with native SUMIFS / COUNTIFS, one formula per month, on 100,000 rows (dates as serial
 * numbers), timed building the workbook (which evaluates every formula) and reading the answers; ours is
 * dist/Code.js in a vm context on the same rows as Date cells.
 */
function runHyperFormula(name: 'hf-series' | 'hf-nps', rounds: number): VmResult {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { HyperFormula } = require('hyperformula') as typeof import('hyperformula');
  const n = 100_000;
  const rows = makeRows(n);
  const series = name === 'hf-series';
  const { ctx, evalMs } = freshContext();
  const g = ctx as Record<string, unknown>;
  const second = series ? amountRange(rows) : scoreRange(rows);
  const dates = put(ctx, 'D', midnights(rows.days), true);
  const values = put(
    ctx,
    'V',
    second.map((r) => r[0]),
  );
  const f = (series ? g.PERIOD_SERIES : g.NPS_BY_PERIOD) as Fn;
  const oursCall = () => (series ? f(dates, values, 'month', 'sum') : f(dates, values, 'month'));

  const firstDay = new Date(rows.days[0] * 86400000);
  const lastDay = new Date(rows.days[n - 1] * 86400000);
  const m0 = firstDay.getUTCFullYear() * 12 + firstDay.getUTCMonth();
  const m1 = lastDay.getUTCFullYear() * 12 + lastDay.getUTCMonth();
  const startOf = (m: number) => serialOf(Date.UTC(Math.floor(m / 12), m % 12, 1) / 86400000);
  const sheet: (number | string | null)[][] = new Array(n);
  for (let i = 0; i < n; i++) sheet[i] = [serialOf(rows.days[i]), second[i][0] as number, null];
  const A = `A1:A${n}`;
  const B = `B1:B${n}`;
  for (let m = m0; m <= m1; m++) {
    const when = `${A},">=${startOf(m)}",${A},"<${startOf(m + 1)}"`;
    sheet[m - m0][2] = series
      ? `=SUMIFS(${B},${when})`
      : `=100*(COUNTIFS(${when},${B},">=9")-COUNTIFS(${when},${B},"<=6"))/COUNTIFS(${when})`;
  }
  const months = m1 - m0 + 1;
  const hf = (): number[] => {
    const book = HyperFormula.buildFromArray(sheet, { licenseKey: 'gpl-v3', maxRows: n });
    const out: number[] = [];
    for (let k = 0; k < months; k++) out.push(book.getCellValue({ sheet: 0, col: 2, row: k }) as number);
    book.destroy();
    return out;
  };
  collect();
  const rss0 = peakRssMB();
  const cold = timeCall(oursCall);
  const oursRssMB = peakRssMB() - rss0;
  collect();
  const held0 = heldMB();
  keep(oursCall());
  const oursHeapMB = heldMB() - held0;
  const hfTimes: number[] = [];
  const ourTimes: number[] = [];
  let answer: number[] = [];
  const per = Math.ceil(7 / rounds);
  for (let r = 0; r < rounds; r++) {
    collect();
    const t0 = performance.now();
    answer = hf();
    hfTimes.push(performance.now() - t0);
    for (let j = 0; j < per && ourTimes.length < 7; j++) {
      collect();
      ourTimes.push(timeCall(oursCall).ms);
    }
  }
  const col = series ? 1 : 2;
  const mine = (cold.out as unknown[][]).slice(1).map((r) => r[col] as number);
  let mismatch: string | null = mine.length === answer.length ? null : `${mine.length} months vs ${answer.length}`;
  for (let k = 0; k < mine.length && !mismatch; k++) {
    if (typeof answer[k] !== 'number' || Math.abs(mine[k] - answer[k]) > 1e-6 * Math.max(1, Math.abs(mine[k])))
      mismatch = `vs HyperFormula: month ${k}: ${mine[k]} vs ${String(answer[k])}`;
  }
  return {
    case: name,
    rows: n,
    evalMs,
    coldOurs: cold.ms,
    coldBase: NaN,
    ours: ourTimes,
    base: hfTimes,
    peakRssMB: peakRssMB(),
    oursRssMB,
    oursHeapMB,
    mismatch,
  };
}

if (require.main === module) {
  const name = process.argv[2] as VmCaseName;
  if (!VM_CASES.includes(name)) {
    console.error(`usage: bench/vmCase.ts <${VM_CASES.join('|')}> [rounds]`);
    process.exit(2);
  }
  const rounds = Number(process.argv[3] ?? (name.startsWith('hf') ? 2 : 7));
  const result = runVmCase(name, rounds);
  console.log(`RESULT ${JSON.stringify(result)}`);
  console.error(
    `${name}: cold ${result.coldOurs.toFixed(1)} / ${result.coldBase.toFixed(1)} ms, warm ${median(result.ours).toFixed(1)} / ${median(result.base).toFixed(1)} ms` +
      (result.mismatch ? ` MISMATCH ${result.mismatch}` : ''),
  );
}
