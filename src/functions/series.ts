import { type Column, badCell } from '../core/values/column';
import { readNumber } from '../core/values/number';
import { fail } from '../core/values/errors';

/**
 * A per-period series given as one column or one row (LEADLAG, SIGNALS): numbers, blanks as NaN, a
 * text first cell as a header (NaN). Anything else that is not a number is an error naming its cell.
 */
export function perPeriodSeries(given: Column): Float64Array {
  const col = given.width > 1 && given.cells.length === given.width ? { ...given, width: 1 } : given;
  if (col.width !== 1) fail(`${col.name} must be one column (or one row) of values per period`);
  const out = new Float64Array(col.cells.length);
  col.cells.forEach((c, i) => {
    const x = readNumber(c);
    if (x === undefined) {
      if (i === 0 && typeof c === 'string') return void (out[i] = NaN);
      badCell(col, i, 'expected one number per period, e.g. the Value column of PERIOD_SERIES');
    }
    out[i] = x === null ? NaN : x;
  });
  return out;
}
