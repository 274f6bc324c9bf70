import { type Column, badCell, toColumn } from '../../core/values/column';
import { readNumber } from '../../core/values/number';
import { fail } from '../../core/values/errors';
import { leadLagSentence, leadLagTable } from '../../core/measures/leadLag';
import { defineFormula } from '../types';
import { cell, optNumber, required } from '../args';

/** A per-period series: numbers, blanks as NaN; a text first row is a header. */
function series(col: Column): Float64Array {
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

/** Rows or columns: a one-row range is read as a series too. */
function asSeries(arg: unknown, name: string): Column {
  const col = toColumn(required(arg as never, name), name, true);
  return col.width > 1 && col.cells.length === col.width ? { ...col, width: 1 } : col;
}

export const LEADLAG = defineFormula({
  name: 'LEADLAG',
  summary:
    'Does the lead measure move the lag measure, and how many periods later? For each lag from 0 to max_lag, ' +
    'the correlation of lead[t] with lag[t + k], the number of pairs and the p-value, then a sentence a manager reads. ' +
    'Correlation is evidence, not proof.',
  args: [
    { name: 'lead', type: 'range', help: 'The lead measure, one value per period, oldest first (e.g. NPS per month).' },
    { name: 'lag', type: 'range', help: 'The lag measure for the same periods (e.g. revenue per month).' },
    { name: 'max_lag', type: 'number', default: '3', help: 'The most periods the lag measure may trail by.' },
  ],
  returns: 'A table: Lag, Correlation, Pairs, P-value; then a row with the sentence.',
  example: '=LEADLAG(C2:C25, D2:D25, 3)',
  run([lead, lag, maxLag]) {
    const leadCol = asSeries(lead, 'lead');
    const lagCol = asSeries(lag, 'lag');
    if (leadCol.cells.length !== lagCol.cells.length) {
      fail(`lead has ${leadCol.cells.length} periods but lag has ${lagCol.cells.length}; give the same periods for both`);
    }
    const k = optNumber(maxLag, 'max_lag', 3, { integer: true, min: 0, max: 60, help: 'give a whole number of periods from 0 to 60' });
    const rows = leadLagTable(series(leadCol), series(lagCol), k);
    const out: (string | number)[][] = [['Lag', 'Correlation', 'Pairs', 'P-value']];
    for (const r of rows) out.push([r.lag, cell(r.r), r.pairs, cell(r.p)]);
    out.push([leadLagSentence(rows), '', '', '']);
    return out;
  },
});
