/**
 * One bench case in its own process (so its peak RSS is its own):
 *   node --expose-gc --import tsx bench/case.ts <case> [rounds]
 * Prints one line `RESULT {json}` (see CaseResult). bench/run.ts spawns this for every case.
 */
import { runFormula } from '../src/functions/runtime';
import { contextFor, RUNTIME_HOST } from '../src/functions/context';
import { type Range, type Rows, amountRange, currencyRange, dateRange, makeRows, scoreRange, serialOf, textDateRange } from './data';
import {
  type MonthOf,
  monthOfDayFirst,
  monthOfIso,
  npsFromDates,
  npsFromText,
  sameTable,
  seriesFromDates,
  seriesFromText,
} from './baselines';
import { alternate, collect, heldMB, keep, median, peakRssMB, timeOnce } from './timing';

export const CASES = [
  'series-date',
  'nps-date',
  'series-date-shuffled',
  'series-iso',
  'series-dayfirst',
  'nps-iso',
  'nps-dayfirst',
  'hf-series',
  'hf-nps',
] as const;
export type CaseName = (typeof CASES)[number];

export interface CaseResult {
  readonly case: CaseName;
  readonly rows: number;
  /** Times in ms of each timed run. */
  readonly ours: number[];
  readonly base: number[];
  /** Text cases: the bare loop that parses the text too (information only). */
  readonly info?: number[];
  /** Peak RSS of the whole process (data, ours and the baselines), MB. */
  readonly peakRssMB: number;
  /** How much the first call of ours raised the process's peak RSS, MB. */
  readonly oursRssMB: number;
  /** Heap + typed arrays a warm call of ours left allocated (not yet collected) when it returned, MB. */
  readonly oursHeapMB: number;
  /** null when ours and every baseline gave the same table. */
  readonly mismatch: string | null;
}

type Table = unknown;

function ours(name: 'PERIOD_SERIES' | 'NPS_BY_PERIOD', a: Range, b: Range): Table {
  // As Leadlag.formula does per call: a context, then runFormula with the arguments Sheets passes.
  const args = name === 'PERIOD_SERIES' ? [a, b, 'month', 'sum'] : [a, b, 'month'];
  return runFormula(name, args, contextFor(RUNTIME_HOST));
}

const M = 1_000_000;

/**
 * Memory of ours, which also warms it up: how much the first call (cold, with the data already in
 * memory) raised the process's peak RSS, and what a second, warm call allocated on a freshly collected
 * heap (heap + typed arrays still held when it returns; big arrays live in large-object space and
 * are not collected before a major GC, so this is close to everything the call allocated).
 */
function memoryOf(call: () => Table): { first: Table; oursRssMB: number; oursHeapMB: number } {
  collect();
  const rss0 = peakRssMB();
  const first = call();
  const oursRssMB = peakRssMB() - rss0;
  collect();
  const held0 = heldMB();
  keep(call());
  const oursHeapMB = heldMB() - held0;
  return { first, oursRssMB, oursHeapMB };
}

function run(name: CaseName, rounds: number): CaseResult {
  if (name === 'hf-series' || name === 'hf-nps') return runHyperFormula(name, rounds);
  const rows = makeRows(M, name === 'series-date-shuffled' ? 'shuffled' : 'chronological');
  const series = name.startsWith('series');
  const formula = series ? 'PERIOD_SERIES' : 'NPS_BY_PERIOD';
  const dates = dateRange(rows);
  const second = series ? amountRange(rows) : scoreRange(rows);
  const base = series ? () => seriesFromDates(dates, second) : () => npsFromDates(dates, second);

  let oursCall: () => Table;
  let info: (() => Table) | null = null;
  if (name.endsWith('-iso') || name.endsWith('-dayfirst')) {
    const iso = name.endsWith('-iso');
    const textDates = textDateRange(rows, iso ? 'iso' : 'dayFirst');
    const monthOf: MonthOf = iso ? monthOfIso : monthOfDayFirst;
    if (series) {
      const money = currencyRange(rows);
      oursCall = () => ours(formula, textDates, money);
      info = () => seriesFromText(textDates, money, monthOf);
    } else {
      oursCall = () => ours(formula, textDates, second);
      info = () => npsFromText(textDates, second, monthOf);
    }
  } else {
    oursCall = () => ours(formula, dates, second);
  }

  // Memory: our first call, on a freshly collected heap.
  const { first, oursRssMB, oursHeapMB } = memoryOf(oursCall);

  // Warm-up, and every contender must give the same table.
  let mismatch = sameTable(first, base());
  if (info) mismatch ??= sameTable(first, info());
  timeOnce(base);
  if (info) timeOnce(info);

  const contenders = info ? [oursCall, base, info] : [oursCall, base];
  const [o, b, i] = alternate(contenders, rounds);
  return {
    case: name,
    rows: M,
    ours: o,
    base: b,
    info: i,
    peakRssMB: peakRssMB(),
    oursRssMB,
    oursHeapMB,
    mismatch: mismatch && `vs baseline: ${mismatch}`,
  };
}

/**
 * HyperFormula with native SUMIFS / COUNTIFS, one formula per month, on 100,000 rows; dates as serial
 * numbers. Timed: building the workbook (which evaluates every formula) and reading the answers.
 */
function runHyperFormula(name: 'hf-series' | 'hf-nps', rounds: number): CaseResult {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { HyperFormula } = require('hyperformula') as typeof import('hyperformula');
  const n = 100_000;
  const rows: Rows = makeRows(n);
  const series = name === 'hf-series';
  const dates = dateRange(rows);
  const second = series ? amountRange(rows) : scoreRange(rows);

  // Month boundaries as serial numbers, first to last month with data.
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
  const oursCall = () => ours(series ? 'PERIOD_SERIES' : 'NPS_BY_PERIOD', dates, second);

  const mem = memoryOf(oursCall);
  const { oursRssMB, oursHeapMB } = mem;
  const first = mem.first as unknown[][];
  timeOnce(oursCall);

  // HyperFormula is slow: `rounds` runs of it (1 or 2), ours 7 times around them.
  const hfTimes: number[] = [];
  const ourTimes: number[] = [];
  let answer: number[] = [];
  const per = Math.ceil(7 / rounds);
  for (let r = 0; r < rounds; r++) {
    collect();
    const t0 = performance.now();
    answer = hf();
    hfTimes.push(performance.now() - t0);
    for (let j = 0; j < per && ourTimes.length < 7; j++) ourTimes.push(timeOnce(oursCall));
  }
  // Same answer: the Value column (sum) or the NPS column.
  const col = series ? 1 : 2;
  const mine = first.slice(1).map((r) => r[col] as number);
  let mismatch: string | null = mine.length === answer.length ? null : `${mine.length} months vs ${answer.length}`;
  for (let k = 0; k < mine.length && !mismatch; k++) {
    if (typeof answer[k] !== 'number' || Math.abs(mine[k] - answer[k]) > 1e-6 * Math.max(1, Math.abs(mine[k]))) {
      mismatch = `vs HyperFormula: month ${k}: ${mine[k]} vs ${String(answer[k])}`;
    }
  }
  return { case: name, rows: n, ours: ourTimes, base: hfTimes, peakRssMB: peakRssMB(), oursRssMB, oursHeapMB, mismatch };
}

if (require.main === module) {
  const name = process.argv[2] as CaseName;
  if (!CASES.includes(name)) {
    console.error(`usage: bench/case.ts <${CASES.join('|')}> [rounds]`);
    process.exit(2);
  }
  const rounds = Number(process.argv[3] ?? (name.startsWith('hf') ? 2 : 7));
  const result = run(name, rounds);
  console.log(`RESULT ${JSON.stringify(result)}`);
  // For a quick look when run by hand.
  console.error(`${name}: ours ${median(result.ours).toFixed(1)} ms, baseline ${median(result.base).toFixed(1)} ms`);
}
