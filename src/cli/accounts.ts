/**
 * `leadlag accounts`: the key-account plan's numbers from CSV files, with the same core as the sheet
 * (core/accounts/plan.ts): tiers, revenue share against attention share, at-risk accounts and why, each
 * one's last answer and comment.
 *
 *   leadlag accounts --sales FILE [--feedback FILE] [--attention responses|none|FILE]
 *                    [--attention-customer Header] [--attention-hours Header] [--period month]
 *                    [--map role=Header ...] [--month-first] [--json]
 */
import { readFileSync } from 'node:fs';
import { parseCsv } from '../core/tables/csv';
import { parseJsonTable } from '../core/tables/json';
import { findTable } from '../core/tables/findTable';
import { type Column } from '../core/values/column';
import { InputError } from '../core/values/errors';
import { loadSource } from '../core/scorecard/source';
import { parsePeriod } from '../core/time/periods';
import { RUNTIME_ZONE } from '../core/time/zone';
import { type AccountPlan, type PlanAttention, accountPlan, tierSummary } from '../core/accounts/plan';
import { riskComment } from '../core/accounts/columns';
import { CliUsageError, runCommand } from './goals';

export const ACCOUNTS_USAGE = `Usage: leadlag accounts --sales FILE [--feedback FILE] [--attention responses|none|FILE]
                        [--attention-customer Header] [--attention-hours Header]
                        [--period month|quarter|week] [--map role=Header ...] [--month-first] [--json]

The key-account plan: tiers (A: the first 80% of revenue, B to 95%), each account's share of revenue
against its share of the attention, which are at risk and why, and each one's last answer. Attention is
--attention responses (the feedback file's answers per customer; the default with --feedback), or a CSV
of yours with a row per action, contact or visit (its customer column, and --attention-hours for hours).`;

interface AccountsArgs {
  sales: string;
  feedback?: string;
  attention?: string;
  attentionCustomer?: string;
  attentionHours?: string;
  period: string;
  maps: Record<string, string>;
  monthFirst: boolean;
  json: boolean;
}

function parseAccountsArgs(argv: readonly string[]): AccountsArgs {
  const a: AccountsArgs = { sales: '', period: 'month', maps: {}, monthFirst: false, json: false };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new CliUsageError(`${flag} needs a value\n\n${ACCOUNTS_USAGE}`);
      return v;
    };
    switch (flag) {
      case '--sales':
        a.sales = value();
        break;
      case '--feedback':
        a.feedback = value();
        break;
      case '--attention':
        a.attention = value();
        break;
      case '--attention-customer':
        a.attentionCustomer = value();
        break;
      case '--attention-hours':
        a.attentionHours = value();
        break;
      case '--period':
        a.period = value();
        if (!['month', 'quarter', 'week'].includes(a.period)) throw new CliUsageError('--period takes month, quarter or week');
        break;
      case '--map': {
        const text = value();
        const at = text.indexOf('=');
        if (at <= 0) throw new CliUsageError('--map takes role=Header, e.g. --map customer="Account name"');
        a.maps[text.slice(0, at).trim()] = text.slice(at + 1).trim();
        break;
      }
      case '--month-first':
        a.monthFirst = true;
        break;
      case '--json':
        a.json = true;
        break;
      default:
        throw new CliUsageError(`unknown option "${flag}"\n\n${ACCOUNTS_USAGE}`);
    }
  }
  if (!a.sales) throw new CliUsageError(`give the sales: --sales FILE\n\n${ACCOUNTS_USAGE}`);
  if (a.attention === 'responses' && !a.feedback)
    throw new CliUsageError('--attention responses counts the feedback file: give --feedback too');
  return a;
}

/** A file's table: CSV, or JSON for the exports that come only so (as the scorecard command reads them). */
function readGrid(path: string, read: (p: string) => string): string[][] {
  try {
    const text = read(path);
    return /\.json$/i.test(path) ? parseJsonTable(text) : parseCsv(text);
  } catch (e) {
    if (e instanceof InputError) throw new InputError(`${path}: ${e.message}`);
    throw new InputError(`cannot read ${path}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
  }
}

function need(cols: Readonly<Record<string, Column>>, role: string, path: string): Column {
  const c = cols[role];
  if (!c) throw new InputError(`${path}: no column holds the ${role.replace(/_/g, ' ')}; name it with --map ${role}="Header"`);
  return c;
}

export interface AccountsResult {
  period: string;
  trend_periods: AccountPlan['trendPeriods'];
  attention: { what: string; total: number | null; unmatched: number };
  tiers: ReturnType<typeof tierSummary>;
  accounts: {
    rank: number | null;
    customer: string;
    tier: string;
    revenue: number;
    share: number | null;
    attention: number | null;
    attention_share: number | null;
    ratio: number | null;
    attention_flag: string | null;
    revenue_change: number | null;
    at_risk: boolean;
    why: readonly string[];
    last_answer: string;
    comment: string;
  }[];
}

/** Everything but the I/O. Throws InputError or UsageError. */
export function accountsFromFiles(argv: readonly string[], read: (path: string) => string): { args: AccountsArgs; result: AccountsResult } {
  const args = parseAccountsArgs(argv);
  // The export's rules too (a vendor's voided or test rows left out, its return rows), as the sheet reads them.
  const salesSource = loadSource(args.sales, readGrid(args.sales, read), args.maps).source;
  const sales = salesSource.columns;
  let answers;
  let what = 'nothing';
  let attention: PlanAttention | 'answers' | undefined;
  if (args.feedback) {
    const f = loadSource(args.feedback, readGrid(args.feedback, read), args.maps);
    const comments = f.suggestions.filter((s) => s.role === 'comment').map((s) => s.column);
    const c = riskComment(f.table.headers, comments);
    const grid = readGrid(args.feedback, read);
    // Row for row with the source's other columns: a cell per file row from the first data row to the last,
    // blank where the row was left out (a blank or second header row in the middle).
    const data = new Set(f.table.dataRows);
    const first = f.table.dataRows[0];
    const comment: Column | undefined =
      c === null
        ? undefined
        : {
            cells: Array.from(f.source.rows ?? [], (row) => (data.has(row - 1) ? (grid[row - 1][f.table.firstCol + c] ?? '') : '')),
            width: 1,
            name: `${args.feedback} column "${f.table.headers[c]}"`,
            named: true,
            firstRow: first + 1,
          };
    const cols = f.source.columns;
    answers = {
      customers: need(cols, 'customer', args.feedback),
      dates: cols.date,
      scores: cols.referral_score,
      comparisons: cols.comparison,
      comments: comment,
      // The survey's rules, as the scorecard reads them (Qualtrics' unfinished, Typeform's partial responses).
      rules: f.source.rules,
      filters: f.source.filters,
    };
  }
  const kind = args.attention ?? (args.feedback ? 'responses' : 'none');
  if (kind === 'responses') {
    attention = 'answers';
    what = `survey responses in ${args.feedback}`;
  } else if (kind !== 'none') {
    const grid = readGrid(kind, read);
    const t = findTable(grid);
    const find = (header: string | undefined, fallback: RegExp, role: string): Column | undefined => {
      const j = header
        ? t.headers.findIndex((h) => h.toLowerCase() === header.toLowerCase())
        : t.headers.findIndex((h) => fallback.test(h));
      if (j < 0) {
        if (!header && role === 'hours') return undefined;
        throw new InputError(
          `${kind} has no column ${header ? `"${header}"` : `for the ${role}`}; name it with --attention-${role === 'hours' ? 'hours' : 'customer'} "Header"`,
        );
      }
      return {
        cells: t.dataRows.map((r) => grid[r][t.firstCol + j] ?? ''),
        width: 1,
        name: `${kind} column "${t.headers[j]}"`,
        named: true,
      };
    };
    attention = {
      customers: find(args.attentionCustomer, /customer|account|client|company/i, 'customer')!,
      amounts: args.attentionHours ? find(args.attentionHours, /$^/, 'hours') : undefined,
    };
    what = `rows of ${kind}${args.attentionHours ? ` (hours in "${args.attentionHours}")` : ''}`;
  }
  const spec = parsePeriod(args.period);
  const plan = accountPlan({
    sales: {
      customers: need(sales, 'customer', args.sales),
      amounts: need(sales, 'amount', args.sales),
      dates: need(sales, 'date', args.sales),
      orderIds: sales.order_id,
      rules: salesSource.rules,
      filters: salesSource.filters,
    },
    attention,
    answers,
    spec,
    dates: { zone: RUNTIME_ZONE, monthFirst: args.monthFirst },
  });
  return {
    args,
    result: {
      period: spec.kind,
      trend_periods: plan.trendPeriods,
      attention: { what, total: plan.attentionTotal, unmatched: plan.attentionUnmatched.rows },
      tiers: tierSummary(plan),
      accounts: plan.accounts.map((a) => ({
        rank: a.rank,
        customer: a.customer,
        tier: a.tier,
        revenue: a.revenue,
        share: a.share,
        attention: a.attention,
        attention_share: a.attentionShare,
        ratio: a.ratio,
        attention_flag: a.attentionFlag,
        revenue_change: a.trend?.change ?? null,
        at_risk: a.atRisk,
        why: a.reasons,
        last_answer: a.lastAnswer,
        comment: a.comment,
      })),
    },
  };
}

const pct = (v: number | null) => (v === null ? '' : `${(v * 100).toFixed(1)}%`);

/** The plan as a plain-text table: the tiers, then the accounts of tiers A and B (all of them are in --json). */
export function renderAccounts(r: AccountsResult): string {
  const out = [`Key-account plan (attention: ${r.attention.what})`, ''];
  for (const t of r.tiers)
    out.push(
      `  Tier ${t.tier}: ${t.accounts} accounts, ${pct(t.share)} of revenue${t.attentionShare === null ? '' : `, ${pct(t.attentionShare)} of attention`}`,
    );
  if (r.trend_periods) out.push('', `Revenue trend: ${r.trend_periods.last} against ${r.trend_periods.before}`);
  const header = ['#', 'Customer', 'Tier', 'Revenue', 'Share', 'Attention', 'Attention against share', 'At risk'];
  const rows = r.accounts
    .filter((a) => a.tier === 'A' || a.tier === 'B')
    .map((a) => [
      String(a.rank ?? ''),
      a.customer,
      a.tier,
      Math.round(a.revenue).toLocaleString('en-GB'),
      pct(a.share),
      pct(a.attention_share),
      a.attention_flag === 'starved' ? 'far less' : a.attention_flag === 'over-served' ? 'far more' : '',
      a.why.join('; '),
    ]);
  const widths = header.map((h, j) => Math.max(h.length, ...rows.map((row) => row[j].length)));
  const right = new Set([0, 3, 4, 5]);
  const line = (cells: string[]) =>
    cells
      .map((c, j) => (right.has(j) ? c.padStart(widths[j]) : c.padEnd(widths[j])))
      .join('  ')
      .trimEnd();
  out.push('', line(header), widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) out.push(line(row));
  const over = r.accounts.filter((a) => a.attention_flag === 'over-served');
  if (over.length) out.push('', `Far more attention than their share: ${over.map((a) => `${a.customer} (tier ${a.tier})`).join(', ')}`);
  return out.join('\n');
}

export function runAccounts(argv: readonly string[], out: (s: string) => void, err: (s: string) => void): number {
  return runCommand(
    () => {
      const { args, result } = accountsFromFiles(argv, (p) => readFileSync(p, 'utf8'));
      return args.json ? JSON.stringify(result, null, 2) : renderAccounts(result);
    },
    out,
    err,
  );
}
