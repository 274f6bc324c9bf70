import { fail } from '../../core/values/errors';
import { LAG_NOUN, LEAD_NOUN, leadLag, leadLagReading } from '../../core/measures/leadLag';
import { SCORECARD_DEFAULTS } from '../../core/scorecard/defaults';
import { defineFormula } from '../types';
import { perPeriodSeries as series } from '../series';

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
    const result = leadLag(series(lead), series(lag), max_lag);
    const out: (string | number | null)[][] = [['Lag', 'Correlation', 'Prewhitened r', 'Pairs', 'P-value']];
    for (const r of result.rows) out.push([r.lag, r.r, r.prewhitenedR, r.pairs, r.p]);
    const reading = leadLagReading(result, LEAD_NOUN, LAG_NOUN, { name: 'adjusted p', value: result.adjustedP });
    out.push(['Best', result.best?.lag ?? null, 'Adjusted p', result.adjustedP, reading]);
    return out;
  },
});
