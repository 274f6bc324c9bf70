import type { Cell } from '../../core/values/cell';
import { RESULT_HEADERS } from '../../core/results/actionResults';
import type { SheetPort } from '../ports/workbook';
import { type Located, columnTag } from './columns';

/** The tag of the tracker's results column (results.ts): the tracker's kind, "results". */
export const RESULTS_TAG = columnTag('leadlag:tracker', 'results');

/** Where the results formula is: its tag, else a header "Before" that no column of the tracker's own has taken. */
export function resultsColumn(sheet: SheetPort, grid: readonly (readonly Cell[])[], cols: Located<string>): number | null {
  const tagged = sheet.columnTags?.().get(RESULTS_TAG);
  if (tagged !== undefined) return tagged;
  const taken = new Set(cols.at.values());
  const j = (grid[0] ?? []).findIndex((h, i) => !taken.has(i) && typeof h === 'string' && h.trim() === RESULT_HEADERS[0]);
  return j < 0 ? null : j + 1;
}
