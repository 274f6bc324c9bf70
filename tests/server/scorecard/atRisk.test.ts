import { parseCsv } from '../../../src/core/tables/csv';
import { detectSheet, suggestDefinition } from '../../../src/server/scorecard/detect';
import { AT_RISK_ROWS } from '../../../src/server/scorecard/atRisk';
import { world, setupWith, csv, values } from '../../helpers/world';

/** The scorecard's "Key accounts at risk" panel (issue 15), built in the in-memory workbook from the example data. */

const FOUR = ['Brookfield Construction Ltd', 'Pioneer Catering Ltd', 'Humber Fabrication & Co', 'Marlow Electrical plc'];

function build(feedback = parseCsv(csv('feedback.csv')), survey = false) {
  const grids = { Sales: parseCsv(csv('sales.csv')), Feedback: feedback, Reviews: parseCsv(csv('reviews.csv')) };
  const w = world(grids);
  const def = suggestDefinition(Object.entries(grids).map(([n, g]) => detectSheet(n, g)));
  if (survey) w.call('createSurvey', { setup: setupWith({ reminder: 'none', digest: false }) });
  return { w, def, built: w.call('buildScorecard', { definition: def }) };
}

function panel(w: ReturnType<typeof world>) {
  const grid = values(w.wb, 'Scorecard');
  const t = grid.findIndex((r) => String(r[0]).startsWith('Key accounts at risk'));
  const head = grid[t + 1].map(String);
  const rows = [];
  for (let r = t + 2; grid[r][1] !== '' && grid[r][1] !== null; r++) rows.push(Object.fromEntries(head.map((h, k) => [h, grid[r][k]])));
  return { t, head, rows, after: String(grid[t + 2 + rows.length][0]) };
}

test('the four example key accounts are listed with revenue, the last answer, its comment and why, largest first', () => {
  const { w } = build();
  const p = panel(w);
  expect(p.head.slice(0, 7)).toEqual(['Account', 'Tier', 'Last answer', 'Revenue', 'Why', 'Actions', 'Comment']);
  for (const name of FOUR) {
    const a = p.rows.find((r) => r.Account === name)!;
    expect(a.Tier).toBe('A');
    expect(String(a['Last answer'])).toMatch(/^2026-(0[6-9]|10)-\d\d$/);
    expect(String(a.Why)).toMatch(/^latest referral score [2-6] of 10; said worse than others$/);
    expect(typeof a.Revenue).toBe('number');
    expect(String(a.Comment).length).toBeGreaterThan(0);
  }
  const revenues = p.rows.map((r) => Number(r.Revenue));
  expect(revenues).toEqual([...revenues].sort((a, b) => b - a));
  expect(p.rows.length).toBe(AT_RISK_ROWS);
  expect(p.after).toMatch(/^\d+ accounts at risk as built 2026-11-23 10:00 \(the 15 largest shown\)/);
  // Money in the sales' currency.
  const sheet = w.wb.sheet('Scorecard')!;
  expect(w.wb.styleAt('Scorecard', `D${p.t + 3}`).numberFormat).toBe('"£"#,##0');
  expect(sheet).toBeDefined();
});

test('open tracker actions of an account are named beside it; text from the data stays text', () => {
  const feedback = parseCsv(csv('feedback.csv'));
  // A comment that looks like a formula, from the largest at-risk account's last answer.
  const last = feedback
    .map((r, i) => [r, i] as const)
    .filter(([r]) => r[1] === 'Brookfield Construction Ltd')
    .pop()![1];
  feedback[last] = [...feedback[last]];
  feedback[last][7] = '=HYPERLINK("http://evil.test","click")';
  const { w, def } = build(feedback, true);
  const [f] = w.call('automationStatus').survey!.forms;
  w.twin.submit(f.id, { customer: 'Brookfield Construction Ltd', referral: 2, dissatisfies: 'Late again' });
  w.call('syncFeedback');
  w.call('buildScorecard', { definition: def, force: true });
  const brook = panel(w).rows.find((r) => r.Account === 'Brookfield Construction Ltd')!;
  expect(String(brook.Actions)).toMatch(/^#\d+$/);
  expect(brook.Comment).toBe('=HYPERLINK("http://evil.test","click")');
  const grid = values(w.wb, 'Scorecard');
  const row = grid.findIndex((r) => r[0] === 'Brookfield Construction Ltd');
  expect(w.wb.formulaAt('Scorecard', `G${row + 1}`)).toBeFalsy();
});

test('without a customer column on the feedback there is no panel, and nothing says "none at risk"', () => {
  const feedback = parseCsv(csv('feedback.csv')).map((r) => [r[0], ...r.slice(2)]);
  const { w } = build(feedback);
  expect(panel(w).t).toBe(-1);
});
