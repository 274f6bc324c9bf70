import { columnIndex, columnLetters, type GridRange, parseA1 } from './a1';
import type { FormatOp, SheetState } from './layout';
import { defaultColour } from './charts';

/**
 * What a user's structural edit (inserting, deleting or moving rows or columns) does to a sheet's layout in
 * Sheets: formats, conditional rules and their formulas, drop-downs, the add-on's column tags and charts (their
 * data range and anchor cell) move with the cells they are on. HyperFormula moves the cells and adjusts formula references itself; this moves the
 * rest. A multi-column range under a column move keeps its ends' new places (Sheets may split it; the
 * add-on's own ranges are single columns or whole rows).
 */

export type Axis = 'row' | 'col';

/** Where an edit sends each old index (-1: deleted), and how a half-open span [start, end) becomes one. */
export interface Remap {
  readonly index: (i: number) => number;
  readonly span: (start: number, end: number) => [number, number] | null;
}

export function insertRemap(at: number, n: number): Remap {
  return {
    index: (i) => (i >= at ? i + n : i),
    span: (s, e) => [s >= at ? s + n : s, e === Infinity ? e : e > at ? e + n : e],
  };
}

export function deleteRemap(at: number, n: number): Remap {
  const index = (i: number) => (i < at ? i : i < at + n ? -1 : i - n);
  return {
    index,
    span: (s, e) => {
      const ns = s < at ? s : s < at + n ? at : s - n;
      const ne = e === Infinity ? e : e <= at ? e : e <= at + n ? at : e - n;
      return ns < ne ? [ns, ne] : null;
    },
  };
}

/** HyperFormula's moveColumns/moveRows: `n` from `from` go before `target` (an index of the old order). */
export function moveRemap(from: number, n: number, target: number): Remap {
  const index = (i: number) => {
    if (target > from) {
      if (i >= from && i < from + n) return i + (target - from - n);
      if (i >= from + n && i < target) return i - n;
      return i;
    }
    if (i >= from && i < from + n) return target + (i - from);
    if (i >= target && i < from) return i + n;
    return i;
  };
  return {
    index,
    span: (s, e) => {
      if (e === Infinity) return [Math.min(index(s), s), e];
      const a = index(s);
      const b = index(e - 1);
      return [Math.min(a, b), Math.max(a, b) + 1];
    },
  };
}

function remapRange(r: GridRange, axis: Axis, m: Remap): GridRange | null {
  const [s, e] = axis === 'col' ? [r.col, r.endCol] : [r.row, r.endRow];
  const moved = m.span(s, e);
  if (!moved) return null;
  return axis === 'col' ? { ...r, col: moved[0], endCol: moved[1] } : { ...r, row: moved[0], endRow: moved[1] };
}

/** A range back in A1 notation, open ends kept open (`A2:A`, `C:C`, `3:3`). */
export function rangeA1(r: GridRange): string {
  const colsOpen = r.col === 0 && r.endCol === Infinity;
  const rowsOpen = r.row === 0 && r.endRow === Infinity;
  const start = `${colsOpen ? '' : columnLetters(r.col)}${rowsOpen ? '' : r.row + 1}`;
  const end = `${colsOpen || r.endCol === Infinity ? '' : columnLetters(r.endCol - 1)}${rowsOpen || r.endRow === Infinity ? '' : r.endRow}`;
  return end === start && r.endRow === r.row + 1 && r.endCol === r.col + 1 ? start : `${start}:${end}`;
}

function remapA1(a1: string, axis: Axis, m: Remap): string | null {
  const r = remapRange(parseA1(a1), axis, m);
  return r && rangeA1(r);
}

const REF = /(^|[^A-Za-z0-9_$.'"!])(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?![\w(])/g;

/** A rule's formula with its references moved as Sheets moves them (text in quotes left alone). */
export function remapFormula(formula: string, axis: Axis, m: Remap): string {
  return formula
    .split('"')
    .map((part, i) =>
      i % 2
        ? part
        : part.replace(REF, (all, before: string, ca: string, col: string, ra: string, row: string) => {
            if (axis === 'col') {
              const c = m.index(columnIndex(col));
              return c < 0 ? `${before}#REF!` : `${before}${ca}${columnLetters(c)}${ra}${row}`;
            }
            const r = m.index(Number(row) - 1);
            return r < 0 ? `${before}#REF!` : `${before}${ca}${col}${ra}${r + 1}`;
          }),
    )
    .join('"');
}

/** Applies a structural edit to a sheet's layout. */
export function remapLayout(state: SheetState, axis: Axis, m: Remap): void {
  const formats: FormatOp[] = [];
  for (const op of state.formats) {
    if (op.kind === 'style') {
      const range = remapRange(op.range, axis, m);
      if (range) formats.push({ ...op, range, a1: rangeA1(range) });
    } else {
      const at = axis === 'col' ? op.col : op.row;
      const to = m.index(at);
      if (to >= 0) formats.push(axis === 'col' ? { ...op, col: to } : { ...op, row: to });
    }
  }
  state.formats = formats;
  state.rules = state.rules.flatMap((r) => {
    const a1 = remapA1(r.a1, axis, m);
    return a1 ? [{ ...r, a1, ...(r.formula !== undefined ? { formula: remapFormula(r.formula, axis, m) } : {}) }] : [];
  });
  state.validations = state.validations.flatMap((v) => {
    const a1 = remapA1(v.a1, axis, m);
    return a1 ? [{ ...v, a1 }] : [];
  });
  // A chart's range moves and shrinks with its cells (a chart whose whole range goes is dropped here; Sheets
  // keeps it, empty); its anchor moves with its cell, to where the deleted cells were when its cell goes. A
  // series' options (dashed, a line, the right axis, its colour) stay with its row, as Sheets keeps them with
  // the series: rows inserted inside the range come in as series without options, deleted ones take theirs.
  state.charts = state.charts.flatMap((c) => {
    const range = remapA1(c.range, axis, m);
    if (!range) return [];
    const at = (axis === 'col' ? c.anchor.col : c.anchor.row) - 1;
    const index = m.index(at);
    const to = (index >= 0 ? index : (m.span(at, Infinity)?.[0] ?? at)) + 1;
    const moved = { ...c, range, anchor: axis === 'col' ? { ...c.anchor, col: to } : { ...c.anchor, row: to } };
    if (axis === 'col') return [moved];
    const before = parseA1(c.range).row + 1;
    const after = parseA1(range).row + 1;
    const series = parseA1(range).endRow - after;
    const place = (k: number) => {
      const r = m.index(before + k);
      return r < 0 ? -1 : r - after;
    };
    const list = (l: readonly number[] | undefined) =>
      l &&
      l
        .map(place)
        .filter((k) => k >= 0 && k < series)
        .sort((a, b) => a - b);
    let colors: string[] | undefined;
    if (c.colors) {
      colors = [];
      c.colors.forEach((colour, k) => {
        const to = place(k);
        if (to >= 0 && to < series) colors![to] = colour;
      });
      // A new series between coloured ones takes Sheets' default colour (the preview's palette) there.
      colors = Array.from(colors, (x, k) => x ?? defaultColour(k));
    }
    return [
      {
        ...moved,
        ...(c.lines ? { lines: list(c.lines) } : {}),
        ...(c.dashed ? { dashed: list(c.dashed) } : {}),
        ...(c.rightAxis ? { rightAxis: list(c.rightAxis) } : {}),
        ...(colors ? { colors } : {}),
      },
    ];
  });
  if (axis === 'col') {
    const tags = new Map<string, number>();
    for (const [tag, col] of state.columnTags) {
      const to = m.index(col);
      if (to >= 0) tags.set(tag, to);
    }
    state.columnTags = tags;
    const widths = new Map<number, number>();
    for (const [col, w] of state.widths) {
      const to = m.index(col - 1);
      if (to >= 0) widths.set(to + 1, w);
    }
    state.widths = widths;
  }
}
