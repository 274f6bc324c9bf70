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
   * the values that leave a row out (case-insensitive; "*" = any non-blank value, "" = a blank); with
   * `keep`, the values that keep a row (every other value leaves it out: Qualtrics' Finished = True).
   * An order with one such row is left out whole. At most MAX_FILTERS.
   */
  readonly leaveOut?: readonly FilterRule[];
  /**
   * Rows that are returns, written as rows of their own (a refund row, a credit memo, a credit note):
   * the size of their amount is a return by value in their own period (DOMAIN.md "Lag measures"); they
   * are neither sales nor orders. By a filter column's values, and with `negatives: 'returns'` every row
   * whose amount is below zero (WooCommerce's refund rows).
   */
  readonly returns?: readonly FilterRule[];
  readonly negatives?: 'returns';
  /** The satisfaction scale (5, 7, 10) and its top box; left out: 5 and 2, or the scale its labels say (csat.ts). */
  readonly scale?: number;
  readonly topBox?: number;
}

/** A rule over one filter column: its place among the filters, and the values it matches. */
export interface FilterRule {
  readonly filter: number;
  readonly values: readonly string[];
  /** Leave-out only: the values keep a row, and every other value (a blank too) leaves it out. */
  readonly keep?: true;
}

export const MAX_FILTERS = 3;

const AMOUNTS = new Set(['line', 'order']);

/** What a source formula's `options` text says: the rules, and where its ranges start on their sheet. */
export interface SourceOptions {
  readonly rules: SourceRules;
  /** The sheet row of the ranges' first cells (`row=4`), so that messages name sheet rows. */
  readonly firstRow?: number;
}

const OPTION_HELP =
  'use amounts=order|line, leave1=value|value (rows to leave out by filter 1), keep1=value (rows to keep), ' +
  'return1=value (rows that are returns), negatives=returns, scale=5|7|10, top=2 and row=N (the first row of the ranges)';

function whole(key: string, value: string, min: number, max: number, example: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max)
    fail(`options: ${key}=${value} must be a whole number from ${min} to ${max}, e.g. ${example}`);
  return n;
}

/**
 * The `options` text of the source formulas, e.g. `amounts=order; leave1=voided|cancelled; leave2=*; row=4`.
 * Blank: no rules. Words are case-insensitive.
 */
export function parseOptions(text: string | undefined): SourceOptions {
  if (text === undefined || text.trim() === '') return { rules: {} };
  let amounts: SourceRules['amounts'];
  let negatives: SourceRules['negatives'];
  let firstRow: number | undefined;
  let scale: number | undefined;
  let topBox: number | undefined;
  const leaveOut: FilterRule[] = [];
  const returns: FilterRule[] = [];
  for (const part of text.split(';')) {
    const item = part.trim();
    if (item === '') continue;
    const at = item.indexOf('=');
    const key = (at < 0 ? item : item.slice(0, at)).trim().toLowerCase();
    const value = at < 0 ? '' : item.slice(at + 1).trim();
    const byFilter = /^(leave|keep|return)([1-9])$/.exec(key);
    if (key === 'amounts') {
      const v = value.toLowerCase();
      if (!AMOUNTS.has(v)) fail(`options: amounts=${value} is not a rule; write amounts=order (one amount per order) or amounts=line`);
      amounts = v as 'line' | 'order';
    } else if (key === 'row') {
      const n = Number(value);
      if (!Number.isInteger(n) || n < 1) fail(`options: row=${value} must be the sheet row of the ranges' first cell, e.g. row=4`);
      firstRow = n;
    } else if (key === 'negatives') {
      if (value.toLowerCase() !== 'returns')
        fail(`options: negatives=${value} is not a rule; write negatives=returns (rows below zero are refunds)`);
      negatives = 'returns';
    } else if (key === 'scale') {
      scale = whole(key, value, 2, 100, 'scale=7');
    } else if (key === 'top') {
      topBox = whole(key, value, 1, 99, 'top=2');
    } else if (byFilter) {
      const filter = Number(byFilter[2]) - 1;
      if (filter >= MAX_FILTERS) fail(`options: ${key} names filter ${filter + 1}, but there are at most ${MAX_FILTERS} filters`);
      if (at < 0) fail(`options: ${key} needs the values that leave a row out, e.g. ${key}=cancelled|voided (${key}= alone: blank rows)`);
      const values = value.split('|').map((v) => v.trim().toLowerCase());
      if (byFilter[1] === 'return') returns.push({ filter, values });
      else leaveOut.push(byFilter[1] === 'keep' ? { filter, values, keep: true } : { filter, values });
    } else {
      fail(`options: "${item}" is not a rule; ${OPTION_HELP}`);
    }
  }
  const rules: SourceRules = {
    ...(amounts ? { amounts } : {}),
    ...(leaveOut.length ? { leaveOut } : {}),
    ...(returns.length ? { returns } : {}),
    ...(negatives ? { negatives } : {}),
    ...(scale !== undefined ? { scale } : {}),
    ...(topBox !== undefined ? { topBox } : {}),
  };
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
  for (const r of rules.leaveOut ?? []) parts.push(`${r.keep ? 'keep' : 'leave'}${r.filter + 1}=${r.values.join('|')}`);
  for (const r of rules.returns ?? []) parts.push(`return${r.filter + 1}=${r.values.join('|')}`);
  if (rules.negatives) parts.push(`negatives=${rules.negatives}`);
  if (rules.scale !== undefined) parts.push(`scale=${rules.scale}`);
  if (rules.topBox !== undefined) parts.push(`top=${rules.topBox}`);
  if (firstRow !== undefined) parts.push(`row=${firstRow}`);
  return parts.join('; ');
}

/** The filters (by place) the rules read: each must be given. */
export function filtersRead(rules: SourceRules): number[] {
  const out = new Set<number>();
  for (const r of [...(rules.leaveOut ?? []), ...(rules.returns ?? [])]) out.add(r.filter);
  return [...out].sort((a, b) => a - b);
}

/** Whether a filter value matches one rule's values (case-insensitive; "*" any non-blank, "" a blank). */
export function matches(values: readonly string[], cellText: string): boolean {
  const t = cellText.trim().toLowerCase();
  for (const v of values) {
    if (v === '*' ? t !== '' : v === t) return true;
  }
  return false;
}

/** Whether a filter value leaves its row out under one rule's values. */
export function leavesOut(values: readonly string[], cellText: string): boolean {
  return matches(values, cellText);
}

/** Whether a leave-out rule (a keep rule too) takes out a row with this filter value. */
export function ruleLeavesOut(rule: FilterRule, cellText: string): boolean {
  return rule.keep ? !matches(rule.values, cellText) : matches(rule.values, cellText);
}
