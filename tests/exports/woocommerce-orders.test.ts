import { previewMonthly } from './helpers';
import { rolesOf, vendorSuite } from './suite';

vendorSuite('woocommerce-orders', (v) => {
  test('Net Sales is the amount, never N. Revenue (formatted) (gross, with tax and shipping); refund rows are returns', () => {
    expect(rolesOf(v)).toMatchObject({ 'Net Sales': 'amount', 'N. Revenue (formatted)': null, 'Order #': 'order_id' });
    const { def, wb } = previewMonthly(v);
    try {
      expect(def.sources.sales).toMatchObject({ currency: 'USD', rules: { amounts: 'line', negatives: 'returns' } });
    } finally {
      wb.destroy();
    }
  });
});
