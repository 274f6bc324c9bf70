import { moneyOfPeriods } from '../../../src/core/measures/money';
import { col, errorOf } from '../helpers';

describe('lag measures per period (DOMAIN.md "Lag measures")', () => {
  // Rows 0–3 in period 0, row 4 in period 1, row 5 outside the wanted periods; period 2 has nothing.
  const slot = Int32Array.from([0, 0, 0, 0, 1, -1]);
  const amounts = col(['£100', 50, '', 30, 20, 999], 'amount', true);
  const costs = col([60, '', 5, 10, 25, 0], 'cost', true);
  const ids = col(['A1', 'A1', 'A2', '', 'B1', 'C1'], 'order_id', true);
  test('revenue = Σ amount; margin = Σ(amount − cost), or Σ margin; margin % = margin / revenue', () => {
    expect(moneyOfPeriods('revenue', slot, 3, amounts)).toEqual([180, 20, 0]);
    expect(moneyOfPeriods('margin', slot, 3, amounts, costs)).toEqual([110, -5, 0]);
    expect(moneyOfPeriods('margin', slot, 3, amounts)).toEqual([180, 20, 0]);
    expect(moneyOfPeriods('margin_pct', slot, 3, amounts, costs)).toEqual([110 / 180, -5 / 20, null]);
  });
  test('orders are distinct ids per period (a row without an id is one order); every row without ids', () => {
    expect(moneyOfPeriods('orders', slot, 3, ids)).toEqual([3, 1, 0]);
    expect(moneyOfPeriods('orders', slot, 3)).toEqual([4, 1, 0]);
    expect(moneyOfPeriods('average_order_value', slot, 3, amounts, ids)).toEqual([60, 20, null]);
  });
  test('clear errors', () => {
    expect(errorOf(() => moneyOfPeriods('revenue', slot, 3)).message).toBe('revenue needs the amounts');
    expect(errorOf(() => moneyOfPeriods('revenue', slot, 3, col([1, 'lots', 0, 0, 0, 0], 'amount', true))).message).toBe(
      'row 2 of amount holds "lots"; expected an amount such as 1234.5 or "£1,234.50"',
    );
  });
});
