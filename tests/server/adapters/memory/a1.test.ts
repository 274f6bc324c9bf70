import { parseA1, shiftFormula } from '../../../../src/server/adapters/memory/a1';

/** A1 notation in the memory workbook (src/server/adapters/memory/a1.ts). */
test('parseA1 reads cells, ranges and open ends', () => {
  expect(parseA1('B2')).toEqual({ row: 1, col: 1, endRow: 2, endCol: 2 });
  expect(parseA1('B2:D9')).toEqual({ row: 1, col: 1, endRow: 9, endCol: 4 });
  expect(parseA1('A2:A')).toEqual({ row: 1, col: 0, endRow: Infinity, endCol: 1 });
  expect(parseA1('C:C')).toEqual({ row: 0, col: 2, endRow: Infinity, endCol: 3 });
  expect(parseA1('AA10')).toEqual({ row: 9, col: 26, endRow: 10, endCol: 27 });
  expect(() => parseA1('Sheet1!A1')).toThrow();
});

test('relative references move with the cell, absolute ones and text stay', () => {
  expect(shiftFormula('=AND($I2<>"", $I2<TODAY(), B$1>0)', 3, 2)).toBe('=AND($I5<>"", $I5<TODAY(), D$1>0)');
  expect(shiftFormula('="A1"&A1&LOG10(A1)', 1, 0)).toBe('="A1"&A2&LOG10(A2)');
  expect(shiftFormula("='My sheet'!C3+Z9", 0, 1)).toBe("='My sheet'!D3+AA9");
});
