import type { ExportedChange, HyperFormula, RawCellContent, SimpleCellAddress } from 'hyperformula';
import { cellKey } from './a1';
import { closeOpenRanges, type SheetRef } from './openRanges';

/** Rows of a new sheet in Sheets. */
export const NEW_SHEET_ROWS = 1000;

/**
 * The grids' heights and the formulas entered with open-ended ranges (`B4:B`) closed at them
 * (openRanges.ts): what was written, by cell, so that a formula reads back as written and is entered
 * again, closed lower, when a block written below the grid makes it grow.
 */
export class OpenFormulas {
  /** Rows of each sheet's grid: 1000 for a new sheet, as in Sheets; grows with the blocks written below it. */
  private readonly gridRows = new Map<number, number>();
  /** Formulas with open-ended ranges, entered closed at the grid's height: what was written, by cell. */
  private readonly formulas = new Map<
    string,
    { readonly at: SimpleCellAddress; readonly original: string; readonly sheets: readonly SheetRef[] }
  >();

  constructor(private readonly engine: HyperFormula) {}

  addSheet(sheet: number): void {
    this.gridRows.set(sheet, NEW_SHEET_ROWS);
  }

  removeSheet(sheet: number): void {
    this.gridRows.delete(sheet);
    this.forget(sheet);
  }

  /** A block reaching `lastRow` (1-based) was written: grows the grid to hold it; true when it grew. */
  grow(sheet: number, lastRow: number): boolean {
    const grown = lastRow > (this.gridRows.get(sheet) ?? NEW_SHEET_ROWS);
    if (grown) this.gridRows.set(sheet, lastRow);
    return grown;
  }

  /** What to enter for a value: a formula with open-ended ranges closed at the grids' heights (remembered), else the value. */
  close(at: SimpleCellAddress, v: RawCellContent): RawCellContent {
    const key = cellKey(at);
    const closed = typeof v === 'string' && v.startsWith('=') ? closeOpenRanges(v, (ref) => this.gridOf(ref, at.sheet)) : null;
    if (!closed) {
      this.formulas.delete(key);
      return v;
    }
    this.formulas.set(key, { at, original: v as string, sheets: closed.sheets });
    return closed.text;
  }

  /** The formula as written in a cell, when it had open-ended ranges. */
  original(at: SimpleCellAddress): string | undefined {
    return this.formulas.get(cellKey(at))?.original;
  }

  /** The grid of a sheet grew: enters again the formulas whose open-ended ranges point to it; returns the changes. */
  reenter(sheet: number): ExportedChange[] {
    return this.engine.batch(() => this.reenterNow(sheet));
  }

  /**
   * The same inside a batch the caller runs: a paste that grows the grid and the formulas entered again
   * for it are then evaluated once, as Sheets recalculates once per paste.
   */
  reenterNow(sheet: number): void {
    const name = this.engine.getSheetName(sheet)?.toLowerCase();
    for (const f of [...this.formulas.values()]) {
      if (!f.sheets.some((ref) => (ref === null ? f.at.sheet === sheet : ref.toLowerCase() === name))) continue;
      if (this.engine.getSheetName(f.at.sheet) === undefined) continue;
      this.engine.setCellContents(f.at, [[this.close(f.at, f.original)]]);
    }
  }

  /** Forgets a sheet's formulas (cleared or deleted). */
  forget(sheet: number): void {
    for (const [k, f] of this.formulas) if (f.at.sheet === sheet) this.formulas.delete(k);
  }

  private gridOf(ref: SheetRef, own: number): number {
    const id = ref === null ? own : this.engine.getSheetId(ref);
    return (id !== undefined && this.gridRows.get(id)) || NEW_SHEET_ROWS;
  }
}
