import { type ExportProfile } from './types';

/** QuickBooks Online: Reports → Sales by Customer Detail → Export to CSV (tests/fixtures/exports/quickbooks-sales). */
export const QUICKBOOKS_SALES: ExportProfile = {
  id: 'quickbooks-sales',
  name: 'QuickBooks Sales by Customer Detail report',
  kind: 'sales',
  source: 'open-source importers of the report and their fixtures (no Intuit page with the CSV layout was reachable)',
  recognise: ['Date', 'Transaction Type', 'Num', 'Amount', 'Balance'],
  columns: {
    date: ['Date'],
    order_id: ['Num'],
    amount: ['Amount'],
    quantity: ['Qty'],
    status: ['Transaction Type'],
  },
  notes: {
    amount: 'the line’s amount before sales tax (never Balance, a running total, nor the Total rows)',
    order_id: 'the invoice or sales receipt number; one spans a row per product line',
  },
  filters: [
    {
      column: ['Transaction Type'],
      keep: ['invoice', 'sales receipt', 'credit memo', 'refund', 'refund receipt'],
      returns: ['credit memo', 'refund', 'refund receipt'],
    },
    { column: ['Memo/Description'], leave: ['voided'] },
  ],
  amounts: 'line',
  rowsNeedDate: true,
  decisions: [
    'Only rows with a date are data: customer headings, "Total for …", TOTAL and the footer are left out.',
    'Credit memos and refund receipts are returns by value in their own month (the report’s totals net them off; revenue does not).',
    'Voided invoices (Memo/Description "Voided", amounts 0.00) are left out and listed.',
  ],
};
