import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mulberry32 } from '../../examples/random';
import { HEAD_RECORDS, loadFile, rolesRead } from '../../src/cli/source';
import { CHUNK_BYTES, memoryBytes } from '../../src/cli/decode';
import { type Args, scorecardFromFiles } from '../../src/cli/main';
import { detectDelimiter, parseCsv } from '../../src/core/tables/csv';
import { loadSource } from '../../src/core/scorecard/source';
import { DEFAULT_OPTIONS, type SourceColumns, computeScorecard } from '../../src/core/scorecard/compute';
import { type Source } from '../../src/core/scorecard/measures';
import { parsePeriod } from '../../src/core/time/periods';
import { RUNTIME_ZONE } from '../../src/core/time/zone';
import { InputError } from '../../src/core/values/errors';
import { type CheckId } from '../../src/core/scorecard/plausibility';

/**
 * The streamed reading (src/cli/source.ts) against the grid reading of a pasted sheet
 * (core/scorecard/source.ts loadSource on the whole file parsed at once): the same columns, the same rows
 * left out for the same reasons, the same scorecard, on files that cross the head and several chunks.
 */
const examples = join(__dirname, '..', '..', 'examples', 'data');

function args(files: Partial<Record<Source, string>>, maps: Record<string, string> = {}): Args {
  return { files, period: 'month', periods: 12, maps, targets: {}, monthFirst: false, json: true };
}

/** The scorecard from texts, streamed from memory. */
function streamed(texts: Partial<Record<Source, string | Uint8Array>>, maps: Record<string, string> = {}, accept: CheckId[] = []) {
  const files = Object.fromEntries(Object.keys(texts).map((k) => [k, `${k}.csv`]));
  const open = (path: string) => {
    const t = texts[path.replace(/\.csv$/, '') as Source]!;
    return memoryBytes(typeof t === 'string' ? Buffer.from(t) : t);
  };
  return scorecardFromFiles({ ...args(files, maps), accept }, open);
}

/** The same from whole grids, as the sheet's reader reads them. */
function gridded(texts: Partial<Record<Source, string>>, maps: Record<string, string> = {}) {
  const sources: Partial<Record<Source, SourceColumns>> = {};
  let currency: string | null = null;
  for (const [kind, text] of Object.entries(texts) as [Source, string][]) {
    const loaded = loadSource(`${kind}.csv`, parseCsv(text, detectDelimiter(text.slice(0, 65536))), maps);
    sources[kind] = loaded.source;
    if (kind === 'sales') currency = loaded.setup.currency.code ?? null;
  }
  const result = computeScorecard(
    sources,
    { ...DEFAULT_OPTIONS, period: parsePeriod('month'), count: 12, targets: {} },
    { zone: RUNTIME_ZONE, monthFirst: false },
  );
  return { ...result, currency };
}

/**
 * A messy sales export of `n` order lines: title and blank lines above the header, runs of blank lines,
 * a repeated header, notes, one-cell rows, totals rows (one that lacks the order id, one that only the
 * usual kinds of its columns can judge: every column filled, "Total" in the date column), day-first dates.
 */
function messySales(n: number, seed = 3): string {
  const r = mulberry32(seed);
  const lines = [
    'Sales export — Northwind',
    '',
    'Order ID,Order Date,Customer,Net Sales (£),Cost (£),Qty,Returned Qty,Promised Date,Delivered Date',
  ];
  const iso = (d: number) => new Date(Date.UTC(2025, 0, 1) + d * 86400000).toISOString().slice(0, 10);
  const dmy = (d: number) => iso(d).split('-').reverse().join('/');
  for (let i = 0; i < n; i++) {
    const day = Math.floor((i / n) * 600);
    const pounds = 20 + Math.floor(r() * 3000);
    lines.push(
      `SO-${1000 + (i >> 1)},${dmy(day)},"Customer ${Math.floor(r() * 90)}, Ltd","£${pounds.toLocaleString('en-GB')}.${String(Math.floor(r() * 100)).padStart(2, '0')}",${(pounds * 0.6).toFixed(2)},${1 + Math.floor(r() * 9)},${r() < 0.05 ? 1 : ''},${iso(day + 3)},${r() < 0.97 ? iso(day + 2 + Math.floor(r() * 4)) : ''}`,
    );
    if (i === 50 || i === 5000) lines.push(',,,,,,,,', '', ',,,,,,,,');
    if (i === 700) lines.push('Order ID,Order Date,Customer,Net Sales (£),Cost (£),Qty,Returned Qty,Promised Date,Delivered Date');
    if (i === 800) lines.push('Source: the shop export (VAT excluded)');
    if (i === 900) lines.push(',,Walk-in customer,,,,,,');
    if (i === 1000) lines.push(',,Subtotal,"£12,000.00",7200,,,,');
    if (i === 4500) lines.push('Total,Total,Everyone,"£99.00",50,1,0,2025-06-01,2025-06-02');
  }
  lines.push(',,Total,"£1,000,000.00",600000,,,,');
  return lines.join('\n') + '\n';
}

function messyFeedback(n: number, seed = 5): string {
  const r = mulberry32(seed);
  const sat = ['Very satisfied', 'Satisfied', 'Neutral', 'Dissatisfied', 'Very dissatisfied'];
  const lines = [
    'Timestamp,Customer,How likely are you to recommend us?,"Compared with others, are we better, about the same, or worse?",How satisfied are you overall?,Comment',
  ];
  for (let i = 0; i < n; i++) {
    const day = Math.floor((i / n) * 600);
    const t = new Date(Date.UTC(2025, 0, 1) + day * 86400000 + (i % 600) * 60000).toISOString().replace('T', ' ').slice(0, 19);
    lines.push(
      `${t},Customer ${i % 50},${Math.floor(r() * 11)},${['Better', 'About the same', 'Worse'][i % 3]},${sat[Math.floor(r() * 5)]},${i % 7 ? '' : '"Late again, twice"'}`,
    );
  }
  return lines.join('\n') + '\n';
}

describe('the streamed reading gives what the grid reading gives', () => {
  test('the example files', () => {
    const texts = {
      sales: readFileSync(join(examples, 'sales.csv'), 'utf8'),
      feedback: readFileSync(join(examples, 'feedback.csv'), 'utf8'),
      reviews: readFileSync(join(examples, 'reviews.csv'), 'utf8'),
    };
    expect(streamed(texts)).toEqual(gridded(texts));
  });

  test('messy files larger than the head and than a chunk, with every kind of row left out', () => {
    const texts = { sales: messySales(HEAD_RECORDS + 2500), feedback: messyFeedback(3000) };
    expect(texts.sales.length).toBeGreaterThan(5 * CHUNK_BYTES);
    const s = streamed(texts);
    expect(s).toEqual(gridded(texts));
    const reasons = s.skipped.map((x) => x.reason);
    for (const r of [
      /^above the header/,
      /blank rows/,
      /repeats the column names/,
      /^a note/,
      /^a totals row \("Subtotal"\)/,
      /^a totals row \("Total"\)/,
    ])
      expect(reasons.some((x) => r.test(x))).toBe(true);
    // The totals row with every column filled is judged by what its date column usually holds: a second pass.
    expect(s.skipped.some((x) => x.reason.startsWith('a totals row ("Total")') && x.row < 4600)).toBe(true);
  });

  test('--map applies alike', () => {
    const texts = { sales: messySales(400) };
    expect(streamed(texts, { amount: 'Cost (£)' })).toEqual(gridded(texts, { amount: 'Cost (£)' }));
  });
});

describe('lines, not rows', () => {
  // A quoted field with line breaks above: the file's lines are not its records.
  const text = [
    'Report,,',
    '"A note',
    'on three',
    'lines",,',
    'Date,Net Sales,Comment',
    '2026-01-05,10,"first',
    'second"',
    '',
    '2026-01-06,eleven,ok',
  ].join('\n');

  test('a bad cell names the line of the file it is on', () => {
    // It fails the measures that read it (the others are counted): each says where.
    const s = streamed({ sales: text });
    const revenue = s.measures.find((m) => m.id === 'revenue')!;
    expect(revenue.problem).toMatch(/^sales\.csv: line 9: column "Net Sales" holds "eleven"; expected an amount/);
    expect(s.measures.find((m) => m.id === 'orders')!.problem).toBeNull();
  });

  test('rows left out are listed by their line', () => {
    const fixed = text.replace('eleven', '11');
    const s = streamed({ sales: fixed });
    expect(s.skipped).toEqual([
      { file: 'sales.csv', row: 1, reason: 'above the header row (a title or note: "Report")' },
      { file: 'sales.csv', row: 2, reason: expect.stringMatching(/^above the header row \(a title or note: "A note on three lines"\)/) },
      { file: 'sales.csv', row: 8, reason: 'blank row' },
    ]);
  });

  test('dates that mix day-first and month-first name both lines', () => {
    const mixed = 'Date,Net Sales\n13/01/2026,5\n\n01/14/2026,6\n';
    // The checks before a build stop it, naming both lines; accepted, the build itself names them as the file's.
    expect(() => streamed({ sales: mixed })).toThrow(
      /--sales sales\.csv: the dates mix day-first and month-first: line 2 \("13\/01\/2026"\) is day-first but line 4 \("01\/14\/2026"\) is month-first;.*\[date-unreadable\]/,
    );
    expect(() => streamed({ sales: mixed }, {}, ['date-unreadable'])).toThrow(
      'sales.csv: line 2: column "Date" ("13/01/2026") is day-first but sales.csv: line 4: column "Date" ("01/14/2026") is month-first',
    );
  });
});

describe('loadFile', () => {
  const load = (text: string | Uint8Array, maps: Record<string, string> = {}) =>
    loadFile('f.csv', 'sales', maps, () => memoryBytes(typeof text === 'string' ? Buffer.from(text) : text));

  test('keeps only the columns the scorecard reads, money as numbers', () => {
    const f = load('Date,Customer,Rep,Net Sales,Qty,Returned\n2026-01-05,Acme,Jo,"£1,234.50",3,\n2026-01-06,Beta,Al,,n/a,1\n');
    // The rep is read by target health; the customer only by --summary's key accounts (asked for as extra roles).
    expect(Object.keys(f.source.columns).sort()).toEqual(['amount', 'date', 'quantity', 'rep', 'returned']);
    const withCustomer = loadFile('f.csv', 'sales', {}, () => memoryBytes(Buffer.from('Date,Customer,Net Sales\n2026-01-05,Acme,5\n')), [
      'customer',
    ]);
    expect(withCustomer.source.columns.customer.cells).toEqual(['Acme']);
    expect([...f.source.columns.amount.cells]).toEqual([1234.5, undefined]);
    expect([...f.source.columns.quantity.cells]).toEqual([3, 'n/a']);
    expect(f.source.columns.date.cells).toEqual(['2026-01-05', '2026-01-06']);
    expect(f.mapping.customer).toBe(1);
  });

  test('rolesRead: what the measures of a kind of file read', () => {
    expect([...rolesRead('sales', new Set(['date', 'amount', 'customer']))].sort()).toEqual(['amount', 'date']);
    expect([...rolesRead('feedback', new Set(['date', 'referral_score', 'comment']))].sort()).toEqual(['date', 'referral_score']);
    expect([...rolesRead('feedback', new Set(['date', 'referral_score', 'comment']), ['customer', 'comment'])].sort()).toEqual([
      'comment',
      'date',
      'referral_score',
    ]);
    expect([...rolesRead('feedback', new Set(['date']))]).toEqual(['date']);
  });

  test.each([
    ['semicolons with decimal commas', 'Datum;Umsatz\n31/01/2026;"1.234,50"\n01/02/2026;2,5\n', ';'],
    ['tabs', 'Date\tNet Sales\n2026-01-31\t1234.5\n2026-02-01\t2.5\n', '\t'],
  ])('%s', (_what, text, delimiter) => {
    const f = load(text, { amount: text.startsWith('Datum') ? 'Umsatz' : 'Net Sales' });
    expect(f.delimiter).toBe(delimiter);
    expect([...f.source.columns.amount.cells]).toEqual([1234.5, 2.5]);
  });

  test('a Latin-1 byte after 64 KB of plain ASCII: read again as Windows-1252', () => {
    const head = 'Date,Net Sales (£)\n'.replace('£', 'GBP') + '2026-01-05,5\n'.repeat(6000);
    const f = load(Buffer.concat([Buffer.from(head), Buffer.from('2026-01-06,£7\n', 'latin1')]));
    expect(f.encoding).toBe('windows-1252');
    expect([...f.source.columns.amount.cells].slice(-2)).toEqual([5, 7]);
  });

  test('UTF-8 that turns into something else further on is refused at its line', () => {
    const text = 'Date,Net Sales (£)\n' + '2026-01-05,5\n'.repeat(6000);
    const data = Buffer.concat([Buffer.from(text), Buffer.from('2026-01-06,£7\n', 'latin1')]);
    expect(() => load(data)).toThrow(/^f\.csv: line 6002: bytes that are not UTF-8 in a file that is UTF-8 before them/);
  });

  test('duplicate column names: refused when the scorecard would read one of them', () => {
    const text = 'Date,Amount,Notes,Amount\n2026-01-05,5,x,6\n';
    expect(() => load(text)).toThrow(InputError);
    expect(() => load(text)).toThrow(
      'f.csv: line 1: columns B and D are both called "Amount", so which one to read cannot be told — rename one of them in the file',
    );
    // Two columns of notes nobody reads are fine.
    expect(load('Date,Amount,Notes,Notes\n2026-01-05,5,x,y\n').rows).toBe(1);
  });

  test('no data under the header, no header, nothing at all', () => {
    expect(() => load('Title\n\nDate,Net Sales\nTotal,5\n')).toThrow(
      'f.csv: line 3: found the column names on this line but no data below them',
    );
    expect(() => load('\n,,\n\n')).toThrow('f.csv: the file holds no data (only blank lines or empty fields)');
    expect(() => load('1,2\n3,4\n')).toThrow('f.csv: no header row found in its first 2 lines');
  });

  test('a quote that never closes, or closes lines later, is refused at the line it opens', () => {
    expect(() => load('Date,Customer,Net Sales\n2026-01-05,"Acme,5\n2026-01-06,Beta,6\n')).toThrow(
      /^f\.csv: line 2: the quote that opens a field here is never closed/,
    );
    expect(() => load('Date,Customer,Net Sales\n2026-01-05,"Acme,5\n2026-01-06,"Beta",6\n')).toThrow(
      /^f\.csv: line 2: a quote opens a field here and closes only on line 3/,
    );
  });
});
