/**
 * Where ours spends its time: the steps of PERIOD_SERIES and NPS_BY_PERIOD timed one by one on the
 * bench data (1,000,000 rows), medians of 5 runs after a warm-up.
 *   npx tsx bench/phases.ts [date|iso|dayfirst]
 * For a CPU profile of the whole call instead:
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/case.ts series-iso 3
 */
import { toColumn } from '../src/core/values/column';
import { readDayColumn } from '../src/core/values/date';
import { readNumber } from '../src/core/values/number';
import { parsePeriod } from '../src/core/time/periods';
import { bucketDays, bucketLabels } from '../src/core/measures/buckets';
import { periodSeries } from '../src/core/measures/periodSeries';
import { npsRows } from '../src/core/measures/nps';
import { runFormula } from '../src/functions/runtime';
import { contextFor, RUNTIME_HOST } from '../src/functions/context';
import { amountRange, currencyRange, dateRange, makeRows, scoreRange, textDateRange } from './data';
import { keep, median, timeOnce } from './timing';

const kind = (process.argv[2] ?? 'date') as 'date' | 'iso' | 'dayfirst';
const rows = makeRows(1_000_000);
const dates = kind === 'date' ? dateRange(rows) : textDateRange(rows, kind === 'iso' ? 'iso' : 'dayFirst');
const values = kind === 'date' ? amountRange(rows) : currencyRange(rows);
const scores = scoreRange(rows);
const ctx = contextFor(RUNTIME_HOST);
const spec = parsePeriod('month');

const dateCol = toColumn(dates, 'dates', true);
const valueCol = toColumn(values, 'values', true);
const scoreCol = toColumn(scores, 'scores', true);
const days = readDayColumn(dateCol, ctx.dates);

const steps: [string, () => unknown][] = [
  ['PERIOD_SERIES whole call (runFormula)', () => runFormula('PERIOD_SERIES', [dates, values, 'month', 'sum'], ctx)],
  ['  core/values/column.ts toColumn (dates)', () => toColumn(dates, 'dates', true)],
  ['  core/values/column.ts toColumn (values)', () => toColumn(values, 'values', true)],
  ['  core/values/date.ts readDayColumn', () => readDayColumn(dateCol, ctx.dates)],
  ['  core/measures/periodSeries.ts periodSeries (all)', () => periodSeries(days, valueCol, spec, 'sum', dateCol)],
  [
    '    core/values/number.ts readNumber per cell',
    () => {
      const c = valueCol.cells;
      let s = 0;
      for (let i = 0; i < c.length; i++) s += readNumber(c[i]) as number;
      return s;
    },
  ],
  ['    core/measures/buckets.ts bucketDays', () => bucketDays(days, spec)],
  ['NPS_BY_PERIOD whole call (runFormula)', () => runFormula('NPS_BY_PERIOD', [dates, scores, 'month'], ctx)],
  ['  core/measures/nps.ts npsRows', () => npsRows(scoreCol)],
  [
    '  bucketDays with the only(i) callback',
    () => {
      const r = npsRows(scoreCol);
      return bucketDays(days, spec, (i) => r.den[i] !== 0);
    },
  ],
  ['  core/measures/buckets.ts bucketLabels', () => bucketLabels(bucketDays(days, spec))],
];

for (const [, f] of steps) keep(f());
console.log(`| step (${kind} dates, 1,000,000 rows) | ms (median of 5) |\n|---|---:|`);
for (const [name, f] of steps) {
  const t = [1, 2, 3, 4, 5].map(() => timeOnce(f));
  console.log(`| ${name} | ${median(t).toFixed(1)} |`);
}
