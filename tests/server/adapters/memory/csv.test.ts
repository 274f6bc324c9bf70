import { parseCsv } from '../../../../src/server/adapters/memory/csv';

/** The memory workbook's CSV reader (src/server/adapters/memory/csv.ts). */
test('parseCsv follows RFC 4180', () => {
  expect(parseCsv('a,"b ""q"", c",\r\n,,\n"x\r\ny"')).toEqual([['a', 'b "q", c', ''], ['', '', ''], ['x\r\ny']]);
  expect(parseCsv('\ufeffa\n')).toEqual([['a']]);
  expect(() => parseCsv('"open')).toThrow('line 1: the quote that opens a field here is never closed');
  expect(parseCsv('a;b\n1;"2,5"\n')).toEqual([
    ['a', 'b'],
    ['1', '2,5'],
  ]);
});
