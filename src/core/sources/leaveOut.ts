import { type Column } from '../values/column';
import { type SourceRules, ruleLeavesOut } from './rules';

/** How a filter cell reads for the leave-out rules: trimmed text ('' for blank). */
export function filterText(c: unknown): string {
  if (c === null || c === undefined) return '';
  if (c instanceof Date) return isNaN(c.getTime()) ? '' : String(c.getTime());
  return String(c).trim();
}

/**
 * Which rows the leave-out rules take out (voided or test payments, unfinished responses), with the
 * reason for each: `group` (an order per row, −1 for rows that do not count at all) spreads a rule over
 * every row of a group, since an export often gives an order's status on its first line only.
 */
export function leftOutRows(
  filters: readonly (Column | undefined)[] | undefined,
  rules: SourceRules,
  group: Int32Array,
  groups: number,
): { readonly out: Uint8Array; readonly reason: (row: number) => string } {
  const n = group.length;
  const outGroup = new Uint8Array(groups);
  const why = new Map<number, string>();
  for (const rule of rules.leaveOut ?? []) {
    const col = filters?.[rule.filter];
    if (!col) continue;
    const rows = col.rows;
    for (let i = 0; i < n; i++) {
      const g = group[i];
      if (g < 0 || outGroup[g]) continue;
      const t = filterText(rows ? rows[i][0] : col.cells[i]);
      if (!ruleLeavesOut(rule, t)) continue;
      outGroup[g] = 1;
      const is = t === '' ? `${col.name} is blank` : `${col.name} is "${t.length > 40 ? `${t.slice(0, 37)}...` : t}"`;
      why.set(g, rule.keep ? `${is} (only ${rule.values.map((v) => `"${v}"`).join(' or ')} counts)` : is);
    }
  }
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) if (group[i] >= 0 && outGroup[group[i]]) out[i] = 1;
  return { out, reason: (row) => why.get(group[row]) ?? 'left out by a rule' };
}
