import { cliMonthly, expected } from './helpers';
import { rolesOf, vendorSuite } from './suite';

vendorSuite('stripe-payments', (v) => {
  test('Converted Amount is the amount (the EUR charge in the account’s USD); failed and uncaptured payments are no sales', () => {
    expect(rolesOf(v)).toMatchObject({ 'Converted Amount': 'amount', Amount: null, Fee: null, 'Converted Amount Refunded': 'refunded' });
    const m = cliMonthly(v);
    // Summing every row's Amount would count failed payments: revenue up to 1.21× (issue 11).
    expect(m.revenue).toEqual(expected(v).revenue);
  });
});
