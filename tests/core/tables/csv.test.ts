import fc from 'fast-check';
import { parseCsv } from '../../../src/core/tables';
import { CsvTokenizer, MAX_FIELD, detectDelimiter } from '../../../src/core/tables/csv';
import { InputError } from '../../../src/core/values/errors';
import { toCsv } from '../../../examples/csv';

describe('parseCsv (RFC 4180)', () => {
  it('reads plain fields, empty fields and a final line break', () => {
    expect(parseCsv('a,b,c\n1,,3\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', '', '3'],
    ]);
    expect(parseCsv('a,b\n1,2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(parseCsv(',,\n')).toEqual([['', '', '']]);
    expect(parseCsv('')).toEqual([]);
  });

  it('reads quoted commas, doubled quotes and line breaks inside quotes', () => {
    const text = 'Customer,Comment\n"Ashworth, Booth & Co","Had to chase a ""next day"" delivery\nfor a week"\n"Jan 31, 2026",""\n';
    expect(parseCsv(text)).toEqual([
      ['Customer', 'Comment'],
      ['Ashworth, Booth & Co', 'Had to chase a "next day" delivery\nfor a week'],
      ['Jan 31, 2026', ''],
    ]);
  });

  it('accepts CRLF and CR line ends and drops a byte order mark', () => {
    expect(parseCsv('\ufeffa,b\r\n1,2\r\n')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(parseCsv('a\r1\r')).toEqual([['a'], ['1']]);
    expect(parseCsv('"x\r\ny",z\r\n')).toEqual([['x\r\ny', 'z']]);
  });

  it('keeps blank lines as rows (findTable reports them)', () => {
    expect(parseCsv('a\n\nb\n')).toEqual([['a'], [''], ['b']]);
  });

  it('is lenient with stray quotes, as spreadsheets are', () => {
    expect(parseCsv('Gemma O"Neill,5 " tall\n')).toEqual([['Gemma O"Neill', '5 " tall']]);
    expect(parseCsv('"a"b,c\n')).toEqual([['ab', 'c']]);
  });

  it('reads another delimiter (semicolons in European exports)', () => {
    expect(parseCsv('Date;Amount\n31/01/2026;"1.234,56"\n', ';')).toEqual([
      ['Date', 'Amount'],
      ['31/01/2026', '1.234,56'],
    ]);
    expect(() => parseCsv('a', '"')).toThrow(InputError);
  });

  it('fails on a quote that never closes, naming the line it opens on', () => {
    expect(() => parseCsv('a,b\n1,"open\n2,3\n')).toThrow('line 2: the quote that opens a field here is never closed');
    expect(() => parseCsv('a,b\n"x\ny",1\n2,"open')).toThrow('line 4: the quote that opens a field here is never closed');
    expect(() => parseCsv('"')).toThrow('line 1: the quote that opens a field here is never closed');
  });

  it('fails on a quote that closes on a later line with text after it (a missing quote swallowed the lines between)', () => {
    const text = 'Customer,Amount\n"Acme, Ltd,10\nBeta,20\nGamma,"30"\n';
    expect(() => parseCsv(text)).toThrow(
      'line 2: a quote opens a field here and closes only on line 4, followed by "30"" — a quote is probably missing',
    );
    // On one line, text after the closing quote is kept as spreadsheets keep it.
    expect(parseCsv('"a"b,c\n')).toEqual([['ab', 'c']]);
  });

  it('refuses a field or a line longer than any spreadsheet cell', () => {
    const long = 'x'.repeat(MAX_FIELD + 10);
    expect(() => parseCsv(`a\n${long}\n`)).toThrow('line 2: a line longer than 1,048,576 characters');
    expect(() => new CsvTokenizer(',', () => undefined).push(`a\nb\n"${long}`)).toThrow(
      'line 3: the quote that opens a field here is not closed within 1,048,576 characters',
    );
  });

  it('reads back what the example writer writes', () => {
    const field = fc.string({ unit: fc.constantFrom('a', 'b', ' ', ',', '"', '\n', '\r', '£', 'é') });
    fc.assert(
      fc.property(fc.array(fc.array(field, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 }), (rows) => {
        // A record of one empty field is written as an empty line, which reads back the same.
        expect(parseCsv(toCsv(rows))).toEqual(rows);
        expect(parseCsv(toCsv(rows, '\r\n'))).toEqual(rows);
      }),
    );
  });
});

/** Every record of a text read in the given chunks: its fields and its first line. */
function records(chunks: string[], delimiter = ','): [number, string[]][] {
  const out: [number, string[]][] = [];
  const t = new CsvTokenizer(delimiter, (r) => out.push([r.line, r.fields()]));
  for (const c of chunks) t.push(c);
  t.end();
  return out;
}

describe('CsvTokenizer (CSV in chunks)', () => {
  it('gives every record with the physical line it starts on, counting line breaks inside quotes', () => {
    const text = 'a,b\r\n"x\r\ny",1\n\n"p\nq\nr",2\rlast,"3"';
    expect(records([text])).toEqual([
      [1, ['a', 'b']],
      [2, ['x\r\ny', '1']],
      [4, ['']],
      [5, ['p\nq\nr', '2']],
      [8, ['last', '3']],
    ]);
  });

  it('reads the same records and lines however the text is cut into chunks', () => {
    const field = fc.string({ unit: fc.constantFrom('a', '1', ' ', ',', ';', '"', '\n', '\r', '£', 'é') });
    fc.assert(
      fc.property(
        fc.array(fc.array(field, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 6 }),
        fc.constantFrom('\n', '\r\n', '\r'),
        fc.array(fc.nat(), { maxLength: 8 }),
        (rows, eol, cuts) => {
          const text = toCsv(rows, eol);
          const at = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((x, y) => x - y);
          const chunks: string[] = [];
          let from = 0;
          for (const c of at) {
            chunks.push(text.slice(from, c));
            from = c;
          }
          chunks.push(text.slice(from));
          expect(records(chunks)).toEqual(records([text]));
          expect(records(chunks).map(([, f]) => f)).toEqual(rows);
        },
      ),
    );
  });

  it('drops a byte order mark only at the very start, even in a chunk of its own', () => {
    expect(records(['\ufeff', 'a,b\n'])).toEqual([[1, ['a', 'b']]]);
    expect(records(['a\n\ufeffb\n'])).toEqual([
      [1, ['a']],
      [2, ['\ufeffb']],
    ]);
  });

  it('lets a consumer test and read fields without building the others', () => {
    const seen: [boolean, number, number, string][] = [];
    const t = new CsvTokenizer(',', (r) => seen.push([r.is(1, 'Total'), r.code0(0), r.code0(5), r.field(2)]));
    t.push('£5,Total,"a ""b"""\n,x,y\n');
    t.end();
    expect(seen).toEqual([
      [true, 0xa3, -1, 'a "b"'],
      [false, -1, -1, 'y'],
    ]);
  });
});

describe('detectDelimiter', () => {
  it.each([
    ['commas', 'Date,Amount,Customer\n2026-01-31,12.5,Acme\n2026-02-01,3,Beta\n', ','],
    ['semicolons with decimal commas', 'Datum;Betrag;Kunde\n31.01.2026;1.234,56;Acme\n01.02.2026;3,10;Beta\n', ';'],
    ['tabs with commas in the text', 'Date\tCustomer\tAmount\n2026-01-31\tSmith, John\t12\n2026-02-01\tBeta\t3\n', '\t'],
    ['quoted delimiters do not count', 'a;b\n"1,2,3";4\n"5,6";7\n', ';'],
    ['a title row above the table', 'Sales report\n\nDate;Amount\n31/01/2026;5\n01/02/2026;6\n', ';'],
    ["Excel's sep= hint", 'sep=;\nDate,Amount;Customer\n1,2;3\n', ';'],
    ['one column', 'Score\n9\n10\n', ','],
  ])('%s', (_what, sample, expected) => {
    expect(detectDelimiter(sample)).toBe(expected);
  });
});
