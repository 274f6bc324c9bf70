import { type Cell, isSheetError } from '../../core/values/cell';
import { type ScorecardDefinition, type SourceRefDef, parseDefinition } from '../../core/scorecard/definition';
import { RESULT_HEADERS } from '../../core/results/actionResults';
import { DEFAULT_WINDOW_TEXT, RESULT_WINDOWS, type ResultWindowChoice, parseWindow, windowWords } from '../../core/results/window';
import { columnLetter } from '../../core/tables/kinds';
import type { WorkbookPort } from '../ports/workbook';
import { DEFINITION_KEY } from '../scorecard/build';
import { type ResolvedSource, resolveSource } from '../scorecard/resolve';
import { formulaString, openColumn } from '../scorecard/references';
import type { Located } from './columns';
import { RESULTS_TAG, resultsColumn } from './resultsColumn';

export { RESULTS_TAG, resultsColumn };
import type { OpenSheet, ResponseColumn, TrackerColumn } from './sheets';

/**
 * The tracker's measured results: one ACTION_RESULT formula in the header cell of the column after the
 * tracker's own, spilling Before, After, Change, Measured result and Unhappy again for every action below.
 * Anchored in the header row, it stays put when the rows are sorted, and reads whole columns, so a new
 * action gets its result as soon as it is written. Its sources are the scorecard's (feedback, sales,
 * reviews, as the manager confirmed them in the wizard); without a scorecard feedback source, the Survey
 * responses sheet. A source whose rules leave rows out (voided sales, unfinished responses) is not used:
 * ACTION_RESULT cannot apply those rules, and a result counting them would be wrong, so the actions on its
 * measures say they are not measured.
 */
/** The formula last written, so that a new scorecard (other sources) is picked up by the next run. */
export const RESULTS_FORMULA_KEY = 'leadlag.tracker.results';

/** The spill's columns. */
export const RESULTS_WIDTH = RESULT_HEADERS.length;

function definition(wb: WorkbookPort): ScorecardDefinition | null {
  try {
    return parseDefinition(JSON.parse(wb.getSetting(DEFINITION_KEY) ?? 'null'));
  } catch {
    return null;
  }
}

/**
 * How long the windows before and after each action are (ACTION_RESULT's window_length), as the manager
 * chose it in the sidebar: one of RESULT_WINDOWS (core/results/window.ts), "period" meaning the scorecard's period (a month before the
 * opened day and a month after the closed day on a monthly scorecard). Kept in the document's settings, so
 * that writing the formula again (new sources) keeps it.
 */
export const RESULT_WINDOW_KEY = 'leadlag.tracker.window';

/** The choice stored (8 weeks when none, or one this version does not know), and the length it means now. */
export function resultWindow(
  wb: WorkbookPort,
  given?: ScorecardDefinition | null,
): { choice: ResultWindowChoice; text: string; words: string; period: string | null } {
  const stored = wb.getSetting(RESULT_WINDOW_KEY);
  const choice = (RESULT_WINDOWS as readonly string[]).includes(stored ?? '') ? (stored as ResultWindowChoice) : '8 weeks';
  const period = (given === undefined ? definition(wb) : given)?.period ?? null;
  // "period" without a scorecard: the default, until one is built.
  const text = choice === 'period' ? (period ?? DEFAULT_WINDOW_TEXT) : choice;
  const spec = parseWindow(text) ?? parseWindow(DEFAULT_WINDOW_TEXT)!;
  return { choice, text, words: windowWords(spec), period };
}

/** A source of the scorecard as ranges, or null when it is gone or has rules that leave rows out. */
function source(wb: WorkbookPort, kind: 'feedback' | 'sales' | 'reviews', ref: SourceRefDef | undefined): ResolvedSource | null {
  if (!ref || ref.rules?.leaveOut?.length) return null;
  try {
    return resolveSource(wb, kind, ref);
  } catch {
    return null;
  }
}

/** The tracker's column where it is now, from row 1 (its header is what tells ACTION_RESULT to write its own). */
const own = (cols: Located<TrackerColumn>, id: TrackerColumn) => {
  const j = cols.at.get(id);
  return j === undefined ? null : `$${columnLetter(j)}$1:$${columnLetter(j)}`;
};

/**
 * The ACTION_RESULT formula for the tracker's columns as located now, or null when a column it needs is gone.
 * `given`: the scorecard's definition being built (else the one stored).
 */
export function resultsFormula(
  wb: WorkbookPort,
  cols: Located<TrackerColumn>,
  responses: ResponsesSheet | null,
  given?: ScorecardDefinition,
): string | null {
  const tracker = (['measure', 'customer', 'opened', 'closed', 'status'] as const).map((id) => own(cols, id));
  if (tracker.some((r) => r === null)) return null;
  const def = given ?? definition(wb);
  const rows: string[] = [];
  const blank = '""';
  let feedback: (string | undefined)[] = [];
  const fb = source(wb, 'feedback', def?.sources.feedback);
  if (fb?.ranges.date && (fb.ranges.referral_score || fb.ranges.satisfaction || fb.ranges.comparison)) {
    const r = fb.ranges;
    feedback = [r.date, r.customer, r.referral_score, r.satisfaction, r.comparison];
    rows.push(`feedback=${fb.firstRow}`);
  } else {
    // The loop's own feedback table: its columns are found by their tags, whatever was done to them.
    const t = responses;
    const at = (id: 'at' | 'customer' | 'referral' | 'csat' | 'comparison') => {
      const j = t?.cols.at.get(id);
      return t && j !== undefined ? openColumn(t.name, j, 2) : undefined;
    };
    if (t && at('at')) {
      feedback = [at('at'), at('customer'), at('referral'), at('csat'), at('comparison')];
      rows.push('feedback=2');
    }
  }
  let sales: (string | undefined)[] = [];
  const sa = source(wb, 'sales', def?.sources.sales);
  if (sa) {
    const r = sa.ranges;
    // Returns by value need each order's amount once per row: not where an order's amount is repeated on its lines.
    const byValue = !r.quantity && r.refunded && r.amount && sa.columns.rules?.amounts !== 'order';
    const sold = r.quantity && r.returned ? r.quantity : byValue ? r.amount : undefined;
    const returned = r.quantity && r.returned ? r.returned : byValue ? r.refunded : undefined;
    sales = [r.date, r.customer, r.promised_date, r.delivered_date, sold, returned];
    if (sales.some((x) => x)) rows.push(`sales=${sa.firstRow}`);
  }
  let reviews: (string | undefined)[] = [];
  const rv = source(wb, 'reviews', def?.sources.reviews);
  if (rv?.ranges.date && rv.ranges.stars) {
    const r = rv.ranges;
    reviews = [r.date, r.stars, r.responded, r.customer];
    rows.push(`reviews=${rv.firstRow}`);
  }
  const pad = (list: (string | undefined)[], n: number) => Array.from({ length: n }, (_, i) => list[i] ?? blank);
  const args = [
    ...tracker,
    ...pad(feedback, 5),
    ...pad(sales, 6),
    ...pad(reviews, 4),
    formulaString(resultWindow(wb, def).text),
    formulaString(rows.join(', ')),
  ];
  return `=ACTION_RESULT(${args.join(', ')})`;
}

/** The Survey responses sheet and where its columns are (sheets.ts readOwn), or null. */
export interface ResponsesSheet {
  readonly name: string;
  readonly cols: Located<ResponseColumn>;
}

export interface ResultsState {
  /** 1-based column of the formula, or null when it could not be placed (a column it reads is gone). */
  readonly col: number | null;
  /** Why the results do not show, in words (the spill is blocked, the formula fails), or null. */
  readonly problem: string | null;
}

/** Why the results cell shows what it shows, or null when it spills as it should. */
function problemOf(head: Cell): string | null {
  if (head === RESULT_HEADERS[0]) return null;
  if (isSheetError(head))
    return head.trim() === '#REF!'
      ? 'The measured results cannot spill: a cell in their columns under "Before" holds something typed there. Clear it and they come back.'
      : `The measured results show ${head.trim()}: point at that cell to read why.`;
  return null;
}

/**
 * Makes sure the tracker has its results formula, with the sources as they are now: written after the
 * tracker's last column when it has none (or after the user typed over it), written again when the
 * scorecard's sources changed. A spill blocked by a typed cell is left for the user to clear, and said.
 */
export function ensureResults(
  wb: WorkbookPort,
  t: OpenSheet<TrackerColumn>,
  responses: ResponsesSheet | null,
  given?: ScorecardDefinition,
): ResultsState {
  const formula = resultsFormula(wb, t.cols, responses, given);
  if (!formula)
    return {
      col: null,
      problem: 'The tracker lacks a column the measured results read (Lead measure, Customer, Opened, Closed or Status).',
    };
  let col = resultsColumn(t.sheet, t.grid, t.cols);
  // A column of the tracker's to its right (made again at the end, or dragged there) would sit in its spill:
  // it moves to the end, before any row is written across it.
  const lastOwn = Math.max(0, ...[...t.cols.at.values()].map((j) => j + 1));
  if (col !== null && col <= lastOwn) {
    if (![...t.cols.at.values()].includes(col - 1)) t.sheet.writeBlock(1, col, [[null]]);
    col = null;
  }
  const head = col === null ? '' : (t.grid[0]?.[col - 1] ?? '');
  if (col !== null && wb.getSetting(RESULTS_FORMULA_KEY) === formula && (head === RESULT_HEADERS[0] || isSheetError(head)))
    return { col, problem: problemOf(head) };
  // Written where it is (the sources changed, or something was typed over it), else after the tracker's last column.
  const fresh = col === null;
  if (col === null) col = Math.max(t.grid[0]?.length ?? 0, t.cols.width, lastOwn) + 1;
  t.sheet.writeBlock(1, col, [[{ formula }]]);
  if (fresh) {
    t.sheet.setColumnTags?.([{ col, tag: RESULTS_TAG }]);
    const from = columnLetter(col - 1);
    const to = columnLetter(col - 2 + RESULTS_WIDTH);
    t.sheet.applyStyles([
      { a1: `${from}1:${to}1`, bold: true, background: '#e8f0fe' },
      { a1: `${from}2:${to}`, wrap: true },
    ]);
    t.sheet.setColumnWidths(RESULT_HEADERS.map((_, i) => ({ col: col! + i, width: i === 3 ? 300 : 150 })));
  }
  wb.setSetting(RESULTS_FORMULA_KEY, formula);
  return { col, problem: null };
}
