import { type Cell } from '../../values/cell';
import { type ExportProfile, headerKey } from './types';
import { SHOPIFY_ORDERS } from './shopifyOrders';
import { WOOCOMMERCE_ORDERS } from './woocommerceOrders';
import { SQUARE_ITEM_SALES } from './squareItemSales';
import { STRIPE_PAYMENTS } from './stripePayments';
import { QUICKBOOKS_SALES } from './quickbooksSales';
import { XERO_INVOICES } from './xeroInvoices';
import { GOOGLE_FORMS } from './googleForms';
import { SURVEYMONKEY } from './surveyMonkey';
import { TYPEFORM } from './typeform';
import { QUALTRICS } from './qualtrics';
import { DELIGHTED } from './delighted';
import { GENERIC_NPS } from './genericNps';
import { GOOGLE_BUSINESS_REVIEWS } from './googleBusinessReviews';
import { TRUSTPILOT_REVIEWS } from './trustpilotReviews';

export type { ExportProfile, ProfileFilter } from './types';
export { headerKey } from './types';

/** Every export Leadlag recognises. Adding a vendor: one file beside this one, listed here. */
export const PROFILES: readonly ExportProfile[] = [
  SHOPIFY_ORDERS,
  WOOCOMMERCE_ORDERS,
  SQUARE_ITEM_SALES,
  STRIPE_PAYMENTS,
  QUICKBOOKS_SALES,
  XERO_INVOICES,
  GOOGLE_FORMS,
  SURVEYMONKEY,
  TYPEFORM,
  QUALTRICS,
  DELIGHTED,
  GENERIC_NPS,
  GOOGLE_BUSINESS_REVIEWS,
  TRUSTPILOT_REVIEWS,
];

export function profileById(id: string | null | undefined): ExportProfile | undefined {
  return id ? PROFILES.find((p) => p.id === id) : undefined;
}

/** How far down a sheet a vendor's header row is looked for (QuickBooks writes three title lines and a blank one first). */
export const RECOGNISE_ROWS = 30;

/** The profile whose recognition rule a row of headers meets (the most specific one), or undefined. */
export function recogniseHeaders(row: readonly Cell[]): ExportProfile | undefined {
  const keys = row.map(headerKey);
  const present = new Set(keys.filter((k) => k !== ''));
  if (present.size < 2) return undefined;
  const first = keys.find((k) => k !== '');
  let best: ExportProfile | undefined;
  for (const p of PROFILES) {
    if (p.first !== undefined && headerKey(p.first) !== first) continue;
    if (p.unless?.some((u) => present.has(headerKey(u)))) continue;
    const ok = p.recognise.every((entry) => (typeof entry === 'string' ? [entry] : entry).some((name) => present.has(headerKey(name))));
    if (ok && (!best || p.recognise.length > best.recognise.length)) best = p;
  }
  return best;
}

/** The first row near the top whose headers a profile recognises: its 0-based index and the profile. */
export function recogniseGrid(grid: readonly (readonly Cell[])[]): { row: number; profile: ExportProfile } | undefined {
  for (let r = 0; r < Math.min(grid.length, RECOGNISE_ROWS); r++) {
    const row = grid[r];
    if (!Array.isArray(row)) continue;
    const profile = recogniseHeaders(row);
    if (profile) return { row: r, profile };
  }
  return undefined;
}

/** The index among `headers` of the first of `names` the headers hold, or -1. */
export function findHeader(headers: readonly string[], names: readonly string[] | undefined, taken?: ReadonlySet<number>): number {
  if (!names) return -1;
  const keys = headers.map(headerKey);
  for (const name of names) {
    const at = keys.findIndex((k, j) => k === headerKey(name) && !taken?.has(j));
    if (at >= 0) return at;
  }
  return -1;
}
