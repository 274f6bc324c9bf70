import { requireSome, sameLength } from '../../core/values/column';
import { cachedDayColumn } from '../../core/values/date';
import { fail } from '../../core/values/errors';
import { onTimeOrders, onTimeTotals } from '../../core/measures/onTime';
import { defineFormula } from '../types';

export const ONTIME_RATE = defineFormula({
  name: 'ONTIME_RATE',
  params: [
    { name: 'promised', kind: 'range' },
    { name: 'delivered', kind: 'range' },
    { name: 'as_of', kind: 'date', optional: true },
  ],
  run({ promised, delivered, as_of }, ctx) {
    sameLength(promised, delivered);
    requireSome(promised, 'promised dates');
    const o = onTimeOrders(cachedDayColumn(promised, ctx.dates), cachedDayColumn(delivered, ctx.dates), null, null, 0);
    const { onTime, due } = onTimeTotals(o, as_of ?? o.latest);
    if (due === 0) fail('no order is due yet: no row has a delivery date or a promised date that has passed');
    return onTime / due;
  },
});
