import { type MeasureId, type MeasureInfo, type Source } from '../../core/scorecard/measures';
import { shownDecimals } from '../../core/scorecard/precision';
import { type MeasureTarget, type PathAt } from '../../core/scorecard/targets';
import { HEALTH_RULES } from '../../core/measures/targetHealth/rules';
import { moneyFormat } from '../../core/values/currency';
import { type ChartSpec, type ConditionalRule, type StyledRange, type WriteCell } from '../ports/workbook';
import { type DataSheetPlan, dataRowRef, measureRows, periodColumnLetter } from './dataSheet';
import { a1, columnLetter, formulaString, quoteSheet, textFormatString } from './references';

/**
 * The Scorecard sheet: a 4DX scoreboard a manager reads in five seconds.
 *
 *   title, what it reads
 *   the top band: the (up to 3) measures that matter most, each a big number with its target and status
 *   the header (frozen, with the measure names): Measure | Latest | As of | Target | Status | Trend | Signal |
 *     Sample | the periods shown | the count behind each value | the target of each period | Notes
 *   lead measures, then lag measures
 *   target health, directly under the measures; key accounts at risk; Connect the dots; other sections
 *   the charts, then the rows they read
 *
 * Every number is a native formula into the data sheet (dataSheet.ts), so the sheet itself runs no custom
 * function but the evidence. Statuses compare at the precision a measure is shown with, for every period
 * shown (conditional formats across the row), and name the period they judge.
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
const BLUE = '#1a73e8';
const TARGET_RED = '#d93025';
const ORANGE = '#e8710a';

/** The columns the top band's cards start in: each card's text runs over the empty cells to its right. */
const CARD_COLS = [COL.measure, COL.period, COL.trend] as const;
/** Rows a chart takes (about 21 px each) in the charts section. */
const CHART_ROWS = 15;
const CHART_SIZE = { width: 520, height: 290 };

export interface ShownMeasure {
  readonly info: MeasureInfo;
  readonly source: Source;
}

export interface ScorecardLayout {
  headerRow: number;
  firstMeasureRow: number;
  measureRows: Record<string, number>;
  connectionsRow: number;
  healthRow: number;
  /** The top band's rows (its title row) and the measures on it, in order; 0 and [] when there is none. */
  bandRow: number;
  band: MeasureId[];
  /** The header row of the "key accounts at risk" panel, 0 when there is none. */
  atRiskRow: number;
  /** The first row of the charts section, 0 when there are no charts. */
  chartsRow: number;
  /** 0-based columns: the count behind each value, the target of each period, the notes. */
  countsCol: number;
  targetsCol: number;
  notesCol: number;
}

export interface ScorecardPlan {
  readonly block: WriteCell[][];
  readonly styles: StyledRange[];
  readonly rules: ConditionalRule[];
  readonly widths: { col: number; width: number }[];
  readonly frozen: { rows: number; cols: number };
  /** 1-based rows of the sections, and each measure's row. */
  readonly layout: ScorecardLayout;
  /** Areas formulas spill into (the builder writes nothing there): 1-based [row0, col0, row1, col1]. */
  readonly spills: [number, number, number, number][];
  /** The columns a manager types into (kept on rebuild), 0-based. */
  readonly editable: { readonly target: number; readonly notes: number };
  /** Targets the builder wrote (suggested, or on a path), by measure row: a rebuild does not take them for typed ones. */
  readonly written: Record<string, number | 'path'>;
  readonly charts: ChartSpec[];
}

/** A panel another feature fills (key accounts at risk): its title, its rows, their styles relative to its first row. */
export interface ScorecardPanel {
  readonly title: string;
  readonly rows: readonly (readonly WriteCell[])[];
  /** Style a header row (0-based within rows) bold. */
  readonly headerRows?: readonly number[];
  /** Number formats per column (0-based) of the rows after the header. */
  readonly formats?: Readonly<Record<number, string>>;
  /** Areas it spills into, relative: [row0, col0, row1, col1] 0-based within rows. */
  readonly spills?: readonly (readonly [number, number, number, number])[];
}

export interface ScorecardInput {
  readonly dataSheet: string;
  readonly data: DataSheetPlan;
  /** The period index of the data sheet's first period column (a path's line is drawn in these). */
  readonly dataStart: number;
  readonly periods: number;
  readonly measures: readonly ShownMeasure[];
  /** Each shown measure's target: typed, on a path, or suggested from the history. */
  readonly targets: Partial<Record<MeasureId, MeasureTarget>>;
  readonly paths: Partial<Record<MeasureId, PathAt>>;
  readonly notes: Partial<Record<MeasureId, string>>;
  /** The measures that matter most, and whether the manager chose them (else they were chosen by default). */
  readonly marked: { readonly ids: readonly MeasureId[]; readonly byDefault: boolean };
  readonly maxLag: number;
  readonly title: string;
  readonly reads: string;
  /** Where the data sheet's target-health section is (its header row, and how many periods and columns to show). */
  readonly health: { readonly row: number; readonly periods: number; readonly columns: number } | null;
  readonly atRisk?: ScorecardPanel | null;
  readonly extras: readonly { title: string; rows: WriteCell[][] }[];
  readonly footer: readonly WriteCell[][];
  /** The sales' currency (ISO code): money rows are formatted in it. */
  readonly currency?: string;
}

const MONEY: ReadonlySet<string> = new Set(['revenue', 'margin', 'average_order_value']);
/** What a measure had none of in a period, for "2026-09 (no unhappy reviews in 2026-10)". */
const NONE_OF: Partial<Record<MeasureId, string>> = {
  nps: 'answers',
  csat: 'answers',
  net_comparison: 'answers',
  on_time: 'orders due',
  review_response: 'unhappy reviews',
};

export function planScorecard(input: ScorecardInput): ScorecardPlan {
  const n = input.periods;
  const history = COL.history;
  const countsFrom = history + n + 1; // a gap column, then the counts
  const targetsFrom = countsFrom + n + 1; // then the target of each period
  const notesCol = targetsFrom + n + 1;
  const width = notesCol + 1;
  const rows: WriteCell[][] = [];
  const styles: StyledRange[] = [];
  const rules: ConditionalRule[] = [];
  const spills: [number, number, number, number][] = [];
  const charts: ChartSpec[] = [];
  const written: Record<string, number | 'path'> = {};
  const put = (cells: readonly WriteCell[]): number => {
    const row = new Array<WriteCell>(width).fill(null);
    cells.forEach((c, i) => (row[i] = c));
    rows.push(row);
    return rows.length;
  };
  const setAt = (row: number, col: number, c: WriteCell) => (rows[row - 1][col] = c);
  const cell = (row: number, col: number) => a1(row, col);
  const one = (row: number, col: number) => `${a1(row, col)}:${a1(row, col)}`;
  const lastCol = columnLetter(width - 1);
  const section = (row: number) => styles.push({ a1: `A${row}:${lastCol}${row}`, bold: true, background: SECTION });
  const data = quoteSheet(input.dataSheet);
  const axis = (j: number) => `${data}!$${periodColumnLetter(j)}$1`;
  const span = (row: number, from: number) => `${a1(row, from)}:${a1(row, from + n - 1)}`;
  const formatOf = (info: MeasureInfo) => (MONEY.has(info.id) ? moneyFormat(input.currency, shownDecimals(info.format)) : info.format);

  put([{ text: input.title }]);
  styles.push({ a1: 'A1:A1', bold: true, fontSize: 14 });
  put([{ text: input.reads }]);
  styles.push({ a1: 'A2:A2', italic: true, color: GREY });
  put([]);

  // The top band is planned now and filled once the measure rows are known (its cells point at them).
  const band = input.marked.ids.filter((id) => input.measures.some((m) => m.info.id === id)).slice(0, CARD_COLS.length);
  const bandRow = band.length ? rows.length + 1 : 0;
  if (band.length) {
    const chosen = input.marked.byDefault
      ? ' (chosen for you: mark the ones that matter most in the wizard, step 3)'
      : ': the ones you marked as mattering most';
    section(put([{ text: `The measures that matter most${chosen}` }]));
    for (let i = 0; i < 5; i++) put([]);
    put([]);
  }

  // The header: the periods shown are the clock block's last n, read through the data sheet's axis row.
  const clockRow = input.data.blockRow[input.data.clock]!;
  const clockRef = dataRowRef(input.dataSheet, clockRow);
  const headerRow = put([
    { text: 'Measure' },
    { text: 'Latest' },
    { text: 'As of' },
    { text: 'Target' },
    { text: 'Status' },
    { text: 'Trend' },
    { text: 'Signal' },
    { text: 'Sample' },
  ]);
  for (let j = 0; j < n; j++) {
    const label = `IF(${axis(j)}<3, "", INDEX(${clockRef}, 1, ${axis(j)}))`;
    setAt(headerRow, history + j, { formula: label });
    setAt(headerRow, countsFrom + j, { formula: label });
    setAt(headerRow, targetsFrom + j, { formula: label });
  }
  setAt(headerRow, countsFrom - 1, { text: 'Count behind each value:' });
  setAt(headerRow, targetsFrom - 1, { text: 'Target of each period:' });
  setAt(headerRow, notesCol, { text: 'Notes' });
  section(headerRow);
  for (const c of [countsFrom - 1, targetsFrom - 1]) styles.push({ a1: one(headerRow, c), italic: true, color: GREY, bold: false });
  const headerSpan = span(headerRow, history);
  // The last period shown with a label (a short history leaves the columns after it blank).
  const lastShown = `XLOOKUP(TRUE(), ${headerSpan}<>"", ${headerSpan}, "", 0, -1)`;

  const measureRowsOut: Record<string, number> = {};
  const infoOf: Record<string, MeasureInfo> = {};
  let firstMeasureRow = 0;
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
      const info = { ...base, format: formatOf(base) };
      const row = rows.length + 1;
      const { values, counts, signals } = measureRows(input.data, source, info.id);
      const valueRef = dataRowRef(input.dataSheet, values);
      const countRef = dataRowRef(input.dataSheet, counts);
      const signalRef = dataRowRef(input.dataSheet, signals);
      const noteRef = `INDEX(${valueRef}, 1, 2)`;
      const hist = span(row, history);
      const lastOf = (range: string) => `XLOOKUP(TRUE(), ISNUMBER(${hist}), ${range}, "", 0, -1)`;
      const d = shownDecimals(info.format);
      const b = cell(row, COL.latest);
      const t = cell(row, COL.target);
      const meets = (v: string, tt: string) =>
        info.better === 'higher' ? `ROUND(${v},${d})>=ROUND(${tt},${d})` : `ROUND(${v},${d})<=ROUND(${tt},${d})`;
      const near = (v: string, tt: string) =>
        info.better === 'higher'
          ? `ROUND(${v},${d})>=ROUND(${tt}-0.1*ABS(${tt}),${d})`
          : `ROUND(${v},${d})<=ROUND(${tt}+0.1*ABS(${tt}),${d})`;
      const target = input.targets[info.id];
      const path = input.paths[info.id];
      const latestPeriod = lastOf(headerSpan);
      put([
        { text: info.label },
        { formula: lastOf(hist) },
        // The period judged, and why when it is not the last one shown (a source with nothing in it).
        {
          formula:
            `IF(${latestPeriod}="", "", IF(${latestPeriod}=${lastShown}, ${latestPeriod}, ${latestPeriod} & ` +
            `IF(MATCH(${lastShown}, ${headerSpan}, 0)-MATCH(${latestPeriod}, ${headerSpan}, 0)=1, " (no ${NONE_OF[info.id] ?? 'sales'} in " & ${lastShown} & ")", " (no ${NONE_OF[info.id] ?? 'sales'} since)")))`,
        },
        path ? { formula: lastOf(span(row, targetsFrom)) } : (target?.value ?? null),
        {
          formula: `IF(${noteRef}<>"", "Check the data", IF(OR(${b}="", ${t}=""), "", IF(${meets(b, t)}, "On track", IF(${near(b, t)}, "At risk", "Off track"))))`,
        },
        { formula: `IF(${noteRef}<>"", ${noteRef}, SPARKLINE(${hist}))` },
        // Signal or noise (DOMAIN.md, XmR): routine variation is said to be routine, so it is not read as news.
        {
          formula:
            `IF(${b}="", "", IF(LEFT(INDEX(${signalRef}, 1, 2), 5)="needs", "Too few periods", ` +
            `IFERROR(IF(INDEX(${signalRef}, 1, MATCH(${latestPeriod}, ${clockRef}, 0))="", "Routine", INDEX(${signalRef}, 1, MATCH(${latestPeriod}, ${clockRef}, 0))), "")))`,
        },
        { formula: lastOf(span(row, countsFrom)) },
      ]);
      for (let j = 0; j < n; j++) {
        setAt(row, history + j, { formula: `IF(${axis(j)}<3, "", INDEX(${valueRef}, 1, ${axis(j)}))` });
        setAt(row, countsFrom + j, { formula: `IF(${axis(j)}<3, "", INDEX(${countRef}, 1, ${axis(j)}))` });
        // The target of each period: the path's line then (4DX "from X to Y by when"), or the one target.
        const perPeriod = path
          ? `IF(${axis(j)}<3, "", ${path.from}+(${path.to - path.from})*MIN(1, MAX(0, (${axis(j)}-${3 + path.start - input.dataStart})/${path.by - path.start})))`
          : `IF(OR(${cell(headerRow, targetsFrom + j)}="", $${columnLetter(COL.target)}$${row}=""), "", $${columnLetter(COL.target)}$${row})`;
        setAt(row, targetsFrom + j, { formula: perPeriod });
      }
      const note = input.notes[info.id];
      if (note) setAt(row, notesCol, { text: note });
      measureRowsOut[info.id] = row;
      infoOf[info.id] = info;
      if (!firstMeasureRow) firstMeasureRow = row;
      if (path) written[String(row)] = 'path';
      else if (target?.kind === 'suggested' && target.value !== null) written[String(row)] = target.value;
      styles.push({ a1: one(row, COL.latest), numberFormat: info.format, bold: true });
      styles.push({ a1: one(row, COL.target), numberFormat: info.format });
      if (written[String(row)] !== undefined) styles.push({ a1: one(row, COL.target), italic: true, color: GREY });
      styles.push({ a1: hist, numberFormat: info.format });
      styles.push({ a1: span(row, targetsFrom), numberFormat: info.format, color: GREY });
      // Each period coloured against its own target, at the precision shown (a value equal to its target is on track).
      const v0 = cell(row, history);
      const t0 = cell(row, targetsFrom);
      rules.push(
        { a1: hist, formula: `=AND(ISNUMBER(${v0}), ISNUMBER(${t0}), ${meets(v0, t0)})`, background: GREEN },
        { a1: hist, formula: `=AND(ISNUMBER(${v0}), ISNUMBER(${t0}), ${near(v0, t0)})`, background: AMBER },
        { a1: hist, formula: `=AND(ISNUMBER(${v0}), ISNUMBER(${t0}))`, background: RED },
      );
    }
  }
  const firstRow = firstMeasureRow;
  const lastRow = rows.length;
  const statusRange = `${cell(firstRow, COL.status)}:${cell(lastRow, COL.status)}`;
  const statusRules = (range: string): ConditionalRule[] => [
    { a1: range, textEquals: 'On track', background: GREEN, color: '#137333', bold: true },
    { a1: range, textEquals: 'At risk', background: AMBER, color: '#8c4a00', bold: true },
    { a1: range, textEquals: 'Off track', background: RED, color: '#c5221f', bold: true },
    { a1: range, textEquals: 'Check the data', background: AMBER, color: '#8c4a00' },
  ];
  rules.unshift(...statusRules(statusRange));
  styles.push({ a1: statusRange, align: 'center' });
  styles.push({ a1: `${cell(firstRow, COL.period)}:${cell(lastRow, COL.period)}`, color: GREY, align: 'center' });
  styles.push({ a1: `${cell(firstRow, COL.signal)}:${cell(lastRow, COL.signal)}`, color: GREY, align: 'center' });
  styles.push({ a1: `${cell(firstRow, COL.sample)}:${cell(lastRow, COL.sample)}`, color: GREY, numberFormat: '#,##0' });
  styles.push({ a1: `${cell(firstRow, countsFrom)}:${cell(lastRow, countsFrom + n - 1)}`, color: GREY, numberFormat: '#,##0' });
  rules.push({
    a1: `${cell(firstRow, COL.signal)}:${cell(lastRow, COL.signal)}`,
    formula: `=OR(${cell(firstRow, COL.signal)}="Outside limits", ${cell(firstRow, COL.signal)}="Run of 8")`,
    background: '#e8f0fe',
    color: '#174ea6',
    bold: true,
  });
  // "Few answers": a count under 30 behind a rate (DOMAIN.md "Sample size"), on the latest and on every period.
  const sampleTop = cell(firstRow, COL.sample);
  rules.push({
    a1: `${sampleTop}:${cell(lastRow, COL.sample)}`,
    formula: `=AND(ISNUMBER(${sampleTop}), ${sampleTop}<30, $${columnLetter(COL.status)}${firstRow}<>"")`,
    background: AMBER,
  });
  const countTop = cell(firstRow, countsFrom);
  rules.push({
    a1: `${countTop}:${cell(lastRow, countsFrom + n - 1)}`,
    formula: `=AND(ISNUMBER(${countTop}), ${countTop}<30, $${columnLetter(COL.status)}${firstRow}<>"")`,
    background: AMBER,
  });

  // The top band: a big number per marked measure, its target, its status and signal, all from its row.
  if (band.length) {
    band.forEach((id, k) => {
      const row = measureRowsOut[id];
      const info = infoOf[id];
      const c = CARD_COLS[k];
      const fmt = textFormatString(info.format);
      const target = input.targets[id];
      const how = input.paths[id] ? ' on the path' : target?.kind === 'suggested' ? ' (suggested)' : '';
      setAt(bandRow + 1, c, { text: info.label });
      setAt(bandRow + 2, c, { formula: `IF(${cell(row, COL.latest)}="", "no data yet", TEXT(${cell(row, COL.latest)}, ${fmt}))` });
      setAt(bandRow + 3, c, {
        formula: `IF(${cell(row, COL.target)}="", "No target", "Target " & TEXT(${cell(row, COL.target)}, ${fmt}) & ${formulaString(how)})`,
      });
      setAt(bandRow + 4, c, { formula: `IF(${cell(row, COL.status)}="", "—", ${cell(row, COL.status)})` });
      setAt(bandRow + 5, c, {
        formula: `IF(${cell(row, COL.period)}="", "", "As of " & ${cell(row, COL.period)} & IF(${cell(row, COL.signal)}="", "", " · " & ${cell(row, COL.signal)}))`,
      });
      styles.push({ a1: one(bandRow + 1, c), bold: true, color: GREY });
      styles.push({ a1: one(bandRow + 2, c), bold: true, fontSize: 22 });
      styles.push({ a1: one(bandRow + 5, c), italic: true, color: GREY });
      rules.push(...statusRules(one(bandRow + 4, c)));
    });
  }

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
  let healthLast = 0;
  if (input.health) {
    const h = input.health;
    healthRow = rows.length + 1;
    const cols = h.columns;
    const range = `${data}!$A$${h.row}:$${columnLetter(cols - 1)}$${h.row + h.periods}`;
    for (let i = 0; i <= h.periods; i++) {
      const cells: WriteCell[] = [];
      for (let j = 0; j < cols; j++) cells.push({ formula: `INDEX(${range}, ${i + 1}, ${j + 1})` });
      put(cells);
    }
    healthLast = healthRow + h.periods;
    const last = healthLast;
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

  // Key accounts at risk (a panel the builder is given), under target health.
  let atRiskRow = 0;
  if (input.atRisk) {
    const p = input.atRisk;
    put([]);
    section(put([{ text: p.title }]));
    atRiskRow = rows.length + 1;
    for (const r of p.rows) put(r);
    for (const h of p.headerRows ?? []) styles.push({ a1: `A${atRiskRow + h}:${lastCol}${atRiskRow + h}`, bold: true });
    const bodyFrom = atRiskRow + (p.headerRows?.length ?? 0);
    for (const [col, fmt] of Object.entries(p.formats ?? {}))
      styles.push({ a1: `${a1(bodyFrom, Number(col))}:${a1(atRiskRow + p.rows.length - 1, Number(col))}`, numberFormat: fmt });
    for (const [r0, c0, r1, c1] of p.spills ?? []) spills.push([atRiskRow + r0, c0 + 1, atRiskRow + r1, c1 + 1]);
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

  // The charts, and after them the rows they read (formulas into the rows above, so they move with the data).
  interface PendingChart {
    spec: Omit<ChartSpec, 'range' | 'anchor'>;
    data: WriteCell[][];
  }
  const pending: PendingChart[] = [];
  const periodsRow = (caption: string): WriteCell[] => [
    { text: caption },
    ...Array.from({ length: n }, (_, j): WriteCell => ({ formula: cell(headerRow, history + j) })),
  ];
  for (const id of band) {
    const row = measureRowsOut[id];
    const info = infoOf[id];
    pending.push({
      spec: {
        key: `trend:${id}`,
        title: `${info.label}: each period against its target`,
        kind: 'line',
        dashed: [1],
        format: info.format,
        colors: [BLUE, TARGET_RED],
        ...CHART_SIZE,
      },
      data: [
        periodsRow(info.label),
        [{ text: info.label }, ...Array.from({ length: n }, (_, j): WriteCell => ({ formula: cell(row, history + j) }))],
        [{ text: 'Target' }, ...Array.from({ length: n }, (_, j): WriteCell => ({ formula: cell(row, targetsFrom + j) }))],
      ],
    });
  }
  if (ev) {
    // The pair Connect the dots ranks first, its lag measure moved back by its best lag so the two lines align.
    const top = connectionsRow + 1;
    const w = input.data.width;
    const evRect = `${data}!$A$${ev.leads[0]}:$${periodColumnLetter(w - 1)}$${ev.lags[1]}`;
    const evNames = `${data}!$A$${ev.leads[0]}:$A$${ev.lags[1]}`;
    const claimed = `IF(AND(ISNUMBER($H$${top}), $H$${top}<0.05), "", " (no link claimed)")`;
    pending.push({
      spec: {
        key: 'link',
        title: 'The strongest link: a lead measure beside the lag measure it moves, shifted by its lag',
        kind: 'line',
        rightAxis: [1],
        colors: [BLUE, ORANGE],
        ...CHART_SIZE,
      },
      data: [
        periodsRow('Strongest link'),
        [
          { formula: `IFERROR($A$${top} & ${claimed}, "")` },
          ...Array.from({ length: n }, (_, j): WriteCell => ({
            formula: `IFERROR(INDEX(${evRect}, MATCH($A$${top}, ${evNames}, 0), ${axis(j)}), "")`,
          })),
        ],
        [
          { formula: `IFERROR(IF(ISNUMBER($C$${top}), $B$${top} & ", " & $C$${top} & " periods later", ""), "")` },
          ...Array.from({ length: n }, (_, j): WriteCell => ({
            formula: `IFERROR(IF(INDEX(${evRect}, MATCH($B$${top}, ${evNames}, 0), ${axis(j)}+$C$${top})="", "", INDEX(${evRect}, MATCH($B$${top}, ${evNames}, 0), ${axis(j)}+$C$${top})), "")`,
          })),
        ],
      ],
    });
  }
  if (input.health && healthLast > healthRow) {
    const q = healthLast - healthRow;
    const at = (i: number, col: string) => `${col}${healthRow + 1 + i}`;
    pending.push({
      spec: {
        key: 'health',
        title: `Target health: the end-of-period push per quarter (flagged at ${HEALTH_RULES.spike}, partial quarters left out)`,
        kind: 'column',
        lines: [1],
        dashed: [1],
        format: '0.00',
        colors: [BLUE, TARGET_RED],
        ...CHART_SIZE,
      },
      data: [
        [{ text: 'Quarter' }, ...Array.from({ length: q }, (_, i): WriteCell => ({ formula: `IF(${at(i, 'A')}="", "", ${at(i, 'A')})` }))],
        [
          { text: 'Spike ratio' },
          ...Array.from({ length: q }, (_, i): WriteCell => ({
            formula: `IF(OR(${at(i, 'K')}="Partial period", NOT(ISNUMBER(${at(i, 'E')}))), "", ${at(i, 'E')})`,
          })),
        ],
        [
          { text: `Push threshold (${HEALTH_RULES.spike})` },
          ...Array.from({ length: q }, (_, i): WriteCell => ({ formula: `IF(${at(i, 'A')}="", "", ${HEALTH_RULES.spike})` })),
        ],
      ],
    });
  }
  let chartsRow = 0;
  if (pending.length) {
    put([]);
    section(put([{ text: 'Charts (they read the rows under them, which follow the data)' }]));
    chartsRow = rows.length + 1;
    const perBand = 2;
    const bands = Math.ceil(pending.length / perBand);
    for (let i = 0; i < bands * CHART_ROWS; i++) put([]);
    put([]);
    section(put([{ text: 'What the charts read' }]));
    pending.forEach((p, k) => {
      const top = rows.length + 1;
      for (const r of p.data) put(r);
      put([]);
      const cols = p.data[0].length;
      charts.push({
        ...p.spec,
        range: `A${top}:${columnLetter(cols - 1)}${top + p.data.length - 1}`,
        anchor: { row: chartsRow + Math.floor(k / perBand) * CHART_ROWS, col: k % perBand === 0 ? 1 : COL.target + 2 },
      });
      styles.push({ a1: `A${top}:A${top + p.data.length - 1}`, italic: true, color: GREY });
      if (p.spec.format)
        styles.push({ a1: `B${top + 1}:${columnLetter(cols - 1)}${top + p.data.length - 1}`, numberFormat: p.spec.format });
    });
  }
  for (const row of input.footer) put(row);

  return {
    block: rows,
    styles,
    rules,
    widths: [
      { col: COL.measure + 1, width: 210 },
      { col: COL.latest + 1, width: 84 },
      { col: COL.period + 1, width: 186 },
      { col: COL.target + 1, width: 72 },
      { col: COL.status + 1, width: 80 },
      { col: COL.trend + 1, width: 104 },
      { col: COL.signal + 1, width: 104 },
      { col: COL.sample + 1, width: 56 },
      { col: COL.history, width: 16 },
      ...Array.from({ length: n }, (_, i) => ({ col: history + 1 + i, width: 72 })),
      { col: countsFrom, width: 150 },
      ...Array.from({ length: n }, (_, i) => ({ col: countsFrom + 1 + i, width: 60 })),
      { col: targetsFrom, width: 150 },
      ...Array.from({ length: n }, (_, i) => ({ col: targetsFrom + 1 + i, width: 60 })),
      { col: notesCol + 1, width: 260 },
    ],
    frozen: { rows: headerRow, cols: 1 },
    layout: {
      headerRow,
      firstMeasureRow,
      measureRows: measureRowsOut,
      connectionsRow,
      healthRow,
      bandRow,
      band,
      atRiskRow,
      chartsRow,
      countsCol: countsFrom,
      targetsCol: targetsFrom,
      notesCol,
    },
    spills,
    editable: { target: COL.target, notes: notesCol },
    written,
    charts,
  };
}
