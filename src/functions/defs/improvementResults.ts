import { type GroupLine, MAX_GROUPS, resultLine, trackerResults } from '../../core/results/summary';
import { defineFormula } from '../types';

/** The most rows IMPROVEMENT_RESULTS spills: the sentence, the totals, and up to 8 lines by source and by owner. */
export const IMPROVEMENT_RESULTS_ROWS = 3 + 2 * (1 + MAX_GROUPS);
export const IMPROVEMENT_RESULTS_COLUMNS = 10;

/** IMPROVEMENT_RESULTS: did the tracker's actions work, in one sentence and a few lines (core/results/summary.ts). */
export const IMPROVEMENT_RESULTS = defineFormula({
  name: 'IMPROVEMENT_RESULTS',
  params: [
    { name: 'status', kind: 'range' },
    { name: 'opened', kind: 'range' },
    { name: 'closed', kind: 'range' },
    { name: 'source', kind: 'range' },
    { name: 'owner', kind: 'range' },
    { name: 'customers', kind: 'range' },
    { name: 'contact', kind: 'range' },
    { name: 'replied', kind: 'range' },
    { name: 'results', kind: 'range' },
    { name: 'unhappy', kind: 'range' },
    { name: 'period', kind: 'period', default: 'quarter' },
    { name: 'as_of', kind: 'date', default: 'today' },
  ],
  run(a, ctx) {
    const r = trackerResults(a, a.period, ctx.dates, a.as_of);
    const w = IMPROVEMENT_RESULTS_COLUMNS;
    const row = (...cells: (string | number | null)[]) => [...cells, ...new Array<null>(w - cells.length).fill(null)];
    const c = r.all;
    const share = c.done ? `${Math.round((100 * c.better) / c.done)}%` : '';
    const out = [
      row(resultLine(r, a.period)),
      row(
        'Done',
        'Measured',
        'Moved (better)',
        'Moved (worse)',
        'No change',
        'Too few answers',
        'Share moved',
        'Reopened',
        'Replies sent',
        'Not told yet',
      ),
      row(c.done, c.measured, c.better, c.worse, c.same, c.few, share, c.reopened, c.replied, c.unreplied),
    ];
    const group = (title: string, lines: readonly GroupLine[]) => {
      if (!lines.length) return;
      out.push(row(title, 'Done', 'Median days to close', 'Moved (better)', 'Reopened'));
      for (const g of lines) out.push(row(g.name, g.done, g.medianDays, g.better, g.reopened));
    };
    group('By source', r.bySource);
    group('By owner', r.byOwner);
    return out;
  },
});
