import { DetailedCellError, type HyperFormula, type SimpleCellAddress } from 'hyperformula';
import type { Cell } from '../../../core/values/cell';
import type { TimeZone } from '../../../core/time/zone';
import { type FormatOp, isDateFormat, numberFormatAt } from './layout';
import { errorText, serialToDate } from './values';

/**
 * Reading cells back as Sheets' getValues gives them: the used range, text and booleans as they are,
 * errors as their text (`#DIV/0!`), '' for empty, and a number as a Date where the cell shows a date
 * (its number format says so, or, without one, HyperFormula's date subtype).
 */

/** The used range, as Sheets' getDataRange sees it: up to the last row and column holding anything. */
export function usedSize(values: readonly (readonly unknown[])[]): { width: number; height: number } {
  let width = 0;
  let height = 0;
  values.forEach((row, r) => {
    for (let c = row.length - 1; c >= 0; c--) {
      if (row[c] !== null && row[c] !== undefined) {
        height = r + 1;
        if (c + 1 > width) width = c + 1;
        break;
      }
    }
  });
  return { width, height };
}

/** One value as Sheets' getValues gives it. */
export function sheetsValue(engine: HyperFormula, zone: TimeZone, at: SimpleCellAddress, v: unknown, formats: readonly FormatOp[]): Cell {
  if (v === null || v === undefined) return '';
  if (v instanceof DetailedCellError) return errorText(v.type);
  if (typeof v !== 'number') return v as string | boolean;
  const format = numberFormatAt(formats, at.row, at.col);
  const isDate = format !== undefined ? isDateFormat(format) : /DATE/.test(engine.getCellValueDetailedType(at));
  return isDate ? serialToDate(v, zone) : v;
}

/** A sheet's used range as Sheets' getValues gives it. */
export function readSheet(engine: HyperFormula, zone: TimeZone, sheet: number, formats: readonly FormatOp[]): Cell[][] {
  const values = engine.getSheetValues(sheet);
  const { width, height } = usedSize(values);
  const out: Cell[][] = [];
  for (let r = 0; r < height; r++) {
    const row: Cell[] = [];
    for (let c = 0; c < width; c++) row.push(sheetsValue(engine, zone, { sheet, row: r, col: c }, values[r]?.[c] ?? null, formats));
    out.push(row);
  }
  return out;
}
