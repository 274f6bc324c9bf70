import { type AccountAtRisk, accountsAtRisk } from '../../core/accounts/atRisk';
import { customerKey } from '../../core/measures/keyAccounts';
import { readStatus } from '../../core/measures/improvementSummary';
import { moneyFormat } from '../../core/values/currency';
import { type DateOptions } from '../../core/values/date';
import { type PeriodSpec } from '../../core/time/periods';
import { type Source } from '../../core/scorecard/measures';
import { type WorkbookPort, type WriteCell } from '../ports/workbook';
import { TRACKER, readOwn } from '../tracker/sheets';
import { type ScorecardPanel } from './layout';
import { type ResolvedSource } from './resolve';

/** The panel's title and column headers: written here, read back by summary.ts for the weekly mail. */
export const AT_RISK_TITLE = 'Key accounts at risk';
export const AT_RISK_HEADERS = ['Account', 'Tier', 'Last answer', 'Revenue', 'Why', 'Actions', 'Comment'] as const;

/** The most accounts the panel lists; the rest are counted, and the Key-account plan lists them all. */
export const AT_RISK_ROWS = 15;

/** Open and in-progress tracker actions by customer (their IDs), so the panel says what is being done. */
function openActions(wb: WorkbookPort): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const t = readOwn(wb, TRACKER);
  if (!t) return out;
  const at = (id: 'id' | 'customer' | 'status') => t.cols.at.get(id) ?? -1;
  const [id, customer, status] = [at('id'), at('customer'), at('status')];
  if (id < 0 || customer < 0 || status < 0) return out;
  t.grid.forEach((r, i) => {
    const st = readStatus(String(r[status] ?? ''));
    if (!i || (st !== 'open' && st !== 'in progress')) return;
    const key = customerKey(String(r[customer] ?? ''));
    out.set(key, [...(out.get(key) ?? []), `#${String(r[id])}`]);
  });
  return out;
}

/**
 * "Key accounts at risk" on the scorecard (issue 15): the A and B accounts whose latest answer is a
 * detractor or "worse" (core/accounts/atRisk.ts), largest first, with revenue, the last answer's day and
 * comment, and their open tracker actions. Computed when built from the same core as the command line
 * (the Key-account plan sheet keeps the live, full list). Null without customers on the sales and feedback.
 */
export function atRiskPanel(
  wb: WorkbookPort,
  sources: Partial<Record<Source, ResolvedSource>>,
  spec: PeriodSpec,
  dates: DateOptions,
  builtAt: string,
  currency: string | undefined,
): ScorecardPanel | null {
  if (!sources.sales || !sources.feedback) return null;
  let list: AccountAtRisk[] | null;
  try {
    list = accountsAtRisk(sources.sales.columns, sources.feedback.columns, spec, dates);
  } catch {
    return null; // a column the plan cannot read: the measures say why; the panel is left out
  }
  if (!list) return null;
  const actions = openActions(wb);
  const rows: WriteCell[][] = [AT_RISK_HEADERS.map((h) => ({ text: h }))];
  for (const a of list.slice(0, AT_RISK_ROWS)) {
    const cells: Record<(typeof AT_RISK_HEADERS)[number], WriteCell> = {
      Account: { text: a.customer },
      Tier: { text: a.tier },
      'Last answer': { text: a.lastDay },
      Revenue: Math.round(a.revenue * 100) / 100,
      Why: { text: a.whyWords },
      Actions: { text: (actions.get(customerKey(a.customer)) ?? []).join(', ') || 'none open' },
      Comment: { text: a.commentWords },
    };
    rows.push(AT_RISK_HEADERS.map((h) => cells[h]));
  }
  rows.push([
    {
      text: list.length
        ? `${list.length} ${list.length === 1 ? 'account' : 'accounts'} at risk as built ${builtAt}${list.length > AT_RISK_ROWS ? ` (the ${AT_RISK_ROWS} largest shown)` : ''}; the key-account plan (Open Leadlag › Goals and key accounts › Build a key-account plan) keeps the full list, live.`
        : `No tier A or B account's latest answer is a detractor or "worse" (as built ${builtAt}).`,
    },
  ]);
  return {
    title: `${AT_RISK_TITLE}: the A and B accounts whose latest answer is a detractor (0–6) or "worse"`,
    rows,
    headerRows: [0],
    formats: { [AT_RISK_HEADERS.indexOf('Revenue')]: moneyFormat(currency) },
  };
}
