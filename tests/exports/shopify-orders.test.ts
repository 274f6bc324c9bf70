import { previewMonthly } from './helpers';
import { rolesOf, vendorSuite } from './suite';

vendorSuite('shopify-orders', (v) => {
  test('the order’s Subtotal is the revenue: never Discount Amount, Shipping or Accepts Marketing (issue 11)', () => {
    const roles = rolesOf(v);
    expect(roles).toMatchObject({
      Subtotal: 'amount',
      Name: 'order_id',
      'Created at': 'date',
      'Refunded Amount': 'refunded',
      'Discount Amount': 'discount',
      'Financial Status': 'status',
    });
    for (const h of ['Shipping', 'Accepts Marketing', 'Total', 'Taxes', 'Lineitem price', 'Paid at']) expect(roles[h]).toBeNull();
  });
  test('the wizard’s definition counts amounts once per order and leaves out voided, cancelled and test orders, in USD', () => {
    const { def, wb } = previewMonthly(v);
    try {
      expect(def.sources.sales).toMatchObject({
        profile: 'shopify-orders',
        currency: 'USD',
        filters: ['Financial Status', 'Cancelled at', 'Payment Method'],
        rules: {
          amounts: 'order',
          leaveOut: [
            { filter: 0, values: ['voided'] },
            { filter: 1, values: ['*'] },
            { filter: 2, values: ['bogus'] },
          ],
        },
      });
    } finally {
      wb.destroy();
    }
  });
});
