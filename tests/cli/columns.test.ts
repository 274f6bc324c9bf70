import fc from 'fast-check';
import { ColumnBuilder, LineBuilder, plainDecimal } from '../../src/cli/columns';
import { type CsvRecord, CsvTokenizer } from '../../src/core/tables/csv';
import { readNumber } from '../../src/core/values/number';

/** Column j of every record of a CSV text, added to a builder (records as the tokenizer hands them over). */
function build(text: string, numeric: boolean, expected: number, j = 0): ColumnBuilder {
  const b = new ColumnBuilder(numeric, expected);
  const t = new CsvTokenizer(',', (rec: CsvRecord) => b.add(rec, j));
  t.push(text);
  t.end();
  return b;
}

describe('plainDecimal: the plainest numbers, read inline', () => {
  test('gives what the number reader gives, or leaves it to it', () => {
    const unit = fc.constantFrom('0', '1', '5', '9', '.', '-', ',', '£', ' ', 'e');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 18 }), fc.string({ unit, maxLength: 2 }), (s, around) => {
        const text = around + s + around;
        const x = plainDecimal(text, around.length, around.length + s.length);
        if (x !== undefined) expect(Object.is(x, readNumber(s))).toBe(true);
        if (/^\d{1,15}(\.\d+)?$/.test(s) && s.replace('.', '').length <= 15) expect(x).toBe(Number(s));
      }),
      { numRuns: 3000 },
    );
    expect(plainDecimal('0.1', 0, 3)).toBe(0.1);
    expect(plainDecimal('1234567890.123456', 0, 17)).toBeUndefined(); // 15 digits at most
    expect(plainDecimal('1234567890.12345', 0, 16)).toBe(1234567890.12345);
    expect(plainDecimal('1.', 0, 2)).toBeUndefined();
    expect(plainDecimal('-1', 0, 2)).toBeUndefined();
  });
});

describe('ColumnBuilder', () => {
  test('a column of numbers: numbers as the reader reads them, holes for blanks, text as written', () => {
    const b = build('5\n"£1,234.50"\n\n n/a \nabc\n 7 \n12%\n', true, 2);
    const cells = b.finish([]);
    expect(cells.length).toBe(7);
    expect([...cells]).toEqual([5, 1234.5, undefined, ' n/a ', 'abc', 7, 0.12]);
    expect(2 in cells).toBe(false); // a hole: read as a blank
  });

  test('rows removed afterwards take their cells with them, holes and text too', () => {
    const b = build('1\n\nx\n4\n5\ny\n', true, 100);
    const cells = b.finish([0, 4]);
    expect([...cells]).toEqual([undefined, 'x', 4, 'y']);
    expect(0 in cells).toBe(false);
    const t = build('a\na\nb\nc\nb\n', false, 1).finish([1, 3]);
    expect(t).toEqual(['a', 'b', 'b']);
  });

  test('text: values as written, repeated ones found again, however many distinct there are', () => {
    const values = Array.from({ length: 20000 }, (_, i) => (i % 7 === 0 ? `id-${i}` : `2026-01-${String((i % 28) + 1).padStart(2, '0')}`));
    const cells = build(values.join('\n') + '\n', false, 10).finish([]);
    expect(cells).toEqual(values);
    // Long values (13 characters or more, which V8 would slice as views of the file's text) come out whole.
    const long = ['a very long customer name, Ltd', 'another long one here'];
    expect(build(long.map((s) => `"${s}"`).join('\n'), false, 2).finish([])).toEqual(long);
  });

  test('fields in quotes, with doubled quotes, or beyond the end of a short row', () => {
    const b = new ColumnBuilder(false, 4);
    const n = new ColumnBuilder(true, 4);
    const t = new CsvTokenizer(',', (rec) => {
      b.add(rec, 1);
      n.add(rec, 1);
    });
    t.push('x,"say ""hi"""\ny\nz,"1,5"\n');
    t.end();
    expect(b.finish([])).toEqual(['say "hi"', '', '1,5']);
    expect([...n.finish([])]).toEqual(['say "hi"', undefined, 1.5]);
  });
});

describe('LineBuilder', () => {
  test('grows past what was expected, and drops removed rows', () => {
    const l = new LineBuilder(2);
    for (let i = 1; i <= 100; i++) l.add(i * 2);
    expect([...l.finish([0, 50, 99])]).toEqual(
      Array.from({ length: 100 }, (_, i) => (i + 1) * 2).filter((_, i) => ![0, 50, 99].includes(i)),
    );
  });
});
