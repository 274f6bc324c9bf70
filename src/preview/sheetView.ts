import type { MemoryWorkbook } from '../server/adapters/memory/memoryWorkbook';
import { shownText } from '../server/adapters/memory/textFormat';
import type { CellLook, CellView, ChartView, SheetView } from './protocol';

/** The preview shows this many rows of a sheet (the example sales sheet has 8,000). */
export const MAX_ROWS = 300;

function columnLetter(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

function look(style: ReturnType<MemoryWorkbook['styleAt']>): CellLook | undefined {
  const { bold, italic, fontSize, color, background, align, wrap } = style;
  const out: CellLook = { bold, italic, fontSize, color, background, align, wrap };
  const defined = Object.entries(out).filter(([, v]) => v !== undefined);
  return defined.length ? (Object.fromEntries(defined) as CellLook) : undefined;
}

/** A sheet as the page draws it: shown text with number formats applied, styles, widths, sparklines, frozen panes, charts. */
export function sheetView(wb: MemoryWorkbook, name: string, maxRows = MAX_ROWS): SheetView {
  const id = wb.engine.getSheetId(name);
  if (id === undefined) throw new Error(`There is no sheet called "${name}"`);
  const { width, height } = wb.engine.getSheetDimensions(id);
  const shown = Math.min(height, maxRows);
  const cells: (CellView | null)[][] = [];
  for (let r = 0; r < shown; r++) {
    const row: (CellView | null)[] = [];
    for (let c = 0; c < width; c++) row.push(cellView(wb, name, `${columnLetter(c)}${r + 1}`));
    // Text runs on into empty cells to its right, as in Sheets.
    for (let c = 0; c < width; c++) {
      const cell = row[c];
      if (cell && cell.t && cell.v === undefined && !cell.spark && !row[c + 1]?.t) row[c] = { ...cell, spill: true };
    }
    cells.push(row);
  }
  const layout = wb.layoutOf(name);
  const widths: (number | null)[] = Array.from({ length: width }, () => null);
  for (const w of layout.widths) if (w.col - 1 < width) widths[w.col - 1] = w.width;
  const charts: ChartView[] = layout.charts.map((spec) => ({ spec, data: wb.chartData(name, spec.key) }));
  return { name, rows: height, cols: width, cells, widths, frozenRows: layout.frozen.rows, frozenCols: layout.frozen.cols, charts };
}

function cellView(wb: MemoryWorkbook, sheet: string, a1: string): CellView | null {
  const raw = wb.computedAt(sheet, a1);
  const style = wb.styleAt(sheet, a1);
  const s = look(style);
  const formula = wb.formulaAt(sheet, a1);
  // A SPARKLINE computes to "" in the twin; a formula that chose another branch (a note instead) shows that.
  const spark = formula && raw === '' ? sparkline(wb, sheet, formula) : undefined;
  if (spark) return { t: '', spark, ...(s ? { s } : {}) };
  if (raw === '' && !s) return null;
  const v = typeof raw === 'number' ? raw : undefined;
  const t = shownText(raw, style.numberFormat, v !== undefined && wb.valueAt(sheet, a1) instanceof Date);
  return { t, ...(v !== undefined ? { v } : {}), ...(s ? { s } : {}) };
}

/** The values a cell's `SPARKLINE(B6:M6)` draws (one row or one column; also inside IF), or undefined without one. */
function sparkline(wb: MemoryWorkbook, sheet: string, formula: string): (number | null)[] | undefined {
  const m = /\bSPARKLINE\(\s*\$?([A-Z]+)\$?(\d+)\s*:\s*\$?([A-Z]+)\$?(\d+)\s*\)/i.exec(formula);
  if (!m) return undefined;
  const [c0, r0, c1, r1] = [columnIndex(m[1]), Number(m[2]), columnIndex(m[3]), Number(m[4])];
  const out: (number | null)[] = [];
  for (let r = r0; r <= r1; r++) {
    for (let c = c0; c <= c1; c++) {
      const v = wb.computedAt(sheet, `${columnLetter(c)}${r}`);
      out.push(typeof v === 'number' ? v : null);
    }
  }
  return out;
}
