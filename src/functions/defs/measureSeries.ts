import { type Arg, type Cell, isBlank } from '../../core/values/cell';
import { type Column, toColumn } from '../../core/values/column';
import { fail } from '../../core/values/errors';
import { parsePeriodLabel } from '../../core/time/labels';
import { MEASURES, measureInfo } from '../../core/scorecard/measures';
import { measureSeries } from '../../core/scorecard/measureSeries';
import { defineFormula } from '../types';
import { cell, optText, required } from '../args';

function optionalColumn(arg: Arg, name: string): Column | undefined {
  return arg === undefined || (!Array.isArray(arg) && isBlank(arg as Cell)) ? undefined : toColumn(arg, name, true);
}

export const MEASURE_SERIES = defineFormula({
  name: 'MEASURE_SERIES',
  summary:
    'One scorecard measure for each period of a row of period labels (as PERIODS makes): nps, csat, net_comparison, ' +
    'on_time, return_rate, review_response, revenue, margin, margin_pct, orders or average_order_value. ' +
    'Rows without a date (titles, totals) are left out.',
  args: [
    { name: 'measure', type: 'text', help: `The measure's id: ${MEASURES.map((m) => m.id).join(', ')}.` },
    { name: 'periods', type: 'range', help: 'A row of period labels such as 2026-01 (from PERIODS).' },
    { name: 'dates', type: 'range', help: 'The date of each row (for on_time: the delivery dates).' },
    {
      name: 'a',
      type: 'range',
      help: 'The values: scores, answers, amounts, stars, quantities sold, promised dates (on_time) or order ids (orders).',
    },
    {
      name: 'b',
      type: 'range',
      default: '(none)',
      help: 'Optional second values: costs (margin), quantities returned (return_rate), responded (review_response), order ids (average_order_value).',
    },
  ],
  returns: 'One row with a value per period; blank where a period has nothing to measure.',
  example: '=MEASURE_SERIES("nps", C5:N5, Feedback!A2:A, Feedback!D2:D)',
  run([measure, periods, dates, a, b], ctx) {
    const id = optText(measure, 'measure');
    const info = id ? measureInfo(id) : undefined;
    if (!info) fail(`unknown measure ${JSON.stringify(id ?? '')}; use one of ${MEASURES.map((m) => m.id).join(', ')}`);
    const labels = toColumn(required(periods, 'periods'), 'periods').cells.filter((c) => !isBlank(c));
    if (labels.length === 0) fail('periods is empty; give a row of period labels, e.g. from PERIODS');
    const parsed = labels.map((l) => parsePeriodLabel(String(l)));
    const spec = parsed[0].spec;
    if (parsed.some((p) => p.spec.kind !== spec.kind)) fail('periods mixes kinds of period (e.g. months and quarters)');
    const values = measureSeries(
      info.id,
      parsed.map((p) => p.index),
      spec,
      { dates: toColumn(required(dates, 'dates'), 'dates', true), a: optionalColumn(a, 'a'), b: optionalColumn(b, 'b') },
      ctx.dates,
    );
    return [values.map(cell)];
  },
});
