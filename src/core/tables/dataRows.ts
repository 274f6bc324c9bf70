import { type Cell } from '../values/cell';
import { type Kind, cellKind, cellText, isEmptyCell } from './kinds';

/** A row left out of the table, with a reason a manager understands. */
export interface SkippedRow {
  /** 1-based sheet row (the grid is taken to start on row 1, as getDataRange's values do). */
  readonly row: number;
  readonly reason: string;
}

// Whole-cell matches only, so a customer called "Total Gym Ltd" stays data.
const TOTAL = /^(grand |sub-?|overall )?totals?\s*(:.*|\(.*\))?$|^(sum|subtotal)\s*:?$/i;
const NOTE = /^(notes?|source|exported|generated|printed|report|page|filter(ed)?|prepared|run on|as of)\b|^\*/i;
/** Rows sampled to learn what each column usually holds: enough to be sure, cheap on 100,000 rows. */
const KIND_SAMPLE = 200;

const quote = (s: string): string => `"${s.length > 50 ? `${s.slice(0, 47)}...` : s}"`;

function blankRun(from: number, to: number): SkippedRow {
  const first = from + 1;
  const last = to + 1;
  return first === last
    ? { row: first, reason: 'blank row' }
    : { row: first, reason: `${last - first + 1} blank rows (rows ${first} to ${last}, listed once)` };
}

interface Row {
  readonly r: number;
  /** Per column of the table: whether the cell holds something. */
  readonly filled: boolean[];
  readonly count: number;
  readonly total: string | undefined;
}

/**
 * Sorts the rows of a grid around its header into data rows and rows left out: blank rows (one
 * entry per run), rows above the header (titles, notes), repeated headers, totals rows and notes.
 */
export function sortRows(
  grid: readonly (readonly Cell[])[],
  headerRow: number,
  firstCol: number,
  lastCol: number,
  headers: readonly string[],
): { dataRows: number[]; skipped: SkippedRow[] } {
  const skipped: SkippedRow[] = [];
  let runStart = -1;
  // Blank rows are reported once per run, when the run ends (before row r).
  const closeRun = (r: number): void => {
    if (runStart >= 0) skipped.push(blankRun(runStart, r - 1));
    runStart = -1;
  };

  // Above the header: titles, notes and blank rows, whatever they hold.
  for (let r = 0; r < headerRow; r++) {
    const first = (grid[r] ?? []).find((c) => !isEmptyCell(c));
    if (first === undefined) {
      if (runStart < 0) runStart = r;
      continue;
    }
    closeRun(r);
    skipped.push({ row: r + 1, reason: `above the header row (a title or note: ${quote(cellText(first))})` });
  }
  closeRun(headerRow);

  // Below: blank rows and repeated headers go at once; the rest wait until the columns are known.
  const names = headers.map((h) => h.toLowerCase());
  const rows: Row[] = [];
  for (let r = headerRow + 1; r < grid.length; r++) {
    const cells = grid[r] ?? [];
    const filled: boolean[] = [];
    let count = 0;
    let same = 0;
    let total: string | undefined;
    for (let j = 0; j < headers.length; j++) {
      const c = cells[firstCol + j];
      const has = !isEmptyCell(c);
      filled.push(has);
      if (!has) continue;
      count++;
      if (typeof c === 'string' && c.length <= 160) {
        const t = c.trim();
        if (t.toLowerCase() === names[j]) same++;
        if (total === undefined && t.length <= 40 && TOTAL.test(t)) total = t;
      }
    }
    if (count === 0) {
      if (runStart < 0) runStart = r;
      continue;
    }
    closeRun(r);
    if (same >= Math.max(1, 0.75 * count) && (same >= 2 || headers.length === 1)) {
      skipped.push({ row: r + 1, reason: 'repeats the column names (a second header row)' });
      continue;
    }
    rows.push({ r, filled, count, total });
  }
  closeRun(grid.length);

  // What a real row fills, and what kind of value each column usually holds (from a sample).
  const plain = rows.filter((x) => x.total === undefined);
  const fill = headers.map((_, j) => (plain.length ? plain.filter((x) => x.filled[j]).length / plain.length : 0));
  const step = Math.max(1, plain.length / KIND_SAMPLE);
  const usual: (Kind | undefined)[] = headers.map((_, j) => {
    const counts = new Map<Kind, number>();
    for (let i = 0; i < plain.length; i += step) {
      const x = plain[Math.floor(i)];
      if (!x.filled[j]) continue;
      const k = cellKind(grid[x.r][firstCol + j]);
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    let best: Kind | undefined;
    for (const [k, v] of counts) if (best === undefined || v > (counts.get(best) ?? 0)) best = k;
    return best;
  });

  const dataRows: number[] = [];
  for (const x of rows) {
    const cells = grid[x.r];
    if (x.total !== undefined) {
      // A totals row lacks what every order has: an id, a date.
      const lacking = fill.some((f, j) => f >= 0.9 && (!x.filled[j] || (usual[j] === 'date' && cellKind(cells[firstCol + j]) !== 'date')));
      if (lacking || plain.length === 0) {
        skipped.push({ row: x.r + 1, reason: `a totals row (${quote(x.total)}), left out so nothing is counted twice` });
        continue;
      }
    }
    if (x.count === 1 && headers.length >= 3) {
      // One text cell in a wide table, where that column holds numbers or dates: a note.
      const j = x.filled.indexOf(true);
      const c = cells[firstCol + j];
      const text = cellText(c);
      if (cellKind(c) === 'text' && (NOTE.test(text) || (usual[j] !== undefined && usual[j] !== 'text'))) {
        skipped.push({ row: x.r + 1, reason: `a note, not data (only one cell filled: ${quote(text)})` });
        continue;
      }
    }
    dataRows.push(x.r);
  }
  skipped.sort((a, b) => a.row - b.row);
  return { dataRows, skipped };
}
