import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCsv } from '../../src/core/tables/csv';
import { run } from '../../src/cli/main';

const data = (f: string) => join(__dirname, '..', '..', 'examples', 'data', f);

function cli(...args: string[]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = run(
    args,
    (s) => (out += s + '\n'),
    (s) => (err += s + '\n'),
  );
  return { code, out, err };
}

describe('leadlag accounts', () => {
  test('--json: tiers, and the four accounts that turned detractor at risk', () => {
    const r = cli('accounts', '--sales', data('sales.csv'), '--feedback', data('feedback.csv'), '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(Object.keys(j)).toEqual(['period', 'trend_periods', 'attention', 'tiers', 'accounts']);
    expect(j.attention.what).toBe(`survey responses in ${data('feedback.csv')}`);
    const risk = j.accounts.filter((a: { at_risk: boolean }) => a.at_risk).map((a: { customer: string }) => a.customer);
    expect(risk).toEqual(
      expect.arrayContaining(['Brookfield Construction Ltd', 'Pioneer Catering Ltd', 'Humber Fabrication & Co', 'Marlow Electrical plc']),
    );
    expect(j.tiers.map((t: { tier: string }) => t.tier)).toEqual(['A', 'B', 'C']);
  });

  test('the table: the tiers, then the accounts of tiers A and B with why they are at risk', () => {
    const r = cli('accounts', '--sales', data('sales.csv'), '--feedback', data('feedback.csv'));
    expect(r.out).toMatch(
      /^Key-account plan \(attention: survey responses in .*\)\n\n {2}Tier A: 96 accounts, 80\.0% of revenue, 54\.0% of attention\n/,
    );
    expect(r.out).toMatch(
      /\n {2}2 {2}Brookfield Construction Ltd +A +222,628 +4\.1% +1\.4% +far less +latest referral score 4 of 10 \(2026-10-31\); said worse than others \(2026-10-31\)\n/,
    );
  });

  test('attention from a file of yours, with hours; a missing column says which', () => {
    const r = cli(
      'accounts',
      '--sales',
      data('sales.csv'),
      '--attention',
      data('feedback.csv'),
      '--attention-customer',
      'Customer',
      '--json',
    );
    expect(JSON.parse(r.out).attention.total).toBe(2022);
    const bad = cli('accounts', '--sales', data('sales.csv'), '--attention', data('feedback.csv'), '--attention-customer', 'Account');
    expect([bad.code, bad.err]).toEqual([
      2,
      `leadlag: ${data('feedback.csv')} has no column "Account"; name it with --attention-customer "Header"\n`,
    ]);
    expect(cli('accounts', '--sales', data('sales.csv'), '--attention', 'responses').err).toMatch(
      /--attention responses counts the feedback file: give --feedback too/,
    );
  });

  test('a vendor export read by its rules, as the sheet reads it: failed and uncaptured Stripe payments are no revenue', () => {
    const file = join(__dirname, '..', 'fixtures', 'exports', 'stripe-payments', 'unified_payments.csv');
    const grid = parseCsv(readFileSync(file, 'utf8'));
    const at = (h: string) => grid[0].indexOf(h);
    const counted = grid.slice(1).filter((r) => !['Failed', 'Uncaptured'].includes(r[at('Status')]));
    const r = cli('accounts', '--sales', file, '--json');
    expect(r.code).toBe(0);
    const accounts: { customer: string; revenue: number }[] = JSON.parse(r.out).accounts;
    const names = new Set(accounts.map((a) => a.customer));
    for (const gone of ['Kwame Jensen', 'Mateo Garcia', "Amara O'Brien"]) expect(names.has(gone)).toBe(false);
    const total = accounts.reduce((t, a) => t + a.revenue, 0);
    expect(total).toBeCloseTo(
      counted.reduce((t, row) => t + Number(row[at('Converted Amount')]), 0),
      6,
    );
  });

  test('a blank row inside the answers: each account keeps its own last comment', () => {
    const dir = mkdtempSync(join(tmpdir(), 'leadlag-accounts-'));
    const sales = join(dir, 'sales.csv');
    const feedback = join(dir, 'feedback.csv');
    writeFileSync(sales, 'Date,Customer,Amount\n2026-01-05,Acme,900\n2026-01-06,Bolt,100\n');
    writeFileSync(
      feedback,
      'Date,Customer,How likely are you to recommend us?,Comments\n' + '2026-01-10,Acme,9,Nothing\n,,,\n2026-01-11,Bolt,3,Late again\n',
    );
    const r = cli('accounts', '--sales', sales, '--feedback', feedback, '--json');
    expect(r.code).toBe(0);
    const by = Object.fromEntries(JSON.parse(r.out).accounts.map((a: { customer: string; comment: string }) => [a.customer, a.comment]));
    expect(by).toEqual({ Acme: '2026-01-10: Nothing', Bolt: '2026-01-11: Late again' });
  });
});
