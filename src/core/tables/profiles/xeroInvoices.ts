import { type ExportProfile } from './types';

/** Xero: Business → Invoices → Export (the invoice template's columns; tests/fixtures/exports/xero-invoices). */
export const XERO_INVOICES: ExportProfile = {
  id: 'xero-invoices',
  name: 'Xero sales invoices export',
  kind: 'sales',
  source: 'the Xero invoice import template’s columns (Milient/Moment docs), the Xero CSV guide',
  recognise: ['ContactName', 'InvoiceNumber', 'InvoiceDate', 'Total', 'TaxTotal', 'LineAmount'],
  columns: {
    date: ['InvoiceDate'],
    order_id: ['InvoiceNumber'],
    amount: ['LineAmount'],
    quantity: ['Quantity'],
    customer: ['ContactName'],
    status: ['Status'],
  },
  notes: {
    amount: 'each line’s amount before VAT (Total and TaxTotal repeat on every line and would count an invoice several times)',
    order_id: 'the invoice number; an invoice spans a row per line',
  },
  filters: [
    { column: ['Status'], leave: ['draft', 'awaiting approval', 'submitted', 'voided', 'deleted'] },
    { column: ['Type'], returns: ['sales credit note', 'credit note', 'accreccredit'] },
  ],
  amounts: 'line',
  netCheck: { total: 'Total', tax: 'TaxTotal' },
  currencyColumn: ['Currency'],
  decisions: [
    'Draft, awaiting-approval, voided and deleted invoices are not sales; awaiting payment ones are (revenue is not cash).',
    'Credit notes are returns by value in their own month.',
    'Amounts are LineAmount, tax-exclusive lines (Σ LineAmount = Total − TaxTotal); the check before a build stops when lines include the tax.',
  ],
};
