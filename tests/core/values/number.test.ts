import fc from 'fast-check';
import { parseNumberText, readNumber, readNumberAt } from '../../../src/core/values/number';

/** Reading rules of DOMAIN.md "Cell values" and the doc comment of src/core/values/number.ts. */
describe('readNumber: numbers as text', () => {
  test.each<[string, number]>([
    ['1,234.56', 1234.56],
    ['1.234,56', 1234.56],
    ['£1,234', 1234],
    ['$ 1,234.00', 1234],
    ['1 234,56 €', 1234.56],
    ['(1,200)', -1200],
    ['-12.5', -12.5],
    ['12%', 0.12],
    [' 9 ', 9],
    ['(£1,234.50)', -1234.5],
  ])('the DOMAIN.md form %j reads as %p', (text, value) => {
    expect(readNumber(text)).toBe(value);
  });

  test.each<[string, number]>([
    ['−12.5', -12.5], // U+2212 minus sign
    ['–12.5', -12.5], // en dash used as a minus
    ['-£12', -12],
    ['£-12', -12],
    ['+5', 5],
    ['- 5', -5],
    ['(12%)', -0.12],
    ['12 %', 0.12],
    ['-12.5%', -0.125],
  ])('signs: %j reads as %p', (text, value) => {
    expect(readNumber(text)).toBe(value);
  });

  test.each<[string, number]>([
    ['EUR 12', 12],
    ['12 EUR', 12],
    ['USD 1,234.50', 1234.5],
    ['usd 7', 7],
    ["CHF 1'234.50", 1234.5],
    ['R$ 1.234,56', 1234.56],
    ['Rs. 1,00,000', 100000],
    ['kr 12', 12],
    ['12 kr', 12],
    ['zł 5', 5],
    ['¥1,000', 1000],
    ['₹12,34,567', 1234567],
    ['€5', 5],
    ['5€', 5],
    ['5 €', 5],
  ])('currency signs and codes before or after: %j reads as %p', (text, value) => {
    expect(readNumber(text)).toBe(value);
  });

  test.each<[string, number]>([
    ['1,234', 1234], // a lone comma followed by exactly three digits groups thousands
    ['12,5', 12.5], // otherwise a lone comma is decimal
    ['1,23', 1.23],
    ['1.234', 1.234], // a lone dot is decimal
    ['1.234.567', 1234567], // several dots group thousands
    ['1,234,567.89', 1234567.89],
    ['1.234.567,89', 1234567.89],
    ['1 234', 1234],
    ['1\u00a0234,5', 1234.5], // no-break space
    ['1\u202f234,5', 1234.5], // narrow no-break space
    ['1\u2009234.5', 1234.5], // thin space
    ["1'234.5", 1234.5], // apostrophe (Swiss)
    ['1’234.5', 1234.5], // typographic apostrophe
    ['12,34,567', 1234567], // Indian lakh grouping
    ['1,23,45,678.9', 12345678.9],
    ['1 234,567', 1234.567], // with a space grouping, the comma is the decimal mark
    ['.5', 0.5],
    ['0.25', 0.25],
    ['1e3', 1000],
    ['1.5E-2', 0.015],
  ])('grouping and decimal marks: %j reads as %p', (text, value) => {
    expect(readNumber(text)).toBe(value);
  });

  test.each([
    '1,2,3',
    '1,234,56',
    '12,345,6',
    '1 23',
    '1.23.4',
    '1,234.5.6',
    '1234,567,890', // the first group is longer than 3 digits
    'abc',
    'eleven',
    '%',
    '$',
    '−',
    '(−5)', // two negatives
    '1_000',
    '0x10',
    'Infinity',
    'NaN',
    '1e400', // overflows
    '١٢', // Arabic-Indic digits are not read
    '１２', // full-width digits are not read
    '=1+1',
    '#N/A',
  ])('unreadable: %j is undefined (an error, not a blank or a zero)', (text) => {
    expect(readNumber(text)).toBeUndefined();
  });
});

describe('readNumber: blanks are "no answer", never zero', () => {
  test.each(['', '   ', '\u00a0', '\t', '-', '–', '—', 'n/a', 'N/A', 'na', 'none', 'None', 'nil', ' - '])('%j is null', (text) => {
    expect(readNumber(text)).toBeNull();
  });
  test('null and undefined are blanks', () => {
    expect(readNumber(null)).toBeNull();
    expect(readNumber(undefined)).toBeNull();
  });
  test('a blank is not 0', () => {
    expect(readNumber('')).not.toBe(0);
  });
});

describe('readNumber: cells that are not text', () => {
  test('finite numbers pass through unchanged; percent cells arrive as fractions already', () => {
    expect(readNumber(1234.5)).toBe(1234.5);
    expect(readNumber(0.12)).toBe(0.12);
    expect(readNumber(0)).toBe(0);
  });
  test.each([NaN, Infinity, -Infinity])('%p is unreadable', (x) => {
    expect(readNumber(x)).toBeUndefined();
  });
  test('booleans and dates are not numbers', () => {
    expect(readNumber(true)).toBeUndefined();
    expect(readNumber(false)).toBeUndefined();
    expect(readNumber(new Date(Date.UTC(2026, 0, 31)))).toBeUndefined();
    expect(readNumber(new Date(NaN))).toBeUndefined();
  });
});

describe('parseNumberText', () => {
  test('agrees with readNumber on text', () => {
    for (const t of ['1,234.56', '(1,200)', '12%', '', 'x', '1,2,3']) expect(parseNumberText(t)).toBe(readNumber(t));
  });
  test('plain numbers take the fast path and are exact', () => {
    expect(parseNumberText('123')).toBe(123);
    expect(parseNumberText('-0.5')).toBe(-0.5);
    expect(parseNumberText('007')).toBe(7);
  });
});

describe('readNumberAt: readNumber of a part of a text, read where it lies', () => {
  const unit = fc.constantFrom('1', '2', '0', '9', ',', '.', '-', '−', '£', '$', '€', '(', ')', '%', ' ', 'e', 'a', 'k');
  test('is readNumber of the slice, whatever surrounds it', () => {
    fc.assert(
      fc.property(
        fc.string({ unit, maxLength: 14 }),
        fc.string({ unit, maxLength: 3 }),
        fc.string({ unit, maxLength: 3 }),
        (s, before, after) => {
          const text = before + s + after;
          expect(Object.is(readNumberAt(text, before.length, before.length + s.length), readNumber(s))).toBe(true);
        },
      ),
      { numRuns: 3000 },
    );
  });
});
