import { type Column, atSheetRow } from '../../core/values/column';
import { fail } from '../../core/values/errors';
import { RESULT_HEADERS, type ResultSources, actionResults } from '../../core/results/actionResults';
import { DEFAULT_WINDOW_TEXT, WINDOW_HINT, parseWindow } from '../../core/results/window';
import { defineFormula } from '../types';

const range = (name: string) => ({ name, kind: 'range', optional: true }) as const;

export const ROWS_HINT = 'give the sheet rows the source ranges start on, e.g. "feedback=2, sales=4, reviews=2"';

/** "feedback=2, sales=4, reviews=2": the sheet row each source's ranges start on, so that messages name sheet rows. */
function sheetRows(text: string): Partial<Record<'feedback' | 'sales' | 'reviews', number>> {
  const out: Partial<Record<'feedback' | 'sales' | 'reviews', number>> = {};
  for (const part of text.split(/[,;]/)) {
    if (!part.trim()) continue;
    const m = /^\s*(feedback|sales|reviews)\s*=\s*(\d+)\s*$/i.exec(part);
    if (!m || Number(m[2]) < 1) fail(`argument rows is ${JSON.stringify(text)}; ${ROWS_HINT}`);
    out[m[1].toLowerCase() as 'feedback'] = Number(m[2]);
  }
  return out;
}

/**
 * ACTION_RESULT: did each action of the improvement tracker move the lead measure it names? One row per
 * action (a header row first when the ranges start with the tracker's headers), computed from the sources.
 */
export const ACTION_RESULT = defineFormula({
  name: 'ACTION_RESULT',
  params: [
    { name: 'measures', kind: 'range' },
    { name: 'customers', kind: 'range' },
    { name: 'opened', kind: 'range' },
    { name: 'closed', kind: 'range' },
    { name: 'status', kind: 'range' },
    range('feedback_dates'),
    range('feedback_customers'),
    range('scores'),
    range('satisfaction'),
    range('comparison'),
    range('sale_dates'),
    range('sale_customers'),
    range('promised'),
    range('delivered'),
    range('sold'),
    range('returned'),
    range('review_dates'),
    range('stars'),
    range('responded'),
    range('reviewers'),
    { name: 'window_length', kind: 'text', default: DEFAULT_WINDOW_TEXT, hint: WINDOW_HINT },
    { name: 'rows', kind: 'text', default: '', hint: ROWS_HINT },
  ],
  run(a, ctx) {
    const window = parseWindow(a.window_length) ?? fail(`argument window_length is ${JSON.stringify(a.window_length)}; ${WINDOW_HINT}`);
    const at = sheetRows(a.rows);
    const on = (c: Column | undefined, row: number | undefined) => (c && row ? atSheetRow(c, row) : c);
    const need = (c: Column | undefined, what: string, why: string): Column =>
      c ?? fail(`${why} needs ${what} too; give the column of ${what}`);
    const f = at.feedback;
    const s = at.sales;
    const r = at.reviews;
    const sources: ResultSources = {
      feedback:
        a.scores || a.satisfaction || a.comparison
          ? {
              dates: on(need(a.feedback_dates, 'feedback_dates', 'feedback'), f)!,
              customers: on(a.feedback_customers, f),
              scores: on(a.scores, f),
              satisfaction: on(a.satisfaction, f),
              comparison: on(a.comparison, f),
            }
          : undefined,
      sales:
        a.promised || a.delivered || a.sold || a.returned
          ? {
              dates: on(a.sale_dates, s),
              customers: on(a.sale_customers, s),
              promised: on(a.promised, s),
              delivered: on(a.delivered, s),
              sold: on(a.sold, s),
              returned: on(a.returned, s),
            }
          : undefined,
      reviews: a.stars
        ? {
            dates: on(need(a.review_dates, 'review_dates', 'stars'), r)!,
            stars: on(a.stars, r)!,
            responded: on(a.responded, r),
            reviewers: on(a.reviewers, r),
          }
        : undefined,
    };
    const { header, rows } = actionResults(
      { measures: a.measures, customers: a.customers, opened: a.opened, closed: a.closed, status: a.status },
      sources,
      window,
      ctx.dates,
    );
    const out: string[][] = header ? [[...RESULT_HEADERS]] : [];
    for (const x of rows) out.push([x.before, x.after, x.change, x.result, x.unhappyAgain]);
    return out.length ? out : [['', '', '', '', '']];
  },
});
