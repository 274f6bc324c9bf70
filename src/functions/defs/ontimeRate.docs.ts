import { documentFormula } from '../types';
import { ONTIME_RATE } from './ontimeRate';

export const ONTIME_RATE_DOCS = documentFormula(ONTIME_RATE, {
  summary:
    'Of the orders that are due, the share delivered on or before the promised day. An order not delivered ' +
    'yet counts as late once its promised day has passed, and is left out until then; rows without a promised ' +
    'date are left out.',
  returns: 'A fraction from 0 to 1.',
  example: '=ONTIME_RATE(H2:H900, I2:I900)',
  args: {
    promised: 'The promised delivery dates.',
    delivered: 'The actual delivery dates, same size; blank while not delivered.',
    as_of:
      'Optional: the day an undelivered order is judged by (late once its promised day is before it). ' +
      'Default: the latest date in the two columns, so the number does not change by itself; pass TODAY() to judge by today.',
  },
});
