import { toColumn } from '../../core/values/column';
import { onTimeRows } from '../../core/measures/onTime';
import { ratioValue } from '../../core/measures/ratio';
import { defineFormula } from '../types';
import { required } from '../args';

export const ONTIME_RATE = defineFormula({
  name: 'ONTIME_RATE',
  summary:
    'The share of delivered orders that arrived on or before the promised day. ' +
    'Orders not yet delivered (no delivery date) are left out.',
  args: [
    { name: 'promised', type: 'range', help: 'The promised delivery dates.' },
    { name: 'delivered', type: 'range', help: 'The actual delivery dates, same size; blank while not delivered.' },
  ],
  returns: 'A fraction from 0 to 1.',
  example: '=ONTIME_RATE(H2:H900, I2:I900)',
  run([promised, delivered], ctx) {
    const rows = onTimeRows(
      toColumn(required(promised, 'promised'), 'promised', true),
      toColumn(required(delivered, 'delivered'), 'delivered', true),
      ctx.dates,
    );
    return ratioValue(rows, 'no delivered orders yet; the delivery dates are all blank');
  },
});
