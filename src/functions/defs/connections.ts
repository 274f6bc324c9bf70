import { type Cell } from '../../core/values/cell';
import { type Column } from '../../core/values/column';
import { fail } from '../../core/values/errors';
import { readNumber } from '../../core/values/number';
import { connectDots } from '../../core/scorecard/connections';
import { SCORECARD_DEFAULTS } from '../../core/scorecard/defaults';
import { defineFormula } from '../types';

/** Rows of values per period: unreadable cells and blanks are gaps (NaN). */
function rows(grid: Cell[][]): Float64Array[] {
  return grid.map((r) => {
    const out = new Float64Array(r.length);
    for (let i = 0; i < r.length; i++) out[i] = readNumber(r[i]) ?? NaN;
    return out;
  });
}

/** One name per row of values; a blank name reads as the row it names ("lead row 3"). */
function names(col: Column, count: number, kind: 'lead' | 'lag'): string[] {
  const flat = col.cells.map((c) => String(c ?? '').trim());
  if (flat.length !== count) fail(`${col.name} has ${flat.length} names but there are ${count} rows of values`);
  return flat.map((n, i) => (n === '' ? `${kind} row ${i + 1}` : n));
}

export const CONNECTIONS = defineFormula({
  name: 'CONNECTIONS',
  params: [
    { name: 'leads', kind: 'grid' },
    { name: 'lags', kind: 'grid' },
    { name: 'lead_names', kind: 'range' },
    { name: 'lag_names', kind: 'range' },
    { name: 'max_lag', kind: 'number', default: SCORECARD_DEFAULTS.maxLag, integer: true, min: 0, max: 24 },
  ],
  run({ leads, lags, lead_names, lag_names, max_lag }) {
    const leadRows = rows(leads);
    const lagRows = rows(lags);
    const periods = leadRows[0].length;
    lagRows.forEach((r, i) => {
      if (r.length !== periods)
        fail(`row ${i + 1} of lags has ${r.length} periods but the first lead row has ${periods}; give the same periods for every measure`);
    });
    const leadNames = names(lead_names, leadRows.length, 'lead');
    const lagNames = names(lag_names, lagRows.length, 'lag');
    const found = connectDots(
      leadRows.map((values, i) => ({ name: leadNames[i], values })),
      lagRows.map((values, i) => ({ name: lagNames[i], values })),
      max_lag,
    );
    const out: (string | number | null)[][] = [
      ['Lead', 'Lag', 'Best lag', 'Correlation', 'Prewhitened r', 'Pairs', 'Adjusted p', 'Q-value', 'Reading'],
    ];
    for (const c of found) out.push([c.lead, c.lag, c.lagPeriods, c.r, c.prewhitenedR, c.pairs, c.adjustedP, c.q, c.sentence]);
    return out;
  },
});
