import { type ExportProfile } from './types';

/** Stripe: Dashboard → Payments → Export (tests/fixtures/exports/stripe-payments). */
export const STRIPE_PAYMENTS: ExportProfile = {
  id: 'stripe-payments',
  name: 'Stripe payments export',
  kind: 'sales',
  source: 'Stripe Support (the payments export includes failed payments); column names from open-source importers’ fixtures',
  recognise: ['id', ['Created date (UTC)', 'Created (UTC)'], 'Amount', 'Amount Refunded', 'Currency', 'Status'],
  columns: {
    date: ['Created date (UTC)', 'Created (UTC)'],
    order_id: ['id'],
    amount: ['Converted Amount', 'Amount'],
    refunded: ['Converted Amount Refunded', 'Amount Refunded'],
    customer: ['Customer Description', 'Customer Email'],
    status: ['Status'],
  },
  notes: {
    amount: 'the charge in the account’s currency (Stripe has no subtotal, so the total is the amount)',
    refunded: 'money given back: a return by value in the charge’s month',
  },
  filters: [
    { column: ['Status'], leave: ['failed', 'uncaptured', 'canceled', 'cancelled'] },
    { column: ['Captured'], leave: ['false'] },
    { column: ['Mode'], leave: ['test'] },
  ],
  amounts: 'line',
  currencyColumn: ['Converted Currency', 'Currency'],
  decisions: [
    'Failed payments and uncaptured authorisations (Captured false) are not sales; test-mode rows are left out too.',
    'Amounts are Converted Amount, in the account’s currency: summing Amount would mix currencies.',
    'Refunds have no date in this export: they are returns in the charge’s month.',
    'Dates are the UTC day written in Created date (UTC).',
  ],
};
