import { periodLabel } from '../time/periods';
import { type MeasureId, type Source } from '../scorecard/measures';
import { type SourceSeries } from './sourceSeries';
import { HEALTH_HEADERS } from './healthHeaders';
import { XMR_MIN_VALUES, xmr } from '../stats/xmr';

/**
 * The table a source formula (SALES_SERIES, FEEDBACK_SERIES, REVIEWS_SERIES) spills: a fixed layout
 * that the scorecard's cells point into by row and column, so it never moves as data grows.
 *
 *   Measure        | Note                         | 2024-11 | 2024-12 | …
 *   revenue        |                              |   …     |
 *   revenue:n      | orders                       |   …     |        (the count behind each value)
 *   revenue:signal | from 24 periods              |         | Outside limits  (signal or noise: XmR)
 *   on_time        | needs promised and delivered |         |        (a measure the columns cannot give)
 *
 * Column A names the row (a measure id, or id + ":n"), column B says what is wrong or what the count
 * counts, and the periods start in column C. The header row's note sums up what was read.
 */
export const SOURCE_MEASURES: Readonly<Record<Source, readonly MeasureId[]>> = {
  sales: ['revenue', 'orders', 'margin', 'margin_pct', 'average_order_value', 'return_rate', 'on_time'],
  feedback: ['nps', 'csat', 'net_comparison'],
  reviews: ['review_response'],
};

/** The first period column (0-based): periods start in column C. */
export const FIRST_PERIOD_COLUMN = 2;

/** Rows per measure: its values, its counts, its signals. */
const ROWS_PER_MEASURE = 3;

/** The 0-based row of a measure's values (+1: its counts, +2: its signals) in its source's table. */
export function sourceRow(source: Source, id: MeasureId): number {
  const at = SOURCE_MEASURES[source].indexOf(id);
  if (at < 0) throw new Error(`${id} is not a ${source} measure`);
  return 1 + ROWS_PER_MEASURE * at;
}

/** The number of rows of a source's table (before the sales table's target-health section). */
export function sourceRows(source: Source): number {
  return 1 + ROWS_PER_MEASURE * SOURCE_MEASURES[source].length;
}

const SIGNAL_TEXT = { outside: 'Outside limits', run: 'Run of 8' } as const;

/**
 * Signal or noise for each period (DOMAIN.md: Wheeler's XmR over the measure's periods, blanks left out):
 * blank for routine variation, and for every period while there are fewer than 6 values.
 */
export function signalsOf(values: readonly (number | null)[]): { cells: Cell[]; used: number } {
  const at: number[] = [];
  const present: number[] = [];
  values.forEach((v, i) => {
    if (v !== null && Number.isFinite(v)) {
      at.push(i);
      present.push(v);
    }
  });
  const cells = new Array<Cell>(values.length).fill(null);
  const chart = xmr(present);
  if (chart) chart.signals.forEach((s, k) => (cells[at[k]] = s === null ? null : SIGNAL_TEXT[s]));
  return { cells, used: present.length };
}

/** The signal beside a status, as the scorecard's Signal column says it, for the value at `index` of `values`. */
export function signalAt(values: readonly (number | null)[], index: number): 'Routine' | 'Outside limits' | 'Run of 8' | 'Too few periods' {
  const sig = signalsOf(values);
  if (sig.used < XMR_MIN_VALUES) return 'Too few periods';
  const cell = sig.cells[index];
  return typeof cell === 'string' ? (cell as 'Outside limits' | 'Run of 8') : 'Routine';
}

/** The 0-based row of the sales table's target-health section: its header, then a row per period. */
export const HEALTH_ROW = sourceRows('sales') + 1;

const COUNT_WORDS: Partial<Record<MeasureId, string>> = {
  nps: 'answers',
  csat: 'answers',
  net_comparison: 'answers',
  review_response: 'low reviews',
  on_time: 'orders due',
};

type Cell = string | number | null;

/**
 * The spill of one source. `needs` says, for a measure the columns cannot give, what it would need; `summary`
 * is the header row's note.
 */
export function sourceTable(series: SourceSeries, summary: string, needs: (id: MeasureId) => string): Cell[][] {
  const { spec, first, count } = series;
  const header: Cell[] = ['Measure', summary];
  for (let k = 0; k < count; k++) header.push(periodLabel(first + k, spec));
  const out: Cell[][] = [header];
  const blank = () => new Array<Cell>(count).fill(null);
  for (const id of SOURCE_MEASURES[series.source]) {
    const row = series.measures.find((m) => m.id === id);
    if (!row) {
      out.push([id, needs(id), ...blank()], [`${id}:n`, '', ...blank()], [`${id}:signal`, '', ...blank()]);
      continue;
    }
    const countWord =
      id === 'return_rate' ? (series.returnBasis === 'quantity' ? 'units sold' : 'value sold') : (COUNT_WORDS[id] ?? 'orders');
    out.push([id, row.problem ?? '', ...row.values.map((v) => (row.problem ? null : v))]);
    out.push([`${id}:n`, row.problem ? '' : countWord, ...row.counts.map((c) => (row.problem ? null : c))]);
    const sig = row.problem ? { cells: blank(), used: 0 } : signalsOf(row.values);
    out.push([`${id}:signal`, sig.used >= XMR_MIN_VALUES ? `from ${sig.used} periods` : `needs 6 periods (has ${sig.used})`, ...sig.cells]);
  }
  if (series.health?.length) {
    // The target-health section: a blank row, its header, a row per period (HEALTH_ROW is its header).
    const w = Math.max(out[0].length, HEALTH_HEADERS.length);
    const fit = (cells: readonly Cell[]): Cell[] => Array.from({ length: w }, (_, i) => (i < cells.length ? cells[i] : null));
    for (let r = 0; r < out.length; r++) out[r] = fit(out[r]);
    out.push(fit([]), fit(HEALTH_HEADERS), ...series.health.map(fit));
  }
  return out;
}
