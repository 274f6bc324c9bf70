import { toColumn, sameLength } from '../../core/values/column';
import { readDayColumn } from '../../core/values/date';
import { parsePeriod } from '../../core/time/periods';
import { NpsInterval, Z95, npsChangeSignificant, npsInterval, npsRows } from '../../core/measures/nps';
import { bucketDays, bucketLabels } from '../../core/measures/buckets';
import { fail } from '../../core/values/errors';
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
    sameLength(dateCol, scoreCol);
    const rows = npsRows(scoreCol);
    const days = readDayColumn(dateCol, ctx.dates);
    const b = bucketDays(days, spec, (i) => rows.den[i] !== 0);
    if (b.count === 0) fail('no answer has a date; check that dates and scores are the same rows');
    const n = new Float64Array(b.count);
    const p = new Float64Array(b.count);
    const d = new Float64Array(b.count);
    for (let i = 0; i < b.index.length; i++) {
      const k = b.index[i];
      if (k < 0) continue;
      n[k]++;
      if (rows.num[i] > 0) p[k]++;
      else if (rows.num[i] < 0) d[k]++;
    }
    const labels = bucketLabels(b);
    const out: (string | number | boolean)[][] = [['Period', 'Responses', 'NPS', 'Margin of error', 'Change', 'Significant']];
    let prev: { nps: number; ci: NpsInterval } | null = null;
    for (let k = 0; k < b.count; k++) {
      if (n[k] === 0) {
        out.push([labels[k], 0, '', '', '', '']);
        prev = null;
        continue;
      }
      const counts = { responses: n[k], promoters: p[k], passives: n[k] - p[k] - d[k], detractors: d[k] };
      const nps = (100 * (p[k] - d[k])) / n[k];
      const ci = npsInterval(counts, Z95);
      out.push([labels[k], n[k], nps, ci.marginOfError, prev ? nps - prev.nps : '', prev ? npsChangeSignificant(prev.ci, ci) : '']);
      prev = { nps, ci };
    }
    return out;
  },
});
