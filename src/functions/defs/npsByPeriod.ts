import { toColumn } from '../../core/values/column';
import { parsePeriod } from '../../core/time/periods';
import { type NpsInterval, Z95, npsChangeSignificant, npsInterval } from '../../core/measures/nps';
import { npsPeriodCounts } from '../../core/measures/npsByPeriod';
import { bucketLabels } from '../../core/measures/buckets';
import { defineFormula } from '../types';
import { optText, required } from '../args';

export const NPS_BY_PERIOD = defineFormula({
  name: 'NPS_BY_PERIOD',
  summary:
    'Net Promoter Score per week, month, quarter or year, with its margin of error, the change from the ' +
    'period before and whether that change is significant at 95%. Every period between the first and last answer is listed.',
  args: [
    { name: 'dates', type: 'range', help: 'When each answer was given (dates, or text such as 2026-01-31 or 31/01/2026).' },
    { name: 'scores', type: 'range', help: 'The answers, whole numbers from 0 to 10, same size as dates.' },
    { name: 'period', type: 'text', default: '"month"', help: '"week", "month", "quarter" or "year"; a fiscal year: "quarter:apr".' },
  ],
  returns: 'A table: Period, Responses, NPS, Margin of error, Change, Significant.',
  example: '=NPS_BY_PERIOD(A2:A500, B2:B500, "month")',
  run([dates, scores, period], ctx) {
    const spec = parsePeriod(optText(period, 'period'));
    const dateCol = toColumn(required(dates, 'dates'), 'dates', true);
    const scoreCol = toColumn(required(scores, 'scores'), 'scores', true);
    const { first, responses: n_, promoters: p, detractors: d } = npsPeriodCounts(dateCol, scoreCol, spec, ctx.dates);
    const b = { spec, first, count: n_.length, index: new Int32Array(0) };
    const labels = bucketLabels(b);
    const out: (string | number | boolean)[][] = [['Period', 'Responses', 'NPS', 'Margin of error', 'Change', 'Significant']];
    let prev: { nps: number; ci: NpsInterval } | null = null;
    for (let k = 0; k < b.count; k++) {
      if (n_[k] === 0) {
        out.push([labels[k], 0, '', '', '', '']);
        prev = null;
        continue;
      }
      const counts = { responses: n_[k], promoters: p[k], passives: n_[k] - p[k] - d[k], detractors: d[k] };
      const nps = (100 * (p[k] - d[k])) / n_[k];
      const ci = npsInterval(counts, Z95);
      out.push([labels[k], n_[k], nps, ci.marginOfError, prev ? nps - prev.nps : '', prev ? npsChangeSignificant(prev.ci, ci) : '']);
      prev = { nps, ci };
    }
    return out;
  },
});
