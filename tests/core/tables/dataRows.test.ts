import fc from 'fast-check';
import { FILLED, SAME, cellFacts, isDoubtful, plainText, rowVerdict, totalWord } from '../../../src/core/tables/dataRows';
import { isEmptyCell } from '../../../src/core/tables/kinds';

/**
 * The per-row classifier that the sheet's reader (sortRows) and the command line's streaming reader share.
 * cellFacts and totalWord are checked against their plain definitions; plainText, the command line's fast
 * path, must never call a cell plain that is blank, its column's name or a totals word.
 */
const TOTAL = /^(grand |sub-?|overall )?totals?\s*(:.*|\(.*\))?$|^(sum|subtotal)\s*:?$/i;

/** What cellFacts means, written out the slow way. */
function reference(c: string, name: string): number {
  if (isEmptyCell(c)) return 0;
  return c.length <= 160 && c.trim().toLowerCase() === name ? FILLED | SAME : FILLED;
}
const referenceTotal = (c: string): string | undefined => {
  if (c.length > 160) return undefined;
  const t = c.trim();
  return t.length <= 40 && TOTAL.test(t) ? t : undefined;
};

const NAMES = ['order id', 'date', 'net sales (£)', 'k', 'ünits', 'i̇d', 'total', 'n', 'grand'];
// Characters that matter to some rule, and others.
const UNITS = [
  'a',
  'd',
  'D',
  'g',
  'G',
  'n',
  'N',
  'o',
  'O',
  's',
  'S',
  't',
  'T',
  'r',
  'u',
  'v',
  'l',
  'i',
  'e',
  '-',
  '–',
  '—',
  ' ',
  '\t',
  '\u00a0',
  '\u2007',
  '\u202f',
  '\u3000',
  '\ufeff',
  '/',
  ':',
  '(',
  ')',
  '1',
  '£',
  '\u212a',
  '\u0130',
  'Ü',
  'ü',
  '\u0307',
  'é',
];
const texts = fc.oneof(
  fc.string({ unit: fc.constantFrom(...UNITS), maxLength: 12 }),
  fc.constantFrom(
    'Total',
    ' TOTAL: ',
    'Grand total',
    'sub-total (all)',
    'Sum:',
    'subtotal',
    'Overall totals',
    'n/a',
    'NONE',
    ' - ',
    '—',
    'nil',
    'Date',
    ' ORDER ID ',
    '\u212a',
    'İD',
    'totally',
    'summer',
  ),
);

describe('cellFacts and totalWord', () => {
  test('agree with their definitions', () => {
    fc.assert(
      fc.property(texts, fc.constantFrom(...NAMES), (c, name) => {
        expect(cellFacts(c, name)).toBe(reference(c, name));
        expect(totalWord(c)).toBe(referenceTotal(c));
      }),
      { numRuns: 5000 },
    );
  });

  test('other cells', () => {
    expect(cellFacts(null, 'date')).toBe(0);
    expect(cellFacts(undefined, 'date')).toBe(0);
    expect(cellFacts(5, 'date')).toBe(FILLED);
    expect(cellFacts(new Date(0), 'date')).toBe(FILLED);
    expect(cellFacts(false, 'date')).toBe(FILLED);
    expect(totalWord(5)).toBeUndefined();
    expect(cellFacts('x'.repeat(161), 'x'.repeat(161))).toBe(FILLED);
  });
});

describe('plainText: the fast path never calls a cell plain that is not', () => {
  const plainOf = (c: string, name: string) =>
    c.length > 0 &&
    plainText(c.charCodeAt(0), c.length > 1 ? c.charCodeAt(1) : -1, c.charCodeAt(c.length - 1), c.length, name.charCodeAt(0), name.length);

  test('on strings made of the characters that matter', () => {
    fc.assert(
      fc.property(texts, fc.constantFrom(...NAMES), (c, name) => {
        if (plainOf(c, name)) {
          expect(cellFacts(c, name)).toBe(FILLED);
          expect(totalWord(c)).toBeUndefined();
        }
      }),
      { numRuns: 20000 },
    );
  });

  test('on every first character of the Basic Multilingual Plane', () => {
    for (let code = 1; code < 0x10000; code++) {
      const ch = String.fromCharCode(code);
      for (const rest of ['', 'x', 'otal', 'rand total', 'ate', 'um', '/a', 'one']) {
        for (const name of NAMES) {
          const c = ch + rest;
          if (plainOf(c, name) && (cellFacts(c, name) !== FILLED || totalWord(c) !== undefined))
            throw new Error(`plainText calls ${JSON.stringify(c)} plain under ${JSON.stringify(name)}`);
        }
      }
    }
  });

  test('and does call most cells of a table plain', () => {
    const cells = [
      'SO-104201',
      '01/11/2024',
      'Customer 279',
      '£479.13',
      '364.72',
      '129',
      '0',
      '2024-11-08',
      'Very satisfied',
      'Neutral',
      'Better',
      'decision maker',
    ];
    const names = [
      'order id',
      'order date',
      'customer',
      'net sales (£)',
      'cost (£)',
      'qty',
      'returned qty',
      'promised date',
      'how satisfied are you?',
      'how satisfied are you?',
      'compared with others',
      'role',
    ];
    expect(cells.filter((c, j) => plainOf(c, names[j]))).toEqual(cells);
    expect(plainOf('Total', 'customer')).toBe(false);
    expect(plainOf('n/a', 'qty')).toBe(false);
    expect(plainOf('Customer', 'customer')).toBe(false);
  });
});

describe('rows', () => {
  test('rowVerdict: blank, a repeated header, or a row', () => {
    expect(rowVerdict(0, 0, 5)).toBe('blank');
    expect(rowVerdict(4, 3, 5)).toBe('repeat');
    expect(rowVerdict(4, 2, 5)).toBe('row');
    expect(rowVerdict(1, 1, 1)).toBe('repeat');
    expect(rowVerdict(1, 1, 3)).toBe('row');
  });
  test('isDoubtful: a totals word, or one cell of a wide table', () => {
    expect(isDoubtful(5, 'Total', 9)).toBe(true);
    expect(isDoubtful(1, undefined, 3)).toBe(true);
    expect(isDoubtful(1, undefined, 2)).toBe(false);
    expect(isDoubtful(2, undefined, 9)).toBe(false);
  });
});
