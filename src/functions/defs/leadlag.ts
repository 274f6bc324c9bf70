import { type Column, badCell } from '../../core/values/column';
import { readNumber } from '../../core/values/number';
import { fail } from '../../core/values/errors';
import { leadLagSentence, leadLagTable } from '../../core/measures/leadLag';
import { SCORECARD_DEFAULTS } from '../../core/scorecard/defaults';
import { defineFormula } from '../types';

/** A per-period series, one column or one row: numbers, blanks as NaN; a text first cell is a header. */
function series(given: Column): Float64Array {
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

export const LEADLAG = defineFormula({
  name: 'LEADLAG',
  params: [
    { name: 'lead', kind: 'range' },
    { name: 'lag', kind: 'range' },
    { name: 'max_lag', kind: 'number', default: SCORECARD_DEFAULTS.maxLag, integer: true, min: 0, max: 24 },
  ],
  run({ lead, lag, max_lag }) {
    if (lead.cells.length !== lag.cells.length) {
      fail(`lead has ${lead.cells.length} periods but lag has ${lag.cells.length}; give the same periods for both`);
    }
    const rows = leadLagTable(series(lead), series(lag), max_lag);
    const out: (string | number | null)[][] = [['Lag', 'Correlation', 'Pairs', 'P-value']];
    for (const r of rows) out.push([r.lag, r.r, r.pairs, r.p]);
    out.push([leadLagSentence(rows), '', '', '']);
    return out;
  },
});
