import { isDateFormat } from '../../../../src/server/adapters/memory/layout';

/** What the memory workbook keeps of a sheet's layout (src/server/adapters/memory/layout.ts). */
test('number formats that show a date read a number back as a Date; others do not', () => {
  expect(isDateFormat('d mmm yyyy')).toBe(true);
  expect(isDateFormat('[Red]0.0')).toBe(false);
  expect(isDateFormat('"days" 0')).toBe(false);
});
