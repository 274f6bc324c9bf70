import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../src/cli/main';

/** `--summary`, `--mark` and `--path` (issue 15): the weekly mail's summary as Markdown, from the same core. */

const data = join(__dirname, '..', '..', 'examples', 'data');
const files = ['--sales', join(data, 'sales.csv'), '--feedback', join(data, 'feedback.csv'), '--reviews', join(data, 'reviews.csv')];

function cli(...extra: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = run(
    ['scorecard', ...files, ...extra],
    (s) => out.push(s),
    (s) => err.push(s),
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const json = () => JSON.parse(cli('--json').out) as { measures: { id: string; target: number; status: string; as_of: string }[] };

test('--summary - prints the marked measures with the same targets and statuses as the scorecard', () => {
  const r = cli('--summary', '-', '--mark', 'revenue,nps,review_response');
  expect(r.code).toBe(0);
  const m = json().measures;
  const revenue = m.find((x) => x.id === 'revenue')!;
  const reviews = m.find((x) => x.id === 'review_response')!;
  expect(r.out).toMatch(/^# Are we winning\? sales\.csv, feedback\.csv, reviews\.csv, 2026-10\n/);
  expect(r.out).toContain(`| Revenue | £281,009 | target £${revenue.target.toLocaleString('en-GB')} (suggested) | ${revenue.status} ·`);
  // The blank latest period is named: the status is of the period it judged.
  expect(r.out).toContain(`${reviews.status} as of ${reviews.as_of}`);
  expect(r.out.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Measure'))).toHaveLength(3);
  // The key accounts at risk, as on the scorecard's panel: the four large accounts that turned detractor.
  for (const name of ['Brookfield Construction Ltd', 'Pioneer Catering Ltd', 'Humber Fabrication & Co', 'Marlow Electrical plc'])
    expect(r.out).toMatch(
      new RegExp(`^- \\*\\*${name}\\*\\* \\(tier A, £[\\d,]+\\): latest referral score [2-6] of 10; said worse than others on 2026-`, 'm'),
    );
  // --json keeps its shape: no summary fields in it.
  expect(Object.keys(JSON.parse(cli('--json').out) as object)).not.toContain('atRisk');
});

test('without --mark, two customer measures and revenue; to a file, beside the table', () => {
  const dir = mkdtempSync(join(tmpdir(), 'leadlag-summary-'));
  try {
    const file = join(dir, 'summary.md');
    const r = cli('--summary', file);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Referral score (NPS)'); // the table still printed
    const md = readFileSync(file, 'utf8');
    expect(md.match(/^\| (Referral score \(NPS\)|Satisfaction \(CSAT\)|Revenue) \|/gm)).toHaveLength(3);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('--path sets the target on the line from X to Y; a path of another period kind is refused with why', () => {
  const r = JSON.parse(cli('--json', '--path', 'revenue=250000:300000:2026-01:2026-12').out) as {
    measures: { id: string; target: number; target_kind: string }[];
  };
  const revenue = r.measures.find((x) => x.id === 'revenue')!;
  // 2026-10 is 9 of 11 steps along the line.
  expect(revenue.target).toBeCloseTo(250000 + (50000 * 9) / 11, 6);
  expect(revenue.target_kind).toBe('path');
  const bad = cli('--path', 'revenue=250000:300000:2026-Q1:2026-Q4');
  expect(bad.code).toBe(2);
  expect(bad.err).toContain('must be periods of the scorecard');
  expect(cli('--path', 'revenue=250000:300000').err).toContain('is not FROM:TO:START:BY');
  expect(cli('--mark', 'nps,csat,on_time,revenue').err).toContain('at most 3');
  expect(cli('--mark', 'happiness').err).toContain('unknown measure "happiness"');
});
