import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsv } from '../core/tables/csv';
import type { WorkbookPort, WriteCell } from '../server/ports/workbook';
import { TRACKER, TRACKER_COLUMNS, type TrackerColumn, readOwn } from '../server/tracker/sheets';
import { rowFor } from '../server/tracker/columns';

/** The example improvement actions (examples/generate.ts planActions): closed ones whose measures did and did not move. */
export const EXAMPLE_ACTIONS = join(__dirname, '..', '..', 'examples', 'tracker', 'actions.csv');

/**
 * The preview's own step: once the survey wizard has made the improvement tracker, the example actions go
 * on it (below whatever is there), as a manager who had run the loop for a while would have them. Their
 * Measured result is ACTION_RESULT over the example data, live: "moved", "no change", "too few answers".
 * Preview only (`npm start` on the example data); the add-on itself never writes actions but the loop's.
 * Returns how many were written.
 */
export function seedExampleActions(wb: WorkbookPort, file: string = EXAMPLE_ACTIONS): number {
  const t = readOwn(wb, TRACKER);
  if (!t) return 0;
  const [header, ...rows] = parseCsv(readFileSync(file, 'utf8')).filter((r) => r.some((c) => c !== ''));
  const ids = header.map((h) => TRACKER_COLUMNS.find((c) => c.header === h)?.id);
  const dated = new Set<TrackerColumn>(['opened', 'due', 'closed']);
  const block = rows.map((r) => {
    const cells: Partial<Record<TrackerColumn, WriteCell>> = {};
    ids.forEach((id, j) => {
      const v = r[j] ?? '';
      if (!id || v === '') return;
      // Dates and IDs as typed (Sheets reads them as dates and numbers); everything else stays text.
      cells[id] = id === 'id' ? Number(v) : dated.has(id) || id === 'status' ? v : { text: v };
    });
    return rowFor(t.cols, cells);
  });
  if (!block.length) return 0;
  const used = t.grid.filter((r) => r.some((c) => c !== '' && c !== null)).length;
  t.sheet.writeBlock(used + 1, 1, block);
  return block.length;
}
