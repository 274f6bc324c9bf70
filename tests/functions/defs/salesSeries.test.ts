import { errorOf, run } from '../helpers';
import { HEALTH_ROW, sourceRow, sourceRows } from '../../../src/core/sources/table';

const c = (...xs: unknown[]) => xs.map((x) => [x]);

describe('SALES_SERIES: every sales measure per period in one call', () => {
  const dates = c('2026-01-05', '2026-01-05', '2026-02-10', '');
  const amounts = c(100, 50, '£20', '');
  const ids = c('A', 'A', 'B', '');
  test('the fixed layout: Measure, Note, periods; a values row and a counts row per measure', () => {
    const t = run('SALES_SERIES', dates, amounts, 'month', ids) as unknown[][];
    const cut = (row: unknown[]) => row.slice(0, 4);
    expect(cut(t[0])).toEqual(['Measure', '3 dated rows', '2026-01', '2026-02']);
    expect(cut(t[sourceRow('sales', 'revenue')])).toEqual(['revenue', '', 150, 20]);
    expect(cut(t[sourceRow('sales', 'revenue') + 1])).toEqual(['revenue:n', 'orders', 1, 1]);
    expect(cut(t[sourceRow('sales', 'orders')])).toEqual(['orders', '', 1, 1]);
    expect(cut(t[sourceRow('sales', 'average_order_value')])).toEqual(['average_order_value', '', 150, 20]);
    // Under the measures, target health per quarter (its own header row at HEALTH_ROW).
    expect(t[HEALTH_ROW].slice(0, 5)).toEqual(['Period', 'Sales', 'Share in last days', 'Expected share', 'Spike ratio']);
    expect(t[HEALTH_ROW].slice(10, 12)).toEqual(['Flags', 'Finding']);
    expect(t[HEALTH_ROW + 1][0]).toBe('2026-Q1');
    expect(t).toHaveLength(HEALTH_ROW + 2);
    expect(sourceRows('sales')).toBe(22);
    // A signal row per measure: XmR needs 6 periods, these have 2.
    expect(t[sourceRow('sales', 'revenue') + 2].slice(0, 4)).toEqual(['revenue:signal', 'needs 6 periods (has 2)', '', '']);
    // What the columns cannot give says what it needs.
    expect(t[sourceRow('sales', 'on_time')].slice(0, 3)).toEqual(['on_time', 'needs delivered date, promised date (sales)', '']);
  });
  test('start lines several sources up; rows before it are left out and said', () => {
    const t = run('SALES_SERIES', dates, amounts, 'month', ids, '', '', '', '', '', '', '', '', '2026-02') as unknown[][];
    expect(t[0].slice(0, 3)).toEqual(['Measure', '3 dated rows; 2 before 2026-02 left out', '2026-02']);
    expect(t[sourceRow('sales', 'revenue')].slice(0, 3)).toEqual(['revenue', '', 20]);
  });
  test('options: order-level amounts, leave-out rules on filter columns, sheet rows in messages', () => {
    const status = c('paid', '', 'voided', '');
    const t = run(
      'SALES_SERIES',
      dates,
      c(150, 150, 20, ''),
      'month',
      ids,
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      'amounts=order; leave1=voided',
      status,
    ) as unknown[][];
    expect(t[0][1]).toBe('3 dated rows; 1 left out by the options; amounts counted once per order');
    expect(t[sourceRow('sales', 'revenue')].slice(0, 3)).toEqual(['revenue', '', 150]);
    // A cost that cannot be read names the sheet row, and only margin says so.
    const costs = c(1, 'n/a?', 1, '');
    const u = run('SALES_SERIES', dates, amounts, 'month', ids, costs, '', '', '', '', '', '', '', '', 'row=4') as unknown[][];
    expect(u[sourceRow('sales', 'margin')][1]).toBe('sheet row 5 of costs holds "n/a?"; expected an amount such as 1234.5 or "£1,234.50"');
    expect(u[sourceRow('sales', 'revenue')].slice(0, 4)).toEqual(['revenue', '', 150, 20]);
  });
  test('clear errors', () => {
    expect(errorOf(() => run('SALES_SERIES', c('', ''), c(1, 2))).message).toMatch(/^SALES_SERIES: no rows have a date/);
    expect(errorOf(() => run('SALES_SERIES', dates, amounts, 'month', ids, '', '', '', '', '', '', '', '', '2026-Q1')).message).toBe(
      'SALES_SERIES: argument start is "2026-Q1" (a period of another kind: this series is by month, e.g. "2026-01"); give the first period as PERIODS labels it, e.g. "2024-11"',
    );
    expect(errorOf(() => run('SALES_SERIES', dates, amounts, 'month', ids, '', '', '', '', '', '', '', '', '', 'leave1=x')).message).toBe(
      'SALES_SERIES: argument options reads filter1, which is not given; give the column it reads as filter1',
    );
  });
});

describe('FEEDBACK_SERIES and REVIEWS_SERIES', () => {
  test('NPS, CSAT and net comparison per period with their answers; the same NPS as NPS_BY_PERIOD', () => {
    const dates = c('2026-01-05', '2026-01-06', '2026-03-01', '2026-03-02');
    const scores = c(10, 7, 0, 9);
    const sat = c('Very satisfied', 'Neutral', '', 'Satisfied');
    const cmp = c('Better', 'Worse', 'About the same', '');
    const t = run('FEEDBACK_SERIES', dates, scores, sat, cmp) as unknown[][];
    expect(t[0]).toEqual(['Measure', '4 dated responses', '2026-01', '2026-02', '2026-03']);
    expect(t[sourceRow('feedback', 'nps')]).toEqual(['nps', '', 50, '', 0]);
    expect(t[sourceRow('feedback', 'nps') + 1]).toEqual(['nps:n', 'answers', 2, 0, 2]);
    expect(t[sourceRow('feedback', 'csat')]).toEqual(['csat', '', 0.5, '', 1]);
    expect(t[sourceRow('feedback', 'net_comparison')]).toEqual(['net_comparison', '', 0, '', 0]);
    const byPeriod = (run('NPS_BY_PERIOD', dates, scores) as unknown[][]).slice(1);
    expect(byPeriod.map((r) => r[2])).toEqual([50, '', 0]);
  });
  test('an unreadable satisfaction answer fails CSAT alone', () => {
    const t = run('FEEDBACK_SERIES', c('2026-01-05', '2026-01-06'), c(10, 0), c('Neutral', 'Great')) as unknown[][];
    expect(t[sourceRow('feedback', 'nps')]).toEqual(['nps', '', 0]);
    expect(t[sourceRow('feedback', 'csat')][1]).toMatch(/^row 2 of satisfaction holds "Great"/);
  });
  test('review response per period', () => {
    const t = run('REVIEWS_SERIES', c('2026-01-05', '2026-01-06', '2026-02-01'), c(1, 5, 2), c('yes', '', '')) as unknown[][];
    expect(t[sourceRow('reviews', 'review_response')]).toEqual(['review_response', '', 1, 0]);
    expect(t[sourceRow('reviews', 'review_response') + 1]).toEqual(['review_response:n', 'low reviews', 1, 1]);
  });
});
