import type { AccountsBuilt, AccountsSetup, Handler } from '../../rpc/contract';
import { type AccountsDefinition, checkAccountsDefinition } from '../../core/accounts/definition';
import { parseDefinition, type ScorecardDefinition, type SourceRefDef } from '../../core/scorecard/definition';
import { UTC_ZONE } from '../../core/time/zone';
import { type DateOptions } from '../../core/values/date';
import { isMonthFirstLocale } from '../../core/values/locale';
import { isBlank } from '../../core/values/cell';
import { type WorkbookPort } from '../ports/workbook';
import { DEFINITION_KEY } from '../scorecard/build';
import { RESPONSES, TRACKER, readOwn } from '../tracker/sheets';
import { KeepConfirmation } from '../goals/own';
import { ACCOUNTS_SHEET_KEY, ACCOUNTS_TAG, buildAccounts, storedAccounts } from './build';

export interface AccountsDeps {
  readonly wb: WorkbookPort;
  readonly timestamp: () => string;
  readonly withLock: <T>(fn: () => T) => T;
  /** How the spreadsheet reads dates (its zone and locale); left out: UTC and the workbook's locale. */
  readonly dates?: () => DateOptions;
  readonly userError: (message: string) => Error;
}

export type AccountsCall = 'accountsSetup' | 'buildAccounts' | 'rebuildAccounts';

export function ownAccounts(wb: WorkbookPort): string | null {
  const name = wb.getSetting(ACCOUNTS_SHEET_KEY);
  return name && wb.sheetNames().includes(name) && wb.getSheetTag(name) === ACCOUNTS_TAG ? name : null;
}

function storedScorecard(wb: WorkbookPort): ScorecardDefinition | null {
  const text = wb.getSetting(DEFINITION_KEY);
  try {
    return text ? parseDefinition(JSON.parse(text)) : null;
  } catch {
    return null;
  }
}

const ANSWER_ROLES = ['customer', 'date', 'referral_score', 'comparison', 'comment'] as const;
const SALES_ROLES = ['customer', 'amount', 'date', 'order_id'] as const;

function only(ref: SourceRefDef, roles: readonly string[]): SourceRefDef {
  const columns: Record<string, string> = {};
  for (const r of roles) {
    const h = ref.columns[r as keyof SourceRefDef['columns']];
    if (h) columns[r] = h;
  }
  return { ...ref, columns };
}

/**
 * The plan's defaults: the scorecard's sales (with its reading rules) and its feedback when that names the
 * customer, else the survey's responses sheet; attention from the survey responses where there are answers,
 * else from the tracker's actions, else none.
 */
function suggest(wb: WorkbookPort): AccountsDefinition | null {
  const sc = storedScorecard(wb);
  const sales = sc?.sources.sales;
  if (!sales?.columns.customer || !sales.columns.amount || !sales.columns.date) return null;
  let answers: SourceRefDef | undefined;
  const fb = sc?.sources.feedback;
  if (fb?.columns.customer && (fb.columns.referral_score || fb.columns.comparison)) answers = only(fb, ANSWER_ROLES);
  else {
    const r = readOwn(wb, RESPONSES);
    if (r) {
      const header = (id: Parameters<typeof r.cols.at.get>[0]) => {
        const j = r.cols.at.get(id);
        return j === undefined ? undefined : String(r.grid[0]?.[j] ?? '').trim() || undefined;
      };
      const columns: Record<string, string> = {};
      for (const [role, id] of [
        ['customer', 'customer'],
        ['date', 'at'],
        ['referral_score', 'referral'],
        ['comparison', 'comparison'],
        ['comment', 'dissatisfies'],
      ] as const) {
        const h = header(id);
        if (h) columns[role] = h;
      }
      if (columns.customer) answers = { sheet: r.name, columns };
    }
  }
  const tracker = readOwn(wb, TRACKER);
  const kind = answers ? 'responses' : tracker ? 'actions' : 'none';
  return {
    version: 1,
    period: sc?.period ?? 'month',
    sales: only(sales, SALES_ROLES),
    ...(answers ? { answers } : {}),
    attention: { kind },
  };
}

export function accountsHandlers(deps: AccountsDeps): { [N in AccountsCall]: Handler<N> } {
  const { wb } = deps;
  // Asked for on each call (as the scorecard's checks do), not when the handlers are made.
  const dates = (): DateOptions => deps.dates?.() ?? { zone: UTC_ZONE, monthFirst: isMonthFirstLocale(wb.locale()) };
  const build = (def: AccountsDefinition, force: boolean): AccountsBuilt =>
    deps.withLock(() => {
      try {
        const r = buildAccounts(wb, def, deps.timestamp(), { dates: dates(), force });
        wb.activate?.(r.sheet);
        return {
          sheet: r.sheet,
          accounts: r.accounts,
          tiers: r.tiers,
          atRisk: r.atRisk.slice(0, 12),
          atRiskCount: r.atRisk.length,
          starved: r.starved,
          overServed: r.overServed,
          attention: r.attention,
          confirm: null,
        };
      } catch (e) {
        if (!(e instanceof KeepConfirmation)) throw e;
        return {
          sheet: e.sheet,
          accounts: 0,
          tiers: [],
          atRisk: [],
          atRiskCount: 0,
          starved: 0,
          overServed: 0,
          attention: '',
          confirm: { sheet: e.sheet, cells: e.cells, message: e.message },
        };
      }
    });
  return {
    accountsSetup(): AccountsSetup {
      const tracker = readOwn(wb, TRACKER);
      const responses = readOwn(wb, RESPONSES);
      const count = (grid: readonly (readonly unknown[])[]) => grid.slice(1).filter((r) => r.some((c) => !isBlank(c as string))).length;
      return {
        stored: storedAccounts(wb),
        sheet: ownAccounts(wb),
        suggested: suggest(wb),
        tracker: tracker ? { sheet: tracker.name, actions: count(tracker.grid) } : null,
        responses: responses ? { sheet: responses.name, rows: count(responses.grid) } : null,
      };
    },
    buildAccounts({ definition, force }) {
      let def: AccountsDefinition;
      try {
        def = checkAccountsDefinition(definition);
      } catch (e) {
        throw deps.userError((e as Error).message);
      }
      return build(def, force === true);
    },
    rebuildAccounts({ force }) {
      const def = storedAccounts(wb);
      if (!def) throw deps.userError('There is no key-account plan to rebuild yet. Open Leadlag and build it with Key-account plan.');
      return build(def, force === true);
    },
  };
}
