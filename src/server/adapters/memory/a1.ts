import { columnLetter } from '../../../core/tables/kinds';
/** A1 notation for the in-memory workbook: 0-based rows and columns, open ends as Infinity. */
export interface GridRange {
  readonly row: number;
  readonly col: number;
  /** Exclusive; Infinity for an open-ended range such as `A2:A` or `C:C`. */
  readonly endRow: number;
  readonly endCol: number;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** 0 → A, 26 → AA: the core's, under the name this file's callers use. */
export const columnLetters = columnLetter;

export function a1Of(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

const PART = /^\$?([A-Za-z]{1,3})?\$?(\d+)?$/;

/** Parses `B2`, `B2:D9`, `A2:A`, `C:C`, `3:3` (no sheet names). */
export function parseA1(a1: string): GridRange {
  const [first, second = first, extra] = a1.trim().split(':');
  if (extra !== undefined) throw new Error(`not an A1 range: ${a1}`);
  const a = PART.exec(first);
  const b = PART.exec(second);
  if (!a || !b || (!a[1] && !a[2]) || (!b[1] && !b[2])) throw new Error(`not an A1 range: ${a1}`);
  const c1 = a[1] ? columnIndex(a[1]) : 0;
  const r1 = a[2] ? Number(a[2]) - 1 : 0;
  const c2 = b[1] ? columnIndex(b[1]) : Infinity;
  const r2 = b[2] ? Number(b[2]) - 1 : Infinity;
  if (r1 < 0 || r2 < 0) throw new Error(`not an A1 range: ${a1}`);
  return { row: Math.min(r1, r2), col: Math.min(c1, c2), endRow: Math.max(r1, r2) + 1, endCol: Math.max(c1, c2) + 1 };
}

/** A key for one cell of the workbook: its sheet's id, 0-based row and column. */
export function cellKey(at: { readonly sheet: number; readonly row: number; readonly col: number }): string {
  return `${at.sheet}:${at.row}:${at.col}`;
}

export function contains(r: GridRange, row: number, col: number): boolean {
  return row >= r.row && row < r.endRow && col >= r.col && col < r.endCol;
}

/** Parses a single cell (`B2`). */
export function parseCell(a1: string): { row: number; col: number } {
  const r = parseA1(a1);
  if (r.endRow !== r.row + 1 || r.endCol !== r.col + 1) throw new Error(`expected one cell, got ${a1}`);
  return { row: r.row, col: r.col };
}

const REF = /(^|[^A-Za-z0-9_$.'"])(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?![\w(])/g;

/**
 * A formula as Sheets reads it for another cell of a conditional rule's range: relative references (no `$`)
 * move by (rows, cols); absolute ones stay. Text in double quotes is left alone.
 */
export function shiftFormula(formula: string, rows: number, cols: number): string {
  return formula
    .split('"')
    .map((part, i) =>
      i % 2
        ? part
        : part.replace(
            REF,
            (_m, before: string, colAbs: string, col: string, rowAbs: string, row: string) =>
              `${before}${colAbs}${colAbs ? col : columnLetters(columnIndex(col) + cols)}${rowAbs}${rowAbs ? row : Number(row) + rows}`,
          ),
    )
    .join('"');
}
