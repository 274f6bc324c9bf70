import type { WorkbookPort, WriteCell } from '../ports/workbook';
import type { ExtraSection } from '../scorecard/build';
import { openColumn } from '../scorecard/references';
import type { ScorecardDefinition } from '../../core/scorecard/definition';
import { IMPROVEMENT_RESULTS_COLUMNS, IMPROVEMENT_RESULTS_ROWS } from '../../functions/defs/improvementResults';
import { RESPONSES, TRACKER, type TrackerColumn, openTracker, readOwn } from './sheets';
import { RESULTS_FORMULA_KEY, ensureResults, resultsFormula } from './results';
import { resultsColumn } from './resultsColumn';

/**
 * The scorecard's live section of the tracker, once it exists: IMPROVEMENT_SUMMARY (open, overdue, done,
 * median days to close) and, once the tracker has its measured results, IMPROVEMENT_RESULTS (the sentence
 * "12 actions closed this quarter; 5 moved their measure; 3 customers told what changed", what moved, who
 * was unhappy again, replies, and days to close by source and by owner). Their ranges point at the tracker's
 * columns where they are now; Sheets moves them when columns are inserted or moved later. No TODAY() in
 * their arguments: a custom function given a volatile argument shows "Loading..." for ever (as_of defaults
 * to today inside them).
 */
export const trackerSummary = (wb: WorkbookPort, definition?: ScorecardDefinition): ExtraSection | null => {
  let t = readOwn(wb, TRACKER);
  if (!t) return null;
  // A scorecard built on new sources: the tracker's results read them from now on (the build holds the lock).
  const responses = readOwn(wb, RESPONSES);
  if (definition && resultsFormula(wb, t.cols, responses, definition) !== wb.getSetting(RESULTS_FORMULA_KEY)) {
    ensureResults(wb, openTracker(wb), responses, definition);
    t = readOwn(wb, TRACKER)!;
  }
  const tracker = t.name;
  const range = (id: TrackerColumn) => {
    const j = t.cols.at.get(id);
    return j === undefined ? '""' : openColumn(tracker, j, 1);
  };
  const rows: WriteCell[][] = [
    [{ formula: `IMPROVEMENT_SUMMARY(${range('status')}, ${range('due')}, ${range('closed')}, ${range('opened')})` }],
    [],
  ];
  const spills: [number, number, number, number][] = [[0, 0, 1, 3]]; // IMPROVEMENT_SUMMARY: a header and one row of 4
  const results = resultsColumn(t.sheet, t.grid, t.cols);
  const needed: TrackerColumn[] = ['status', 'opened', 'closed', 'source', 'owner', 'customer', 'contact', 'replied'];
  if (results !== null && needed.every((id) => t.cols.at.has(id))) {
    const spilled = (k: number) => openColumn(tracker, results - 1 + k, 1);
    const args = [...needed.map(range), spilled(3), spilled(4), '"quarter"'];
    rows.push([], [{ formula: `IMPROVEMENT_RESULTS(${args.join(', ')})` }]);
    for (let i = 1; i < IMPROVEMENT_RESULTS_ROWS; i++) rows.push([]);
    spills.push([3, 0, 3 + IMPROVEMENT_RESULTS_ROWS - 1, IMPROVEMENT_RESULTS_COLUMNS - 1]);
  }
  return { title: 'Improvement: every unhappy signal is an action with an owner and a due date, and did it work?', rows, spills };
};
