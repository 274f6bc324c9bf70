import { join } from 'node:path';
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
      /^Key-account plan \(attention: survey responses in .*\)\n\n {2}Tier A: 96 accounts, 80\.0% of revenue, 53\.7% of attention\n/,
    );
    expect(r.out).toMatch(
      /\n {2}2 {2}Brookfield Construction Ltd +A +222,628 +4\.1% +1\.1% +far less +latest referral score 4 of 10 \(2026-10-31\); said worse than others \(2026-10-31\)\n/,
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
    expect(JSON.parse(r.out).attention.total).toBe(2007);
    const bad = cli('accounts', '--sales', data('sales.csv'), '--attention', data('feedback.csv'), '--attention-customer', 'Account');
    expect([bad.code, bad.err]).toEqual([
      2,
      `leadlag: ${data('feedback.csv')} has no column "Account"; name it with --attention-customer "Header"\n`,
    ]);
    expect(cli('accounts', '--sales', data('sales.csv'), '--attention', 'responses').err).toMatch(
      /--attention responses counts the feedback file: give --feedback too/,
    );
  });
});
