import { type Cell, isBlank } from '../../core/values/cell';
import { readNumber } from '../../core/values/number';
import { type MeasureId } from '../../core/scorecard/measures';
import { type WriteCell } from '../ports/workbook';
import { a1 } from './references';

/**
 * What a rebuild must not lose: the targets and notes a manager typed into the scorecard, and anything
 * else they added to it. The builder records where it wrote (the footprint, a document setting); a
 * rebuild reads the sheet back, keeps the typed targets and notes by measure, and stops to ask before it
 * removes a cell it did not write.
 */
export interface Footprint {
  readonly v: 1;
  /** Per sheet row (index = row − 1): the 0-based columns written, as "0-8,10,12-30". */
  readonly rows: readonly string[];
  /** 1-based [row0, col0, row1, col1] rectangles formulas spill into. */
  readonly spills: readonly (readonly [number, number, number, number])[];
  /** 0-based columns a manager types into. */
  readonly target: number;
  readonly notes: number;
  /** The measure on each measure row (1-based row → id). */
  readonly measures: Readonly<Record<string, MeasureId>>;
  /**
   * Targets the builder wrote, by row: a suggested value (a rebuild suggests again unless the manager typed
   * over it) or "path" (the target follows the path "from X to Y by when", changed in the wizard).
   */
  readonly written?: Readonly<Record<string, number | 'path'>>;
}

export function footprintOf(
  block: readonly (readonly WriteCell[])[],
  spills: Footprint['spills'],
  editable: { target: number; notes: number },
  measureRows: Readonly<Record<string, number>>,
  written: Readonly<Record<string, number | 'path'>> = {},
): Footprint {
  const rows = block.map((row) => {
    const runs: string[] = [];
    let start = -1;
    for (let c = 0; c <= row.length; c++) {
      const written = c < row.length && row[c] !== null && row[c] !== '';
      if (written && start < 0) start = c;
      if (!written && start >= 0) {
        runs.push(start === c - 1 ? String(start) : `${start}-${c - 1}`);
        start = -1;
      }
    }
    return runs.join(',');
  });
  const measures: Record<string, MeasureId> = {};
  for (const [id, row] of Object.entries(measureRows)) measures[String(row)] = id as MeasureId;
  return { v: 1, rows, spills, target: editable.target, notes: editable.notes, measures, written };
}

export function parseFootprint(text: string | null): Footprint | null {
  if (!text) return null;
  try {
    const f = JSON.parse(text) as Footprint;
    return f && f.v === 1 && Array.isArray(f.rows) ? f : null;
  } catch {
    return null;
  }
}

function written(f: Footprint, row: number, col: number): boolean {
  const runs = f.rows[row - 1];
  if (!runs) return false;
  for (const run of runs.split(',')) {
    const [a, b] = run.split('-').map(Number);
    if (col >= a && col <= (b ?? a)) return true;
  }
  return false;
}

export interface KeptFromSheet {
  /** Targets typed in the Target column, by measure. */
  readonly targets: Partial<Record<MeasureId, number>>;
  readonly notes: Partial<Record<MeasureId, string>>;
  /** Cells with content the builder did not write (A1), which a rebuild would remove. */
  readonly added: readonly string[];
}

/** Reads back what a manager typed into a scorecard built with footprint `f`. */
export function readBack(values: readonly (readonly Cell[])[], f: Footprint): KeptFromSheet {
  const targets: Partial<Record<MeasureId, number>> = {};
  const notes: Partial<Record<MeasureId, string>> = {};
  const added: string[] = [];
  const inSpill = (r: number, c: number) => f.spills.some(([r0, c0, r1, c1]) => r >= r0 && r <= r1 && c + 1 >= c0 && c + 1 <= c1);
  values.forEach((row, i) => {
    const r = i + 1;
    const id = f.measures[String(r)];
    row.forEach((cell, c) => {
      if (isBlank(cell)) return;
      if (id && c === f.target) {
        const ours = f.written?.[String(r)];
        if (ours === 'path') return;
        const x = typeof cell === 'number' ? cell : readNumber(cell);
        // A suggestion left as it was is not a typed target: the next build suggests again from the new history.
        if (typeof x === 'number' && Number.isFinite(x)) {
          if (ours === undefined || Math.abs(x - ours) > 1e-9 * Math.max(1, Math.abs(ours))) targets[id] = x;
        } else added.push(a1(r, c));
        return;
      }
      if (id && c === f.notes) {
        notes[id] = String(cell);
        return;
      }
      if (written(f, r, c) || inSpill(r, c)) return;
      added.push(a1(r, c));
    });
  });
  return { targets, notes, added };
}
