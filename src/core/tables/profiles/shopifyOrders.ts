import { type ExportProfile } from './types';

/** Shopify: Admin → Orders → Export, one row per line item (tests/fixtures/exports/shopify-orders). */
export const SHOPIFY_ORDERS: ExportProfile = {
  id: 'shopify-orders',
  name: 'Shopify orders export',
  kind: 'sales',
  source: 'Shopify orders CSV: column list of shopify2woo docs/shopify_columns.txt and newer columns; status values from Shopify Help',
  recognise: ['Name', 'Financial Status', 'Subtotal', 'Created at', 'Lineitem quantity', 'Lineitem name'],
  columns: {
    date: ['Created at'],
    order_id: ['Name'],
    amount: ['Subtotal'],
    refunded: ['Refunded Amount'],
    discount: ['Discount Amount'],
    quantity: ['Lineitem quantity'],
    customer: ['Billing Name', 'Email'],
    status: ['Financial Status'],
  },
  notes: {
    date: "when the order was placed, in the shop's time (Paid at is blank on unpaid orders)",
    order_id: 'the order number; an order spans one row per line item',
    amount: "the order's subtotal: after discounts, before tax and shipping, on the order's first row only",
    refunded: 'money given back: a return by value in the order’s month',
  },
  filters: [
    { column: ['Financial Status'], leave: ['voided'] },
    { column: ['Cancelled at'], leave: ['*'] },
    { column: ['Payment Method'], leave: ['bogus'] },
  ],
  amounts: 'order',
  currencyColumn: ['Currency'],
  decisions: [
    'Voided orders, cancelled orders (Cancelled at filled) and test orders (Bogus Gateway) are left out, each with all its rows.',
    'Pending and authorized orders count as sales: DOMAIN.md leaves out only voided, failed, cancelled and test payments.',
    "Refunded Amount has no date: the refund is a return in the order's month, and it includes any refunded tax and shipping.",
    'Dates are the wall-clock day written in Created at (the shop’s zone), whatever its UTC offset says.',
  ],
};
