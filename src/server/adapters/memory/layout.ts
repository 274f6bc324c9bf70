import type { CellStyle, ChartSpec, ColumnWidth, ConditionalRule, StyledRange } from '../../ports/workbook';
import { contains, type GridRange } from './a1';
import { copyChart } from './charts';

/**
 * What the memory workbook keeps of a sheet besides its cells: formats, conditional rules, drop-downs,
 * frozen panes, widths, column tags, charts and the grid's size, as plain data for the preview to show and the tests to check.
 */

/** One styling call, in the order made: a style over a range, or a block of number formats. */
export type FormatOp =
  | { readonly kind: 'style'; readonly a1: string; readonly range: GridRange; readonly style: CellStyle }
  | { readonly kind: 'formats'; readonly row: number; readonly col: number; readonly formats: readonly (readonly string[])[] };

/** A drop-down: only these values may be chosen in the range. */
export interface Validation {
  readonly a1: string;
  readonly allowed: readonly string[];
}

export interface SheetState {
  formats: FormatOp[];
  rules: ConditionalRule[];
  validations: Validation[];
  frozen: { rows: number; cols: number };
  widths: Map<number, number>;
  /** The add-on's column tags: tag → 0-based column (developer metadata on the column in Sheets). */
  columnTags: Map<string, number>;
  /** The grid's size: a new sheet has 1000 rows and 26 columns, as in Sheets; writes beyond it grow it. */
  grid: { rows: number; cols: number };
  /** The charts floating over the sheet, as the last setCharts gave them (checked; charts.ts). clear() keeps them, as Sheets does. */
  charts: ChartSpec[];
}

/** What the preview and tests can read about a sheet's layout. */
export interface SheetLayout {
  readonly frozen: { readonly rows: number; readonly cols: number };
  readonly widths: readonly ColumnWidth[];
  readonly rules: readonly ConditionalRule[];
  readonly styles: readonly StyledRange[];
  readonly validations: readonly Validation[];
  readonly charts: readonly ChartSpec[];
}

const STYLE_KEYS = ['bold', 'italic', 'fontSize', 'color', 'background', 'numberFormat', 'wrap', 'align'] as const;

export function newSheetState(): SheetState {
  return {
    formats: [],
    rules: [],
    validations: [],
    frozen: { rows: 0, cols: 0 },
    widths: new Map(),
    columnTags: new Map(),
    grid: { rows: 1000, cols: 26 },
    charts: [],
  };
}

/** True for number formats that show a date (Sheets then reads the cell back as a Date). */
export function isDateFormat(format: string): boolean {
  const bare = format.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '');
  return /[dy]|mmm/i.test(bare);
}

/** A style with only the keys it sets (an `undefined` never overrides an earlier style). */
export function definedOnly(style: CellStyle): CellStyle {
  const out: Record<string, unknown> = {};
  for (const k of STYLE_KEYS) if (style[k] !== undefined) out[k] = style[k];
  return out as CellStyle;
}

/** The number format of a cell (0-based), the last one set on it winning; undefined when none was. */
export function numberFormatAt(formats: readonly FormatOp[], row: number, col: number): string | undefined {
  let f: string | undefined;
  for (const op of formats) {
    if (op.kind === 'style') {
      if (op.style.numberFormat !== undefined && contains(op.range, row, col)) f = op.style.numberFormat;
    } else {
      const g = op.formats[row - op.row]?.[col - op.col];
      if (g !== undefined) f = g;
    }
  }
  return f;
}

/** The styles and number formats applied to a cell (0-based), later ones winning; conditional rules aside. */
export function appliedStyle(formats: readonly FormatOp[], row: number, col: number): CellStyle {
  let style: CellStyle = {};
  for (const op of formats) {
    if (op.kind === 'style') {
      if (contains(op.range, row, col)) style = { ...style, ...definedOnly(op.style) };
    } else {
      const f = op.formats[row - op.row]?.[col - op.col];
      if (f !== undefined) style = { ...style, numberFormat: f };
    }
  }
  return style;
}

/** Frozen panes, widths, conditional rules, styled ranges, drop-downs and charts, as copies. */
export function layoutOf(state: SheetState): SheetLayout {
  return {
    frozen: { ...state.frozen },
    widths: [...state.widths].sort((a, b) => a[0] - b[0]).map(([col, width]) => ({ col, width })),
    rules: [...state.rules],
    styles: state.formats.flatMap((op) => (op.kind === 'style' ? [{ a1: op.a1, ...op.style }] : [])),
    validations: state.validations.map((v) => ({ a1: v.a1, allowed: [...v.allowed] })),
    charts: state.charts.map(copyChart),
  };
}
