import { type Column, badCell, requireSome, sameLength } from '../values/column';
import { readNumber } from '../values/number';
import { type RatioRows } from './ratio';

const AMOUNT = 'expected a quantity or an amount such as 12 or £1,234.50';

/**
 * Return rate (DOMAIN.md) = Σ returned / Σ sold, in quantity or value (whichever the data has).
 * A blank "returned" is nothing returned. Rows: num = returned, den = sold.
 */
export function returnRows(sold: Column, returned: Column): RatioRows {
  sameLength(sold, returned);
  requireSome(sold, 'sales');
  const n = sold.cells.length;
  const num = new Float64Array(n);
  const den = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const s = readNumber(sold.cells[i]);
    const r = readNumber(returned.cells[i]);
    if (s === undefined || r === undefined) {
      if (i < sold.width && (typeof sold.cells[i] === 'string' || typeof returned.cells[i] === 'string')) continue;
      if (s === undefined) badCell(sold, i, AMOUNT);
      badCell(returned, i, AMOUNT);
    }
    if (s === null) {
      if (r !== null && r !== 0) badCell(sold, i, 'a row with returns needs what was sold; fill it in or clear the row');
      continue;
    }
    num[i] = r ?? 0;
    den[i] = s;
  }
  return { num, den };
}
