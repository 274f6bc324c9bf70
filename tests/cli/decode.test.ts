import { CHUNK_BYTES, NotUtf8, decodeWindows1252, forEachChunk, lineOfOffset, memoryBytes, sniff } from '../../src/cli/decode';
import { InputError } from '../../src/core/values/errors';

const bytes = (...xs: number[]) => Uint8Array.from(xs);
const utf16be = (s: string): Uint8Array => {
  const le = Buffer.from(s, 'utf16le');
  for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1], le[i]];
  return le;
};
const text = (data: Uint8Array, encoding: Parameters<typeof forEachChunk>[1], bom = 0): string => {
  let out = '';
  forEachChunk(memoryBytes(data), encoding, bom, (t) => (out += t));
  return out;
};

describe('sniff: the encoding from the first bytes', () => {
  test.each([
    ['UTF-8 with a byte order mark', bytes(0xef, 0xbb, 0xbf, 0x61), 'utf-8', 3],
    ['UTF-16 LE with a mark', bytes(0xff, 0xfe, 0x61, 0), 'utf-16le', 2],
    ['UTF-16 BE with a mark', bytes(0xfe, 0xff, 0, 0x61), 'utf-16be', 2],
    ['UTF-16 LE without a mark (zeros in every other byte)', Buffer.from('Date,Amount\n2026-01-31,5\n', 'utf16le'), 'utf-16le', 0],
    ['UTF-16 BE without a mark', utf16be('Date,Amount\n2026-01-31,5\n'), 'utf-16be', 0],
    ['plain ASCII', Buffer.from('a,b\n1,2\n'), 'utf-8', 0],
    ['UTF-8 "£"', Buffer.from('Net Sales (£)\n£5\n'), 'utf-8', 0],
    ['a Windows-1252 "£" (one byte, not UTF-8)', Buffer.from('Net Sales (£)\n£5\n', 'latin1'), 'windows-1252', 0],
  ] as const)('%s', (_what, head, encoding, bom) => {
    expect(sniff('f.csv', head)).toEqual({ encoding, bom });
  });

  test('a UTF-8 character cut at the end of the sample is still UTF-8', () => {
    const b = Buffer.from('abc£');
    expect(sniff('f.csv', b.subarray(0, b.length - 1)).encoding).toBe('utf-8');
  });

  test.each([
    ['an empty file', bytes(), /^f\.csv: the file is empty — export the data again$/],
    [
      'an Excel workbook',
      bytes(0x50, 0x4b, 0x03, 0x04, 1, 2),
      /this is an Excel workbook \(\.xlsx\) or another zip file, not a CSV file — export the data as CSV/,
    ],
    ['an old Excel workbook', bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1), /an old Excel workbook \(\.xls\)/],
    ['a PDF', Buffer.from('%PDF-1.7\n'), /this is a PDF, not a CSV file/],
    [
      'zero bytes that are not UTF-16',
      Buffer.concat([Buffer.from('a,b\nc,d\n'), bytes(0, 0, 0, 1, 2, 0, 0, 0, 0)]),
      /^f\.csv: line 3: this is not a text file \(it holds zero bytes\)/,
    ],
    [
      'control characters',
      Buffer.from('a,b\n\x01\x02\x03\x04\x05\x06 text'),
      /^f\.csv: line 2: this is not a text file \(6 control characters/,
    ],
    ['UTF-32', bytes(0xff, 0xfe, 0, 0, 0x61, 0, 0, 0), /UTF-32, which is not read — save it as CSV UTF-8/],
  ])('refuses %s', (_what, head, message) => {
    expect(() => sniff('f.csv', head)).toThrow(InputError);
    expect(() => sniff('f.csv', head)).toThrow(message);
  });

  test('tabs, form feeds and a DOS end-of-file mark are text', () => {
    expect(sniff('f.csv', Buffer.from('a\tb\f\r\n1\t2\x1a')).encoding).toBe('utf-8');
  });
});

describe('forEachChunk: the text in chunks', () => {
  test('UTF-8 characters cut between chunks come out whole', () => {
    const s = 'x'.repeat(CHUNK_BYTES - 1) + '£€😀' + 'y'.repeat(CHUNK_BYTES) + 'é';
    expect(text(Buffer.from(s), 'utf-8')).toBe(s);
  });

  test('UTF-16 in both byte orders, after the mark', () => {
    const s = 'Date,Net Sales (£)\n2026-01-31,"£1,234.50"\n'.repeat(5000);
    expect(text(Buffer.concat([bytes(0xff, 0xfe), Buffer.from(s, 'utf16le')]), 'utf-16le', 2)).toBe(s);
    expect(text(Buffer.concat([bytes(0xfe, 0xff), utf16be(s)]), 'utf-16be', 2)).toBe(s);
  });

  test('bytes that are not UTF-8 stop the reading, saying where', () => {
    const data = Buffer.concat([Buffer.from('a'.repeat(CHUNK_BYTES + 10)), bytes(0xa3), Buffer.from('5\n')]);
    let error: unknown;
    try {
      text(data, 'utf-8');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(NotUtf8);
    const offset = (error as NotUtf8).offset;
    expect(offset).toBeGreaterThan(CHUNK_BYTES + 5);
    expect(offset).toBeLessThanOrEqual(CHUNK_BYTES + 10);
  });

  test('Windows-1252: the characters Latin-1 lacks (€ ‘ ’ “ ” – — …), the rest as Latin-1', () => {
    expect(decodeWindows1252(bytes(0x80, 0x91, 0x92, 0x93, 0x94, 0x96, 0x97, 0x85, 0xa3, 0xe9, 0x41))).toBe('€‘’“”–—…£éA');
    expect(decodeWindows1252(bytes(0x81, 0x8d, 0x9d))).toBe('\u0081\u008d\u009d');
    expect(text(Buffer.from('£5\n', 'latin1'), 'windows-1252')).toBe('£5\n');
  });

  test('lineOfOffset counts LF, CRLF and CR line ends', () => {
    const data = Buffer.from('a\nb\r\nc\rd\ne');
    expect([0, 2, 5, 7, 9].map((o) => lineOfOffset(memoryBytes(data), o))).toEqual([1, 2, 3, 4, 5]);
  });
});
