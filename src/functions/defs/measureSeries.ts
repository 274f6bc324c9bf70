import { readPeriodLabels } from '../../core/time/periods';
import { MEASURE_IDS, type MeasureId } from '../../core/scorecard/measures';
import { measureSeries } from '../../core/scorecard/measureSeries';
import { defineFormula } from '../types';

const MEASURE_WORDS = Object.fromEntries(MEASURE_IDS.map((id) => [id, []])) as unknown as Readonly<Record<MeasureId, readonly string[]>>;

export const MEASURE_SERIES = defineFormula({
  name: 'MEASURE_SERIES',
  params: [
    { name: 'measure', kind: 'text', words: MEASURE_WORDS },
    { name: 'periods', kind: 'range' },
    { name: 'dates', kind: 'range' },
    { name: 'a', kind: 'range', optional: true },
    { name: 'b', kind: 'range', optional: true },
  ],
  run({ measure, periods, dates, a, b }, ctx) {
    const { spec, indexes } = readPeriodLabels(periods);
    return [measureSeries(measure, indexes, spec, { dates, a, b }, ctx.dates)];
  },
});
