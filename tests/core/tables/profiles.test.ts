import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROFILES, headerKey, profileById, recogniseGrid, recogniseHeaders } from '../../../src/core/tables/profiles/index';
import { findTable, tableColumns } from '../../../src/core/tables/findTable';
import { profileSuggestions } from '../../../src/core/tables/profiles/roles';
import { STATUS_LEAVE_OUT, sourceRefFor, sourceSetup, suggestTableRoles } from '../../../src/core/tables/profiles/setup';
import { parseCsv } from '../../../src/core/tables/csv';
import { parseJsonTable } from '../../../src/core/tables/json';
import { VENDORS, pathOf } from '../../exports/helpers';

const tableOf = (path: string) => (/\.json$/.test(path) ? parseJsonTable : parseCsv)(readFileSync(path, 'utf8'));

describe('export profiles: data, one file per vendor', () => {
  test('every profile has a fixture in its vendor’s layout with known answers, and every fixture a profile', () => {
    for (const p of PROFILES) expect(existsSync(join(__dirname, '..', '..', 'fixtures', 'exports', p.id, 'expected.json'))).toBe(true);
    expect(VENDORS.map((v) => v.profile).sort()).toEqual(PROFILES.map((p) => p.id).sort());
  });

  test('each fixture is recognised as its own profile and no other; ids are unique; decisions are written down', () => {
    expect(new Set(PROFILES.map((p) => p.id)).size).toBe(PROFILES.length);
    for (const v of VENDORS) {
      const found = recogniseGrid(tableOf(pathOf(v)));
      expect([v.folder, found?.profile.id]).toEqual([v.folder, v.profile]);
      expect(profileById(v.profile)!.decisions.length).toBeGreaterThan(0);
    }
  });

  test('headers compare without case, spacing or Xero’s leading "*"', () => {
    expect(headerKey('  *InvoiceNumber ')).toBe('invoicenumber');
    expect(headerKey('Created   at')).toBe('created at');
    expect(recogniseHeaders(['*ContactName', '*InvoiceNumber', '*InvoiceDate', 'Total', 'TaxTotal', '*LineAmount'])?.id).toBe(
      'xero-invoices',
    );
  });

  test('alternatives, the first header, the ruling-out headers, and the most specific profile wins', () => {
    const stripe = ['id', 'Created (UTC)', 'Amount', 'Amount Refunded', 'Currency', 'Status'];
    expect(recogniseHeaders(stripe)?.id).toBe('stripe-payments');
    expect(recogniseHeaders(['Customer', 'Timestamp', 'How likely…'])).toBeUndefined();
    expect(recogniseHeaders(['Timestamp', 'How likely to recommend us?'])?.id).toBe('google-forms');
    // Leadlag's own Survey responses sheet (it has a Key column) is read as any sheet.
    expect(recogniseHeaders(['Timestamp', 'Customer', 'Key'])).toBeUndefined();
    expect(recogniseHeaders(['Date', 'Score', 'Comment'])?.id).toBe('generic-nps');
    expect(recogniseHeaders(['Date', 'Score', 'Stars'])).toBeUndefined();
    // A sheet with too little to go on is guessed, as before.
    expect(recogniseHeaders(['Date'])).toBeUndefined();
  });

  test('a recognised export claims its columns outright and leaves every other unused (no guessing over them)', () => {
    const headers = [
      'Name',
      'Financial Status',
      'Subtotal',
      'Shipping',
      'Discount Amount',
      'Created at',
      'Lineitem quantity',
      'Lineitem name',
      'Accepts Marketing',
    ];
    const s = profileSuggestions(
      profileById('shopify-orders')!,
      headers,
      headers.map(() => []),
    );
    expect(s.map((x) => x.role)).toEqual(['order_id', 'status', 'amount', null, 'discount', 'date', 'quantity', null, null]);
    expect(s[2]).toMatchObject({
      confidence: 1,
      why: expect.stringMatching(/^Shopify orders export: "Subtotal" is its sales amount \(the order's subtotal/),
    });
    expect(s[3].why).toBe('Shopify orders export: Leadlag does not use "Shipping"');
  });

  test('guessed roles go only to the columns a profile leaves open, on the question text where a header row holds it', () => {
    const grid = tableOf(pathOf(VENDORS.find((v) => v.folder === 'qualtrics')!));
    const t = findTable(grid);
    const s = suggestTableRoles(t, tableColumns(grid, t));
    const role = (h: string) => s.find((x) => x.header === h)?.role;
    expect([role('Q1'), role('Q2'), role('Q3'), role('Q1_NPS_GROUP'), role('Status')]).toEqual([
      'referral_score',
      'satisfaction',
      'comment',
      null,
      'status',
    ]);
    expect(s.find((x) => x.header === 'Q1')!.why).toMatch(/\(the question "How likely are you to recommend/);
  });

  test('a sheet no profile knows: a status column leaves out voided, failed, cancelled and test rows', () => {
    const headers = ['Order Date', 'Order ID', 'Net Sales (£)', 'Payment status'];
    const setup = sourceSetup({ headers }, { date: 0, order_id: 1, amount: 2, status: 3 }, [[], [], ['£12.00'], []]);
    expect(setup).toEqual({
      rules: { leaveOut: [{ filter: 0, values: [...STATUS_LEAVE_OUT] }] },
      filters: ['Payment status'],
      currency: { code: 'GBP', mixed: [], from: 'the header "Net Sales (£)"' },
    });
    expect(STATUS_LEAVE_OUT).not.toContain('refunded');
    expect(STATUS_LEAVE_OUT).not.toContain('pending');
  });

  test('a profile’s amount rules hold for its own amount column only; the definition entry leaves out what is empty', () => {
    const headers = ['Date', 'Order #', 'Status', 'Customer type', 'Items sold', 'Net Sales', 'N. Revenue (formatted)'];
    const cols = [[], [], [], [], [], ['19.8'], ['$26.19']];
    const table = { headers, profile: 'woocommerce-orders' };
    expect(sourceSetup(table, { date: 0, amount: 5 }, cols).rules).toMatchObject({ amounts: 'line', negatives: 'returns' });
    expect(sourceSetup(table, { date: 0, amount: 6 }, cols).rules).not.toHaveProperty('negatives');
    expect(sourceRefFor('Orders', { headers: ['Date', 'Amount'] }, { date: 0, amount: 1 }, [[], ['12']])).toEqual({
      sheet: 'Orders',
      columns: { date: 'Date', amount: 'Amount' },
    });
  });
});

test('the README’s table lists every export Leadlag recognises', () => {
  const readme = readFileSync(join(__dirname, '..', '..', '..', 'README.md'), 'utf8');
  const table = readme.slice(readme.indexOf('### Exports Leadlag recognises'));
  for (const p of PROFILES) expect([p.id, table.includes(`| ${p.name} |`) || table.includes(`| ${p.name} (`)]).toEqual([p.id, true]);
});
