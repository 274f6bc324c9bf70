import { type ExportProfile } from './types';

/** WooCommerce: Analytics → Orders → Download (tests/fixtures/exports/woocommerce-orders). */
export const WOOCOMMERCE_ORDERS: ExportProfile = {
  id: 'woocommerce-orders',
  name: 'WooCommerce orders report',
  kind: 'sales',
  source: 'woocommerce/woocommerce: Admin/API/Reports/Orders/Controller.php get_export_columns, the CSV exporter, the browser download',
  recognise: ['Date', 'Order #', 'Status', 'Customer type', 'Items sold', ['Net Sales', 'N. Revenue']],
  columns: {
    date: ['Date'],
    order_id: ['Order #'],
    amount: ['Net Sales', 'N. Revenue'],
    quantity: ['Items sold'],
    customer: ['Customer'],
    status: ['Status'],
  },
  notes: {
    amount: 'net sales: after discounts, before tax and shipping (never N. Revenue (formatted), the gross total)',
    order_id: 'the order number, repeated on its refund rows',
  },
  filters: [{ column: ['Status'], leave: ['cancelled', 'failed', 'trash', 'checkout-draft'] }],
  amounts: 'line',
  negativeReturns: true,
  decisions: [
    'A refund is a row of its own (negative Net Sales, same Order #): a return by value in the month it was made; the order stays a sale.',
    'Cancelled, failed, trashed and draft orders are left out; pending (unpaid) orders count, as for Shopify.',
    'The currency comes from the signs in N. Revenue (formatted); that column is never the amount.',
  ],
};
