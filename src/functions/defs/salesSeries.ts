import { SCORECARD_DEFAULTS } from '../../core/scorecard/defaults';
import { salesSeries } from '../../core/sources/salesSource';
import { withHealth } from '../../core/sources/healthSection';
import { defineFormula } from '../types';
import { OPTIONS_HINT, START_HINT, filtersOf, onSheet, sourceOptions, spill, startIndex } from '../sourceFormula';

/** Every sales measure per period in one call: what the scorecard's data sheet spills for its sales sheet. */
export const SALES_SERIES = defineFormula({
  name: 'SALES_SERIES',
  params: [
    { name: 'dates', kind: 'range' },
    { name: 'amounts', kind: 'range', optional: true },
    { name: 'period', kind: 'period', default: SCORECARD_DEFAULTS.period },
    { name: 'order_ids', kind: 'range', optional: true },
    { name: 'costs', kind: 'range', optional: true },
    { name: 'quantities', kind: 'range', optional: true },
    { name: 'returned', kind: 'range', optional: true },
    { name: 'promised', kind: 'range', optional: true },
    { name: 'delivered', kind: 'range', optional: true },
    { name: 'refunds', kind: 'range', optional: true },
    { name: 'margins', kind: 'range', optional: true },
    { name: 'discounts', kind: 'range', optional: true },
    { name: 'start', kind: 'text', default: '', hint: START_HINT },
    { name: 'options', kind: 'text', default: '', hint: OPTIONS_HINT },
    { name: 'filter1', kind: 'range', optional: true },
    { name: 'filter2', kind: 'range', optional: true },
    { name: 'filter3', kind: 'range', optional: true },
    { name: 'as_of', kind: 'date', optional: true },
    { name: 'health_period', kind: 'period', default: SCORECARD_DEFAULTS.healthPeriod },
    { name: 'last_days', kind: 'number', default: SCORECARD_DEFAULTS.lastDays, integer: true, min: 1, max: 180 },
    { name: 'targets', kind: 'grid', optional: true },
  ],
  run(a, ctx) {
    const o = sourceOptions(a.options);
    const cols = {
      date: onSheet(a.dates, o),
      amount: onSheet(a.amounts, o),
      order_id: onSheet(a.order_ids, o),
      cost: onSheet(a.costs, o),
      quantity: onSheet(a.quantities, o),
      returned: onSheet(a.returned, o),
      promised_date: onSheet(a.promised, o),
      delivered_date: onSheet(a.delivered, o),
      refunded: onSheet(a.refunds, o),
      margin: onSheet(a.margins, o),
      discount: onSheet(a.discounts, o),
    };
    const filters = filtersOf([a.filter1, a.filter2, a.filter3], o);
    const health = { spec: a.health_period, lastDays: a.last_days, targets: a.targets ?? null };
    const series = withHealth(salesSeries(cols, filters, o.rules, a.period, ctx.dates, startIndex(a.start, a.period), a.as_of), health);
    return spill(series, 'rows');
  },
});
