import { SCORE_EXPECTED, readScore } from '../../../src/core/values/score';
import { readBoolean, readResponded } from '../../../src/core/values/boolean';
import { type Cell, isBlank, isSheetError, showCell } from '../../../src/core/values/cell';
import { badCell, requireSome, sameLength, toColumn, where } from '../../../src/core/values/column';
import { InputError } from '../../../src/core/values/errors';
import { isMonthFirstLocale } from '../../../src/core/values/locale';

function errorOf(f: () => unknown): Error {
  try {
    f();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected an error');
}

describe('readScore: referral scores 0–10', () => {
  test.each<[Cell, number]>([
    [0, 0],
    [10, 10],
    [7, 7],
    ['9', 9],
    [' 9 ', 9],
    ['10 - Extremely likely', 10],
    ['0 - Not at all likely', 0],
    ['0 (Not at all likely)', 0],
    ['10 – Extremely likely', 10],
    ['5: neutral', 5],
    ['9/10', 9],
    ['9 / 10', 9],
    ['8 out of 10', 8],
  ])('%j reads as %p', (c, n) => {
    expect(readScore(c)).toBe(n);
  });
  test.each<Cell>(['', '  ', null, undefined, 'n/a', '-'])('%j is a blank (null)', (c) => {
    expect(readScore(c)).toBeNull();
  });
  test.each<Cell>([
    11,
    -1,
    7.5,
    '7.5',
    'eleven',
    '11 - more than likely',
    '12',
    '9/5',
    '10%',
    true,
    false,
    new Date(0),
    NaN,
    Infinity,
    'Extremely likely',
  ])('%p is unreadable (undefined)', (c) => {
    expect(readScore(c)).toBeUndefined();
  });
  test('the expected text of the error', () => {
    expect(SCORE_EXPECTED).toBe('scores are whole numbers from 0 to 10');
  });
});

describe('readResponded: yes/no as text', () => {
  test.each<Cell>([true, 1, 'yes', 'Yes', 'Y', 'y', 'true', 'TRUE', '1', '✓', 'Thanks, we are on it', 'x', new Date(0)])(
    '%p is yes',
    (c) => {
      expect(readResponded(c)).toBe(true);
    },
  );
  test.each<Cell>([
    false,
    0,
    'no',
    'NO',
    ' n ',
    'false',
    'f',
    '0',
    '✗',
    'none',
    'not yet',
    'pending',
    'n/a',
    '-',
    '—',
    '',
    '   ',
    null,
    undefined,
  ])('%p is no', (c) => {
    expect(readResponded(c)).toBe(false);
  });
});

describe('readBoolean: a yes/no option', () => {
  test.each<[unknown, boolean | null | undefined]>([
    [true, true],
    [false, false],
    ['TRUE', true],
    [' yes ', true],
    ['n', false],
    [1, true],
    [0, false],
    ['✓', true],
    ['', null],
    [null, null],
    ['maybe', undefined],
    [2, undefined],
    [new Date(0), undefined],
  ])('%p → %p', (c, b) => {
    expect(readBoolean(c as never)).toBe(b);
  });
});

describe('cells', () => {
  test('isBlank: empty and white space only', () => {
    for (const c of ['', ' ', '\t', '\u00a0', '\u2007', '\u202f', null, undefined]) expect(isBlank(c)).toBe(true);
    for (const c of [0, false, 'x', ' 0 ', new Date(NaN)]) expect(isBlank(c as Cell)).toBe(false);
  });
  test('isSheetError: error cells arrive as their text', () => {
    for (const c of ['#N/A', '#REF!', '#VALUE!', '#DIV/0!', '#NUM!', '#NAME?', '#NULL!', '#ERROR!']) expect(isSheetError(c)).toBe(true);
    for (const c of ['#', '#1', 'N/A', '#hashtag', 5]) expect(isSheetError(c as Cell)).toBe(false);
  });
  test('showCell quotes text and cuts it short', () => {
    expect(showCell('eleven')).toBe('"eleven"');
    expect(showCell('x'.repeat(50))).toBe(`"${'x'.repeat(37)}..."`);
    expect(showCell(12)).toBe('12');
    expect(showCell(true)).toBe('TRUE');
    expect(showCell(new Date(Date.UTC(2026, 0, 31)))).toBe('the date 2026-01-31');
    expect(showCell(new Date(NaN))).toBe('an invalid date');
  });
});

describe('columns and error messages', () => {
  test('a single cell is a 1×1 range', () => {
    expect(toColumn(5, 'scores')).toEqual({ cells: [5], width: 1, name: 'scores', named: false });
  });
  test('a one-column range is read top to bottom', () => {
    expect(toColumn([[1], [2], [3]], 'scores').cells).toEqual([1, 2, 3]);
  });
  test('a wider range is read row by row', () => {
    const col = toColumn(
      [
        [1, 2, 3],
        [4, 5, 6],
      ],
      'scores',
    );
    expect(col.cells).toEqual([1, 2, 3, 4, 5, 6]);
    expect(col.width).toBe(3);
  });
  test('an empty range has no cells', () => {
    expect(toColumn([], 'scores').cells).toEqual([]);
  });
  test('a flat list (a caller outside Sheets) is a column', () => {
    expect(toColumn([1, 2] as unknown as Cell[][], 'scores').cells).toEqual([1, 2]);
  });
  test('badCell names the row of a one-column range (1-based)', () => {
    const col = toColumn([[9], [10], [8], [7], [6], [10], ['eleven']], 'scores');
    const e = errorOf(() => badCell(col, 6, SCORE_EXPECTED));
    expect(e).toBeInstanceOf(InputError);
    expect(e.message).toBe('row 7 holds "eleven"; scores are whole numbers from 0 to 10');
  });
  test('badCell names row and column of a wider range', () => {
    const col = toColumn(
      [
        [1, 2, 3],
        [4, 5, 'x'],
      ],
      'scores',
    );
    expect(errorOf(() => badCell(col, 5, SCORE_EXPECTED)).message).toBe('row 2, column 3 holds "x"; scores are whole numbers from 0 to 10');
    expect(where(col, 0)).toBe('row 1, column 1');
  });
  test('named columns say which argument', () => {
    expect(where(toColumn([[1], [2]], 'scores', true), 1)).toBe('row 2 of scores');
    expect(where(toColumn([[1, 2]], 'scores', true), 1)).toBe('row 1, column 2 of scores');
  });
  test('ranges of different lengths are a clear error', () => {
    const a = toColumn([[1], [2], [3]], 'dates');
    const b = toColumn([[1], [2]], 'scores');
    expect(errorOf(() => sameLength(a, b)).message).toBe(
      'dates has 3 cells but scores has 2; give ranges of the same size, e.g. A2:A500 and D2:D500',
    );
    expect(() => sameLength(a, a)).not.toThrow();
  });
  test('a range of only blanks is a clear error', () => {
    expect(errorOf(() => requireSome(toColumn([[''], [null], ['  ']], 'scores'), 'scores')).message).toBe(
      'no scores found in scores; select the cells that hold them (the header row may be included)',
    );
    expect(errorOf(() => requireSome(toColumn([], 'scores'), 'scores'))).toBeInstanceOf(InputError);
    expect(() => requireSome(toColumn([[''], [0]], 'scores'), 'scores')).not.toThrow();
  });
});

describe('locale: who writes 01/02/2026 as January 2', () => {
  test.each(['en_US', 'es_US', 'en-US', 'en_PH', 'es_PR'])('%s is month-first', (l) => {
    expect(isMonthFirstLocale(l)).toBe(true);
  });
  test.each(['en_GB', 'de_DE', 'fr_FR', 'en_AU', 'en_CA', 'en', 'US', '', null, undefined])('%p is day-first', (l) => {
    expect(isMonthFirstLocale(l)).toBe(false);
  });
});
