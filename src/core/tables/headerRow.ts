import { type Cell } from '../values/cell';
import { fail } from '../values/errors';
import { type Kind, cellKind, isEmptyCell } from './kinds';

/** Where the column names are: a 0-based row of the grid and the columns they span. */
export interface HeaderSpan {
  readonly row: number;
  readonly firstCol: number;
  readonly lastCol: number;
}

/** Longer than this is a sentence or a note, not a column name (survey questions fit). */
const MAX_HEADER_LENGTH = 150;
/** How many data rows below a candidate are enough to judge the types of its columns. */
const SAMPLE_ROWS = 20;

export function rowKinds(row: readonly Cell[] | undefined, width: number): Kind[] {
  const out = new Array<Kind>(width);
  for (let j = 0; j < width; j++) out[j] = cellKind(row ? row[j] : '');
  return out;
}

const filled = (kinds: readonly Kind[]): number => kinds.reduce((n, k) => (k === 'blank' ? n : n + 1), 0);

/**
 * Most non-empty cells are short texts (a few may be numbers, e.g. a year), mostly distinct:
 * a pasted sheet may name two columns alike ("Date", "Date").
 */
function looksLikeNames(row: readonly Cell[], kinds: readonly Kind[], minCells: number): boolean {
  const names = new Set<string>();
  let count = 0;
  let texts = 0;
  for (let j = 0; j < kinds.length; j++) {
    if (kinds[j] === 'blank') continue;
    count++;
    const c = row[j];
    if (kinds[j] === 'text' && typeof c === 'string' && c.trim().length <= MAX_HEADER_LENGTH) {
      names.add(c.trim().toLowerCase());
      texts++;
    }
  }
  return count >= minCells && texts >= 0.75 * count && names.size > 0.5 * texts;
}

function dominant(kinds: readonly Kind[]): Kind | undefined {
  const counts = new Map<Kind, number>();
  let best: Kind | undefined;
  let bestCount = 0;
  for (const k of kinds) {
    if (k === 'blank') continue;
    const n = (counts.get(k) ?? 0) + 1;
    counts.set(k, n);
    if (n > bestCount) {
      best = k;
      bestCount = n;
    }
  }
  return best;
}

/**
 * Whether the rows below a candidate look like data under it: the first of them must have the same
 * kinds (date, number, text...) as the rows that follow it in most columns. Under a title row the
 * first row below is the real header, whose texts disagree with the numbers and dates further down.
 */
function dataBelow(below: Kind[][], candidateCells: number): boolean {
  if (below.length === 0) return false;
  const widest = Math.max(...below.map(filled));
  if (candidateCells < 0.5 * widest) return false; // a title or note beside a wide table
  const [first, ...rest] = below;
  if (rest.length === 0) return true;
  let compared = 0;
  let agree = 0;
  for (let j = 0; j < first.length; j++) {
    if (first[j] === 'blank') continue;
    const usual = dominant(rest.map((r) => r[j]));
    compared++;
    if (usual === undefined || usual === first[j]) agree++;
  }
  return compared > 0 && agree >= (2 / 3) * compared;
}

/**
 * The header row: the first row where most non-empty cells are distinct short texts and the rows
 * below it hold values of consistent types. Title rows (one cell), notes and blank rows above it are
 * passed over. Throws when the grid has no such row.
 */
/** How far down the header row is looked for. */
export const HEADER_SEARCH = 1000;

export function findHeaderRow(grid: readonly (readonly Cell[])[]): HeaderSpan {
  const width = grid.reduce((w, r) => Math.max(w, r ? r.length : 0), 0);
  // Kinds cost a date probe per cell: worked out only for the rows looked at, near the top.
  const kindCache = new Map<number, Kind[]>();
  const kindsOf = (r: number): Kind[] => {
    let k = kindCache.get(r);
    if (!k) kindCache.set(r, (k = rowKinds(grid[r], width)));
    return k;
  };
  // Filled cells per row, counted only for the rows looked at: the header is searched for near the
  // top (HEADER_SEARCH rows), not through a pasted sheet of 100,000s of rows.
  const countCache = new Map<number, number>();
  const count = (i: number): number => {
    let n = countCache.get(i);
    if (n === undefined) {
      const row = grid[i];
      n = row ? row.reduce<number>((k, c) => (isEmptyCell(c) ? k : k + 1), 0) : 0;
      countCache.set(i, n);
    }
    return n;
  };
  let widest = 0;
  for (let i = 0; i < Math.min(grid.length, HEADER_SEARCH + SAMPLE_ROWS); i++) widest = Math.max(widest, count(i));
  if (widest === 0) fail('the sheet is empty: paste the data (with its row of column names) first');
  // A one-column table has one-cell header; anywhere else a single filled cell is a title or note.
  const minCells = Math.min(2, widest);
  for (let r = 0; r < Math.min(grid.length, HEADER_SEARCH); r++) {
    if (count(r) < minCells || !looksLikeNames(grid[r], kindsOf(r), minCells)) continue;
    const below: Kind[][] = [];
    for (let i = r + 1; i < grid.length && below.length <= SAMPLE_ROWS; i++) if (count(i) > 0) below.push(kindsOf(i));
    if (!dataBelow(below, filled(kindsOf(r)))) continue;
    const kinds = kindsOf(r);
    let firstCol = 0;
    while (kinds[firstCol] === 'blank') firstCol++;
    let lastCol = width - 1;
    while (kinds[lastCol] === 'blank') lastCol--;
    return { row: r, firstCol, lastCol };
  }
  return fail(
    'no header row found: no row holds column names (such as "Order Date", "Net Sales") with data below it. ' +
      'Add a row of column names directly above the data, or select the range that includes it',
  );
}
