import { type Cell, isBlank } from '../../core/values/cell';
import { type WriteCell } from '../ports/workbook';
import { a1 } from '../scorecard/references';

/**
 * What a rebuild of the Goals sheet or the key-account plan must not lose: the columns a manager types into
 * (check-ins; the plan's owner, desired result, next review, next action), kept by the row's key (the goal's
 * ID, the customer: the key column the builder writes), so a goal or an account keeps its notes wherever the
 * rebuild puts it. Anything else typed on the sheet is found from where the builder wrote (the footprint, a
 * small document setting: rectangles, not cells) and asked about before a rebuild removes it, as the
 * scorecard's keep.ts does for its targets and notes.
 */
export type Rect = readonly [number, number, number, number];

export interface KeyedFootprint {
  readonly v: 1;
  /** 1-based [row0, col0, row1, col1] rectangles the builder wrote into (rows with the same columns merged). */
  readonly written: readonly Rect[];
  /** Rectangles formulas spill into. */
  readonly spills: readonly Rect[];
  /** The key column (0-based) and the rows (1-based, inclusive) that hold keyed rows. */
  readonly key: number;
  readonly first: number;
  readonly last: number;
  /** Typed column id → its 0-based column. */
  readonly typed: Readonly<Record<string, number>>;
}

/** The footprint of a block written at A1: which cells hold something, as merged rectangles. */
export function keyedFootprint(
  block: readonly (readonly WriteCell[])[],
  spills: readonly Rect[],
  keyed: { key: number; first: number; last: number; typed: Readonly<Record<string, number>> },
): KeyedFootprint {
  const runsOf = (row: readonly WriteCell[]): [number, number][] => {
    const runs: [number, number][] = [];
    let start = -1;
    for (let c = 0; c <= row.length; c++) {
      const on = c < row.length && row[c] !== null && row[c] !== '';
      if (on && start < 0) start = c;
      if (!on && start >= 0) {
        runs.push([start, c - 1]);
        start = -1;
      }
    }
    return runs;
  };
  const written: Rect[] = [];
  let open: { sig: string; from: number; runs: [number, number][] } | null = null;
  const close = (to: number) => {
    if (open) for (const [a, b] of open.runs) written.push([open.from, a + 1, to, b + 1]);
    open = null;
  };
  block.forEach((row, i) => {
    const runs = runsOf(row);
    const sig = JSON.stringify(runs);
    if (open && open.sig === sig) return;
    close(i);
    if (runs.length) open = { sig, from: i + 1, runs };
  });
  close(block.length);
  return { v: 1, written, spills, ...keyed };
}

export function parseKeyedFootprint(text: string | null): KeyedFootprint | null {
  if (!text) return null;
  try {
    const f = JSON.parse(text) as KeyedFootprint;
    return f && f.v === 1 && Array.isArray(f.written) && Array.isArray(f.spills) && typeof f.typed === 'object' ? f : null;
  } catch {
    return null;
  }
}

export interface KeptRows {
  /** Key (as written, trimmed, lower case) → typed column id → the value typed. */
  readonly typed: ReadonlyMap<string, Readonly<Record<string, Cell>>>;
  /** Cells holding something the builder did not write (A1), which a rebuild would remove. */
  readonly added: readonly string[];
}

export const keyOf = (c: Cell): string => (isBlank(c) ? '' : String(c).replace(/\s+/g, ' ').trim().toLowerCase());

const inside = (rects: readonly Rect[], r: number, c1: number) =>
  rects.some(([r0, c0, r1, cEnd]) => r >= r0 && r <= r1 && c1 >= c0 && c1 <= cEnd);

/** Reads back, from a sheet built with footprint `f`, what a manager typed, by key, and what else they added. */
export function readBackKeyed(values: readonly (readonly Cell[])[], f: KeyedFootprint): KeptRows {
  const typed = new Map<string, Record<string, Cell>>();
  const added: string[] = [];
  const byCol = new Map<number, string>(Object.entries(f.typed).map(([id, c]) => [c, id]));
  values.forEach((row, i) => {
    const r = i + 1;
    const key = r >= f.first && r <= f.last ? keyOf(row[f.key]) : '';
    row.forEach((cell, c) => {
      if (isBlank(cell)) return;
      const id = byCol.get(c);
      if (id !== undefined && key !== '') {
        if (!typed.has(key)) typed.set(key, {});
        typed.get(key)![id] = cell;
        return;
      }
      if (inside(f.written, r, c + 1) || inside(f.spills, r, c + 1)) return;
      added.push(a1(r, c));
    });
  });
  return { typed, added };
}
