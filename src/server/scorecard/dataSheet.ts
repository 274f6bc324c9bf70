import { type PeriodSpec, periodLabel } from '../../core/time/periods';
import { type MeasureId, type Source } from '../../core/scorecard/measures';
import { formatOptions } from '../../core/sources/rules';
import { FIRST_PERIOD_COLUMN, HEALTH_ROW, sourceRow, sourceRows } from '../../core/sources/table';
import { type StyledRange, type WriteCell } from '../ports/workbook';
import { type ResolvedSource } from './resolve';
import { formulaString, quoteSheet } from './references';

/**
 * The scorecard's data sheet ("Leadlag data"): one source formula per source sheet, each spilling every
 * measure of that source per period (core/sources/table.ts), all starting at the same period so that a
 * period is the same column in every block. The scorecard's cells point into these rows with native
 * INDEX formulas, so a pasted row re-runs one custom function per source sheet (plus the evidence), and
 * each source column is read once per recalculation.
 *
 *   row 1   the column (1-based) of each period the scorecard shows: the last `periods` of the clock block
 *   row 3…  the evidence block: each lead measure's row, then each lag measure's, as plain references into
 *           the source blocks, one rectangle that CONNECTIONS reads (over every period, not only those shown)
 *   then    FEEDBACK_SERIES, REVIEWS_SERIES, SALES_SERIES (last: its target-health section may grow downward)
 */
export const DATA_TAG = 'leadlag:data';
export const DATA_SHEET_NAMES = ['Leadlag data', 'Leadlag data 2', 'Leadlag data 3'];
const FIRST_BLOCK_ROW = 3;
const ORDER: readonly Source[] = ['feedback', 'reviews', 'sales'];

export interface DataSheetPlan {
  readonly block: WriteCell[][];
  /** The evidence block's rows (1-based, inclusive) of the lead and of the lag measures; null when one side is empty. */
  readonly evidence: { readonly leads: readonly [number, number]; readonly lags: readonly [number, number] } | null;
  readonly styles: StyledRange[];
  /** The 1-based sheet row of each source's block (its header row). */
  readonly blockRow: Partial<Record<Source, number>>;
  /** The block whose latest period ends the scorecard. */
  readonly clock: Source;
  /** How many period columns the blocks may use (from the start): the evidence reads this many. */
  readonly width: number;
}

/** A measure the evidence reads: where it comes from, and the name its sentences use. */
export interface EvidenceMeasure {
  readonly id: MeasureId;
  readonly source: Source;
  readonly label: string;
}

/** What the scorecard needs to point at a measure: its data-sheet rows. */
export function measureRows(plan: DataSheetPlan, source: Source, id: MeasureId): { values: number; counts: number; signals: number } {
  const top = plan.blockRow[source];
  if (top === undefined) throw new Error(`no ${source} block`);
  const r = top + sourceRow(source, id);
  return { values: r, counts: r + 1, signals: r + 2 };
}

/** The letter of the data sheet's period column k (0-based from the start). */
export function periodColumnLetter(k: number): string {
  let n = FIRST_PERIOD_COLUMN + k + 1;
  let s = '';
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** The source formula the data sheet holds for one source (its header cell), as text. */
export function sourceFormula(
  s: ResolvedSource,
  spec: PeriodSpec,
  start: string,
  health: { period: string; lastDays: number; targets?: string },
): string {
  const r = (role: string) => s.ranges[role as keyof typeof s.ranges] ?? '""';
  const options = formulaString(formatOptions(s.columns.rules ?? {}, s.firstRow));
  const filters = s.filterRanges.length ? `, ${s.filterRanges.join(', ')}` : '';
  const period = formulaString(spec.kind);
  const from = formulaString(start);
  switch (s.kind) {
    case 'sales':
      return (
        `SALES_SERIES(${r('date')}, ${r('amount')}, ${period}, ${r('order_id')}, ${r('cost')}, ${r('quantity')}, ${r('returned')}, ` +
        `${r('promised_date')}, ${r('delivered_date')}, ${r('refunded')}, ${r('margin')}, ${r('discount')}, ${from}, ${options}` +
        `${filters}${', ""'.repeat(3 - s.filterRanges.length)}, "", ${formulaString(health.period)}, ${health.lastDays}` +
        `${health.targets ? `, ${health.targets}` : ''})`
      );
    case 'feedback':
      return `FEEDBACK_SERIES(${r('date')}, ${r('referral_score')}, ${r('satisfaction')}, ${r('comparison')}, ${period}, ${from}, ${options}${filters})`;
    case 'reviews':
      return `REVIEWS_SERIES(${r('date')}, ${r('stars')}, ${r('responded')}, ${period}, ${from}, ${options}${filters})`;
  }
}

/**
 * The data sheet for these sources, from `start` (a period index: the earliest period any source had when
 * built) with room for `width` periods, the scorecard showing `shown` of them.
 */
export function planDataSheet(
  sources: Partial<Record<Source, ResolvedSource>>,
  spec: PeriodSpec,
  start: number,
  width: number,
  shown: number,
  health: { period: string; lastDays: number; targets?: string },
  evidence: { readonly leads: readonly EvidenceMeasure[]; readonly lags: readonly EvidenceMeasure[] },
): DataSheetPlan {
  const present = ORDER.filter((k) => sources[k]);
  const clock: Source = sources.sales ? 'sales' : 'feedback';
  const blockRow: Partial<Record<Source, number>> = {};
  const both = evidence.leads.length > 0 && evidence.lags.length > 0;
  const evidenceRows = both ? evidence.leads.length + evidence.lags.length + 1 : 0;
  let row = FIRST_BLOCK_ROW + evidenceRows;
  for (const k of present) {
    blockRow[k] = row;
    row += sourceRows(k) + 1;
  }
  const cols = FIRST_PERIOD_COLUMN + Math.max(width, shown);
  const block: WriteCell[][] = Array.from({ length: row - 1 }, () => new Array<WriteCell>(cols).fill(null));
  const clockRow = blockRow[clock]!;
  block[0][0] = { text: 'Column of each period the scorecard shows' };
  block[0][1] = { text: `the last ${shown} of row ${clockRow}` };
  // The last period's column: its labels are the row's non-empty cells after A and B. The spill pads the row
  // with empty strings where its target-health section is wider, which COUNTA counts (and HyperFormula's
  // COUNTIF wildcards and COUNTBLANK treat otherwise than Sheets): LEN is read alike by both.
  const nonEmpty = (range: string) => `SUMPRODUCT((LEN(${range})>0)*1)`;
  const labels = `${nonEmpty(`$${clockRow}:$${clockRow}`)}-${nonEmpty(`$A$${clockRow}:$B$${clockRow}`)}+2`;
  for (let j = 0; j < shown; j++) block[0][FIRST_PERIOD_COLUMN + j] = { formula: `${labels}-${shown - 1 - j}` };
  const label = periodLabel(start, spec);
  for (const k of present) block[blockRow[k]! - 1][0] = { formula: sourceFormula(sources[k]!, spec, label, health) };
  // The evidence block: plain references (a formula's array literal of ranges would do in Sheets, but the
  // preview's engine does not recalculate through one).
  const w = Math.max(width, shown);
  let evidenceOut: DataSheetPlan['evidence'] = null;
  if (both) {
    let r = FIRST_BLOCK_ROW;
    const put = (m: EvidenceMeasure) => {
      const src = blockRow[m.source]! + sourceRow(m.source, m.id);
      block[r - 1][0] = { text: m.label };
      for (let k = 0; k < w; k++) {
        const c = `${periodColumnLetter(k)}${src}`;
        block[r - 1][FIRST_PERIOD_COLUMN + k] = { formula: `IF(ISNUMBER(${c}), ${c}, "")` };
      }
      r++;
    };
    const l0 = r;
    evidence.leads.forEach(put);
    const g0 = r;
    evidence.lags.forEach(put);
    evidenceOut = { leads: [l0, g0 - 1], lags: [g0, r - 1] };
  }
  const styles: StyledRange[] = [
    { a1: `A1:B1`, italic: true, color: '#5f6368' },
    ...present.map((k) => ({ a1: `A${blockRow[k]}:B${blockRow[k]}`, bold: true })),
  ];
  if (both) styles.push({ a1: `A${FIRST_BLOCK_ROW}:A${FIRST_BLOCK_ROW + evidenceRows - 2}`, italic: true });
  return { block, evidence: evidenceOut, styles, blockRow, clock, width: w };
}

/** The 1-based data-sheet row of the sales block's target-health header (its periods follow). */
export function healthRow(plan: DataSheetPlan): number | null {
  const top = plan.blockRow.sales;
  return top === undefined ? null : top + HEALTH_ROW;
}

/** A reference to a data-sheet row, whole (`'Leadlag data'!$12:$12`): new periods appear in it by themselves. */
export function dataRowRef(sheet: string, row: number): string {
  return `${quoteSheet(sheet)}!$${row}:$${row}`;
}

/** A bounded run of a data-sheet row's period cells, for formulas that need a rectangle (the evidence). */
export function dataPeriodsRef(sheet: string, row: number, width: number): string {
  return `${quoteSheet(sheet)}!$${periodColumnLetter(0)}$${row}:$${periodColumnLetter(width - 1)}$${row}`;
}
