import { periodLabel } from '../../core/time/periods';
import { npsByPeriod } from '../../core/measures/npsByPeriod';
import { defineFormula } from '../types';

export const NPS_BY_PERIOD = defineFormula({
  name: 'NPS_BY_PERIOD',
  params: [
    { name: 'dates', kind: 'range' },
    { name: 'scores', kind: 'range' },
    { name: 'period', kind: 'period', default: 'month' },
  ],
  run({ dates, scores, period }, ctx) {
    const { first, rows } = npsByPeriod(dates, scores, period, ctx.dates);
    const out: (string | number | boolean | null)[][] = [['Period', 'Responses', 'NPS', 'Margin of error', 'Change', 'Significant']];
    rows.forEach((r, k) => out.push([periodLabel(first + k, period), r.responses, r.nps, r.marginOfError, r.change, r.significant]));
    return out;
  },
});
