import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AT_RISK_ROLES, accountsAtRisk } from '../../../src/core/accounts/atRisk';
import { loadFile } from '../../../src/cli/source';
import { fileBytes } from '../../../src/cli/decode';
import { parseCsv } from '../../../src/core/tables/csv';
import { toCsv } from '../../../examples/csv';
import { calendarSpec } from '../../../src/core/time/periods';
import { UTC_ZONE } from '../../../src/core/time/zone';

/** The scorecard's "Key accounts at risk" (issue 15): the example's four large accounts, from the 2026-05 period on. */

const data = join(__dirname, '..', '..', '..', 'examples', 'data');
const FOUR = ['Brookfield Construction Ltd', 'Pioneer Catering Ltd', 'Humber Fabrication & Co', 'Marlow Electrical plc'];
const dates = { zone: UTC_ZONE, monthFirst: false };

/** The example files as they stood at the end of `month` (YYYY-MM): rows dated later are left out. */
function asOf(dir: string, month: string) {
  const sales = parseCsv(readFileSync(join(data, 'sales.csv'), 'utf8'));
  const feedback = parseCsv(readFileSync(join(data, 'feedback.csv'), 'utf8'));
  const salesMonth = (d: string) => (/^\d\d\/\d\d\/\d{4}$/.test(d) ? `${d.slice(6)}-${d.slice(3, 5)}` : '');
  const keptSales = sales.filter((r, i) => i < 3 || !salesMonth(String(r[1])) || salesMonth(String(r[1])) <= month);
  const keptFeedback = feedback.filter((r, i) => i === 0 || String(r[0]).slice(0, 7) <= month);
  const s = join(dir, `sales-${month}.csv`);
  const f = join(dir, `feedback-${month}.csv`);
  writeFileSync(s, toCsv(keptSales));
  writeFileSync(f, toCsv(keptFeedback));
  const load = (path: string, kind: 'sales' | 'feedback') => loadFile(path, kind, {}, () => fileBytes(path), AT_RISK_ROLES[kind]).source;
  return accountsAtRisk(load(s, 'sales'), load(f, 'feedback'), calendarSpec('month'), dates)!;
}

test('the four example key accounts are at risk from their first answer of 2026-05 on, in every period after, and none in 2026-04', () => {
  const dir = mkdtempSync(join(tmpdir(), 'leadlag-at-risk-'));
  try {
    const before = asOf(dir, '2026-04').map((a) => a.customer);
    expect(FOUR.filter((name) => before.includes(name))).toEqual([]);
    // Three answered in May 2026; Humber Fabrication's first answer after April is on 2026-06-04.
    expect(FOUR.filter((name) => asOf(dir, '2026-05').some((a) => a.customer === name))).toEqual([
      'Brookfield Construction Ltd',
      'Pioneer Catering Ltd',
      'Marlow Electrical plc',
    ]);
    for (const month of ['2026-06', '2026-07', '2026-08', '2026-09', '2026-10']) {
      const list = asOf(dir, month);
      expect(FOUR.filter((name) => !list.some((x) => x.customer === name)).map((n) => `${month}: ${n}`)).toEqual([]);
      for (const name of FOUR) {
        const a = list.find((x) => x.customer === name)!;
        expect(a.tier).toBe('A');
        expect(a.why).toMatch(/^latest referral score [2-6] of 10 \(2026-\d\d-\d\d\); said worse than others/);
        expect(a.lastAnswer.slice(0, 7) <= month).toBe(true);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('only what customers said puts an account here, only tier A or B, largest first', () => {
  const load = (name: string, kind: 'sales' | 'feedback') => {
    const path = join(data, name);
    return loadFile(path, kind, {}, () => fileBytes(path), AT_RISK_ROLES[kind]).source;
  };
  const list = accountsAtRisk(load('sales.csv', 'sales'), load('feedback.csv', 'feedback'), calendarSpec('month'), dates)!;
  expect(list.length).toBeGreaterThanOrEqual(4);
  for (const a of list) expect(a.why).not.toMatch(/revenue falling|no sales/);
  for (let i = 1; i < list.length; i++) expect(list[i - 1].revenue).toBeGreaterThanOrEqual(list[i].revenue);
  // Without a customer column on the feedback there is nothing to match: no list, not an empty one.
  const feedback = load('feedback.csv', 'feedback');
  const { customer: _drop, ...rest } = feedback.columns;
  expect(accountsAtRisk(load('sales.csv', 'sales'), { ...feedback, columns: rest }, calendarSpec('month'), dates)).toBeNull();
});
