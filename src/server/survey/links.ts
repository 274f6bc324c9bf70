import { findTable } from '../../core/tables/findTable';
import { distinctCustomers } from '../../core/survey/links';
import { parseDefinition } from '../../core/scorecard/definition';
import type { Prefill } from '../ports/forms';
import type { WriteCell } from '../ports/workbook';
import { fitCell } from '../ports/workbook';
import { DEFINITION_KEY } from '../scorecard/build';
import { LINKS, ensureOwn, findOwn } from '../tracker/sheets';
import { type AutomationContext, type LinksState, readRecord, readSetup, updateSettings } from './automation';

/** The most links the sheet lists (customers × roles); past it the sheet says how many were left out. */
export const MAX_LINKS = 20000;

/** The Sales sheet's customers, from the stored scorecard's sales source (its Customer column), or why there are none. */
export function salesCustomers(ctx: AutomationContext): { customers: string[]; problem: string | null } {
  const { wb } = ctx;
  let sales;
  try {
    sales = parseDefinition(JSON.parse(wb.getSetting(DEFINITION_KEY) ?? 'null')).sources.sales;
  } catch {
    sales = undefined;
  }
  const none = (problem: string) => ({ customers: [], problem });
  if (!sales)
    return none(
      'Build the scorecard from your sales data first (Extensions › Leadlag › Build scorecard): the links go to the customers of its Sales sheet.',
    );
  const header = sales.columns.customer;
  if (!header)
    return none(
      `The scorecard's sales data ("${sales.sheet}") has no Customer column: choose it in the scorecard wizard, then update the links.`,
    );
  const grid = wb.sheet(sales.sheet)?.readValues();
  if (!grid) return none(`The sheet "${sales.sheet}" (the scorecard's sales data) is not in this spreadsheet any more.`);
  let t;
  try {
    t = findTable(grid);
  } catch (e) {
    return none(`"${sales.sheet}": ${(e as Error).message}`);
  }
  const norm = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();
  const j = t.headers.findIndex((h) => norm(h) === norm(header));
  if (j < 0) return none(`"${sales.sheet}" has no column "${header}" any more: confirm the columns in the scorecard wizard.`);
  const customers = distinctCustomers(t.dataRows.map((i) => grid[i][t.firstCol + j]));
  return { customers, problem: customers.length ? null : `"${sales.sheet}" lists no customers in "${header}".` };
}

/**
 * The "Survey links" sheet: for every customer of the Sales sheet, a link to each of the latest forms (one
 * per role, or the one form with the role chosen) that fills in the customer's company and role, so that
 * answers join the customer's sales in KEY_ACCOUNTS and name them on the tracker. The manager mail-merges
 * it. Written whole each time (never a user's sheet: the add-on's own, tagged). Returns what it holds.
 */
export function writeLinks(ctx: AutomationContext): LinksState {
  const { wb, auto } = ctx;
  const record = readRecord(auto.props);
  const at = auto.stamp();
  if (!record) return { sheet: findOwn(wb, LINKS), customers: 0, links: 0, problem: 'Create a survey first.', at };
  const latest = record.forms.filter((f) => f.run === record.run);
  const roles = readSetup(auto.props)?.roles ?? [];
  const { customers, problem } = salesCustomers(ctx);
  const rows: WriteCell[][] = [];
  let count = 0;
  for (const f of latest) {
    const forRoles: readonly (string | null)[] = f.role !== null ? [f.role] : roles.length ? roles : [null];
    const wanted: Prefill[] = [];
    const who: [string, string][] = [];
    for (const c of customers)
      for (const r of forRoles) {
        if (count + wanted.length >= MAX_LINKS) break;
        wanted.push(f.role === null && r ? { customer: c, role: r } : { customer: c });
        who.push([c, r ?? '']);
      }
    if (!wanted.length) continue;
    const urls = auto.forms.prefilled(f.id, wanted, f.columns);
    urls.forEach((u, i) =>
      rows.push([{ text: fitCell(who[i][0]) }, { text: fitCell(who[i][1]) }, { text: fitCell(f.title) }, { text: u }]),
    );
    count += urls.length;
  }
  const own = ensureOwn(wb, LINKS);
  own.sheet.clear();
  own.sheet.writeBlock(1, 1, [LINKS.columns.map((c) => ({ text: c.header }))]);
  LINKS.init(own.sheet);
  const total = customers.length * latest.reduce((n, f) => n + (f.role !== null ? 1 : Math.max(1, roles.length)), 0);
  if (rows.length) own.sheet.writeBlock(2, 1, rows);
  const cut = total > count ? `Only the first ${MAX_LINKS} links are listed (of ${total}).` : null;
  const state: LinksState = { sheet: own.name, customers: customers.length, links: count, problem: problem ?? cut, at };
  updateSettings(auto.props, { links: state });
  return state;
}
