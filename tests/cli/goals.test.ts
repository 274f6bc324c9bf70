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

const sources = ['--sales', data('sales.csv'), '--feedback', data('feedback.csv'), '--reviews', data('reviews.csv')];

describe('leadlag goals', () => {
  test('--json: every goal in tree order with its score, chain and flags', () => {
    const r = cli('goals', '--file', data('goals.csv'), ...sources, '--as-of', '2026-12-01', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(Object.keys(j)).toEqual(['as_of', 'goals', 'notes']);
    expect(j.goals.map((g: { id: string }) => g.id).slice(0, 4)).toEqual(['O1', 'KR1', 'O4', 'KR8']);
    const kr2 = j.goals.find((g: { id: string }) => g.id === 'KR2');
    expect(kr2).toMatchObject({
      kind: 'key_result',
      measure: 'nps',
      start: 30,
      target: 70,
      chain: 'Referral score from 30 to 70 → Grow revenue 15%',
    });
    expect(kr2.score).toBeCloseTo((kr2.current - 30) / 40, 12);
    expect(j.goals.find((g: { id: string }) => g.id === 'O4').flags).toEqual(['No key result tied to a lead measure']);
  });

  test('the table prints each goal indented under its parent, then the chains', () => {
    const r = cli('goals', '--file', data('goals.csv'), ...sources, '--as-of', '2026-12-01');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Goals that connect, as of 2026-12-01\n/);
    expect(r.out).toMatch(/\n {4}O4 Grow our key accounts +Function objective +Sarah Lewis +0\.21 +No key result tied to a lead measure\n/);
    expect(r.out).toContain('  O5: Reply to every 1–2 star review within 2 days → Referral score from 30 to 70 → Grow revenue 15%');
  });

  test('without the data files, tied key results say what they need', () => {
    const r = cli('goals', '--file', data('goals.csv'), '--json');
    const j = JSON.parse(r.out);
    expect(j.goals.find((g: { id: string }) => g.id === 'KR2').current).toBeNull();
    expect(j.notes).toContain(
      'Key results tied to a scorecard measure need the data it is measured from: give --sales, --feedback and --reviews.',
    );
  });

  test('a broken goals table or a wrong option: exit status 2 and why', () => {
    expect(cli('goals').code).toBe(2);
    expect(cli('goals', '--file', data('goals.csv'), '--period', 'year').err).toBe('leadlag: --period takes month, quarter or week\n');
    const nope = cli('goals', '--file', data('nope.csv'));
    expect([nope.code, nope.err]).toEqual([2, `leadlag: cannot read ${data('nope.csv')}: no such file\n`]);
    const bad = cli('goals', '--file', data('feedback.csv'));
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/^leadlag: .*has no ID/);
  });
});
