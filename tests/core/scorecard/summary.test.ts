import {
  escapeMarkdown,
  scoreSummary,
  shownValue,
  summaryMail,
  summaryMarkdown,
  type AtRiskLine,
} from '../../../src/core/scorecard/summary';
import { MEASURES } from '../../../src/core/scorecard/measures';
import type { ScorecardResult } from '../../../src/core/scorecard/compute';

const info = (id: string) => MEASURES.find((m) => m.id === id)!;
type M = ScorecardResult['measures'][number];
const measure = (id: M['id'], values: (number | null)[], extra: Partial<M> = {}): M => ({
  id,
  kind: info(id).kind,
  label: info(id).label,
  values,
  counts: values.map(() => 100),
  target: null,
  target_kind: null,
  target_why: '',
  status: null,
  as_of: '2026-10',
  problem: null,
  signal: 'Routine',
  ...extra,
});
const result: Pick<ScorecardResult, 'periods' | 'measures'> = {
  periods: ['2026-08', '2026-09', '2026-10'],
  measures: [
    measure('nps', [40, 55, 60], { target: 60, target_kind: 'suggested', status: 'On track' }),
    measure('revenue', [250000, 260000.4, 281009.4], { target: 294118, target_kind: 'path', status: 'At risk', signal: 'Run of 8' }),
    measure('review_response', [0.5, 0.33, null], { target: 0.38, target_kind: 'typed', status: 'Off track', as_of: '2026-09' }),
    measure('csat', [0.9, 0.95, 0.953]),
  ],
};
const hostile: AtRiskLine = {
  account: 'Fairfield <b>Logistics</b>',
  tier: 'A',
  revenue: '£91,204',
  lastAnswer: '2026-05-14',
  why: 'referral score 3',
  comment: 'Late again <script>alert(1)</script> | [click](http://evil) **now**',
  actions: ['A-12'],
};

test('values as the sheet shows them: currency, whole NPS points, percentages at their precision', () => {
  expect(shownValue(281009.4, info('revenue'), 'GBP')).toBe('£281,009');
  expect(shownValue(912.374, info('average_order_value'), 'GBP')).toBe('£912.37');
  expect(shownValue(59.6, info('nps'), undefined)).toBe('60');
  expect(shownValue(-12.4, info('nps'), undefined)).toBe('−12');
  expect(shownValue(0.2996, info('margin_pct'), undefined)).toBe('30.0%');
  expect(shownValue(0.953, info('csat'), undefined)).toBe('95%');
});

test('the marked measures in the order marked, with their latest value, target, status and signal', () => {
  const s = scoreSummary(result, ['revenue', 'nps', 'review_response'], 'GBP');
  expect(s.last).toBe('2026-10');
  expect(s.measures.map((m) => [m.label, m.latest, m.target, m.status, m.signal])).toEqual([
    ['Revenue', '£281,009', '£294,118', 'At risk', 'Run of 8'],
    ['Referral score (NPS)', '60', '60', 'On track', 'Routine'],
    ['Unhappy reviews answered', '33%', '38%', 'Off track', 'Routine'],
  ]);
});

test('Markdown: the table, the period a status judges named, accounts with what is new, overdue actions, the link', () => {
  const s = scoreSummary(result, ['revenue', 'nps', 'review_response'], 'GBP', [hostile]);
  const md = summaryMarkdown(s, {
    spreadsheet: 'Northwind',
    url: 'https://docs.google.com/spreadsheets/d/x',
    overdue: [{ id: 'A-3', customer: 'Saxon', wrong: 'Late delivery', due: '2026-11-20' }],
    overdueCount: 4,
    known: [],
  });
  expect(md).toContain('| Revenue | £281,009 | target £294,118 on the path | At risk · Run of 8 |');
  expect(md).toContain('| Referral score (NPS) | 60 | target 60 (suggested) | On track · routine variation |');
  expect(md).toContain('Off track as of 2026-09');
  expect(md).toContain('— new');
  expect(md).toContain('- #A-3 Saxon: Late delivery (due 2026-11-20)');
  expect(md).toContain('… and 3 more');
  expect(md).toContain('<https://docs.google.com/spreadsheets/d/x>');
  // Text from data stays text: no tag, no link, no bold survives.
  expect(md).not.toMatch(/<script>|<b>|(?<!\\)\]\(http|(?<!\\)\*(?<!\\)\*now/);
  expect(md).toContain('\\[click\\](http://evil) \\*\\*now\\*\\*');
});

test('the mail: a subject that answers the question, every text from data escaped in the HTML, plain text kept', () => {
  const s = scoreSummary(result, ['revenue', 'nps', 'review_response'], 'GBP', [hostile]);
  const m = summaryMail(s, { spreadsheet: 'Northwind "Q4"', url: 'https://x.test/?a=1&b=2', overdueCount: 0, known: ['Someone else'] });
  expect(m.subject).toBe('Leadlag: 1 of 3 on track in "Northwind "Q4"", 2026-10; 1 new key account at risk');
  expect(m.htmlBody).not.toContain('<script>');
  expect(m.htmlBody).not.toContain('<b>Logistics</b>');
  expect(m.htmlBody).toContain('Fairfield &lt;b&gt;Logistics&lt;/b&gt;');
  expect(m.htmlBody).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  expect(m.htmlBody).toContain('href="https://x.test/?a=1&amp;b=2"');
  expect(m.htmlBody).toContain('Northwind &quot;Q4&quot;');
  expect(m.body).toContain('Revenue: £281,009 (target £294,118 on the path) — At risk · Run of 8');
  expect(m.body).toContain('<script>alert(1)</script>'); // plain text is shown as text by every mail program
  // An account already mailed is not new.
  expect(summaryMail(s, { spreadsheet: 'N', known: [hostile.account] }).subject).not.toContain('new');
});

test('no measure, no account: the summary says so rather than showing an empty table', () => {
  const s = scoreSummary(result, [], undefined, []);
  expect(summaryMarkdown(s, { spreadsheet: 'N' })).toContain('No measure to show yet.');
  expect(summaryMail(s, { spreadsheet: 'N' }).htmlBody).toContain('<p>None.</p>');
});

test('Markdown escaping leaves no markup character unescaped', () => {
  expect(escapeMarkdown('a*b_c[d](e)<f>|g`h~i\\j')).toBe('a\\*b\\_c\\[d\\](e)\\<f\\>\\|g\\`h\\~i\\\\j');
});

test('accounts not read are not reported as none at risk', () => {
  const s = scoreSummary(result, ['nps'], undefined, null);
  expect(summaryMarkdown(s, { spreadsheet: 'N' })).not.toContain('Key accounts');
  const m = summaryMail(s, { spreadsheet: 'N' });
  expect(m.body).not.toMatch(/key account/i);
  expect(m.htmlBody).not.toContain('Key accounts');
});
