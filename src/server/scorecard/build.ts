import { type Cell } from '../../core/values/cell';
import { findTable } from '../../core/tables/findTable';
import { type Role } from '../../core/tables/roles';
import { MEASURES, type MeasureInfo, type Source } from '../../core/scorecard/measures';
import { type Binding, bindMeasure, measureNeeds } from '../../core/scorecard/bindings';
import { type Block, type ConditionalRule, type StyledRange, type WorkbookPort, type WriteCell, checkSettingFits } from '../ports/workbook';
import { type ScorecardDefinition } from '../../core/scorecard/definition';
import { SCORECARD_DEFAULTS } from '../../core/scorecard/defaults';
import { SOURCES } from '../../core/scorecard/sourceKind';
import { a1, columnLetter, formulaString, openColumn } from './references';

export const SCORECARD_TAG = 'leadlag:scorecard';
export const SCORECARD_SHEET_KEY = 'leadlag.scorecard.sheet';
/** Document setting holding the definition of the last build (JSON), so that it can be rebuilt or edited. */
export const DEFINITION_KEY = 'leadlag.scorecard.definition';
const PREFERRED_NAMES = ['Scorecard', 'Leadlag Scorecard'];

/** A user-facing failure: the sidebar shows the message as it is. */
export class BuildError extends Error {}

interface ResolvedSource {
  readonly kind: Source;
  readonly sheet: string;
  /** Role → open-ended range of its data, e.g. 'Sales'!$B$4:$B. */
  readonly ranges: Partial<Record<Role, string>>;
  readonly firstRow: number;
  readonly lastRow: number;
  readonly skipped: readonly { row: number; reason: string }[];
}

export interface BuildResult {
  readonly sheetName: string;
  readonly measures: readonly string[];
  /** Measures asked for that the data cannot support, with what is missing. */
  readonly missing: readonly string[];
  readonly skipped: readonly { sheet: string; row: number; reason: string }[];
  /** Row numbers of the scorecard's sections, for links and tests. */
  readonly layout: {
    headerRow: number;
    firstMeasureRow: number;
    measureRows: Record<string, number>;
    connectionsRow: number;
    healthRow: number;
  };
}

/** Reads a source sheet once, finds its table and turns each confirmed column into a range. */
function resolveSource(wb: WorkbookPort, kind: Source, ref: { sheet: string; columns: Partial<Record<Role, string>> }): ResolvedSource {
  const sheet = wb.sheet(ref.sheet);
  if (!sheet)
    throw new BuildError(
      `The sheet "${ref.sheet}" (${kind} data) is not in this spreadsheet any more. Choose the ${kind} data again in the wizard.`,
    );
  const grid: Cell[][] = sheet.readValues();
  let table;
  try {
    table = findTable(grid);
  } catch (e) {
    throw new BuildError(`"${ref.sheet}": ${(e as Error).message}`);
  }
  const ranges: Partial<Record<Role, string>> = {};
  const key = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();
  for (const [role, header] of Object.entries(ref.columns) as [Role, string][]) {
    const at = table.headers.findIndex((h) => key(h) === key(header));
    if (at < 0) {
      throw new BuildError(
        `"${ref.sheet}" has no column "${header}" (for ${role.replace(/_/g, ' ')}) any more. Confirm the columns again in the wizard.`,
      );
    }
    ranges[role] = openColumn(ref.sheet, table.firstCol + at, table.headerRow + 2);
  }
  const rows = table.dataRows;
  return { kind, sheet: ref.sheet, ranges, firstRow: rows[0] + 1, lastRow: rows[rows.length - 1] + 1, skipped: table.skipped };
}

/** The scorecard's own sheet: the one it made before, else a free name. Never a sheet it did not create. */
function targetSheet(wb: WorkbookPort): { name: string; exists: boolean } {
  const names = wb.sheetNames();
  const remembered = wb.getSetting(SCORECARD_SHEET_KEY);
  if (remembered && names.includes(remembered) && wb.getSheetTag(remembered) === SCORECARD_TAG) return { name: remembered, exists: true };
  const tagged = names.find((n) => wb.getSheetTag(n) === SCORECARD_TAG);
  if (tagged) return { name: tagged, exists: true };
  const taken = new Set(names.map((n) => n.toLowerCase()));
  for (const n of PREFERRED_NAMES) if (!taken.has(n.toLowerCase())) return { name: n, exists: false };
  for (let i = 2; ; i++) if (!taken.has(`leadlag scorecard ${i}`)) return { name: `Leadlag Scorecard ${i}`, exists: false };
}

const GREEN = '#e6f4ea';
const AMBER = '#fef7e0';
const RED = '#fce8e6';
const SECTION = '#f1f3f4';

/**
 * Builds (or rebuilds) the Scorecard sheet through the workbook port. Every number is a live formula
 * over the source ranges, so pasting rows below the data updates it. The number of calls into the
 * workbook depends on the number of sources and measures, never on the number of data rows.
 */
/** A section another feature adds under the scorecard, or null when it has nothing to show. */
export type ScorecardExtra = (wb: WorkbookPort) => { title: string; rows: WriteCell[][] } | null;

export function buildScorecard(
  wb: WorkbookPort,
  def: ScorecardDefinition,
  builtAt: string,
  extras: readonly ScorecardExtra[] = [],
): BuildResult {
  // The definition is stored last: refuse before writing anything when the spreadsheet could not keep it.
  checkSettingFits(wb, DEFINITION_KEY, JSON.stringify(def), 'The scorecard');
  const sources: Partial<Record<Source, ResolvedSource>> = {};
  for (const kind of SOURCES) {
    const ref = def.sources[kind];
    if (ref) sources[kind] = resolveSource(wb, kind, ref);
  }
  const clock = sources.sales?.ranges.date ?? sources.feedback?.ranges.date;
  if (!clock) throw new BuildError('The scorecard needs sales or feedback data with a date column. Choose the date column in the wizard.');

  const roles: Partial<Record<Source, Set<string>>> = {};
  for (const s of Object.values(sources)) if (s) roles[s.kind] = new Set(Object.keys(s.ranges));
  const wanted = def.measures ?? MEASURES.map((m) => m.id);
  const shown: { info: MeasureInfo; binding: Binding }[] = [];
  const missing: string[] = [];
  for (const info of MEASURES) {
    if (!wanted.includes(info.id)) continue;
    const binding = bindMeasure(info.id, roles);
    if (binding) shown.push({ info, binding });
    else if (def.measures)
      missing.push(`${info.label}: needs ${info.source} data with ${measureNeeds(info.id).join(', ').replace(/_/g, ' ')}`);
  }
  if (shown.length === 0)
    throw new BuildError('None of the measures can be computed from the columns chosen. Check the column roles in the wizard.');

  const n = def.periods;
  const firstValueCol = 1; // B
  const lastValueCol = firstValueCol + n - 1;
  const targetCol = lastValueCol + 1;
  const statusCol = targetCol + 1;
  const trendCol = statusCol + 1;
  const width = trendCol + 1;
  const rows: WriteCell[][] = [];
  const blank = (): WriteCell[] => new Array<WriteCell>(width).fill(null);
  const put = (cells: WriteCell[]): number => {
    const row = blank();
    cells.forEach((c, i) => (row[i] = c));
    rows.push(row);
    return rows.length; // 1-based row number
  };
  const styles: StyledRange[] = [];
  const valuesRange = (row: number) => `${a1(row, firstValueCol)}:${a1(row, lastValueCol)}`;
  const periodsRef = `$${columnLetter(firstValueCol)}$4:$${columnLetter(lastValueCol)}$4`;

  // Header: what it reads and when it was built.
  put([{ text: 'Leadlag scorecard: lead measures (customers) beside lag measures (money)' }]);
  const reads = Object.values(sources)
    .filter((s): s is ResolvedSource => !!s)
    .map((s) => `${s.kind} from "${s.sheet}" (rows ${s.firstRow}–${s.lastRow} and any pasted below)`)
    .join('; ');
  put([{ text: `Reads ${reads}. Built ${builtAt}. Numbers are live formulas: click a cell to see where it comes from.` }]);
  put([]);
  const headerRow = put([
    { text: 'Measure' },
    { formula: `PERIODS(${clock}, ${formulaString(def.period)}, ${n})` },
    ...new Array<WriteCell>(n - 1).fill(null),
    { text: 'Target' },
    { text: 'Status' },
    { text: 'Trend' },
  ]);
  styles.push({ a1: `A1:A1`, bold: true, fontSize: 14 });
  styles.push({ a1: `A2:A2`, italic: true, color: '#5f6368' });
  styles.push({ a1: `A${headerRow}:${columnLetter(trendCol)}${headerRow}`, bold: true, background: SECTION });

  const measureRows: Record<string, number> = {};
  const statusCells: string[] = [];
  let firstMeasureRow = 0;
  const blockOf: Record<'lead' | 'lag', [number, number]> = { lead: [0, 0], lag: [0, 0] };
  for (const kind of ['lead', 'lag'] as const) {
    const list = shown.filter((m) => m.info.kind === kind);
    if (list.length === 0) continue;
    const title =
      kind === 'lead' ? 'Lead measures: what customers feel (act on these this week)' : 'Lag measures: money that already happened';
    const sectionRow = put([{ text: title }]);
    styles.push({ a1: `A${sectionRow}:${columnLetter(trendCol)}${sectionRow}`, bold: true, background: SECTION });
    for (const { info, binding } of list) {
      const src = sources[binding.source]!;
      const args = [
        src.ranges[binding.dates as Role]!,
        binding.a ? src.ranges[binding.a as Role]! : null,
        binding.b ? src.ranges[binding.b as Role]! : null,
      ];
      const argText = args
        .filter((x, i) => x !== null || (i === 1 && args[2] !== null))
        .map((x) => x ?? '""')
        .join(', ');
      const row = rows.length + 1;
      const target = def.targets[info.id];
      put([
        { text: info.label },
        { formula: `MEASURE_SERIES(${formulaString(info.id)}, ${periodsRef}, ${argText})` },
        ...new Array<WriteCell>(n - 1).fill(null),
        target === undefined || target === null ? null : target,
        { formula: `TARGET_STATUS(${valuesRange(row)}, ${a1(row, targetCol)}, ${formulaString(info.better)})` },
        { formula: `SPARKLINE(${valuesRange(row)})` },
      ]);
      if (!firstMeasureRow) firstMeasureRow = row;
      if (blockOf[kind][0] === 0) blockOf[kind][0] = row;
      blockOf[kind][1] = row;
      measureRows[info.id] = row;
      statusCells.push(a1(row, statusCol));
      styles.push({ a1: `${a1(row, firstValueCol)}:${a1(row, targetCol)}`, numberFormat: info.format });
    }
  }

  // Connect the dots: live, ordered by strength.
  put([]);
  const connectionsTitle = put([{ text: 'Connect the dots: which lead measure moves which lag measure, and how many periods later' }]);
  styles.push({ a1: `A${connectionsTitle}:${columnLetter(trendCol)}${connectionsTitle}`, bold: true, background: SECTION });
  put([
    {
      text: 'Correlation is evidence, not proof: a link that holds period after period is worth acting on; check it against what you know.',
    },
  ]);
  styles.push({ a1: `A${connectionsTitle + 1}:A${connectionsTitle + 1}`, italic: true, color: '#5f6368' });
  let connectionsRow: number;
  if (blockOf.lead[0] && blockOf.lag[0]) {
    const [l0, l1] = blockOf.lead;
    const [g0, g1] = blockOf.lag;
    connectionsRow = put([
      {
        formula: `CONNECTIONS(${a1(l0, firstValueCol)}:${a1(l1, lastValueCol)}, ${a1(g0, firstValueCol)}:${a1(g1, lastValueCol)}, A${l0}:A${l1}, A${g0}:A${g1}, ${def.maxLag})`,
      },
    ]);
    // CONNECTIONS spills a header and one row per pair: leave room.
    const pairs = (l1 - l0 + 1) * (g1 - g0 + 1);
    for (let i = 0; i < pairs + 1; i++) put([]);
    styles.push({ a1: `D${connectionsRow + 1}:D${connectionsRow + pairs}`, numberFormat: '0.00' });
    styles.push({ a1: `E${connectionsRow + 1}:E${connectionsRow + pairs}`, numberFormat: '0.000' });
  } else {
    connectionsRow = put([{ text: 'Needs at least one lead and one lag measure.' }]);
  }

  // Target health: the end-of-period push.
  put([]);
  const healthTitle = put([
    { text: "Target health: share of each quarter's sales made in its last days (1.5× or more is an end-of-period push)" },
  ]);
  styles.push({ a1: `A${healthTitle}:${columnLetter(trendCol)}${healthTitle}`, bold: true, background: SECTION });
  let healthRow: number;
  const sales = sources.sales;
  if (sales?.ranges.date && sales.ranges.amount) {
    healthRow = put([
      { formula: `TARGET_PRESSURE(${sales.ranges.date}, ${sales.ranges.amount}, "${SCORECARD_DEFAULTS.healthPeriod}", ${def.lastDays})` },
    ]);
    styles.push({ a1: `B${healthRow + 1}:B${healthRow + 40}`, numberFormat: '#,##0' });
    styles.push({ a1: `C${healthRow + 1}:D${healthRow + 40}`, numberFormat: '0.0%' });
    styles.push({ a1: `E${healthRow + 1}:E${healthRow + 40}`, numberFormat: '0.00' });
    for (let i = 0; i < 40; i++) put([]);
  } else {
    healthRow = put([{ text: 'Needs sales data with dates and amounts.' }]);
  }

  // Sections other features add (the improvement tracker's summary, once a survey has made it).
  for (const extra of extras) {
    const section = extra(wb);
    if (!section) continue;
    put([]);
    const t = put([{ text: section.title }]);
    styles.push({ a1: `A${t}:${columnLetter(trendCol)}${t}`, bold: true, background: SECTION });
    for (const row of section.rows) put(row);
    put([]);
  }

  // Rows left out, so nobody wonders why a number differs from their own sum.
  const skipped: { sheet: string; row: number; reason: string }[] = [];
  for (const s of Object.values(sources)) if (s) for (const k of s.skipped) skipped.push({ sheet: s.sheet, row: k.row, reason: k.reason });
  put([]);
  const leftOut = put([{ text: skipped.length ? `Rows left out when built (${skipped.length}):` : 'No rows were left out.' }]);
  styles.push({ a1: `A${leftOut}:A${leftOut}`, bold: true });
  for (const k of skipped.slice(0, 30)) put([{ text: `"${k.sheet}" row ${k.row}: ${k.reason}` }]);
  if (skipped.length > 30) put([{ text: `... and ${skipped.length - 30} more` }]);
  if (missing.length) {
    put([]);
    put([{ text: 'Not shown (the data does not have what they need):' }]);
    for (const m of missing) put([{ text: m }]);
  }

  // Write: one block, one batch of styles, one set of rules. The count never depends on data rows.
  const target = targetSheet(wb);
  const sheet = target.exists ? wb.sheet(target.name)! : wb.insertSheet(target.name);
  if (target.exists) sheet.clear();
  else wb.setSheetTag(target.name, SCORECARD_TAG);
  const block: Block = rows;
  sheet.writeBlock(1, 1, block);
  styles.push({
    a1: `${columnLetter(statusCol)}${firstMeasureRow}:${columnLetter(statusCol)}${firstMeasureRow + shown.length + 1}`,
    bold: true,
    align: 'center',
  });
  sheet.applyStyles(styles);
  const statusRange = `${columnLetter(statusCol)}${firstMeasureRow}:${columnLetter(statusCol)}${firstMeasureRow + shown.length + 1}`;
  const rules: ConditionalRule[] = [
    { a1: statusRange, textEquals: 'On track', background: GREEN, color: '#137333' },
    { a1: statusRange, textEquals: 'At risk', background: AMBER, color: '#b06000' },
    { a1: statusRange, textEquals: 'Off track', background: RED, color: '#c5221f' },
  ];
  sheet.setConditionalRules(rules);
  sheet.setFrozen(headerRow, 1);
  sheet.setColumnWidths([
    { col: 1, width: 280 },
    ...Array.from({ length: n }, (_, i) => ({ col: firstValueCol + 1 + i, width: 78 })),
    { col: targetCol + 1, width: 70 },
    { col: statusCol + 1, width: 90 },
    { col: trendCol + 1, width: 120 },
  ]);
  wb.setSetting(SCORECARD_SHEET_KEY, target.name);
  wb.setSetting(DEFINITION_KEY, JSON.stringify(def));
  return {
    sheetName: target.name,
    measures: shown.map((m) => m.info.id),
    missing,
    skipped,
    layout: { headerRow, firstMeasureRow, measureRows, connectionsRow, healthRow },
  };
}
