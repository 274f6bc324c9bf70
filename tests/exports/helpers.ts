import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { type Args, scorecardFromFiles } from '../../src/cli/main';
import { MemoryWorkbook } from '../../src/server/adapters/memory/memoryWorkbook';
import { createHandlers, dispatch } from '../../src/server/handlers';
import { guessSheet } from '../../src/sidebar/detect';
import { initialDraft, toDefinition } from '../../src/sidebar/draft';
import { checkDefinition, type ScorecardDefinition, type SourceRefDef } from '../../src/core/scorecard/definition';
import { type Source } from '../../src/core/scorecard/measures';
import { type DefinitionReview } from '../../src/core/scorecard/plausibility';
import { tableOfFile } from '../../src/preview/workbook';
import { sourceFormula } from '../../src/server/scorecard/dataSheet';
import { resolveSource } from '../../src/server/scorecard/resolve';
import { calendarSpec } from '../../src/core/time/periods';
import { type SheetTable } from '../../src/rpc/contract';
import { RUNTIME_ZONE } from '../../src/core/time/zone';

/** The vendor fixtures (tests/fixtures/exports): folder, kind, and the export file in it. */
export const FIXTURES = join(__dirname, '..', 'fixtures', 'exports');

export interface Vendor {
  readonly folder: string;
  readonly kind: Source;
  /** The export file, relative to the folder. */
  readonly file: string;
  readonly profile: string;
}

function findFile(dir: string, re: RegExp): string {
  for (const f of readdirSync(dir)) {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) {
      const inner = findFile(p, re);
      if (inner) return inner;
    } else if (re.test(f) && f !== 'expected.json') return p;
  }
  return '';
}

const file = (folder: string, re: RegExp) => relative(join(FIXTURES, folder), findFile(join(FIXTURES, folder), re));

export const VENDORS: readonly Vendor[] = [
  { folder: 'shopify-orders', kind: 'sales', file: 'orders_export.csv', profile: 'shopify-orders' },
  { folder: 'woocommerce-orders', kind: 'sales', file: 'orders-report.csv', profile: 'woocommerce-orders' },
  { folder: 'square-item-sales', kind: 'sales', file: file('square-item-sales', /\.csv$/), profile: 'square-item-sales' },
  { folder: 'stripe-payments', kind: 'sales', file: 'unified_payments.csv', profile: 'stripe-payments' },
  { folder: 'quickbooks-sales', kind: 'sales', file: 'Sales by Customer Detail.csv', profile: 'quickbooks-sales' },
  { folder: 'xero-invoices', kind: 'sales', file: 'Invoices.csv', profile: 'xero-invoices' },
  { folder: 'google-forms', kind: 'feedback', file: 'Customer feedback (Responses).csv', profile: 'google-forms' },
  { folder: 'surveymonkey', kind: 'feedback', file: 'Customer Satisfaction Survey.csv', profile: 'surveymonkey' },
  { folder: 'typeform', kind: 'feedback', file: 'responses.csv', profile: 'typeform' },
  { folder: 'qualtrics', kind: 'feedback', file: file('qualtrics', /\.csv$/), profile: 'qualtrics' },
  { folder: 'delighted', kind: 'feedback', file: 'survey_responses.json', profile: 'delighted' },
  { folder: 'generic-nps', kind: 'feedback', file: 'nps.csv', profile: 'generic-nps' },
  {
    folder: 'google-business-profile-reviews',
    kind: 'reviews',
    file: file('google-business-profile-reviews', /^reviews.*\.json$/),
    profile: 'google-business-profile-reviews',
  },
  { folder: 'trustpilot-reviews', kind: 'reviews', file: 'reviews.csv', profile: 'trustpilot-reviews' },
];

export const vendor = (folder: string): Vendor => VENDORS.find((v) => v.folder === folder)!;
export const pathOf = (v: Vendor): string => join(FIXTURES, v.folder, v.file);

/** A fixture's known answers (compute_expected.py). */
export interface Expected {
  revenue?: Record<string, number>;
  orders?: Record<string, number>;
  returns_value?: Record<string, number>;
  skipped_rows?: { line: number; reason: string }[];
  nps?: Record<string, number | null>;
  csat?: Record<string, number | null>;
  nps_counts?: Record<string, { n: number }>;
  review_response?: Record<string, number | null>;
  low_reviews?: Record<string, number>;
}

export const expected = (v: Vendor): Expected => JSON.parse(readFileSync(join(FIXTURES, v.folder, 'expected.json'), 'utf8')) as Expected;

/** The months of a fixture's answers. */
export const monthsOf = (e: Expected): string[] => Object.keys(e.revenue ?? e.nps ?? e.review_response ?? {}).sort();

/** Per month: revenue, orders and returns by value (sales); NPS, its answers and CSAT (feedback); review response and low reviews. */
export interface Monthly {
  revenue?: Record<string, number | null>;
  orders?: Record<string, number | null>;
  returns_value?: Record<string, number | null>;
  nps?: Record<string, number | null>;
  nps_n?: Record<string, number | null>;
  csat?: Record<string, number | null>;
  review_response?: Record<string, number | null>;
  low_reviews?: Record<string, number | null>;
}

const round = (x: number | null | undefined, digits: number): number | null =>
  x === null || x === undefined ? null : Math.round(x * 10 ** digits) / 10 ** digits;

/** The known answers in the shape both readings are compared in (money to cents, NPS to 4 decimals, shares to 6). */
export function knownMonthly(e: Expected): Monthly {
  const months = monthsOf(e);
  const pick = (m: Record<string, number | null> | undefined, digits: number) =>
    m ? Object.fromEntries(months.map((k) => [k, round(m[k], digits)])) : undefined;
  const out: Monthly = {};
  if (e.revenue) {
    out.revenue = pick(e.revenue, 2);
    out.orders = pick(e.orders, 0);
    out.returns_value = pick(e.returns_value, 2);
  }
  if (e.nps) {
    out.nps = pick(e.nps, 4);
    out.nps_n = e.nps_counts ? Object.fromEntries(months.map((k) => [k, e.nps_counts![k].n])) : undefined;
    // An export without a satisfaction question (Delighted, the generic sheet) has no CSAT row at all.
    if (Object.values(e.csat ?? {}).some((x) => x !== null)) out.csat = pick(e.csat, 6);
  }
  if (e.review_response) {
    out.review_response = pick(e.review_response, 6);
    out.low_reviews = pick(e.low_reviews, 0);
  }
  return out;
}

/** A tiny feedback table, for reading a reviews export (the command line needs sales or feedback). */
const CLOCK = join(FIXTURES, 'generic-nps', 'nps.csv');

/** The command line's reading of a fixture (no --map), as per-month numbers. */
export function cliMonthly(v: Vendor, extra: Partial<Args> = {}): Monthly {
  const e = expected(v);
  const months = monthsOf(e);
  const files: Partial<Record<Source, string>> = { [v.kind]: pathOf(v) };
  if (v.kind === 'reviews') files.feedback = CLOCK;
  const r = scorecardFromFiles({
    files,
    period: 'month',
    periods: 24,
    maps: {},
    targets: {},
    monthFirst: false,
    json: true,
    ...extra,
  });
  const by = (id: string) => r.measures.find((m) => m.id === id);
  const per = (id: string, of: 'values' | 'counts', digits: number, scale = 1): Record<string, number | null> | undefined => {
    const m = by(id);
    if (!m) return undefined;
    if (m.problem) throw new Error(`${v.folder}: ${id} not counted: ${m.problem}`);
    return Object.fromEntries(
      months.map((k) => {
        const at = r.periods.indexOf(k);
        const x = at < 0 ? null : m[of][at];
        return [k, round(x === null ? null : x * scale, digits)];
      }),
    );
  };
  const out: Monthly = {};
  if (v.kind === 'sales') {
    out.revenue = per('revenue', 'values', 2);
    out.orders = per('orders', 'values', 0);
    const rr = by('return_rate');
    out.returns_value = rr
      ? Object.fromEntries(
          months.map((k) => {
            const at = r.periods.indexOf(k);
            const rate = rr.values[at];
            const sold = rr.counts[at];
            return [k, round(rate === null || sold === null ? 0 : rate * sold, 2)];
          }),
        )
      : undefined;
  } else if (v.kind === 'feedback') {
    out.nps = per('nps', 'values', 4);
    out.nps_n = per('nps', 'counts', 0);
    const csat = by('csat');
    if (csat) out.csat = per('csat', 'values', 6);
  } else {
    out.review_response = per('review_response', 'values', 6);
    out.low_reviews = per('review_response', 'counts', 0);
  }
  return out;
}

/** The command line's rows left out by the rules, by the file line they start on (the command line names lines). */
export function cliLeftOut(v: Vendor): { line: number; reason: string }[] {
  const r = scorecardFromFiles({
    files: { [v.kind]: pathOf(v) },
    period: 'month',
    periods: 12,
    maps: {},
    targets: {},
    monthFirst: false,
    json: true,
  });
  return r.skipped.filter((s) => /^column "/.test(s.reason)).map((s) => ({ line: s.row, reason: s.reason }));
}

/** A memory workbook seeded with a fixture as a pasted sheet (the local preview's seeding). */
export function previewWorkbook(v: Vendor, sheet = 'Data'): MemoryWorkbook {
  const tables: Record<string, string[][]> = { [sheet]: tableOfFile(pathOf(v)) };
  if (v.kind === 'reviews') tables.Clock = tableOfFile(CLOCK);
  return MemoryWorkbook.fromPasted(tables);
}

export function handlersFor(wb: MemoryWorkbook) {
  return createHandlers({
    wb,
    spreadsheetName: () => 'Fixtures',
    timestamp: () => '2026-12-01 10:00',
    withLock: (fn) => fn(),
    dates: () => ({ zone: RUNTIME_ZONE, monthFirst: false }),
  });
}

/**
 * The wizard's definition, as the sidebar makes it from what the server sends (readTables, then the
 * sidebar's guesses and draft), for a sheet chosen as `kind`.
 */
export function wizardDefinition(wb: MemoryWorkbook, sheets: Partial<Record<Source, string>>): ScorecardDefinition {
  const handlers = handlersFor(wb);
  const tables = dispatch(handlers, 'readTables', {}) as SheetTable[];
  const guesses = tables.map(guessSheet);
  const draft = initialDraft(guesses, null);
  draft.sources = {};
  for (const [kind, sheet] of Object.entries(sheets) as [Source, string][]) {
    const g = guesses.find((x) => x.table.sheet === sheet)!;
    draft.sources[kind] = { sheet, roles: [...g.roles] };
  }
  return checkDefinition(toDefinition(draft, guesses) as Parameters<typeof checkDefinition>[0]);
}

/** The server's checks of a definition (what the wizard shows before Build). */
export function checkOf(wb: MemoryWorkbook, def: ScorecardDefinition): DefinitionReview {
  return dispatch(handlersFor(wb), 'checkScorecard', { definition: def }) as DefinitionReview;
}

/**
 * A source formula over a definition's source, exactly as the scorecard's data sheet writes it
 * (src/server/scorecard/dataSheet.ts: the ranges from the first data row down, below every header row; the
 * definition's rules and filter columns as its options and filters). Written into a sheet of the workbook;
 * returns the spilled table (Measure, Note, periods…).
 */
export function sourceFormulaTable(wb: MemoryWorkbook, kind: Source, ref: SourceRefDef): (string | number | null)[][] {
  const formula = sourceFormula(resolveSource(wb, kind, ref), calendarSpec('month'), '', { period: 'quarter', lastDays: 7 });
  const name = `Series ${kind}`;
  const sheet = wb.insertSheet(name);
  sheet.writeBlock(1, 1, [[{ formula }]]);
  return wb.computedValues(name) as (string | number | null)[][];
}

/** The preview's reading of a fixture: the wizard's definition, its source formula computed in the sheet. */
export function previewMonthly(v: Vendor): {
  monthly: Monthly;
  def: ScorecardDefinition;
  wb: MemoryWorkbook;
  table: (string | number | null)[][];
} {
  const wb = previewWorkbook(v);
  const sheets: Partial<Record<Source, string>> = { [v.kind]: 'Data' };
  if (v.kind === 'reviews') sheets.feedback = 'Clock';
  const def = wizardDefinition(wb, sheets);
  const table = sourceFormulaTable(wb, v.kind, def.sources[v.kind]!);
  const months = monthsOf(expected(v));
  const header = table[0].map(String);
  const row = (id: string) => table.find((r) => r[0] === id);
  const per = (id: string, digits: number, scale = 1): Record<string, number | null> | undefined => {
    const r = row(id);
    if (!r) return undefined;
    if (
      r[1] &&
      typeof r[1] === 'string' &&
      !/^(orders|answers|low reviews|value sold|units sold|orders due)?$/.test(r[1]) &&
      !id.endsWith(':n')
    )
      throw new Error(`${v.folder}: ${id}: ${r[1]}`);
    return Object.fromEntries(
      months.map((k) => {
        const at = header.indexOf(k);
        const x = at < 0 ? null : r[at];
        return [k, typeof x === 'number' ? round(x * scale, digits) : null];
      }),
    );
  };
  const monthly: Monthly = {};
  if (v.kind === 'sales') {
    monthly.revenue = per('revenue', 2);
    monthly.orders = per('orders', 0);
    const rate = row('return_rate');
    const sold = row('return_rate:n');
    monthly.returns_value = Object.fromEntries(
      months.map((k) => {
        const at = header.indexOf(k);
        const a = rate?.[at];
        const b = sold?.[at];
        return [k, round(typeof a === 'number' && typeof b === 'number' ? a * b : 0, 2)];
      }),
    );
  } else if (v.kind === 'feedback') {
    monthly.nps = per('nps', 4);
    monthly.nps_n = per('nps:n', 0);
    const csat = row('csat');
    if (csat && csat.slice(2).some((x) => typeof x === 'number')) monthly.csat = per('csat', 6);
  } else {
    monthly.review_response = per('review_response', 6);
    monthly.low_reviews = per('review_response:n', 0);
  }
  return { monthly, def, wb, table };
}
