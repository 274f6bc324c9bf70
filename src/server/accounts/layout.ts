import { type Cell } from '../../core/values/cell';
import { type ConditionalRule, type StyledRange, type WriteCell } from '../ports/workbook';
import { columnLetter } from '../scorecard/references';
import { PLAN_HEADERS } from '../../core/accounts/headers';
import { type Rect } from '../goals/keep';

/**
 * The key-account plan sheet, as a pure plan (written by build.ts in one block). One row per account, in the
 * order of revenue when built and keyed by the customer's name in column A; everything else on the row
 * comes from one KEY_ACCOUNT_PLAN formula over the source ranges (listed in column A's order, so it lines up
 * with the rows and with the manager's own columns beside it): tier, shares, attention, flags, risk, the last
 * answer. The plan columns (owner, desired result, next review, next action, and hours or visits when they
 * are what counts as attention) are typed, and kept by customer on rebuilds. Above the table, per tier:
 * accounts, revenue share, attention share and accounts at risk, native formulas over the table.
 */
export const PLAN_COL = {
  customer: 0,
  /** The first column of the KEY_ACCOUNT_PLAN spill (Rank). */
  spill: 1,
  tier: 2,
  revenue: 3,
  share: 4,
  attention: 5,
  attentionShare: 6,
  ratio: 7,
  attentionFlag: 8,
  atRisk: 9,
  why: 10,
  trend: 11,
  lastAnswer: 12,
  comment: 13,
  owner: 14,
  desired: 15,
  review: 16,
  action: 17,
  hours: 18,
} as const;

export const PLAN_HEADER_ROW = 10;

export const PLAN_TYPED_HEADERS = {
  owner: 'Owner',
  desired: 'Desired result (in the customer’s words)',
  review: 'Next review',
  action: 'Next action',
  hours: 'Hours / visits',
} as const;

export type PlanTyped = keyof typeof PLAN_TYPED_HEADERS;

export interface PlanLayoutInput {
  /** The customers in the order of the rows (largest first when built). */
  readonly customers: readonly string[];
  /** The KEY_ACCOUNT_PLAN arguments after `listed`'s place is filled in: the formula text, less its last argument. */
  readonly formula: (listed: string) => string;
  /** Hours or visits are typed on the plan: the column is there, and the formula reads it. */
  readonly typedHours: boolean;
  readonly kept: ReadonlyMap<string, Readonly<Record<string, Cell>>>;
  readonly title: string;
  readonly reads: string;
  readonly attention: string;
  readonly periodWord: string;
}

export interface PlanSheetPlan {
  readonly block: WriteCell[][];
  readonly styles: StyledRange[];
  readonly rules: ConditionalRule[];
  readonly widths: { col: number; width: number }[];
  readonly frozen: { rows: number; cols: number };
  readonly spills: Rect[];
  readonly first: number;
  readonly last: number;
  readonly typed: Readonly<Record<string, number>>;
}

const SECTION = '#f1f3f4';
const GREY = '#5f6368';

export function planAccounts(input: PlanLayoutInput): PlanSheetPlan {
  const width = (input.typedHours ? PLAN_COL.hours : PLAN_COL.action) + 1;
  const first = PLAN_HEADER_ROW + 1;
  const n = Math.max(1, input.customers.length);
  const last = first + n - 1;
  const rows: WriteCell[][] = [];
  const put = (cells: WriteCell[]): number => {
    const row = new Array<WriteCell>(width).fill(null);
    cells.forEach((c, i) => (row[i] = c));
    rows.push(row);
    return rows.length;
  };
  const L = (c: number) => columnLetter(c);
  const span = (c: number) => `$${L(c)}$${first}:$${L(c)}$${last}`;
  put([{ text: input.title }]);
  put([{ text: input.reads }]);
  put([{ text: input.attention }]);
  put([]);
  put([{ text: 'Per tier: accounts, their share of the revenue and of the attention, and how many are at risk' }]);
  for (const tier of ['A', 'B', 'C'] as const) {
    const share = (c: number) => `TEXT(SUMIF(${span(PLAN_COL.tier)}, "${tier}", ${span(c)}), "0.0%")`;
    put([
      {
        formula:
          `"Tier ${tier}: "&COUNTIF(${span(PLAN_COL.tier)}, "${tier}")&" accounts, "&${share(PLAN_COL.share)}&" of revenue, "&` +
          `${share(PLAN_COL.attentionShare)}&" of attention, "&COUNTIFS(${span(PLAN_COL.tier)}, "${tier}", ${span(PLAN_COL.atRisk)}, TRUE())&" at risk"`,
      },
    ]);
  }
  put([]);
  const header = put([{ text: 'Customer' }]);
  const typed: Record<string, number> = {
    owner: PLAN_COL.owner,
    desired: PLAN_COL.desired,
    review: PLAN_COL.review,
    action: PLAN_COL.action,
  };
  if (input.typedHours) typed.hours = PLAN_COL.hours;
  for (const [id, col] of Object.entries(typed)) rows[header - 1][col] = { text: PLAN_TYPED_HEADERS[id as PlanTyped] };
  rows[header - 1][PLAN_COL.spill] = { formula: input.formula(span(PLAN_COL.customer)) };
  for (const name of input.customers) {
    const kept = input.kept.get(name.replace(/\s+/g, ' ').trim().toLowerCase()) ?? {};
    const row = put([{ text: name }]);
    for (const [id, col] of Object.entries(typed)) {
      const v = kept[id];
      if (v === undefined || v === null || v === '') continue;
      rows[row - 1][col] = typeof v === 'string' ? { text: v } : v;
    }
  }
  if (!input.customers.length) put([{ text: '(no accounts yet)' }]);
  put([]); // the spill's last row: the accounts it does not list
  const spills: Rect[] = [[header, PLAN_COL.spill + 1, last + 1, PLAN_COL.spill + PLAN_HEADERS.length]];

  const lastCol = L(width - 1);
  const styles: StyledRange[] = [
    { a1: 'A1:A1', bold: true, fontSize: 14 },
    { a1: 'A2:A3', italic: true, color: GREY },
    { a1: 'A5:A5', bold: true },
    { a1: `A${header}:${lastCol}${header}`, bold: true, background: SECTION, wrap: true },
    { a1: `A${first}:A${last}`, bold: true },
    { a1: `${L(PLAN_COL.tier)}${first}:${L(PLAN_COL.tier)}${last}`, align: 'center' },
    { a1: `${L(PLAN_COL.revenue)}${first}:${L(PLAN_COL.revenue)}${last}`, numberFormat: '#,##0' },
    { a1: `${L(PLAN_COL.share)}${first}:${L(PLAN_COL.share)}${last}`, numberFormat: '0.0%' },
    { a1: `${L(PLAN_COL.attentionShare)}${first}:${L(PLAN_COL.attentionShare)}${last}`, numberFormat: '0.0%' },
    { a1: `${L(PLAN_COL.ratio)}${first}:${L(PLAN_COL.ratio)}${last}`, numberFormat: '0.00' },
    { a1: `${L(PLAN_COL.trend)}${first}:${L(PLAN_COL.trend)}${last}`, numberFormat: '+0%;-0%;0%' },
    { a1: `${L(PLAN_COL.why)}${first}:${L(PLAN_COL.why)}${last}`, wrap: true },
    { a1: `${L(PLAN_COL.comment)}${first}:${L(PLAN_COL.comment)}${last}`, wrap: true, color: GREY },
    { a1: `${L(PLAN_COL.review)}${first}:${L(PLAN_COL.review)}${last}`, numberFormat: 'yyyy-mm-dd' },
    { a1: `${L(PLAN_COL.desired)}${first}:${L(PLAN_COL.action)}${last}`, wrap: true },
    { a1: `${L(PLAN_COL.spill)}${last + 1}:${L(PLAN_COL.spill)}${last + 1}`, italic: true, color: GREY },
  ];
  const risk = `$${L(PLAN_COL.atRisk)}${first}`;
  const flag = `${L(PLAN_COL.attentionFlag)}${first}:${L(PLAN_COL.attentionFlag)}${last}`;
  const rules: ConditionalRule[] = [
    { a1: `A${first}:${L(PLAN_COL.atRisk)}${last}`, formula: `=${risk}=TRUE()`, background: '#fce8e6', color: '#c5221f' },
    { a1: flag, textEquals: 'Far less than its share', background: '#fef7e0', color: '#b06000', bold: true },
    { a1: flag, textEquals: 'Far more than its share', background: '#e8f0fe', color: '#1967d2', bold: true },
    { a1: `A${first}:${L(PLAN_COL.comment)}${last}`, formula: `=$${L(PLAN_COL.tier)}${first}="C"`, background: '#ffffff', color: GREY },
  ];
  const widths = [240, 48, 48, 90, 72, 76, 80, 80, 170, 60, 340, 96, 230, 320, 120, 280, 90, 280, 90]
    .slice(0, width)
    .map((w, i) => ({ col: i + 1, width: w }));
  return { block: rows, styles, rules, widths, frozen: { rows: header, cols: 1 }, spills, first, last, typed };
}
