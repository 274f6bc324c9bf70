import { DetailedCellError, type HyperFormula, type SimpleCellAddress } from 'hyperformula';
import type { CellStyle } from '../../ports/workbook';
import { contains, parseA1, shiftFormula } from './a1';
import { appliedStyle, type SheetState } from './layout';
import { usedSize } from './read';
import { errorText } from './values';

/**
 * What the preview and the tests read beyond the port (never counted as port calls): computed values as
 * HyperFormula holds them, error messages, and how a cell looks once conditional rules are drawn.
 */

/** A computed value as HyperFormula holds it: dates as serial numbers, errors as their text, '' for empty. */
export type ComputedValue = string | number | boolean;

export function computed(v: unknown): ComputedValue {
  if (v === null || v === undefined) return '';
  if (v instanceof DetailedCellError) return errorText(v.type);
  return v as ComputedValue;
}

/** Computed values of a sheet's used range. */
export function computedValues(engine: HyperFormula, sheet: number): ComputedValue[][] {
  const values = engine.getSheetValues(sheet);
  const { width, height } = usedSize(values);
  const out: ComputedValue[][] = [];
  for (let r = 0; r < height; r++) {
    const row: ComputedValue[] = [];
    for (let c = 0; c < width; c++) row.push(computed(values[r]?.[c]));
    out.push(row);
  }
  return out;
}

/** The message of an error value (what Sheets shows when hovering #ERROR!), or null. */
export function errorMessage(v: unknown): string | null {
  return v instanceof DetailedCellError ? v.message || v.value : null;
}

/**
 * How a cell looks: the styles and number formats applied to it (later ones win), then the first
 * conditional rule matching it (a formula rule computed for this cell, a text rule by its computed text),
 * as Sheets draws it.
 */
export function cellStyle(engine: HyperFormula, state: SheetState, at: SimpleCellAddress): CellStyle {
  let style = appliedStyle(state.formats, at.row, at.col);
  const shown = computed(engine.getCellValue(at));
  const text = String(shown).toLowerCase();
  for (const rule of state.rules) {
    const range = parseA1(rule.a1);
    if (!contains(range, at.row, at.col)) continue;
    const hit =
      rule.formula !== undefined
        ? engine.calculateFormula(`=${shiftFormula(rule.formula.replace(/^=/, ''), at.row - range.row, at.col - range.col)}`, at.sheet) ===
          true
        : (rule.textEquals ?? '').toLowerCase() === text;
    if (hit) {
      style = {
        ...style,
        background: rule.background,
        ...(rule.color ? { color: rule.color } : {}),
        ...(rule.bold !== undefined ? { bold: rule.bold } : {}),
      };
      break;
    }
  }
  return style;
}

/** The values a cell's drop-down allows, or null when it has none (the last one set on it wins). */
export function validationOf(state: SheetState, at: SimpleCellAddress): readonly string[] | null {
  const list = state.validations.filter((v) => contains(parseA1(v.a1), at.row, at.col));
  return list.length ? list[list.length - 1].allowed : null;
}
