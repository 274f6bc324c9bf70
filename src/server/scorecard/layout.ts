import { type MeasureId, type MeasureInfo, type Source } from '../../core/scorecard/measures';
import { moneyFormat } from '../../core/values/currency';
import { type ConditionalRule, type StyledRange, type WriteCell } from '../ports/workbook';
import { type DataSheetPlan, dataRowRef, measureRows, periodColumnLetter } from './dataSheet';
import { a1, columnLetter, quoteSheet } from './references';

/**
 * The Scorecard sheet: a 4DX scoreboard a manager reads in five seconds. Per measure, left to right: its
 * name, the latest value with the period it is from, the target, the status, the trend, the signal and the
 * sample size; then the periods shown, then the count behind each value, then a column for notes. Every
 * number is a native formula into the data sheet (dataSheet.ts), so the sheet itself runs no custom
 * function but the evidence and target health.
 */
export const COL = {
  measure: 0,
  latest: 1,
  period: 2,
  target: 3,
  status: 4,
  trend: 5,
  signal: 6,
  sample: 7,
  /** The first period column. */
  history: 9,
} as const;

const GREEN = '#e6f4ea';
const AMBER = '#fef7e0';
const RED = '#fce8e6';
const SECTION = '#f1f3f4';
const GREY = '#5f6368';

export interface ShownMeasure {
  readonly info: MeasureInfo;
  readonly source: Source;
}

export interface ScorecardPlan {
  readonly block: WriteCell[][];
  readonly styles: StyledRange[];
  readonly rules: ConditionalRule[];
  readonly widths: { col: number; width: number }[];
  readonly frozen: { rows: number; cols: number };
  /** 1-based rows of the sections, and each measure's row. */
  readonly layout: {
    headerRow: number;
    firstMeasureRow: number;
    measureRows: Record<string, number>;
    connectionsRow: number;
    healthRow: number;
  };
  /** Areas formulas spill into (the builder writes nothing there): 1-based [row0, col0, row1, col1]. */
  readonly spills: [number, number, number, number][];
  /** The columns a manager types into (kept on rebuild), 0-based. */
  readonly editable: { readonly target: number; readonly notes: number };
}

/** Decimal places a measure is shown with: statuses compare at this precision (30.0% equals 30.0%). */
export function shownDecimals(format: string): number {
  const m = /\.(0+)/.exec(format);
  const places = m ? m[1].length : 0;
  return format.endsWith('%') ? places + 2 : places;
}

export interface ScorecardInput {
  readonly dataSheet: string;
  readonly data: DataSheetPlan;
  readonly periods: number;
  readonly measures: readonly ShownMeasure[];
  readonly targets: Partial<Record<MeasureId, number | null>>;
  readonly notes: Partial<Record<MeasureId, string>>;
  readonly maxLag: number;
  readonly title: string;
  readonly reads: string;
  /** Where the data sheet's target-health section is (its header row, and how many periods and columns to show). */
  readonly health: { readonly row: number; readonly periods: number; readonly columns: number } | null;
  readonly extras: readonly { title: string; rows: WriteCell[][] }[];
  readonly footer: readonly WriteCell[][];
  /** The sales' currency (ISO code): money rows are formatted in it. */
  readonly currency?: string;
}

const MONEY: ReadonlySet<string> = new Set(['revenue', 'margin', 'average_order_value']);

export function planScorecard(input: ScorecardInput): ScorecardPlan {
  const n = input.periods;
  const history = COL.history;
  const countsFrom = history + n + 1; // a gap column, then the counts
  const notesCol = countsFrom + n + 1;
  const width = notesCol + 1;
  const rows: WriteCell[][] = [];
  const styles: StyledRange[] = [];
  const rules: ConditionalRule[] = [];
  const spills: [number, number, number, number][] = [];
  const put = (cells: WriteCell[]): number => {
    const row = new Array<WriteCell>(width).fill(null);
    cells.forEach((c, i) => (row[i] = c));
    rows.push(row);
    return rows.length;
  };
  const setAt = (row: number, col: number, c: WriteCell) => (rows[row - 1][col] = c);
  const lastCol = columnLetter(width - 1);
  const section = (row: number) => styles.push({ a1: `A${row}:${lastCol}${row}`, bold: true, background: SECTION });
  const data = quoteSheet(input.dataSheet);
  const axis = (j: number) => `${data}!$${periodColumnLetter(j)}$1`;
  const historyRange = (row: number) => `${a1(row, history)}:${a1(row, history + n - 1)}`;
  const countsRange = (row: number) => `${a1(row, countsFrom)}:${a1(row, countsFrom + n - 1)}`;

  put([{ text: input.title }]);
  styles.push({ a1: 'A1:A1', bold: true, fontSize: 14 });
  put([{ text: input.reads }]);
  styles.push({ a1: 'A2:A2', italic: true, color: GREY });
  put([]);

  // The header: the periods shown are the clock block's last n, read through the data sheet's axis row.
  const clockRow = input.data.blockRow[input.data.clock]!;
  const headerRow = put([
    { text: 'Measure' },
    { text: 'Latest' },
    { text: 'Period' },
    { text: 'Target' },
    { text: 'Status' },
    { text: 'Trend' },
    { text: 'Signal' },
    { text: 'Sample' },
  ]);
  for (let j = 0; j < n; j++) {
    const label = `IF(${axis(j)}<3, "", INDEX(${dataRowRef(input.dataSheet, clockRow)}, 1, ${axis(j)}))`;
    setAt(headerRow, history + j, { formula: label });
    setAt(headerRow, countsFrom + j, { formula: label });
  }
  setAt(headerRow, countsFrom - 1, { text: 'Count behind each value:' });
  setAt(headerRow, notesCol, { text: 'Notes' });
  section(headerRow);
  styles.push({ a1: `${a1(headerRow, countsFrom - 1)}:${a1(headerRow, countsFrom - 1)}`, italic: true, color: GREY, bold: false });

  const measureRowsOut: Record<string, number> = {};
  let firstMeasureRow = 0;
  const blocks: Record<'lead' | 'lag', number[]> = { lead: [], lag: [] };
  for (const kind of ['lead', 'lag'] as const) {
    const list = input.measures.filter((m) => m.info.kind === kind);
    if (!list.length) continue;
    section(
      put([
        {
          text:
            kind === 'lead' ? 'Lead measures: what customers feel (act on these this week)' : 'Lag measures: money that already happened',
        },
      ]),
    );
    for (const { info: base, source } of list) {
      // Money in the sales' currency, one format across the row (DOMAIN.md; issue "formats").
      const info = MONEY.has(base.id) ? { ...base, format: moneyFormat(input.currency, shownDecimals(base.format)) } : base;
      const row = rows.length + 1;
      const { values, counts, signals } = measureRows(input.data, source, info.id);
      const valueRef = dataRowRef(input.dataSheet, values);
      const countRef = dataRowRef(input.dataSheet, counts);
      const signalRef = dataRowRef(input.dataSheet, signals);
      const noteRef = `INDEX(${valueRef}, 1, 2)`;
      const hist = historyRange(row);
      const latest = `XLOOKUP(TRUE(), ISNUMBER(${hist}), ${hist}, "", 0, -1)`;
      const d = shownDecimals(info.format);
      const b = a1(row, COL.latest);
      const t = a1(row, COL.target);
      const meets = info.better === 'higher' ? `ROUND(${b},${d})>=ROUND(${t},${d})` : `ROUND(${b},${d})<=ROUND(${t},${d})`;
      const near =
        info.better === 'higher' ? `ROUND(${b},${d})>=ROUND(${t}-0.1*ABS(${t}),${d})` : `ROUND(${b},${d})<=ROUND(${t}+0.1*ABS(${t}),${d})`;
      const target = input.targets[info.id];
      put([
        { text: info.label },
        { formula: latest },
        { formula: `XLOOKUP(TRUE(), ISNUMBER(${hist}), ${a1(headerRow, history)}:${a1(headerRow, history + n - 1)}, "", 0, -1)` },
        target === undefined || target === null ? null : target,
        {
          formula: `IF(${noteRef}<>"", "Check the data", IF(OR(${b}="", ${t}=""), "", IF(${meets}, "On track", IF(${near}, "At risk", "Off track"))))`,
        },
        { formula: `IF(${noteRef}<>"", ${noteRef}, SPARKLINE(${hist}))` },
        // The latest value's signal: routine variation is not news (DOMAIN.md, XmR).
        {
          formula: `IF(${b}="", "", IFERROR(INDEX(${signalRef}, 1, MATCH(${a1(row, COL.period)}, ${dataRowRef(input.dataSheet, clockRow)}, 0)), ""))`,
        },
        { formula: `XLOOKUP(TRUE(), ISNUMBER(${hist}), ${countsRange(row)}, "", 0, -1)` },
      ]);
      for (let j = 0; j < n; j++) {
        setAt(row, history + j, { formula: `IF(${axis(j)}<3, "", INDEX(${valueRef}, 1, ${axis(j)}))` });
        setAt(row, countsFrom + j, { formula: `IF(${axis(j)}<3, "", INDEX(${countRef}, 1, ${axis(j)}))` });
      }
      const note = input.notes[info.id];
      if (note) setAt(row, notesCol, { text: note });
      measureRowsOut[info.id] = row;
      if (!firstMeasureRow) firstMeasureRow = row;
      blocks[kind].push(row);
      styles.push({ a1: `${a1(row, COL.latest)}:${a1(row, COL.latest)}`, numberFormat: info.format, bold: true });
      styles.push({ a1: `${a1(row, COL.target)}:${a1(row, COL.target)}`, numberFormat: info.format });
      styles.push({ a1: hist, numberFormat: info.format });
      // Each period coloured against the target, at the precision shown (a value equal to its target is on track).
      const c0 = a1(row, history);
      const tt = `$${columnLetter(COL.target)}$${row}`;
      const ok = info.better === 'higher' ? `ROUND(${c0},${d})>=ROUND(${tt},${d})` : `ROUND(${c0},${d})<=ROUND(${tt},${d})`;
      const close =
        info.better === 'higher'
          ? `ROUND(${c0},${d})>=ROUND(${tt}-0.1*ABS(${tt}),${d})`
          : `ROUND(${c0},${d})<=ROUND(${tt}+0.1*ABS(${tt}),${d})`;
      rules.push(
        { a1: hist, formula: `=AND(ISNUMBER(${c0}), ISNUMBER(${tt}), ${ok})`, background: GREEN },
        { a1: hist, formula: `=AND(ISNUMBER(${c0}), ISNUMBER(${tt}), ${close})`, background: AMBER },
        { a1: hist, formula: `=AND(ISNUMBER(${c0}), ISNUMBER(${tt}))`, background: RED },
      );
    }
  }
  const firstRow = firstMeasureRow;
  const lastRow = rows.length;
  const statusRange = `${a1(firstRow, COL.status)}:${a1(lastRow, COL.status)}`;
  rules.unshift(
    { a1: statusRange, textEquals: 'On track', background: GREEN, color: '#137333', bold: true },
    { a1: statusRange, textEquals: 'At risk', background: AMBER, color: '#b06000', bold: true },
    { a1: statusRange, textEquals: 'Off track', background: RED, color: '#c5221f', bold: true },
    { a1: statusRange, textEquals: 'Check the data', background: AMBER, color: '#b06000' },
  );
  styles.push({ a1: statusRange, align: 'center' });
  styles.push({ a1: `${a1(firstRow, COL.period)}:${a1(lastRow, COL.period)}`, color: GREY, align: 'center' });
  styles.push({ a1: `${a1(firstRow, COL.sample)}:${a1(lastRow, COL.sample)}`, color: GREY, numberFormat: '#,##0' });
  styles.push({ a1: `${a1(firstRow, countsFrom)}:${a1(lastRow, countsFrom + n - 1)}`, color: GREY, numberFormat: '#,##0' });
  // "Few answers": a count under 30 behind a rate (DOMAIN.md "Sample size").
  rules.push({
    a1: `${a1(firstRow, COL.sample)}:${a1(lastRow, COL.sample)}`,
    formula: `=AND(ISNUMBER(${a1(firstRow, COL.sample)}), ${a1(firstRow, COL.sample)}<30, $${columnLetter(COL.status)}${firstRow}<>"")`,
    background: AMBER,
  });

  // Target health, directly under the measures: what sales targets do to customers (DOMAIN.md), one row per period.
  put([]);
  section(
    put([
      {
        text: "Target health: each quarter's last days against the rest — the push, what came back, the discounts (partial quarters are never flagged)",
      },
    ]),
  );
  let healthRow: number;
  if (input.health) {
    const h = input.health;
    healthRow = rows.length + 1;
    const cols = h.columns;
    for (let i = 0; i <= h.periods; i++) {
      const cells: WriteCell[] = [];
      const range = `${data}!$A$${h.row}:$${columnLetter(cols - 1)}$${h.row + h.periods}`;
      for (let j = 0; j < cols; j++) cells.push({ formula: `INDEX(${range}, ${i + 1}, ${j + 1})` });
      put(cells);
    }
    const last = healthRow + h.periods;
    styles.push({ a1: `A${healthRow}:${columnLetter(cols - 1)}${healthRow}`, bold: true, wrap: true });
    styles.push({ a1: `B${healthRow + 1}:B${last}`, numberFormat: '#,##0' });
    styles.push({ a1: `C${healthRow + 1}:D${last}`, numberFormat: '0.0%' });
    styles.push({ a1: `E${healthRow + 1}:E${last}`, numberFormat: '0.00' });
    styles.push({ a1: `F${healthRow + 1}:I${last}`, numberFormat: '0.0%' });
    styles.push({ a1: `J${healthRow + 1}:J${last}`, numberFormat: '0.00' });
    const flags = `K${healthRow + 1}:K${last}`;
    rules.push(
      { a1: flags, textEquals: 'Partial period', background: '#ffffff', color: GREY },
      { a1: flags, formula: `=LEN(K${healthRow + 1})>0`, background: RED, color: '#c5221f', bold: true },
    );
    spills.push([healthRow, 1, last, cols]);
  } else {
    healthRow = put([{ text: 'Needs sales data with dates and amounts.' }]);
  }

  // Connect the dots over every period the data has (the data sheet's rows, not only those shown).
  put([]);
  const connectionsTitle = put([{ text: 'Connect the dots: which lead measure moves which lag measure, and how many periods later' }]);
  section(connectionsTitle);
  put([{ text: `Over every period in the data (up to ${input.data.width} from the first), not only those shown. Evidence, not proof.` }]);
  styles.push({ a1: `A${connectionsTitle + 1}:A${connectionsTitle + 1}`, italic: true, color: GREY });
  let connectionsRow: number;
  const ev = input.data.evidence;
  if (ev) {
    const w = input.data.width;
    const rect = ([r0, r1]: readonly [number, number]) => `${data}!$${periodColumnLetter(0)}$${r0}:$${periodColumnLetter(w - 1)}$${r1}`;
    const names = ([r0, r1]: readonly [number, number]) => `${data}!$A$${r0}:$A$${r1}`;
    connectionsRow = put([
      { formula: `CONNECTIONS(${rect(ev.leads)}, ${rect(ev.lags)}, ${names(ev.leads)}, ${names(ev.lags)}, ${input.maxLag})` },
    ]);
    const pairs = (ev.leads[1] - ev.leads[0] + 1) * (ev.lags[1] - ev.lags[0] + 1);
    for (let i = 0; i < pairs + 1; i++) put([]);
    spills.push([connectionsRow, 1, connectionsRow + pairs + 1, 12]);
    styles.push({ a1: `A${connectionsRow}:I${connectionsRow}`, bold: true });
    styles.push({ a1: `D${connectionsRow + 1}:E${connectionsRow + pairs}`, numberFormat: '0.00' });
    styles.push({ a1: `G${connectionsRow + 1}:H${connectionsRow + pairs}`, numberFormat: '0.000' });
  } else {
    connectionsRow = put([{ text: 'Needs at least one lead and one lag measure.' }]);
  }

  for (const extra of input.extras) {
    put([]);
    section(put([{ text: extra.title }]));
    for (const row of extra.rows) put(row);
    put([]);
  }
  for (const row of input.footer) put(row);

  return {
    block: rows,
    styles,
    rules,
    widths: [
      { col: COL.measure + 1, width: 240 },
      { col: COL.latest + 1, width: 86 },
      { col: COL.period + 1, width: 66 },
      { col: COL.target + 1, width: 70 },
      { col: COL.status + 1, width: 86 },
      { col: COL.trend + 1, width: 110 },
      { col: COL.signal + 1, width: 90 },
      { col: COL.sample + 1, width: 62 },
      { col: COL.history, width: 16 },
      ...Array.from({ length: n }, (_, i) => ({ col: history + 1 + i, width: 72 })),
      { col: countsFrom, width: 150 },
      ...Array.from({ length: n }, (_, i) => ({ col: countsFrom + 1 + i, width: 60 })),
      { col: notesCol + 1, width: 260 },
    ],
    frozen: { rows: headerRow, cols: 1 },
    layout: { headerRow, firstMeasureRow, measureRows: measureRowsOut, connectionsRow, healthRow },
    spills,
    editable: { target: COL.target, notes: notesCol },
  };
}
