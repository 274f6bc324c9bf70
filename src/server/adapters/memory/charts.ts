import type { ChartSpec } from '../../ports/workbook';
import { a1Of, parseA1, type GridRange } from './a1';

/**
 * Charts in the in-memory workbook: `SheetPort.setCharts` records specifications (ports/workbook.ts
 * ChartSpec) per sheet after checking them as strictly as Sheets would have to draw them, and
 * `readChartData` reads a chart's numbers back from the computed cells, for tests and for the preview,
 * which draws the chart from exactly this.
 */

/** A chart's data as it reads from its rectangle: the domain labels (first row) and one series per row below. */
export interface ChartData {
  /** The shown text of each domain cell (number formats applied), '' for a blank one. */
  readonly domain: readonly string[];
  readonly series: readonly ChartSeries[];
}

export interface ChartSeries {
  /** The shown text of the row's first cell. */
  readonly name: string;
  /** One value per domain label: the computed number, or null for a blank, text, boolean or error cell (a gap). */
  readonly values: readonly (number | null)[];
}

/** Google Sheets' default series colours, in order: a series without a colour of its own gets the one for its place. */
export const SHEETS_PALETTE = [
  '#4285f4',
  '#ea4335',
  '#fbbc04',
  '#34a853',
  '#ff6d01',
  '#46bdc6',
  '#7baaf7',
  '#f07b72',
  '#fcd04f',
  '#71c287',
];
export const defaultColour = (series: number): string => SHEETS_PALETTE[series % SHEETS_PALETTE.length];

const COLOUR = /^#[0-9a-f]{6}$/i;
const KINDS: readonly string[] = ['line', 'column'];

/** The rectangle of a chart's range, or a throw saying what is wrong with it. */
export function chartRange(spec: Pick<ChartSpec, 'key' | 'range'>): GridRange {
  let r: GridRange;
  try {
    r = parseA1(String(spec.range));
  } catch {
    throw new Error(`Chart "${spec.key}": "${spec.range}" is not a range. Give its data as a rectangle such as A90:M93.`);
  }
  if (!Number.isFinite(r.endRow) || !Number.isFinite(r.endCol)) {
    throw new Error(
      `Chart "${spec.key}": "${spec.range}" is open-ended. A chart reads a closed rectangle such as A90:M93: the periods in its first row, one series per row below.`,
    );
  }
  return r;
}

/**
 * Checks the charts of one sheet and returns copies of them, or throws an Error naming the chart and what to
 * change: keys unique and non-empty, a closed range inside the sheet's grid with a domain row and at least
 * one series and one period, series indexes that exist, only lines dashed, at least one series on the left
 * axis, colours as #rrggbb (no more than there are series), an anchor cell inside the grid, a size in whole
 * pixels.
 */
export function checkCharts(
  charts: readonly ChartSpec[],
  grid: { readonly rows: number; readonly cols: number },
  sheet: string,
): ChartSpec[] {
  const keys = new Set<string>();
  return charts.map((spec) => {
    const key = typeof spec.key === 'string' ? spec.key.trim() : '';
    if (!key) throw new Error(`A chart on "${sheet}" has no key: give each chart a stable name such as "trend:nps".`);
    if (keys.has(key)) throw new Error(`Two charts on "${sheet}" have the key "${key}": give each chart its own.`);
    keys.add(key);
    const what = `Chart "${key}" on "${sheet}"`;
    if (!KINDS.includes(spec.kind)) throw new Error(`${what}: kind "${String(spec.kind)}" is not one of ${KINDS.join(', ')}.`);
    if (typeof spec.title !== 'string') throw new Error(`${what}: its title must be text.`);
    const r = chartRange(spec);
    const rows = r.endRow - r.row;
    const cols = r.endCol - r.col;
    if (rows < 2 || cols < 2) {
      throw new Error(
        `${what}: ${spec.range} is ${rows} × ${cols} cells. Its first row holds the periods and each row below one series (its name in the first column): it needs at least 2 rows and 2 columns.`,
      );
    }
    if (r.endRow > grid.rows || r.endCol > grid.cols) {
      throw new Error(
        `${what}: ${spec.range} reaches ${a1Of(r.endRow - 1, r.endCol - 1)}, past the sheet's grid (${grid.rows} rows, ${grid.cols} columns). Write the data first, then set the chart.`,
      );
    }
    const series = rows - 1;
    const indexes = (name: string, list: readonly number[] | undefined): number[] => {
      if (list === undefined) return [];
      if (!Array.isArray(list)) throw new Error(`${what}: ${name} must be a list of series numbers.`);
      for (const i of list) {
        if (!Number.isInteger(i) || i < 0 || i >= series) {
          throw new Error(
            `${what}: ${name} names series ${String(i)}, and ${spec.range} holds ${series} series (numbered 0 to ${series - 1}, one per row under the periods).`,
          );
        }
      }
      return [...new Set(list)];
    };
    const lines = indexes('lines', spec.lines);
    const dashed = indexes('dashed', spec.dashed);
    const rightAxis = indexes('rightAxis', spec.rightAxis);
    if (spec.kind === 'column') {
      const bar = dashed.find((i) => !lines.includes(i));
      if (bar !== undefined) {
        throw new Error(
          `${what}: series ${bar} is dashed but drawn as a column. Only lines can be dashed: add it to lines, or leave it solid.`,
        );
      }
    }
    if (rightAxis.length === series) {
      throw new Error(
        `${what}: every series is on the right axis. Keep at least one on the left axis (Sheets scales the left axis from them).`,
      );
    }
    for (const [name, f] of [
      ['format', spec.format],
      ['rightFormat', spec.rightFormat],
    ] as const) {
      if (f !== undefined && (typeof f !== 'string' || !f.trim()))
        throw new Error(`${what}: ${name} must be a number format such as 0% or £#,##0.`);
    }
    let colors: string[] | undefined;
    if (spec.colors !== undefined) {
      if (!Array.isArray(spec.colors)) throw new Error(`${what}: colors must be a list of #rrggbb colours, one per series.`);
      if (spec.colors.length > series) throw new Error(`${what}: ${spec.colors.length} colours for ${series} series: give one per series.`);
      spec.colors.forEach((c, i) => {
        if (typeof c !== 'string' || !COLOUR.test(c))
          throw new Error(`${what}: the colour of series ${i}, "${String(c)}", is not #rrggbb.`);
      });
      colors = [...spec.colors];
    }
    const { row, col } = spec.anchor ?? { row: NaN, col: NaN };
    if (!Number.isInteger(row) || !Number.isInteger(col) || row < 1 || col < 1) {
      throw new Error(`${what}: its anchor must be a cell, row and column counted from 1 (got row ${String(row)}, column ${String(col)}).`);
    }
    if (row > grid.rows || col > grid.cols) {
      throw new Error(`${what}: its anchor ${a1Of(row - 1, col - 1)} is past the sheet's grid (${grid.rows} rows, ${grid.cols} columns).`);
    }
    for (const [name, n] of [
      ['width', spec.width],
      ['height', spec.height],
    ] as const) {
      if (!Number.isInteger(n) || n < 1)
        throw new Error(`${what}: its ${name} must be a whole number of pixels above 0 (got ${String(n)}).`);
    }
    return {
      key,
      title: spec.title,
      kind: spec.kind,
      range: spec.range,
      ...(spec.lines !== undefined ? { lines } : {}),
      ...(spec.dashed !== undefined ? { dashed } : {}),
      ...(spec.rightAxis !== undefined ? { rightAxis } : {}),
      ...(spec.format !== undefined ? { format: spec.format } : {}),
      ...(spec.rightFormat !== undefined ? { rightFormat: spec.rightFormat } : {}),
      ...(colors ? { colors } : {}),
      anchor: { row, col },
      width: spec.width,
      height: spec.height,
    };
  });
}

/** A copy of a recorded chart, so that callers cannot change what the workbook holds. */
export function copyChart(c: ChartSpec): ChartSpec {
  return {
    ...c,
    ...(c.lines ? { lines: [...c.lines] } : {}),
    ...(c.dashed ? { dashed: [...c.dashed] } : {}),
    ...(c.rightAxis ? { rightAxis: [...c.rightAxis] } : {}),
    ...(c.colors ? { colors: [...c.colors] } : {}),
    anchor: { ...c.anchor },
  };
}

/**
 * A chart's data from its rectangle (0-based cells): the first row's cells after the first are the domain,
 * each row below is a series named by its first cell. `value` gives a cell's computed value, `text` its shown text.
 */
export function readChartData(
  range: GridRange,
  value: (row: number, col: number) => string | number | boolean,
  text: (row: number, col: number) => string,
): ChartData {
  const domain: string[] = [];
  for (let c = range.col + 1; c < range.endCol; c++) domain.push(text(range.row, c));
  const series: ChartSeries[] = [];
  for (let r = range.row + 1; r < range.endRow; r++) {
    const values: (number | null)[] = [];
    for (let c = range.col + 1; c < range.endCol; c++) {
      const v = value(r, c);
      values.push(typeof v === 'number' && Number.isFinite(v) ? v : null);
    }
    series.push({ name: text(r, range.col), values });
  }
  return { domain, series };
}
