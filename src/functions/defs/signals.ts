import { fail } from '../../core/values/errors';
import { XMR_MIN_VALUES, xmr } from '../../core/stats/xmr';
import { defineFormula } from '../types';
import { perPeriodSeries } from '../series';

const SIGNAL_TEXT = { outside: 'Outside limits', run: 'Run of 8' } as const;

/**
 * SIGNALS(values): signal or noise (DOMAIN.md, Wheeler's XmR chart) over a measure's periods. Blanks are
 * skipped (a period without a value is not a value of 0); every other value gets a row.
 */
export const SIGNALS = defineFormula({
  name: 'SIGNALS',
  params: [{ name: 'values', kind: 'range' }],
  run({ values }) {
    const series = perPeriodSeries(values);
    const present: number[] = [];
    for (const v of series) if (v === v) present.push(v);
    const chart = xmr(present);
    if (!chart) {
      fail(
        `needs at least ${XMR_MIN_VALUES} values to tell a signal from routine variation, and ${values.name} has ` +
          `${present.length === 0 ? 'none' : present.length}; give more periods`,
      );
    }
    const out: (string | number)[][] = [['Value', 'Centre', 'Lower limit', 'Upper limit', 'Signal']];
    present.forEach((v, i) => {
      const s = chart.signals[i];
      out.push([v, chart.centre, chart.lower, chart.upper, s === null ? '' : SIGNAL_TEXT[s]]);
    });
    return out;
  },
});
