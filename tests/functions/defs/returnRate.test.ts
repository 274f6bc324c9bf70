import { errorOf, run } from '../helpers';

describe('RETURN_RATE', () => {
  test('a blank returned is nothing returned; blank rows are left out', () => {
    expect(run('RETURN_RATE', [['Sold'], [10], [20], [''], [5]], [['Returned'], [1], [''], [''], [2]])).toBeCloseTo(3 / 35, 15);
  });
  test('by value, from text', () => {
    expect(run('RETURN_RATE', [['£1,000.00'], ['£3,000']], [['£100'], ['']])).toBe(0.025);
  });
  test('clear errors', () => {
    expect(errorOf(() => run('RETURN_RATE', [[10], ['']], [[1], [3]])).message).toBe(
      'RETURN_RATE: row 2 of sold holds ""; a row with returns needs what was sold; fill it in or clear the row',
    );
    expect(errorOf(() => run('RETURN_RATE', [[10], ['ten']], [[1], [3]])).message).toBe(
      'RETURN_RATE: row 2 of sold holds "ten"; expected a quantity or an amount such as 12 or £1,234.50',
    );
    expect(errorOf(() => run('RETURN_RATE', [[10], [5]], [[1], ['x']])).message).toMatch(/^RETURN_RATE: row 2 of returned holds "x"/);
    expect(errorOf(() => run('RETURN_RATE', [['']], [['']])).message).toMatch(/^RETURN_RATE: no sales found in sold/);
    expect(errorOf(() => run('RETURN_RATE', [[0]], [[0]])).message).toBe(
      'RETURN_RATE: nothing was sold in this range, so there is no return rate',
    );
  });
});
