import { previewMonthly } from './helpers';
import { rolesOf, vendorSuite } from './suite';

vendorSuite('square-item-sales', (v) => {
  test('Net Sales is the amount, Transaction ID the order; refund rows are returns in their own month', () => {
    expect(rolesOf(v)).toMatchObject({ 'Net Sales': 'amount', 'Gross Sales': null, 'Transaction ID': 'order_id', Tax: null });
    const { def, wb } = previewMonthly(v);
    try {
      expect(def.sources.sales).toMatchObject({ filters: ['Event Type'], rules: { returns: [{ filter: 0, values: ['refund'] }] } });
    } finally {
      wb.destroy();
    }
  });
});
