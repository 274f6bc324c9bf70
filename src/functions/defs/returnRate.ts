import { toColumn } from '../../core/values/column';
import { returnRows } from '../../core/measures/returns';
import { ratioValue } from '../../core/measures/ratio';
import { defineFormula } from '../types';
import { required } from '../args';

export const RETURN_RATE = defineFormula({
  name: 'RETURN_RATE',
  summary: 'Quality seen by customers: what came back as a share of what was sold (Σ returned / Σ sold), by quantity or by value.',
  args: [
    { name: 'sold', type: 'range', help: 'Quantity (or value) sold per row.' },
    { name: 'returned', type: 'range', help: 'Quantity (or value) returned per row, same size; blank means none.' },
  ],
  returns: 'A fraction (0.03 is 3% returned).',
  example: '=RETURN_RATE(G2:G900, H2:H900)',
  run([sold, returned]) {
    const rows = returnRows(toColumn(required(sold, 'sold'), 'sold', true), toColumn(required(returned, 'returned'), 'returned', true));
    return ratioValue(rows, 'nothing was sold in this range, so there is no return rate');
  },
});
