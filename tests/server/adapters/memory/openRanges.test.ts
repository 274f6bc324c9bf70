import { closeOpenRanges } from '../../../../src/server/adapters/memory/openRanges';

/** Closing open-ended ranges in a formula's text (src/server/adapters/memory/openRanges.ts). */
test('closeOpenRanges closes references, not text', () => {
  const grid = (sheet: string | null) => (sheet === "O'Neill" ? 2000 : 1000);
  expect(closeOpenRanges('=SUM(B4:B, C:C, D2:D9) & "E4:E"', grid)).toEqual({
    text: '=SUM(B4:B1000, C:C, D2:D9) & "E4:E"',
    sheets: [null],
  });
  expect(closeOpenRanges("=F('O''Neill'!$A$2:$C, Data!A5:A)", grid)).toEqual({
    text: "=F('O''Neill'!$A$2:$C$2000, Data!A5:A1000)",
    sheets: ["O'Neill", 'Data'],
  });
  expect(closeOpenRanges('=SUM(A1:B2)', grid)).toBeNull();
});
