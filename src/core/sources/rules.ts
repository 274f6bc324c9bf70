import { fail } from '../values/errors';

/**
 * How a source table's rows are read, beyond which column plays which role: what an export profile
 * knows about its vendor (core/tables/profiles), or what the manager confirmed. Stored with the
 * scorecard's definition, and written into the source formulas as their `options` text so that the
 * live sheet applies the same rules as the command line.
 */
export interface SourceRules {
  /**
   * Whose amount a row carries. 'order': the amount (and cost, margin, refund) belongs to the order and
   * is given once per order id, on its first line or repeated on every line (Shopify, WooCommerce
   * line exports): counted once. 'line': every row's amount counts (an order's lines add up). Left out:
   * decided from the data (see salesLedger.ts).
   */
  readonly amounts?: 'line' | 'order';
  /**
   * Rows that are not sales or not answers: voided, failed, cancelled or test payments, unfinished
   * responses. Each rule names a filter column by its place among the formula's `filters` (0-based) and
   * the values that leave a row out (case-insensitive; "*" = any non-blank value, "" = a blank). An order
   * with one such row is left out whole. At most MAX_FILTERS.
   */
  readonly leaveOut?: readonly { readonly filter: number; readonly values: readonly string[] }[];
}

export const MAX_FILTERS = 3;

const AMOUNTS = new Set(['line', 'order']);

/** What a source formula's `options` text says: the rules, and where its ranges start on their sheet. */
export interface SourceOptions {
  readonly rules: SourceRules;
  /** The sheet row of the ranges' first cells (`row=4`), so that messages name sheet rows. */
  readonly firstRow?: number;
}

const OPTION_HELP = 'use amounts=order|line, leave1=value|value (rows to leave out by filter 1) and row=N (the first row of the ranges)';

/**
 * The `options` text of the source formulas, e.g. `amounts=order; leave1=voided|cancelled; leave2=*; row=4`.
 * Blank: no rules. Words are case-insensitive.
 */
export function parseOptions(text: string | undefined): SourceOptions {
  if (text === undefined || text.trim() === '') return { rules: {} };
  let amounts: SourceRules['amounts'];
  let firstRow: number | undefined;
  const leaveOut: { filter: number; values: string[] }[] = [];
  for (const part of text.split(';')) {
    const item = part.trim();
    if (item === '') continue;
    const at = item.indexOf('=');
    const key = (at < 0 ? item : item.slice(0, at)).trim().toLowerCase();
    const value = at < 0 ? '' : item.slice(at + 1).trim();
    const leave = /^leave([1-9])$/.exec(key);
    if (key === 'amounts') {
      const v = value.toLowerCase();
      if (!AMOUNTS.has(v)) fail(`options: amounts=${value} is not a rule; write amounts=order (one amount per order) or amounts=line`);
      amounts = v as 'line' | 'order';
    } else if (key === 'row') {
      const n = Number(value);
      if (!Number.isInteger(n) || n < 1) fail(`options: row=${value} must be the sheet row of the ranges' first cell, e.g. row=4`);
      firstRow = n;
    } else if (leave) {
      const filter = Number(leave[1]) - 1;
      if (filter >= MAX_FILTERS) fail(`options: ${key} names filter ${filter + 1}, but there are at most ${MAX_FILTERS} filters`);
      if (at < 0) fail(`options: ${key} needs the values that leave a row out, e.g. ${key}=cancelled|voided (${key}= alone: blank rows)`);
      leaveOut.push({ filter, values: value.split('|').map((v) => v.trim().toLowerCase()) });
    } else {
      fail(`options: "${item}" is not a rule; ${OPTION_HELP}`);
    }
  }
  const rules: SourceRules = { ...(amounts ? { amounts } : {}), ...(leaveOut.length ? { leaveOut } : {}) };
  return firstRow === undefined ? { rules } : { rules, firstRow };
}

/** The rules alone from an `options` text. */
export function parseRules(text: string | undefined): SourceRules {
  return parseOptions(text).rules;
}

/** The `options` text of some rules (and the ranges' first sheet row): parseOptions gives them back. */
export function formatOptions(rules: SourceRules, firstRow?: number): string {
  const parts: string[] = [];
  if (rules.amounts) parts.push(`amounts=${rules.amounts}`);
  for (const r of rules.leaveOut ?? []) parts.push(`leave${r.filter + 1}=${r.values.join('|')}`);
  if (firstRow !== undefined) parts.push(`row=${firstRow}`);
  return parts.join('; ');
}

/** Whether a filter value leaves its row out under one rule's values. */
export function leavesOut(values: readonly string[], cellText: string): boolean {
  const t = cellText.trim().toLowerCase();
  for (const v of values) {
    if (v === '*' ? t !== '' : v === t) return true;
  }
  return false;
}
