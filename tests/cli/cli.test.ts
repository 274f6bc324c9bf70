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

describe('leadlag scorecard (the command line)', () => {
  const all = ['scorecard', '--sales', data('sales.csv'), '--feedback', data('feedback.csv'), '--reviews', data('reviews.csv')];

  test('--json prints one object with the documented shape', () => {
    const r = cli(...all, '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(Object.keys(j)).toEqual([
      'period',
      'periods',
      'measures',
      'connections_periods',
      'connections',
      'target_health',
      'skipped',
      'currency',
    ]);
    expect(j.period).toBe('month');
    expect(j.periods).toHaveLength(12);
    expect(j.measures.map((m: { id: string }) => m.id)).toEqual([
      'nps',
      'csat',
      'net_comparison',
      'on_time',
      'return_rate',
      'review_response',
      'revenue',
      'margin',
      'margin_pct',
      'orders',
      'average_order_value',
    ]);
    for (const m of j.measures) {
      expect(['lead', 'lag']).toContain(m.kind);
      expect(m.values).toHaveLength(12);
      for (const v of m.values) expect(v === null || Number.isFinite(v)).toBe(true);
    }
    const c = j.connections[0];
    expect(Object.keys(c)).toEqual([
      'lead',
      'lag',
      'lag_periods',
      'r',
      'r_prewhitened',
      'pairs',
      'adjusted_p',
      'q',
      'evidence',
      'sentence',
    ]);
    expect(j.target_health.find((t: { period: string }) => t.period === '2025-Q3')).toMatchObject({ flag: true });
    expect(j.skipped.some((s: { reason: string }) => /totals row/.test(s.reason))).toBe(true);
  });

  test('the example data shows NPS leading revenue by two months', () => {
    const j = JSON.parse(cli(...all, '--json').out);
    const link = j.connections.find((c: { lead: string; lag: string }) => c.lead === 'nps' && c.lag === 'revenue');
    expect(link.lag_periods).toBe(2);
    expect(link.q).toBeLessThan(0.05);
  });

  test('a readable table by default, with targets and status', () => {
    const r = cli(...all, '--target', 'nps=30', '--period', 'quarter', '--periods', '4');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Scorecard by quarter/);
    expect(r.out).toMatch(/Referral score \(NPS\).*\b30\b\s+(On track|At risk|Off track)/);
    expect(r.out).toMatch(/END-OF-PERIOD PUSH/);
  });

  test('--map fixes a column by its header', () => {
    const r = cli('scorecard', '--sales', data('sales.csv'), '--map', 'amount=Cost (£)', '--json');
    expect(r.code).toBe(0);
    const a = JSON.parse(r.out).measures.find((m: { id: string }) => m.id === 'revenue');
    const b = JSON.parse(cli('scorecard', '--sales', data('sales.csv'), '--json').out).measures.find(
      (m: { id: string }) => m.id === 'revenue',
    );
    expect(a.values[0]).toBeLessThan(b.values[0]);
  });

  test.each([
    [['scorecard', '--sales', 'no-such-file.csv'], /cannot read no-such-file\.csv: no such file/],
    [['scorecard', '--sales', data('sales.csv'), '--map', 'amount=Nope'], /no file has a column called "Nope"/],
    [['scorecard', '--sales', data('sales.csv'), '--map', 'nonsense=Qty'], /no role called "nonsense"/],
    [['scorecard', '--sales', data('sales.csv'), '--period', 'fortnight'], /unknown period "fortnight"/],
    [['scorecard', '--bogus'], /unknown option "--bogus"/],
    [['scorecard'], /give at least --sales or --feedback/],
    [['scorecard', '--feedback', data('feedback.csv'), '--targets', data('targets.csv')], /--targets are sales targets; give --sales too/],
    [['scorecard', '--sales', data('sales.csv'), '--targets', 'no-such-file.csv'], /cannot read no-such-file\.csv: no such file/],
    [
      ['scorecard', '--sales', data('sales.csv'), '--targets', data('reviews.csv')],
      /reviews\.csv: the first row \(or column\) must hold period labels with the targets under them/,
    ],
    [['frobnicate'], /unknown command "frobnicate"/],
  ])('%j is a clear error with exit status 2 and prints nothing else', (args, message) => {
    const r = cli(...args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.out).toBe('');
  });
});
