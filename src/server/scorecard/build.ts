import { MEASURES, type MeasureId, type MeasureInfo, type Source } from '../../core/scorecard/measures';
import { measureNeeds } from '../../core/scorecard/bindings';
import { type ScorecardDefinition, parseDefinition } from '../../core/scorecard/definition';
import { SCORECARD_DEFAULTS } from '../../core/scorecard/defaults';
import { SOURCES } from '../../core/scorecard/sourceKind';
import { pathAt, sourceSeriesOf } from '../../core/scorecard/compute';
import { markedMeasures } from '../../core/scorecard/marked';
import { type MeasureTarget, type PathAt, measureTarget } from '../../core/scorecard/targets';
import { calendarSpec } from '../../core/time/periods';
import { UTC_ZONE } from '../../core/time/zone';
import { type DateOptions } from '../../core/values/date';
import { InputError } from '../../core/values/errors';
import { isMonthFirstLocale } from '../../core/values/locale';
import { type WorkbookPort, type WriteCell, checkSettingFits } from '../ports/workbook';
import { BuildError, type ResolvedSource, resolveSource } from './resolve';
import { DATA_SHEET_NAMES, DATA_TAG, healthRow, planDataSheet } from './dataSheet';
import { type ScorecardLayout, type ShownMeasure, planScorecard } from './layout';
import { footprintOf, parseFootprint, readBack } from './keep';
import { atRiskPanel } from './atRisk';
import { HEALTH_HEADERS } from '../../core/sources/healthSection';

export { BuildError } from './resolve';

export const SCORECARD_TAG = 'leadlag:scorecard';
export const SCORECARD_SHEET_KEY = 'leadlag.scorecard.sheet';
/** Document setting holding the definition of the last build (JSON), so that it can be rebuilt or edited. */
export const DEFINITION_KEY = 'leadlag.scorecard.definition';
/** Where the last build wrote (keep.ts), so a rebuild can tell what a manager added. */
export const FOOTPRINT_KEY = 'leadlag.scorecard.footprint';
const PREFERRED_NAMES = ['Scorecard', 'Leadlag Scorecard'];

/** Spare target-health rows the panel leaves for periods that come after the build (a quarter each: a year). */
const HEALTH_SPARE = 4;

/** Periods of room the data sheet leaves after the latest period when built: pasted rows fill them. */
const HEADROOM: Record<string, number> = { week: 520, month: 120, quarter: 40, year: 10 };

export interface BuildResult {
  readonly sheetName: string;
  readonly dataSheet: string;
  readonly measures: readonly string[];
  /** Measures asked for that the data cannot support, with what is missing. */
  readonly missing: readonly string[];
  readonly skipped: readonly { sheet: string; row: number; reason: string }[];
  /** Measures that could not be counted now (a cell that cannot be read), with why: the rest is built. */
  readonly problems: readonly { measure: MeasureId; problem: string }[];
  /** Row numbers of the scorecard's sections, for links and tests. */
  readonly layout: ScorecardLayout;
  /** Each shown measure's target when built: typed, on its path, or suggested (with why). */
  readonly targets: Partial<Record<MeasureId, MeasureTarget>>;
  /** The definition as stored: with the targets and notes typed into the sheet. */
  readonly definition: ScorecardDefinition;
}

/** A rebuild would remove cells the builder did not write: the caller asks, then builds with `force`. */
export class NeedsConfirmation extends Error {
  constructor(
    readonly sheet: string,
    readonly cells: readonly string[],
  ) {
    const shown = cells.slice(0, 6).join(', ') + (cells.length > 6 ? ` and ${cells.length - 6} more` : '');
    super(
      `You added things to "${sheet}" (${shown}). Rebuilding replaces that sheet, so they would be lost: copy them ` +
        'to a sheet of your own first, or rebuild anyway. Targets and notes typed in their columns are always kept.',
    );
  }
}

export interface BuildOptions {
  /** How dates are read (the spreadsheet's zone and locale); default UTC and the workbook's locale. */
  readonly dates?: DateOptions;
  /** Rebuild even where a manager added cells the builder did not write. */
  readonly force?: boolean;
}

/**
 * A section another feature adds under the scorecard, or null when it has nothing to show; it is given the
 * definition being built (its sources may be new). `spills`: where its formulas spill, [row0, col0, row1, col1]
 * from its first row (0-based), so that a rebuild knows those cells are its own.
 */
export interface ExtraSection {
  readonly title: string;
  readonly rows: WriteCell[][];
  readonly spills?: readonly (readonly [number, number, number, number])[];
}
export type ScorecardExtra = (wb: WorkbookPort, definition?: ScorecardDefinition) => ExtraSection | null;

/** An add-on sheet: the one it made before (by tag), else a free name. Never a sheet it did not create. */
function ownSheet(wb: WorkbookPort, tag: string, names: readonly string[], remembered: string | null): { name: string; exists: boolean } {
  const all = wb.sheetNames();
  if (remembered && all.includes(remembered) && wb.getSheetTag(remembered) === tag) return { name: remembered, exists: true };
  const tagged = all.find((n) => wb.getSheetTag(n) === tag);
  if (tagged) return { name: tagged, exists: true };
  const taken = new Set(all.map((n) => n.toLowerCase()));
  for (const n of names) if (!taken.has(n.toLowerCase())) return { name: n, exists: false };
  for (let i = 2; ; i++) {
    const n = `${names[names.length - 1]} ${i}`;
    if (!taken.has(n.toLowerCase())) return { name: n, exists: false };
  }
}

/** Which measures the sheet shows: those asked for whose source is there and whose columns the data has. */
function measuresToShow(def: ScorecardDefinition, sources: Partial<Record<Source, ResolvedSource>>, ids: ReadonlySet<MeasureId>) {
  const wanted = def.measures ?? MEASURES.map((m) => m.id);
  const shown: ShownMeasure[] = [];
  const missing: string[] = [];
  for (const info of MEASURES as readonly MeasureInfo[]) {
    if (!wanted.includes(info.id)) continue;
    if (sources[info.source] && ids.has(info.id)) shown.push({ info, source: info.source });
    else if (def.measures)
      missing.push(`${info.label}: needs ${info.source} data with ${measureNeeds(info.id).join(', ').replace(/_/g, ' ')}`);
  }
  return { shown, missing };
}

/**
 * Builds (or rebuilds) the Scorecard and its data sheet through the workbook port. Every number is a live
 * formula: one source formula per source sheet on the data sheet, native formulas on the scorecard; so
 * pasting rows below the data updates it. The number of calls into the workbook depends on the number of
 * sources and measures, never on the number of data rows.
 */
export function buildScorecard(
  wb: WorkbookPort,
  given: ScorecardDefinition,
  builtAt: string,
  extras: readonly ScorecardExtra[] = [],
  options: BuildOptions = {},
): BuildResult {
  const dates = options.dates ?? { zone: UTC_ZONE, monthFirst: isMonthFirstLocale(wb.locale()) };
  // The definition is stored last: refuse before reading or writing anything when the spreadsheet could not keep it.
  checkSettingFits(wb, DEFINITION_KEY, JSON.stringify(given), 'The scorecard');
  const sources: Partial<Record<Source, ResolvedSource>> = {};
  for (const kind of SOURCES) {
    const ref = given.sources[kind];
    if (ref) sources[kind] = resolveSource(wb, kind, ref);
  }
  if (!sources.sales?.ranges.date && !sources.feedback?.ranges.date)
    throw new BuildError('The scorecard needs sales or feedback data with a date column. Choose the date column in the wizard.');

  // What the formulas will show, computed now from the same core: the first period (so that every source
  // lines up from it), the measures the data gives, and any that cannot be counted.
  const spec = calendarSpec(given.period);
  let series;
  try {
    const cols: Partial<Record<Source, ResolvedSource['columns']>> = {};
    for (const k of SOURCES) if (sources[k]) cols[k] = sources[k]!.columns;
    series = sourceSeriesOf(cols, spec, dates, { spec: calendarSpec(SCORECARD_DEFAULTS.healthPeriod), lastDays: given.lastDays });
  } catch (e) {
    if (e instanceof InputError) throw new BuildError(e.message);
    throw e;
  }
  let start = Infinity;
  let last = -Infinity;
  const ids = new Set<MeasureId>();
  const problems: { measure: MeasureId; problem: string }[] = [];
  for (const s of Object.values(series)) {
    if (!s || s.count === 0) continue;
    start = Math.min(start, s.first);
    last = Math.max(last, s.first + s.count - 1);
    for (const m of s.measures) {
      ids.add(m.id);
      if (m.problem) problems.push({ measure: m.id, problem: m.problem });
    }
  }
  if (start === Infinity) throw new BuildError('No row of the chosen data has a date. Check the date column in the wizard.');
  const { shown, missing } = measuresToShow(given, sources, ids);
  if (shown.length === 0)
    throw new BuildError('None of the measures can be computed from the columns chosen. Check the column roles in the wizard.');

  // Each shown measure's target: typed, on its path, or suggested from the history up to the last period
  // (the same function as the command line's, on the same series).
  const clockSeries = series.sales && series.sales.count > 0 ? series.sales : series.feedback!;
  const clockLast = clockSeries.first + clockSeries.count - 1;
  const paths: Partial<Record<MeasureId, PathAt>> = {};
  for (const [id, p] of Object.entries(given.paths ?? {})) {
    try {
      const at = pathAt(p, spec);
      if (at) paths[id as MeasureId] = at;
    } catch (e) {
      if (e instanceof InputError) throw new BuildError(e.message);
      throw e;
    }
  }
  const historyOf = (m: ShownMeasure): { values: (number | null)[]; latest: number | null } => {
    const s = series[m.source]!;
    const row = s.measures.find((r) => r.id === m.info.id)!;
    const values: (number | null)[] = [];
    let latest: number | null = null;
    for (let k = 0; k < s.count && s.first + k <= clockLast; k++) {
      values.push(row.values[k]);
      if (row.values[k] !== null && s.first + k > clockLast - given.periods) latest = s.first + k;
    }
    return { values, latest };
  };

  // What a manager typed into the scorecard last time is kept; anything else they added, we ask about first.
  const target = ownSheet(wb, SCORECARD_TAG, PREFERRED_NAMES, wb.getSetting(SCORECARD_SHEET_KEY));
  const stored = (() => {
    const text = wb.getSetting(DEFINITION_KEY);
    try {
      return text ? parseDefinition(JSON.parse(text)) : null;
    } catch {
      return null;
    }
  })();
  const footprint = parseFootprint(wb.getSetting(FOOTPRINT_KEY));
  const kept = target.exists && footprint ? readBack(wb.sheet(target.name)!.readValues(), footprint) : null;
  if (kept?.added.length && !options.force) throw new NeedsConfirmation(target.name, kept.added);
  const targets: Partial<Record<MeasureId, number | null>> = { ...given.targets };
  for (const info of MEASURES) {
    const id = info.id;
    const changedInWizard = (given.targets[id] ?? null) !== (stored?.targets[id] ?? null);
    if (!changedInWizard && kept && id in kept.targets) targets[id] = kept.targets[id]!;
  }
  const notes: Partial<Record<MeasureId, string>> = { ...(given.notes ?? {}), ...(kept?.notes ?? {}) };
  const def: ScorecardDefinition = { ...given, targets, ...(Object.keys(notes).length ? { notes } : {}) };
  const resolved: Partial<Record<MeasureId, MeasureTarget>> = {};
  for (const m of shown) {
    const h = historyOf(m);
    resolved[m.info.id] = measureTarget(m.info, h.values, targets[m.info.id], paths[m.info.id], h.latest);
  }

  const data = ownSheet(wb, DATA_TAG, DATA_SHEET_NAMES, null);
  const width = last - start + 1 + (HEADROOM[spec.kind] ?? 120);
  const evidence = {
    leads: shown.filter((m) => m.info.kind === 'lead').map((m) => ({ id: m.info.id, source: m.source, label: m.info.label })),
    lags: shown.filter((m) => m.info.kind === 'lag').map((m) => ({ id: m.info.id, source: m.source, label: m.info.label })),
  };
  const health0 = { period: SCORECARD_DEFAULTS.healthPeriod, lastDays: def.lastDays };
  const dataPlan = planDataSheet(sources, spec, start, width, def.periods, health0, evidence);

  const reads = Object.values(sources)
    .filter((s): s is ResolvedSource => !!s)
    .map((s) => `${s.kind} from "${s.sheet}" (rows ${s.dataFrom}–${s.dataTo} and any pasted below)`)
    .join('; ');
  // Target health comes from the sales block's own section (the same call: the sales columns are read once).
  const hr = healthRow(dataPlan);
  const healthPeriods = (series.sales?.health?.length ?? 0) + HEALTH_SPARE;
  const health =
    hr !== null && sources.sales?.ranges.amount
      ? { row: hr, periods: healthPeriods, known: series.sales?.health?.length ?? 0, columns: HEALTH_HEADERS.length }
      : null;
  const skipped: { sheet: string; row: number; reason: string }[] = [];
  for (const k of SOURCES) {
    const s = sources[k];
    if (!s) continue;
    for (const r of s.table.skipped) skipped.push({ sheet: s.sheet, row: r.row, reason: r.reason });
    for (const l of series[k]?.leftOut ?? [])
      skipped.push({ sheet: s.sheet, row: s.columns.rows?.[l.index] ?? l.index + 1, reason: l.reason });
  }
  const footer: WriteCell[][] = [[]];
  footer.push([{ text: skipped.length ? `Rows left out when built (${skipped.length}):` : 'No rows were left out.' }]);
  for (const k of skipped.slice(0, 30)) footer.push([{ text: `"${k.sheet}" row ${k.row}: ${k.reason}` }]);
  if (skipped.length > 30) footer.push([{ text: `... and ${skipped.length - 30} more` }]);
  if (missing.length) {
    footer.push([], [{ text: 'Not shown (the data does not have what they need):' }]);
    for (const m of missing) footer.push([{ text: m }]);
  }
  const extraSections = extras.map((x) => x(wb, def)).filter((x): x is ExtraSection => !!x);
  const atRisk = atRiskPanel(wb, sources, spec, dates, builtAt, def.sources.sales?.currency);
  const plan = planScorecard({
    dataSheet: data.name,
    data: dataPlan,
    dataStart: start,
    periods: def.periods,
    measures: shown,
    targets: resolved,
    paths,
    notes,
    marked: markedMeasures(
      def.marked,
      shown.map((m) => m.info.id),
    ),
    maxLag: def.maxLag,
    title: 'Leadlag scorecard: lead measures (customers) beside lag measures (money)',
    reads: `Reads ${reads}. Built ${builtAt}. Numbers are live formulas (the workings are on "${data.name}").`,
    health,
    extras: extraSections,
    footer,
    currency: def.sources.sales?.currency,
    atRisk,
  });

  // With the targets and notes read back it may have grown: check again before anything is written.
  checkSettingFits(wb, DEFINITION_KEY, JSON.stringify(def), 'The scorecard');

  // Write: the data sheet, then the scorecard, each one block, one batch of styles, one set of rules.
  const dataSheet = data.exists ? wb.sheet(data.name)! : wb.insertSheet(data.name);
  if (data.exists) dataSheet.clear();
  else wb.setSheetTag(data.name, DATA_TAG);
  dataSheet.writeBlock(1, 1, dataPlan.block);
  dataSheet.applyStyles(dataPlan.styles);
  dataSheet.setFrozen(0, 2);

  const sheet = target.exists ? wb.sheet(target.name)! : wb.insertSheet(target.name);
  if (target.exists) sheet.clear();
  else wb.setSheetTag(target.name, SCORECARD_TAG);
  sheet.writeBlock(1, 1, plan.block);
  sheet.applyStyles(plan.styles);
  sheet.setConditionalRules(plan.rules);
  sheet.setFrozen(plan.frozen.rows, plan.frozen.cols);
  sheet.setColumnWidths(plan.widths);
  sheet.setCharts?.(plan.charts);
  wb.setSetting(SCORECARD_SHEET_KEY, target.name);
  wb.setSetting(DEFINITION_KEY, JSON.stringify(def));
  wb.setSetting(FOOTPRINT_KEY, JSON.stringify(footprintOf(plan.block, plan.spills, plan.editable, plan.layout.measureRows, plan.written)));
  return {
    sheetName: target.name,
    dataSheet: data.name,
    measures: shown.map((m) => m.info.id),
    missing,
    skipped,
    problems: problems.filter((p) => shown.some((m) => m.info.id === p.measure)),
    layout: plan.layout,
    targets: resolved,
    definition: def,
  };
}
