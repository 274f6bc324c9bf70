import { previewMonthly } from './helpers';
import { rolesOf, vendorSuite } from './suite';

vendorSuite('xero-invoices', (v) => {
  test('LineAmount is the amount (never Total, TaxTotal or the amounts paid and due, repeated on every line); in GBP', () => {
    expect(rolesOf(v)).toMatchObject({ LineAmount: 'amount', Total: null, TaxTotal: null, InvoiceAmountPaid: null, DueDate: null });
    const { def, wb } = previewMonthly(v);
    try {
      expect(def.sources.sales).toMatchObject({ currency: 'GBP', filters: ['Status', 'Type'], rules: { returns: [{ filter: 1 }] } });
    } finally {
      wb.destroy();
    }
  });
});
