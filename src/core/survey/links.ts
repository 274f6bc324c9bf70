import { type Cell, dateCellText, isBlank } from '../values/cell';

/**
 * The customers a survey's pre-filled links go to: the Sales sheet's customers, each once. Names are told
 * apart as KEY_ACCOUNTS tells them apart (case and spaces ignored, the first spelling kept), so that an
 * answer given through a customer's link lands on that customer's row there; total rows are left out.
 */
const TOTAL = /^(grand\s+)?(sub)?totals?:?$/i;

export const customerKey = (name: string): string => name.trim().replace(/\s+/g, ' ').toLowerCase();

export function distinctCustomers(cells: readonly Cell[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const c of cells) {
    if (isBlank(c) || typeof c === 'boolean') continue;
    const name = (c instanceof Date ? dateCellText(c) : String(c)).trim().replace(/\s+/g, ' ');
    if (!name || TOTAL.test(name)) continue;
    const k = customerKey(name);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(name);
  }
  return out;
}
