import { type Role } from '../roles';
import { type Source } from '../../scorecard/measures';

/**
 * An export profile: what Leadlag knows about one vendor's export, as data. A sheet whose header row
 * holds the profile's `recognise` names is read by the profile's rules instead of being guessed: which
 * column is the date, the order id, the net amount, the score; which rows are header rows; which values
 * leave a row out (voided, failed, test) or make it a return. Adding a vendor is adding one file of this
 * shape to `index.ts`, with a fixture in tests/fixtures/exports and a test of its known answers.
 *
 * Header names are compared without case, surrounding spaces, repeated spaces or a leading "*" (Xero's
 * import template marks required columns so).
 */
export interface ExportProfile {
  /** Stable id, stored in the scorecard's definition: "shopify-orders". */
  readonly id: string;
  /** What a manager calls it: "Shopify orders export". */
  readonly name: string;
  readonly kind: Source;
  /** Where the layout comes from (the fixture's README cites it in full). */
  readonly source: string;
  /**
   * The recognition rule: every entry must be a header of the row (an entry with alternatives: one of
   * them). The profile with the most entries wins when several match.
   */
  readonly recognise: readonly (string | readonly string[])[];
  /** Headers that rule the profile out (a sheet with stars is no NPS export). */
  readonly unless?: readonly string[];
  /** The first header must be this one (Google Forms writes "Timestamp" first). */
  readonly first?: string;
  /** How many rows the header spans (SurveyMonkey 2, Qualtrics 3); the column names are on the first. */
  readonly headerRows?: number;
  /** Which of the header rows (0-based) holds each column's question text, when not the first (Qualtrics: 1). */
  readonly labelRow?: number;
  /** Column roles by header name: the first name the sheet has wins. */
  readonly columns: Partial<Record<Role, readonly string[]>>;
  /** Why a column plays its role, in a few words, by role ("the order's subtotal: after discounts, before tax and shipping"). */
  readonly notes?: Partial<Record<Role, string>>;
  /** Roles found among the other columns by their header words or question text (survey questions). */
  readonly guess?: readonly Role[];
  /** Columns never given a guessed role: system columns, derived columns ("Q1_NPS_GROUP"). */
  readonly ignore?: readonly (string | RegExp)[];
  /** Filter columns: the rows they leave out, keep or make returns. At most three are read (rules.ts MAX_FILTERS). */
  readonly filters?: readonly ProfileFilter[];
  /** Whose amount a row carries: 'order' (given once per order, on its first line or on every line) or 'line'. */
  readonly amounts?: 'order' | 'line';
  /** Rows whose amount is below zero are refunds (WooCommerce writes a refund as a row of its own). */
  readonly negativeReturns?: boolean;
  /**
   * Where the currency is written: a column of codes ("Currency": "USD"). With several, they go with the
   * amount columns in order (Stripe's Converted Currency with Converted Amount). Otherwise the header or the
   * values say.
   */
  readonly currencyColumn?: readonly string[];
  /**
   * The order's total and its tax, repeated on its lines, against which the amount's lines are checked before
   * a build: lines that add up to the total (not the total less the tax) include the tax (Xero's "Tax
   * Inclusive" line amounts), and the check says so instead of counting VAT as sales.
   */
  readonly netCheck?: { readonly total: string; readonly tax: string };
  /** Rows are data only where the date column holds a date (a report's group headings, subtotals and footer). */
  readonly rowsNeedDate?: boolean;
  /** What the header rows below the first hold, for the list of rows left out ("Response / Open-Ended Response"). */
  readonly headerRowsHold?: string;
  /** The decisions this profile makes where DOMAIN.md does not settle them, in words (the README lists them). */
  readonly decisions: readonly string[];
}

export interface ProfileFilter {
  /** The column, by header name (the first the sheet has). */
  readonly column: readonly string[];
  /** Values that leave a row (its whole order) out: "*" = any non-blank value. */
  readonly leave?: readonly string[];
  /** Values that keep a row: every other value leaves it out. */
  readonly keep?: readonly string[];
  /** Values that make a row a return (a refund or credit-note row): its amount is a return by value. */
  readonly returns?: readonly string[];
}

/** A header as profiles compare it: lower case, single spaces, no leading "*". */
export function headerKey(header: unknown): string {
  return String(header ?? '')
    .replace(/^\uFEFF/, '')
    .trim()
    .replace(/^\*+\s*/, '')
    .replace(/\s+/g, ' ')
    .toLowerCase();
}
