import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../src/cli/main';
import { parseCsv } from '../../src/core/tables/csv';
import { toCsv } from '../../examples/csv';

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
    [['scorecard', '--sales', __dirname], /cannot read .*: it is a folder, not a file/],
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

/**
 * Files as exports really come (issue: a command line that refuses what it cannot read): each either gives the
 * numbers the clean file gives, or exits 2 saying which file, which line and what to do.
 */
describe('files as they come', () => {
  const dir = mkdtempSync(join(tmpdir(), 'leadlag-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const sales = readFileSync(data('sales.csv'), 'utf8');
  const rows = parseCsv(sales);
  const write = (name: string, content: string | Uint8Array): string => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };
  const scorecard = (path: string) => cli('scorecard', '--sales', path, '--json');
  const clean = JSON.parse(scorecard(data('sales.csv')).out);
  /** The clean file's numbers, with the file name the JSON reports replaced. */
  const same = (path: string) => {
    const r = scorecard(path);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    for (const s of j.skipped) s.file = data('sales.csv');
    expect(j).toEqual(clean);
  };
  const fails = (path: string, message: RegExp | string) => {
    const r = scorecard(path);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(typeof message === 'string' ? message : message);
    expect(r.err).toMatch(new RegExp(`^leadlag: ${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `));
  };
  /** Windows-1252 bytes (what Excel on Windows writes for "CSV"): "£" is one byte, "—" is 0x97. */
  const cp1252 = (text: string): Uint8Array =>
    Uint8Array.from([...text].map((c) => (c === '—' ? 0x97 : c === '€' ? 0x80 : c.charCodeAt(0) < 256 ? c.charCodeAt(0) : 0x3f)));
  const utf16be = (text: string): Uint8Array => {
    const b = Buffer.from(text, 'utf16le');
    for (let i = 0; i + 1 < b.length; i += 2) [b[i], b[i + 1]] = [b[i + 1], b[i]];
    return b;
  };

  test('semicolons, with European decimal commas', () => {
    const european = rows.map((r) =>
      r.map((f) => (/^£?[\d,]+\.\d\d$/.test(f) ? f.replace(/,/g, ' ').replace('.', ',').replace(/ /g, '.') : f)),
    );
    const semicolons = european.map((r) => r.map((f) => (/[;"\n\r]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f)).join(';'));
    same(write('semicolons.csv', semicolons.join('\n') + '\n'));
  });

  test('tabs', () => {
    same(write('tabs.tsv', rows.map((r) => r.join('\t')).join('\n') + '\n'));
  });

  test('UTF-8 with a byte order mark, UTF-16 LE with one, UTF-16 BE without', () => {
    same(write('bom.csv', '\ufeff' + sales));
    same(write('utf16le.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(sales, 'utf16le')])));
    same(write('utf16be.csv', utf16be(sales)));
  });

  test('Windows-1252 / Latin-1: "£" as one byte, and --map finds "Net Sales (£)"', () => {
    const path = write('latin1.csv', cp1252(sales));
    same(path);
    const mapped = cli('scorecard', '--sales', path, '--map', 'amount=Net Sales (£)', '--json');
    expect(mapped.code).toBe(0);
  });

  test('binary files and workbooks are refused', () => {
    const noise = Buffer.alloc(4096);
    for (let i = 0; i < noise.length; i++) noise[i] = (i * 7919) % 251;
    fails(
      write('noise.bin', Buffer.concat([Buffer.from('a,b\n'), noise])),
      /line \d+: this is not a text file \(it holds zero bytes\) — export the data as CSV/,
    );
    fails(
      write('book.xlsx', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), noise])),
      'this is an Excel workbook (.xlsx) or another zip file, not a CSV file — export the data as CSV (in Excel: File › Save As › CSV UTF-8',
    );
    fails(write('empty.csv', ''), 'the file is empty — export the data again');
  });

  test('two columns with one name', () => {
    fails(
      write('duplicate.csv', sales.replace('Cost (£)', 'Net Sales (£)')),
      'line 3: columns E and F are both called "Net Sales (£)", so which one to read cannot be told — rename one of them',
    );
  });

  test('a quote that never closes names the line it opens on', () => {
    const lines = sales.split('\n');
    // A line from the 100th on without quotes of its own (a quote there would close the stray one on that line).
    const at = lines.findIndex((l, i) => i >= 99 && !l.includes('"'));
    lines[at] = lines[at].replace(',', ',"');
    fails(
      write('quote.csv', lines.join('\n')),
      new RegExp(
        `line ${at + 1}: (the quote that opens a field here is never closed|a quote opens a field here and closes only on line \\d+).* — `,
      ),
    );
    const last = sales.trimEnd().split('\n');
    last.push('SO-999999,"01/11/2026,Acme,Jo,5.00,1,1,0,2026-11-02,2026-11-02');
    fails(write('quote-end.csv', last.join('\n') + '\n'), `line ${last.length}: the quote that opens a field here is never closed`);
  });

  test('a bad cell names its line, below the title and blank lines', () => {
    const lines = sales.split('\n');
    const fields = rows[49].slice();
    fields[4] = 'abc';
    lines[49] = toCsv([fields]).trimEnd();
    // It fails the measures that read the amount (exit 0, the others printed), each saying where and why.
    const path = write('bad.csv', lines.join('\n'));
    const r = scorecard(path);
    expect(r.code).toBe(0);
    const measures: { id: string; problem: string | null }[] = JSON.parse(r.out).measures;
    expect(measures.find((m) => m.id === 'revenue')!.problem).toBe(
      `${path}: line 50: column "Net Sales (£)" holds "abc"; expected an amount such as 1234.5 or "£1,234.50"`,
    );
    expect(measures.find((m) => m.id === 'orders')!.problem).toBeNull();
  });

  test('rows left out are listed by their line in the file', () => {
    const text = cli('scorecard', '--sales', data('sales.csv')).out;
    expect(text).toMatch(/sales\.csv line 1: above the header row/);
    expect(text).toMatch(/sales\.csv line \d+: a totals row \("Total"\)/);
  });
});
