import { type Cell } from '../../core/values/cell';
import { type Column } from '../../core/values/column';
import { type DateOptions } from '../../core/values/date';
import { InputError } from '../../core/values/errors';
import { findTable } from '../../core/tables/findTable';
import { formatOptions } from '../../core/sources/rules';
import { calendarSpec } from '../../core/time/periods';
import { UTC_ZONE } from '../../core/time/zone';
import { type AccountPlan, type PlanAttention, accountPlan, tierSummary } from '../../core/accounts/plan';
import { ATTENTION_WORDS, type AccountsDefinition, parseAccountsDefinition } from '../../core/accounts/definition';
import { type WorkbookPort, checkSettingFits } from '../ports/workbook';
import { BuildError, type ResolvedSource, resolveSource } from '../scorecard/resolve';
import { columnLetter, formulaString, openColumn } from '../scorecard/references';
import { TRACKER, readOwn } from '../tracker/sheets';
import { keyOf, keyedFootprint, parseKeyedFootprint, readBackKeyed } from '../goals/keep';
import { KeepConfirmation, ownSheet } from '../goals/own';
import { PLAN_COL, PLAN_HEADER_ROW, planAccounts } from './layout';

export const ACCOUNTS_TAG = 'leadlag:accounts';
export const ACCOUNTS_SHEET_KEY = 'leadlag.accounts.sheet';
export const ACCOUNTS_DEFINITION_KEY = 'leadlag.accounts.definition';
export const ACCOUNTS_FOOTPRINT_KEY = 'leadlag.accounts.footprint';
const NAMES = ['Key-account plan', 'Leadlag key-account plan'];

export interface AccountsBuildResult {
  readonly sheet: string;
  readonly accounts: number;
  readonly tiers: ReturnType<typeof tierSummary>;
  /** Tier A and B accounts at risk, largest first, with why. */
  readonly atRisk: readonly { readonly customer: string; readonly tier: string; readonly why: string }[];
  readonly starved: number;
  readonly overServed: number;
  readonly attention: string;
  readonly trendPeriods: AccountPlan['trendPeriods'];
  /** Each account's row on the sheet, by customer. */
  readonly rows: Readonly<Record<string, number>>;
}

export function storedAccounts(wb: WorkbookPort): AccountsDefinition | null {
  const text = wb.getSetting(ACCOUNTS_DEFINITION_KEY);
  if (!text) return null;
  try {
    return parseAccountsDefinition(JSON.parse(text));
  } catch {
    return null;
  }
}

const col = (s: ResolvedSource, role: string): Column | undefined => s.columns.columns[role];
const range = (s: ResolvedSource | undefined, role: string): string => s?.ranges[role as keyof ResolvedSource['ranges']] ?? '""';

/** What counts as attention, as columns for now (the build's own look) and as ranges for the formula. */
interface Attention {
  readonly now: PlanAttention | 'answers' | undefined;
  /** KEY_ACCOUNT_PLAN's attention_from: "answers" counts the answers its rules keep. */
  readonly from?: 'answers';
  readonly customers: string;
  readonly amounts: string;
  readonly words: string;
}

function attentionOf(wb: WorkbookPort, def: AccountsDefinition, answers: ResolvedSource | undefined): Attention | 'typed' {
  const a = def.attention;
  const none = { now: undefined, customers: '""', amounts: '""', words: 'Attention is not counted.' };
  switch (a.kind) {
    case 'none':
      return none;
    case 'typed':
      return 'typed';
    case 'responses': {
      if (!answers) throw new BuildError('Survey responses count as attention only with the answers sheet: choose it in the wizard.');
      return {
        now: 'answers',
        from: 'answers',
        customers: '""',
        amounts: '""',
        words: `Attention counted: survey responses on "${answers.sheet}", one per answer.`,
      };
    }
    case 'actions': {
      const t = readOwn(wb, TRACKER);
      const j = t?.cols.at.get('customer');
      if (!t || j === undefined)
        throw new BuildError(
          'There is no improvement tracker with a Customer column yet. Set up a customer survey (its unhappy answers become actions), or choose another way to count attention.',
        );
      const cells = t.grid.slice(1).map((r) => r[j] ?? '');
      return {
        now: { customers: { cells, width: 1, name: `"${t.name}" column "Customer"`, named: true, firstRow: 2 } },
        customers: openColumn(t.name, j, 2),
        amounts: '""',
        words: `Attention counted: actions on "${t.name}", one per action naming the customer.`,
      };
    }
    case 'sheet': {
      const sheet = wb.sheet(a.sheet!);
      if (!sheet)
        throw new BuildError(`The sheet "${a.sheet}" (what counts as attention) is not in this spreadsheet any more. Choose it again.`);
      const grid = sheet.readValues();
      let t;
      try {
        t = findTable(grid);
      } catch (e) {
        throw new BuildError(`"${a.sheet}": ${(e as Error).message}`);
      }
      const at = (h: string) => {
        const j = t.headers.findIndex((x) => x.trim().toLowerCase() === h.trim().toLowerCase());
        if (j < 0) throw new BuildError(`"${a.sheet}" has no column "${h}" any more. Choose what counts as attention again.`);
        return t.firstCol + j;
      };
      const from = t.headerRow + 2;
      const colOf = (j: number, h: string): Column => ({
        cells: grid.slice(from - 1).map((r) => r[j] ?? ''),
        width: 1,
        name: `"${a.sheet}" column "${h}"`,
        named: true,
        firstRow: from,
      });
      const c = at(a.customer!);
      const h = a.amount ? at(a.amount) : null;
      return {
        now: { customers: colOf(c, a.customer!), amounts: h === null ? undefined : colOf(h, a.amount!) },
        customers: openColumn(a.sheet!, c, from),
        amounts: h === null ? '""' : openColumn(a.sheet!, h, from),
        words: `Attention counted: ${h === null ? `rows of "${a.sheet}", one per row naming the customer` : `the hours in "${a.amount}" of "${a.sheet}"`}.`,
      };
    }
  }
}

export interface AccountsBuildOptions {
  readonly dates?: DateOptions;
  readonly force?: boolean;
}

/**
 * Builds (or rebuilds) the key-account plan: one read of each source sheet and of the plan itself (what was
 * typed), then one block, one batch of styles, one set of rules, whatever the number of rows or accounts.
 */
export function buildAccounts(
  wb: WorkbookPort,
  def: AccountsDefinition,
  builtAt: string,
  options: AccountsBuildOptions = {},
): AccountsBuildResult {
  const dates = options.dates ?? { zone: UTC_ZONE, monthFirst: false };
  checkSettingFits(wb, ACCOUNTS_DEFINITION_KEY, JSON.stringify(def), 'The key-account plan');
  const sales = resolveSource(wb, 'sales', def.sales);
  const answers = def.answers ? resolveSource(wb, 'feedback', def.answers) : undefined;
  const target = ownSheet(wb, ACCOUNTS_TAG, NAMES, wb.getSetting(ACCOUNTS_SHEET_KEY));
  const footprint = parseKeyedFootprint(wb.getSetting(ACCOUNTS_FOOTPRINT_KEY));
  const kept = target.exists && footprint ? readBackKeyed(wb.sheet(target.name)!.readValues(), footprint) : null;
  if (kept?.added.length && !options.force)
    throw new KeepConfirmation(target.name, kept.added, 'What you typed in the plan columns is always kept, by customer.');
  const typedKept = kept?.typed ?? new Map<string, Readonly<Record<string, Cell>>>();
  const att = attentionOf(wb, def, answers);

  // What the formula will show, computed now from the same core: the accounts, in the order the rows take.
  const spec = calendarSpec(def.period);
  const answerCols = answers
    ? {
        customers: col(answers, 'customer')!,
        dates: col(answers, 'date'),
        scores: col(answers, 'referral_score'),
        comparisons: col(answers, 'comparison'),
        comments: col(answers, 'comment'),
        rules: answers.columns.rules,
        filters: answers.columns.filters,
      }
    : undefined;
  const salesCols = {
    customers: col(sales, 'customer')!,
    amounts: col(sales, 'amount')!,
    dates: col(sales, 'date')!,
    orderIds: col(sales, 'order_id'),
    rules: sales.columns.rules,
    filters: sales.columns.filters,
  };
  let plan: AccountPlan;
  try {
    // Typed hours are counted after the rows are known: first the accounts, then their kept hours.
    plan = accountPlan({ sales: salesCols, answers: answerCols, spec, dates, attention: att === 'typed' ? undefined : att.now });
    if (att === 'typed') {
      const names = plan.accounts.map((a) => a.customer);
      const hours = names.map((n) => typedKept.get(keyOf(n))?.hours ?? '');
      plan = accountPlan({
        sales: salesCols,
        answers: answerCols,
        spec,
        dates,
        attention: {
          customers: { cells: names, width: 1, name: 'the plan’s customers', named: true },
          amounts: { cells: hours, width: 1, name: 'the plan’s hours / visits', named: true },
        },
      });
    }
  } catch (e) {
    if (e instanceof InputError) throw new BuildError(e.message);
    throw e;
  }
  const customers = plan.accounts.map((a) => a.customer);
  const H = columnLetter(PLAN_COL.hours);
  const hoursCol = `$${H}$${PLAN_HEADER_ROW + 1}:$${H}$${PLAN_HEADER_ROW + Math.max(1, customers.length)}`;
  const attention =
    att === 'typed'
      ? { customers: '', amounts: hoursCol, words: 'Attention counted: the hours or visits you type in the last column, per account.' }
      : att;
  const filters = sales.filterRanges.length ? sales.filterRanges : [];
  const args = (listed: string) =>
    [
      range(sales, 'customer'),
      range(sales, 'amount'),
      range(sales, 'date'),
      formulaString(def.period),
      range(sales, 'order_id'),
      formulaString(formatOptions(sales.columns.rules ?? {}, sales.firstRow)),
      filters[0] ?? '""',
      filters[1] ?? '""',
      filters[2] ?? '""',
      att === 'typed' ? listed : attention.customers,
      attention.amounts,
      range(answers, 'customer'),
      range(answers, 'date'),
      range(answers, 'referral_score'),
      range(answers, 'comparison'),
      range(answers, 'comment'),
      answers ? formulaString(formatOptions(answers.columns.rules ?? {}, answers.firstRow)) : '""',
      answers?.filterRanges[0] ?? '""',
      answers?.filterRanges[1] ?? '""',
      answers?.filterRanges[2] ?? '""',
      formulaString(att !== 'typed' && att.from ? att.from : 'rows'),
      listed,
    ].join(', ');
  const reads =
    `Reads "${sales.sheet}" (rows ${sales.dataFrom}–${sales.dataTo} and any pasted below)` +
    `${answers ? ` and the answers on "${answers.sheet}"` : ''}. Built ${builtAt}. Revenue is counted as the scorecard counts it; ` +
    `the revenue trend compares the last 3 complete ${plan.periodWord}s with the 3 before${plan.trendPeriods ? ` (${plan.trendPeriods.last} against ${plan.trendPeriods.before})` : ''}.`;
  const sheetPlan = planAccounts({
    customers,
    formula: (listed) => `KEY_ACCOUNT_PLAN(${args(listed)})`,
    typedHours: att === 'typed',
    kept: typedKept,
    title: 'Key-account plan: the best customers get the best of you, in proportion',
    reads,
    attention:
      `${attention.words} Far less: a tier A or B account with under half its share of the revenue; far more: over twice it ` +
      '(gaps under half a point of all the attention are left alone). Fill in the plan columns: they are kept when the plan is rebuilt.',
    periodWord: plan.periodWord,
  });
  const footprintValue = JSON.stringify(
    keyedFootprint(sheetPlan.block, sheetPlan.spills, {
      key: PLAN_COL.customer,
      first: sheetPlan.first,
      last: sheetPlan.last,
      typed: sheetPlan.typed,
    }),
  );
  checkSettingFits(wb, ACCOUNTS_FOOTPRINT_KEY, footprintValue, 'The key-account plan');

  const sheet = target.exists ? wb.sheet(target.name)! : wb.insertSheet(target.name);
  if (target.exists) sheet.clear();
  else wb.setSheetTag(target.name, ACCOUNTS_TAG);
  sheet.writeBlock(1, 1, sheetPlan.block);
  sheet.applyStyles(sheetPlan.styles);
  sheet.setConditionalRules(sheetPlan.rules);
  sheet.setFrozen(sheetPlan.frozen.rows, sheetPlan.frozen.cols);
  sheet.setColumnWidths(sheetPlan.widths);
  wb.setSetting(ACCOUNTS_SHEET_KEY, target.name);
  wb.setSetting(ACCOUNTS_DEFINITION_KEY, JSON.stringify(def));
  wb.setSetting(ACCOUNTS_FOOTPRINT_KEY, footprintValue);
  const rows: Record<string, number> = {};
  customers.forEach((c, i) => (rows[c] = sheetPlan.first + i));
  return {
    sheet: target.name,
    accounts: plan.accounts.length,
    tiers: tierSummary(plan),
    atRisk: plan.accounts.filter((a) => a.atRisk).map((a) => ({ customer: a.customer, tier: a.tier, why: a.reasons.join('; ') })),
    starved: plan.accounts.filter((a) => a.attentionFlag === 'starved').length,
    overServed: plan.accounts.filter((a) => a.attentionFlag === 'over-served').length,
    attention: def.attention.kind === 'none' ? ATTENTION_WORDS.none : attention.words,
    trendPeriods: plan.trendPeriods,
    rows,
  };
}
