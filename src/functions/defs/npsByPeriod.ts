import { badCell, requireSome, sameLength, toColumn, isHeaderCell } from '../../core/values/column';
import { readDayColumn } from '../../core/values/date';
import { parsePeriod, periodIndexer, periodOfDay } from '../../core/time/periods';
import { NpsInterval, Z95, npsChangeSignificant, npsInterval } from '../../core/measures/nps';
import { SCORE_EXPECTED, readScore } from '../../core/values/score';
import { bucketLabels } from '../../core/measures/buckets';
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
    requireSome(scoreCol, 'scores');
    const days = readDayColumn(dateCol, ctx.dates);
    // Pass 1: each answered row's score (−1 for none) and the span of answered dates.
    const n = days.length;
    const score = new Int8Array(n);
    const rows = scoreCol.rows;
    let minDay = Infinity;
    let maxDay = -Infinity;
    for (let i = 0; i < n; i++) {
      const c = rows ? rows[i][0] : scoreCol.cells[i];
      let s = typeof c === 'number' && c >= 0 && c <= 10 && (c | 0) === c ? c : readScore(c);
      if (s === undefined) {
        if (isHeaderCell(scoreCol, i, c)) s = null;
        else badCell(scoreCol, i, SCORE_EXPECTED);
      }
      if (s === null || s === undefined) {
        score[i] = -1;
        continue;
      }
      score[i] = s;
      const d = days[i];
      if (d < minDay) minDay = d;
      if (d > maxDay) maxDay = d;
    }
    if (minDay === Infinity) fail('no answer has a date; check that dates and scores are the same rows');
    // Pass 2: responses, promoters and detractors per period.
    const first = periodOfDay(minDay, spec);
    const b = { spec, first, count: periodOfDay(maxDay, spec) - first + 1, index: new Int32Array(0) };
    const of = periodIndexer(spec);
    const n_ = new Float64Array(b.count);
    const p = new Float64Array(b.count);
    const d = new Float64Array(b.count);
    for (let i = 0; i < n; i++) {
      const sc = score[i];
      const day = days[i];
      if (sc < 0 || day !== day) continue;
      const k = of(day) - first;
      n_[k]++;
      if (sc >= 9) p[k]++;
      else if (sc <= 6) d[k]++;
    }
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
