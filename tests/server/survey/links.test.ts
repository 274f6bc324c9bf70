import { world, setupWith, values, csv, NOW, ZONE } from '../../helpers/world';
import { MemoryWorkbook } from '../../../src/server/adapters/memory/memoryWorkbook';
import { detectSheets, suggestDefinition } from '../../../src/server/scorecard/detect';
import { buildScorecard } from '../../../src/server/scorecard/build';
import { trackerSummary } from '../../../src/server/tracker/sheets';
import { findTable } from '../../../src/core/tables/findTable';
import { runFormula } from '../../../src/functions/runtime';
import { contextFor } from '../../../src/functions/context';
import { distinctCustomers } from '../../../src/core/survey/links';
import type { Cell } from '../../../src/core/values/cell';

/**
 * The "Survey links" sheet: a pre-filled link per customer of the Sales sheet (and role), so that answers
 * join the customer's sales: KEY_ACCOUNTS flags the right row, and the tracker names the customer.
 */
const examples = () =>
  MemoryWorkbook.fromCsv(
    { Sales: csv('sales.csv'), Feedback: csv('feedback.csv'), Reviews: csv('reviews.csv') },
    { now: () => NOW, zone: ZONE },
  );

function withScorecard() {
  const w = world({}, {}, examples());
  const def = suggestDefinition(detectSheets(w.wb));
  buildScorecard(w.wb, def, '2026-11-23 10:00', [trackerSummary]);
  const grid = values(w.wb, 'Sales');
  const t = findTable(grid);
  const column = (header: string) => t.dataRows.map((i) => grid[i][t.firstCol + t.headers.indexOf(header)]);
  const sales = def.sources.sales!.columns;
  return { w, customers: column(sales.customer!), amounts: column(sales.amount!) };
}

const ctx = contextFor({ zone: ZONE, locale: 'en_GB', now: () => NOW });

/** KEY_ACCOUNTS over the sales rows and the feedback table's rows, one after the other (blank revenue, blank score). */
function keyAccounts(w: ReturnType<typeof world>, customers: Cell[], amounts: Cell[]) {
  const fb = values(w.wb, 'Survey responses');
  const col = (h: string) => fb.slice(1).map((r) => r[fb[0].indexOf(h)]);
  const fbCustomers = col('Customer');
  const scores = col('How likely are you to refer us to a colleague?');
  const out = runFormula(
    'KEY_ACCOUNTS',
    [
      [...customers, ...fbCustomers].map((c) => [c]),
      [...amounts, ...fbCustomers.map(() => '')].map((c) => [c]),
      [...customers.map(() => ''), ...scores].map((c) => [c]),
    ],
    ctx,
  ) as (string | number | boolean)[][];
  return new Map(out.slice(1).map((r) => [String(r[0]), { tier: r[4], atRisk: r[6] }]));
}

describe('the survey links sheet', () => {
  test('one link per customer of the Sales sheet and per form, as text, with the customer filled in', () => {
    const { w, customers } = withScorecard();
    const r = w.call('createSurvey', { setup: setupWith({ roles: ['Buyer', 'Day-to-day user'] }) });
    const names = distinctCustomers(customers);
    expect(names.length).toBeGreaterThan(10);
    expect(r.links).toMatchObject({ sheet: 'Survey links', customers: names.length, links: names.length * 2, problem: null });
    const grid = values(w.wb, 'Survey links');
    expect(grid[0]).toEqual(['Customer', 'Role', 'Form', 'Link']);
    expect(grid.slice(1).map((row) => row[0])).toEqual([...names, ...names]);
    expect(grid[1][1]).toBe('Buyer');
    expect(w.wb.getSheetTag('Survey links')).toBe('leadlag:survey-links');
    for (let i = 1; i < 4; i++) {
      const link = String(grid[i][3]);
      expect(link.startsWith(`/forms/${r.forms[0].id}?`)).toBe(true);
      expect(w.twin.forms.prefillOf(link)).toEqual({ customer: names[i - 1] });
      expect(w.wb.formulaAt('Survey links', `D${i + 1}`)).toBeNull();
    }
    expect(w.call('automationStatus').survey!.links).toMatchObject({ customers: names.length });
  });

  test('one form that branches: the role is filled in too', () => {
    const { w, customers } = withScorecard();
    w.call('createSurvey', { setup: setupWith({ layout: 'branching', roles: ['Buyer', 'Chef'] }) });
    const grid = values(w.wb, 'Survey links');
    const first = distinctCustomers(customers)[0];
    expect(grid.slice(1, 3).map((row) => [row[0], row[1]])).toEqual([
      [first, 'Buyer'],
      [first, 'Chef'],
    ]);
    expect(w.twin.forms.prefillOf(String(grid[2][3]))).toEqual({ customer: first, role: 'Chef' });
  });

  test('a response through a customer’s link lands on that customer’s row in KEY_ACCOUNTS’ at-risk check, and the tracker names them', () => {
    const { w, customers, amounts } = withScorecard();
    const r = w.call('createSurvey', { setup: setupWith({ roles: ['Buyer'] }) });
    const before = keyAccounts(w, customers, amounts);
    const top = [...before].find(([, a]) => a.tier === 'A' && a.atRisk === false)![0];
    const link = String(values(w.wb, 'Survey links').find((row) => row[0] === top)![3]);
    // What the customer does: opens their link (company filled in), answers, submits.
    w.twin.submit(r.forms[0].id, { ...w.twin.forms.prefillOf(link), referral: 3, comparison: 'Worse', dissatisfies: 'Late twice' });
    const after = keyAccounts(w, customers, amounts);
    expect(after.get(top)).toEqual({ tier: 'A', atRisk: true });
    const risky = (m: typeof after) =>
      [...m]
        .filter(([, a]) => a.atRisk)
        .map(([c]) => c)
        .sort();
    expect(risky(after)).toEqual([...risky(before), top].sort()); // that customer, and no other
    const tracker = values(w.wb, 'Improvement tracker');
    expect(tracker[1][tracker[0].indexOf('Customer')]).toBe(top);
    // A typed name that is not the Sales sheet's spelling would not have joined: the link is what makes it.
    expect(after.has(`${top} (typed)`)).toBe(false);
  });

  test('without a scorecard there is no one to link to: the sheet says so, and "Update links" writes them once there is', () => {
    const w = world({}, {}, examples());
    const r = w.call('createSurvey', { setup: setupWith({ roles: ['Buyer'] }) });
    expect(r.links.links).toBe(0);
    expect(r.links.problem).toMatch(/^Build the scorecard from your sales data first/);
    buildScorecard(w.wb, suggestDefinition(detectSheets(w.wb)), '2026-11-23 10:00', [trackerSummary]);
    const again = w.call('surveyLinks');
    expect(again.links.links).toBeGreaterThan(10);
    expect(again.status.survey!.links!.links).toBe(again.links.links);
    expect(values(w.wb, 'Survey links').length).toBe(again.links.links + 1);
  });
});
