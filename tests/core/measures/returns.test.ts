import { returnRows } from '../../../src/core/measures/returns';
import { ratioTotals } from '../../../src/core/measures/ratio';
import { col } from '../helpers';

describe('Return rate: Σ returned / Σ sold', () => {
  test('a blank returned is nothing returned; blank rows are left out', () => {
    expect(ratioTotals(returnRows(col([10, 20, ''], 'sold'), col([1, '', ''], 'returned')))).toEqual({ num: 1, den: 30, rows: 2 });
  });
});
