import { type ExportProfile } from './types';

/** Square: Reports → Item Sales → Export → Item Detail CSV (tests/fixtures/exports/square-item-sales). */
export const SQUARE_ITEM_SALES: ExportProfile = {
  id: 'square-item-sales',
  name: 'Square item sales (Items Detail) export',
  kind: 'sales',
  source: 'a real Square Items Detail export in a public repository (35 columns); refund rows from importers’ fixtures',
  recognise: ['Date', 'Time Zone', 'Gross Sales', 'Net Sales', 'Transaction ID', 'Event Type'],
  columns: {
    date: ['Date'],
    order_id: ['Transaction ID'],
    amount: ['Net Sales'],
    discount: ['Discounts'],
    quantity: ['Qty'],
    customer: ['Customer Name'],
    status: ['Event Type'],
  },
  notes: {
    amount: 'net sales: gross sales less discounts, before tax',
    order_id: 'one sale spans one row per item',
  },
  filters: [{ column: ['Event Type'], keep: ['payment', 'refund'], returns: ['refund'] }],
  amounts: 'line',
  decisions: [
    'Refund rows (Event Type Refund, negative amounts) are returns by value in the month they were made.',
    'The report lists completed payments and refunds only; any other event type is left out.',
    'Dates are the local date written in Date (the Time Zone column names the zone).',
  ],
};
