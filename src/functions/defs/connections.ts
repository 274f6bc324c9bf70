import { type Arg, type Cell } from '../../core/values/cell';
import { fail } from '../../core/values/errors';
import { readNumber } from '../../core/values/number';
import { connectDots } from '../../core/scorecard/connections';
import { defineFormula } from '../types';
import { cell, optNumber, required } from '../args';

function rows(arg: Arg, name: string): Float64Array[] {
  const grid = Array.isArray(arg) ? (arg as Cell[][]) : [[arg as Cell]];
  return grid.map((r) =>
    Float64Array.from(r, (c) => {
      const x = readNumber(c);
      return x === null || x === undefined ? NaN : x;
    }),
  );
}

function names(arg: Arg, count: number, name: string): string[] {
  const grid = Array.isArray(arg) ? (arg as Cell[][]) : [[arg as Cell]];
  const flat = grid.flat().map((c) => String(c ?? '').trim());
  if (flat.length !== count) fail(`${name} has ${flat.length} names but there are ${count} rows of values`);
  return flat;
}

export const CONNECTIONS = defineFormula({
  name: 'CONNECTIONS',
  summary:
    '"Connect the dots": for every lead measure × lag measure (one row of values per period each), the lag in periods ' +
    'with the strongest evidence, its correlation, p-value and pairs, and a sentence, strongest first. Evidence, not proof.',
  args: [
    { name: 'leads', type: 'range', help: 'Rows of lead-measure values, one row per measure, one column per period.' },
    { name: 'lags', type: 'range', help: 'Rows of lag-measure values for the same periods.' },
    { name: 'lead_names', type: 'range', help: 'The name of each lead row.' },
    { name: 'lag_names', type: 'range', help: 'The name of each lag row.' },
    { name: 'max_lag', type: 'number', default: '3', help: 'The most periods a lag measure may trail by.' },
  ],
  returns: 'A table: Lead, Lag, Best lag, Correlation, P-value, Pairs, Reading.',
  example: '=CONNECTIONS(C7:N12, C15:N19, B7:B12, B15:B19, 3)',
  run([leads, lags, leadNames, lagNames, maxLag]) {
    const leadRows = rows(required(leads, 'leads'), 'leads');
    const lagRows = rows(required(lags, 'lags'), 'lags');
    const periods = leadRows[0]?.length ?? 0;
    for (const [rowsOf, what] of [
      [leadRows, 'leads'],
      [lagRows, 'lags'],
    ] as const) {
      rowsOf.forEach((r, i) => {
        if (r.length !== periods)
          fail(
            `row ${i + 1} of ${what} has ${r.length} periods but the first lead row has ${periods}; give the same periods for every measure`,
          );
      });
    }
    const k = optNumber(maxLag, 'max_lag', 3, { integer: true, min: 0, max: 60, help: 'give a whole number of periods from 0 to 60' });
    const found = connectDots(
      leadRows.map((values, i) => ({ name: names(required(leadNames, 'lead_names'), leadRows.length, 'lead_names')[i], values })),
      lagRows.map((values, i) => ({ name: names(required(lagNames, 'lag_names'), lagRows.length, 'lag_names')[i], values })),
      k,
    );
    const out: (string | number)[][] = [['Lead', 'Lag', 'Best lag', 'Correlation', 'P-value', 'Pairs', 'Reading']];
    for (const c of found) out.push([c.lead, c.lag, c.lagPeriods, c.r, c.p, c.pairs, c.sentence]);
    if (found.length === 0)
      out.push(['Not enough periods yet: each pair needs at least 3 periods with both values.', '', '', '', '', '', '']);
    return out.map((r) => r.map((x) => (typeof x === 'number' ? cell(x) : x)));
  },
});
