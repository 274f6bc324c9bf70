import { sameLength } from '../../core/values/column';
import { readDayColumn } from '../../core/values/date';
import { fail } from '../../core/values/errors';
import { periodLabel } from '../../core/time/periods';
import { targetPressure } from '../../core/measures/targetPressure';
import { SCORECARD_DEFAULTS } from '../../core/scorecard/defaults';
import { defineFormula } from '../types';

export const TARGET_PRESSURE = defineFormula({
  name: 'TARGET_PRESSURE',
  params: [
    { name: 'dates', kind: 'range' },
    { name: 'amounts', kind: 'range' },
    { name: 'period', kind: 'period', default: SCORECARD_DEFAULTS.healthPeriod },
    { name: 'last_days', kind: 'number', default: SCORECARD_DEFAULTS.lastDays, integer: true, min: 1, max: 180 },
  ],
  run({ dates, amounts, period, last_days }, ctx) {
    sameLength(dates, amounts);
    const { buckets, rows } = targetPressure(readDayColumn(dates, ctx.dates), amounts, period, last_days, dates);
    if (buckets.count === 0) fail('no sale has a date; check that dates and amounts are the same rows');
    const out: (string | number | null)[][] = [['Period', 'Sales', 'Share in last days', 'Expected share', 'Spike ratio', 'Flag']];
    rows.forEach((r, k) =>
      out.push([
        periodLabel(buckets.first + k, period),
        r.sales,
        r.share,
        r.expected,
        r.ratio,
        r.flagged ? 'End-of-period push' : r.partial ? 'Partial period' : '',
      ]),
    );
    return out;
  },
});
