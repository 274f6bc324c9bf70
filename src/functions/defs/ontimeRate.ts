import { onTimeRows } from '../../core/measures/onTime';
import { ratioValue } from '../../core/measures/ratio';
import { defineFormula } from '../types';

export const ONTIME_RATE = defineFormula({
  name: 'ONTIME_RATE',
  params: [
    { name: 'promised', kind: 'range' },
    { name: 'delivered', kind: 'range' },
  ],
  run: ({ promised, delivered }, ctx) =>
    ratioValue(onTimeRows(promised, delivered, ctx.dates), 'no delivered orders yet; the delivery dates are all blank'),
});
