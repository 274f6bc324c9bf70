import { pastedValues } from '../../../src/core/tables/paste';
import { DATES, day } from '../helpers';

describe('a pasted CSV as the sheet holds it (one reader for the preview and the command line)', () => {
  test('US dates with times: the column is month-first because one second part is over 12, decided once for all (issue 11)', () => {
    const grid = [
      ['Date', 'Score'],
      ['10/02/2024 12:00:00 AM', '9'],
      ['10/13/2024 3:15:00 PM', '7'],
      ['08/05/2024 09:00:00 AM', '6'],
    ];
    const out = pastedValues(grid, DATES);
    expect(out.map((r) => r[0])).toEqual(['Date', { day: day('2024-10-02') }, { day: day('2024-10-13') }, { day: day('2024-08-05') }]);
    expect(out.map((r) => r[1])).toEqual(['Score', 9, 7, 6]);
  });
  test('an ambiguous column follows the locale; a column that mixes both orders stays text as written', () => {
    expect(pastedValues([['03/04/2024']], DATES)[0][0]).toEqual({ day: day('2024-04-03') });
    expect(pastedValues([['03/04/2024']], { ...DATES, monthFirst: true })[0][0]).toEqual({ day: day('2024-03-04') });
    expect(pastedValues([['13/01/2024'], ['01/14/2024']], DATES)).toEqual([['13/01/2024'], ['01/14/2024']]);
  });
  test('numbers as the number reader reads them, TRUE/FALSE as booleans, the rest text (formula-looking text too)', () => {
    const out = pastedValues([['$1,250.00', '12%', 'true', '=HYPERLINK("x")', '10 - Extremely likely', '-', ' 6 ', '']], DATES);
    expect(out[0]).toEqual([1250, 0.12, true, '=HYPERLINK("x")', '10 - Extremely likely', '-', 6, '']);
  });
  test('a column of mostly text keeps a stray date-looking cell as text', () => {
    const out = pastedValues([['Note'], ['fine'], ['great'], ['01/02/2024']], DATES);
    expect(out[3][0]).toBe('01/02/2024');
  });
  test('an ID such as KR1 stays text although KR is a currency code; exponents and spaced codes are numbers', () => {
    expect(pastedValues([['KR1', 'Q3', '12kr', '1e3', '2.5E-2', 'kr 12', 'EUR 12']], DATES)[0]).toEqual([
      'KR1',
      'Q3',
      '12kr',
      1000,
      0.025,
      12,
      12,
    ]);
  });
});
