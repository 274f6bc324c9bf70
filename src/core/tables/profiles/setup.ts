import { type Cell } from '../../values/cell';
import { type CurrencyFound, detectCurrency } from '../../values/currency';
import { type FilterRule, MAX_FILTERS, type SourceRules } from '../../sources/rules';
import { type Role } from '../roles';
import { type RoleSuggestion, suggestRoles } from '../suggestRoles';
import { findHeader, headerKey, profileById } from './index';
import { profileSuggestions } from './roles';

/** What a table looks like to the guessers: its headers, and the profile and question texts it was found with. */
export interface TableHeaders {
  readonly headers: readonly string[];
  readonly profile?: string | null;
  readonly labels?: readonly string[] | null;
}

/** Each column's role: by the export's profile when the table was recognised as one, else guessed (suggestRoles). */
export function suggestTableRoles(table: TableHeaders, columns: readonly (readonly Cell[])[]): RoleSuggestion[] {
  const profile = profileById(table.profile);
  if (profile) return profileSuggestions(profile, table.headers, columns, table.labels ?? undefined);
  return suggestRoles(table.headers, columns);
}

/**
 * Payment, order and response statuses that are not sales or not answers (DOMAIN.md "Lag measures": voided,
 * failed, cancelled or test payments), for a status column of a sheet no profile knows.
 */
export const STATUS_LEAVE_OUT: readonly string[] = [
  'void',
  'voided',
  'failed',
  'declined',
  'cancelled',
  'canceled',
  'test',
  'deleted',
  'draft',
  'trash',
];

/** How a source's rows are read (rules.ts), the header names of the filter columns they read, and the amounts' currency. */
export interface SourceSetup {
  readonly rules: SourceRules;
  readonly filters: string[];
  readonly profile?: string;
  readonly currency: CurrencyFound;
}

/**
 * The rules a table is read by: its profile's (filters by header name, amounts per order or per line, refund
 * rows) when it was recognised, else the generic ones (a status column leaves out voided, failed, cancelled
 * and test rows). A profile's amount rules hold only for its own amount column: a manager who picks another
 * column gets the data's own reading. `mapping` is role → column index; `columns` the data cells per column.
 */
export function sourceSetup(
  table: TableHeaders,
  mapping: Readonly<Partial<Record<Role, number>>>,
  columns: readonly (readonly Cell[])[],
): SourceSetup {
  return { ...sourceRules(table, mapping), currency: amountCurrency(table, mapping, (j) => columns[j] ?? []) };
}

/** sourceSetup but the currency: what the headers and the mapping alone decide (a streamed file knows them from its first lines). */
export function sourceRules(table: TableHeaders, mapping: Readonly<Partial<Record<Role, number>>>): Omit<SourceSetup, 'currency'> {
  const profile = profileById(table.profile);
  const headers = table.headers;
  const filters: string[] = [];
  const leaveOut: FilterRule[] = [];
  const returns: FilterRule[] = [];
  const filterOf = (at: number): number => {
    const name = headers[at];
    let k = filters.indexOf(name);
    if (k < 0 && filters.length < MAX_FILTERS) k = filters.push(name) - 1;
    return k;
  };
  let rules: SourceRules = {};
  if (profile) {
    for (const f of profile.filters ?? []) {
      const at = findHeader(headers, f.column);
      if (at < 0) continue;
      const k = filterOf(at);
      if (k < 0) continue;
      const low = (v: readonly string[]) => v.map((x) => x.trim().toLowerCase());
      if (f.leave) leaveOut.push({ filter: k, values: low(f.leave) });
      if (f.keep) leaveOut.push({ filter: k, values: low(f.keep), keep: true });
      if (f.returns) returns.push({ filter: k, values: low(f.returns) });
    }
    const own = mapping.amount !== undefined && mapping.amount === findHeader(headers, profile.columns.amount);
    rules = {
      ...(own && profile.amounts ? { amounts: profile.amounts } : {}),
      ...(own && profile.negativeReturns ? { negatives: 'returns' as const } : {}),
    };
  } else if (mapping.status !== undefined) {
    leaveOut.push({ filter: filterOf(mapping.status), values: [...STATUS_LEAVE_OUT] });
  }
  if (leaveOut.length) rules = { ...rules, leaveOut };
  if (returns.length) rules = { ...rules, returns };
  return { rules, filters, ...(profile ? { profile: profile.id } : {}) };
}

/** Where the amounts' currency may be written: the amount column and the column of currency codes that goes with it (-1: none). */
export function currencyColumns(table: TableHeaders, mapping: Readonly<Partial<Record<Role, number>>>): { amount: number; code: number } {
  const amount = mapping.amount;
  if (amount === undefined) return { amount: -1, code: -1 };
  const profile = profileById(table.profile);
  const headers = table.headers;
  // A profile's code columns go with its amount columns in order (Stripe: Converted Amount → Converted Currency,
  // Amount → Currency); a single code column goes with any amount.
  const k = profile ? (profile.columns.amount ?? []).findIndex((n) => headerKey(n) === headerKey(headers[amount])) : -1;
  const paired = profile && k >= 0 && profile.currencyColumn && profile.currencyColumn.length > 1 ? profile.currencyColumn[k] : undefined;
  return { amount, code: findHeader(headers, profile ? (paired ? [paired] : profile.currencyColumn) : ['Currency', 'Currency Code']) };
}

/**
 * The amounts' currency (core/values/currency.ts): from the code column, the amount's header or its values;
 * for a recognised export whose amount says nothing, from another of its money columns. `cells(j)` gives the
 * data cells of column j (only the values that carry a currency matter: CurrencySigns), asked for only when
 * needed.
 */
export function amountCurrency(
  table: TableHeaders,
  mapping: Readonly<Partial<Record<Role, number>>>,
  cells: (j: number) => readonly Cell[],
): CurrencyFound {
  const none: CurrencyFound = { code: undefined, mixed: [], from: '' };
  const { amount, code: codeAt } = currencyColumns(table, mapping);
  if (amount < 0) return none;
  const profile = profileById(table.profile);
  const headers = table.headers;
  const code = codeAt >= 0 ? { header: headers[codeAt], cells: cells(codeAt) } : undefined;
  const found = detectCurrency(headers[amount], () => cells(amount), code);
  if (found.code || found.mixed.length || !profile) return found;
  // The amount is written bare: another money column of the same export may carry the sign (WooCommerce's
  // formatted total); one shop, one currency.
  for (let j = 0; j < headers.length; j++) {
    if (j === amount) continue;
    const other = detectCurrency(headers[j], () => cells(j));
    if (other.code) return other;
  }
  return none;
}

/** A source as the scorecard's definition stores it (core/scorecard/definition.ts SourceRef), nothing empty written. */
export interface SourceRefInput {
  sheet: string;
  columns: Record<string, string>;
  rules?: SourceRules;
  filters?: string[];
  profile?: string;
  currency?: string;
}

/**
 * The definition's entry for a sheet: role → header name for the chosen columns, and the rules, filter
 * columns, profile and currency its setup gives (sourceSetup). The sidebar's wizard and the server's
 * suggested definition both write it so, so they cannot disagree.
 */
export function sourceRefFor(
  sheet: string,
  table: TableHeaders,
  mapping: Readonly<Partial<Record<Role, number>>>,
  columns: readonly (readonly Cell[])[],
): SourceRefInput {
  const setup = sourceSetup(table, mapping, columns);
  const ref: SourceRefInput = { sheet, columns: {} };
  for (const [role, index] of Object.entries(mapping) as [Role, number][]) ref.columns[role] = table.headers[index];
  if (Object.keys(setup.rules).length) ref.rules = setup.rules;
  if (setup.filters.length) ref.filters = setup.filters;
  if (setup.profile) ref.profile = setup.profile;
  if (setup.currency.code) ref.currency = setup.currency.code;
  return ref;
}
