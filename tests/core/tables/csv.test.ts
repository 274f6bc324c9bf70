import fc from 'fast-check';
import { parseCsv } from '../../../src/core/tables';
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

  it('fails on a quote that never closes, naming the line', () => {
    expect(() => parseCsv('a,b\n1,"open\n2,3\n')).toThrow('the quote that opens a field on line 2 is never closed');
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
