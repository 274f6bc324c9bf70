/**
 * Property tests of the formula contract (DOMAIN.md "Cell values"): for every formula in FUNCTIONS and
 * any arguments Sheets (or a careless caller) could pass, runFormula either returns a value whose every
 * cell is a finite number (never -0), a string or a boolean, in a rectangular table, or throws an Error
 * whose message starts with `${name}: ` and does not say "could not compute" (the runtime's wording for
 * an internal bug).
 */
import fc from 'fast-check';
import { FUNCTIONS } from '../../src/functions/registry';
import { runFormula } from '../../src/functions/runtime';
import { contextFor } from '../../src/functions/context';
import type { FormulaContext, FormulaDef } from '../../src/functions/types';
import type { Cell } from '../../src/core/values/cell';
import { UTC_ZONE } from '../../src/core/time/zone';
import { LONDON } from '../core/time/testZones';

const NOW = Date.UTC(2026, 4, 15, 12);
const CONTEXTS: FormulaContext[] = [
  contextFor({ zone: UTC_ZONE, locale: 'en_GB', now: () => NOW }),
  contextFor({ zone: LONDON, locale: 'en_US', now: () => NOW }),
];
const RUNS = Number(process.env.PROP_RUNS ?? 200);

// ----------------------------------------------------------------------------------------------
// Arguments
// ----------------------------------------------------------------------------------------------

const pad2 = (n: number) => String(n).padStart(2, '0');
const MON = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const dateText = fc
  .tuple(
    fc.integer({ min: 2019, max: 2027 }),
    fc.integer({ min: 1, max: 12 }),
    fc.integer({ min: 1, max: 31 }),
    fc.integer({ min: 0, max: 6 }),
  )
  .map(
    ([y, m, d, form]) =>
      [
        `${y}-${pad2(m)}-${pad2(d)}`,
        `${pad2(d)}/${pad2(m)}/${y}`,
        `${pad2(m)}/${pad2(d)}/${y}`,
        `${d} ${MON[m - 1]} ${y}`,
        `${MON[m - 1]} ${d}, ${y}`,
        `${y}-${pad2(m)}`,
        `${y}-${pad2(m)}-${pad2(d)}T10:00:00Z`,
      ][form],
  );

/** Cells that make sense somewhere: dates, scores, labels, amounts, option words, period labels. */
const plausibleCell: fc.Arbitrary<Cell> = fc.oneof(
  dateText,
  fc.integer({ min: 0, max: 11 }),
  fc.integer({ min: 43000, max: 47000 }), // serial numbers 2017–2028
  fc.double({ min: -1e6, max: 1e6, noNaN: true }),
  fc.date({ min: new Date(Date.UTC(2018, 0, 1)), max: new Date(Date.UTC(2028, 0, 1)), noInvalidDate: true }),
  fc.constantFrom<Cell>(
    '',
    '',
    '',
    ' ',
    'Total',
    'Date',
    'Score',
    'yes',
    'no',
    '✓',
    'better',
    'worse',
    'about the same',
    'open',
    'done',
    'in progress',
    'dropped',
    '10 - Extremely likely',
    'Very satisfied',
    'Neutral',
    '4/5',
    '★★☆☆☆',
    '£1,234',
    '(1,200)',
    '12%',
    '1.234,56',
    '$ 1,234.00',
    '1 234,56 €',
    'month',
    'week',
    'quarter',
    'year',
    'quarter:apr',
    'year:4',
    'sum',
    'median',
    'average',
    'count',
    'min',
    'max',
    'nps',
    'csat',
    'net_comparison',
    'on_time',
    'return_rate',
    'review_response',
    'revenue',
    'margin',
    'margin_pct',
    'orders',
    'average_order_value',
    '2026-01',
    '2026-Q1',
    '2026-W05',
    'FY2027-Q1',
    'FY2027-Q1 (Apr)',
    'FY2027 (Jul)',
    'FY2027',
    '2026',
    'higher',
    'lower',
    'Acme',
    'acme ',
    'Bolt',
    0.95,
    3,
    7,
  ),
);

/** Cells that should break things: any text, emoji, formula-looking text, odd numbers, bad dates, nothing. */
const hostileCell: fc.Arbitrary<Cell> = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.string({ unit: 'binary', maxLength: 6 }),
  fc.constantFrom<Cell>(
    '=1+1',
    '=NPS(A1:A9)',
    '#N/A',
    '#REF!',
    '−5',
    '1,2,3',
    '31/02/2026',
    '13/13/2026',
    '\u00a0',
    '\u2009',
    '💥',
    '👍🏽',
    'NaN',
    'Infinity',
    'undefined',
    'null',
    '1e308',
    '-0',
  ),
  fc.double(),
  fc.constantFrom<Cell>(
    NaN,
    Infinity,
    -Infinity,
    -0,
    0,
    Number.MAX_VALUE,
    -Number.MAX_VALUE,
    Number.MIN_VALUE,
    1e-300,
    2958465,
    2958466,
    1,
    20260131,
    1e15,
  ),
  fc.integer({ min: -100, max: 100 }),
  fc.boolean(),
  fc.date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2100, 0, 1)), noInvalidDate: true }),
  fc.constant(new Date(NaN)),
  fc.constant(null),
  fc.constant(undefined),
);

const cell = fc.oneof({ weight: 3, arbitrary: plausibleCell }, { weight: 2, arbitrary: hostileCell });
const grid = (rows: number, cols: number) =>
  fc.array(fc.array(cell, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows });
/** Shapes Sheets never sends but other callers might: ragged rows, empty rows, no rows. */
const oddRange = fc.oneof(
  fc.array(fc.array(cell, { maxLength: 4 }), { maxLength: 5 }),
  fc.constant([]),
  fc.constant([[]]),
  fc.constant([[], []]),
);

/** An argument list: mostly ranges of one shared shape (so that deeper code runs), with strays. */
function argumentLists(arity: number): fc.Arbitrary<unknown[]> {
  return fc.tuple(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 1, max: 3 })).chain(([rows, cols]) =>
    fc.array(
      fc.oneof(
        { weight: 6, arbitrary: grid(rows, cols) },
        { weight: 1, arbitrary: grid(cols, rows) },
        { weight: 1, arbitrary: oddRange },
        { weight: 4, arbitrary: cell },
      ),
      { minLength: 0, maxLength: arity + 1 }, // missing and extra arguments
    ),
  );
}

/**
 * Typed columns: each argument gets, most of the time, cells of the kind its name asks for (dates for
 * "dates", scores for "scores", ...) with a sprinkle of blanks and hostile cells, so that the deep
 * paths run and succeed often; the rest of the time it gets anything.
 */
const validDay = fc.tuple(fc.integer({ min: 2024, max: 2026 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }));
const KINDS: Record<string, fc.Arbitrary<Cell>> = {
  date: fc.oneof(
    validDay.map(([y, m, d]) => `${y}-${pad2(m)}-${pad2(d)}`),
    validDay.map(([y, m, d]) => `${d} ${MON[m - 1]} ${y}`),
    validDay.map(([y, m, d]) => new Date(Date.UTC(y, m - 1, d))),
    fc.integer({ min: 45300, max: 46380 }), // serial numbers 2024–2026
  ),
  score: fc.oneof(fc.integer({ min: 0, max: 10 }), fc.constantFrom<Cell>('10 - Extremely likely', '0 (Not at all likely)', ' 9 ', '8/10')),
  rating: fc.oneof(
    fc.integer({ min: 1, max: 5 }),
    fc.constantFrom<Cell>('Very satisfied', 'satisfied', 'Neutral', 'Dissatisfied', 'very dissatisfied'),
  ),
  stars: fc.oneof(fc.integer({ min: 1, max: 5 }), fc.constantFrom<Cell>('4/5', '★★☆☆☆', '2 stars')),
  yesno: fc.constantFrom<Cell>('yes', 'no', true, false, '✓', 'Thanks, we are on it', 1, 0),
  comparison: fc.constantFrom<Cell>('Much better', 'better', 'About the same', 'same', 'worse', 'Worse than others', 'not worse'),
  status: fc.constantFrom<Cell>('open', 'In progress', 'done', 'Done', 'dropped', 'closed', 'to do'),
  name: fc.constantFrom<Cell>('Acme', 'acme ', 'Bolt', 'Cog Ltd', 'Dyna', 'Total', 'E', 'F'),
  amount: fc.oneof(
    fc.double({ min: -1000, max: 100000, noNaN: true }),
    fc.integer({ min: 0, max: 5000 }),
    fc.constantFrom<Cell>('£1,234.50', '(1,200)', '1.234,56', '$ 12.00', '12%', '0'),
  ),
  number: fc.oneof(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.integer({ min: -100, max: 100 })),
  periodWord: fc.constantFrom<Cell>('month', 'week', 'quarter', 'year', 'quarter:apr', 'year:4', 'Monthly', '', 'fortnight', 'month:apr'),
  aggregateWord: fc.constantFrom<Cell>('sum', 'average', 'count', 'min', 'max', 'median', '', 'mode'),
  measureId: fc.constantFrom<Cell>(
    'nps',
    'csat',
    'net_comparison',
    'on_time',
    'return_rate',
    'review_response',
    'revenue',
    'margin',
    'margin_pct',
    'orders',
    'average_order_value',
    'Revenue',
    'profit',
  ),
  periodLabel: fc.oneof(
    { weight: 40, arbitrary: fc.integer({ min: 1, max: 12 }).map((m) => `2025-${pad2(m)}`) },
    { weight: 1, arbitrary: fc.constantFrom<Cell>('2026-Q1', '2026-W05', 'FY2027-Q1', 'FY2027-Q2 (Jul)', '2026', 'Jan') },
  ),
  betterWord: fc.constantFrom<Cell>('higher', 'lower', '', 'up'),
  option: fc.constantFrom<Cell>('', 0, 1, 2, 3, 5, 7, 10, 12, 0.9, 0.95, 0.99, -1, 2.5, 'x', 61, 121),
  confidence: fc.constantFrom<Cell>('', 0.9, 0.95, 0.99, 0.5, 0.9999, 95, 1),
  scale: fc.constantFrom<Cell>('', 5, 5, 7, 10, 1, 4.5),
  top_box: fc.constantFrom<Cell>('', 1, 2, 2, 3, 0),
  low_max: fc.constantFrom<Cell>('', 1, 2, 2, 3, 11, -1),
  count: fc.constantFrom<Cell>('', 1, 3, 12, 24, 0, 121),
  max_lag: fc.constantFrom<Cell>('', 0, 1, 2, 3, 61, 1.5),
  last_days: fc.constantFrom<Cell>('', 3, 7, 7, 14, 0, 100),
  total: fc.constantFrom<Cell>('', 0, 1, 3, 12, 24, 30, 100, 121, 5.5, -1),
};
const NAME_KIND: Record<string, string> = {
  dates: 'date',
  promised: 'date',
  delivered: 'date',
  due: 'date',
  closed: 'date',
  opened: 'date',
  as_of: 'date',
  scores: 'score',
  stars: 'stars',
  responded: 'yesno',
  answers: 'comparison',
  status: 'status',
  customers: 'name',
  lead_names: 'name',
  lag_names: 'name',
  revenue: 'amount',
  amounts: 'amount',
  values: 'amount',
  sold: 'amount',
  returned: 'amount',
  a: 'amount',
  b: 'amount',
  lead: 'number',
  lag: 'number',
  leads: 'number',
  lags: 'number',
  start: 'number',
  current: 'number',
  target: 'number',
  period: 'periodWord',
  aggregate: 'aggregateWord',
  measure: 'measureId',
  periods: 'periodLabel',
  better: 'betterWord',
  confidence: 'confidence',
  scale: 'scale',
  total: 'total',
  top_box: 'top_box',
  low_max: 'low_max',
  count: 'count',
  max_lag: 'max_lag',
  last_days: 'last_days',
};
/** Where one formula's argument means something else than the same name elsewhere. */
const FORMULA_KIND: Record<string, string> = { 'CSAT.scores': 'rating', 'KEY_ACCOUNTS.scores': 'score', 'TARGET_STATUS.target': 'number' };

/** A column of one kind; some columns have blanks, some a hostile cell or two. */
function column(kind: fc.Arbitrary<Cell>, rows: number, cols: number): fc.Arbitrary<Cell[][]> {
  return fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 3 })).chain(([blanks, hostility]) => {
    const each = fc.oneof(
      { weight: 20, arbitrary: kind },
      { weight: blanks ? 3 : 0, arbitrary: fc.constantFrom<Cell>('', null, ' ') },
      { weight: hostility === 0 ? 1 : 0, arbitrary: hostileCell },
    );
    return fc.array(fc.array(each, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows });
  });
}

function typedArgument(
  formula: string,
  argName: string,
  kind: string,
  rows: number,
  cols: number,
  header: string | null,
): fc.Arbitrary<unknown> {
  const range = kind === 'range' || kind === 'grid';
  const cells = KINDS[FORMULA_KIND[`${formula}.${argName}`] ?? NAME_KIND[argName] ?? (range ? 'amount' : 'option')];
  if (!range && argName !== 'as_of') return fc.oneof({ weight: 6, arbitrary: cells }, { weight: 1, arbitrary: cell });
  if (argName === 'as_of') return fc.oneof(cells, fc.constant(''), hostileCell);
  const [r, c] =
    argName === 'periods'
      ? [1, cols + 2]
      : argName === 'leads' || argName === 'lags'
        ? [rows % 3 || 1, cols + 3]
        : argName.endsWith('_names')
          ? [rows % 3 || 1, 1]
          : [rows, 1];
  // A header row now and then (on every range of the call, so that they stay the same size).
  return column(cells, r, c).map((b) => (header !== null && r === rows && r > 0 ? [Array(c).fill(header), ...b] : b));
}

function typedArgumentLists(def: FormulaDef): fc.Arbitrary<unknown[]> {
  const header = fc.oneof(
    { weight: 3, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: fc.constantFrom('Date', 'Score', 'Amount', 'Header') },
  );
  return fc.tuple(fc.integer({ min: 0, max: 14 }), fc.integer({ min: 1, max: 6 }), header).chain(([rows, cols, head]) =>
    fc
      .tuple(
        fc.tuple(
          ...def.params.map((a) =>
            fc.oneof(
              { weight: 12, arbitrary: typedArgument(def.name, a.name, a.kind, rows, cols, head) },
              { weight: 1, arbitrary: fc.oneof(cell, oddRange, grid(rows, 2)) },
            ),
          ),
        ),
        fc.oneof({ weight: 6, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: def.params.length }) }), // trailing arguments left out
        fc.oneof({ weight: 9, arbitrary: fc.constant<unknown[]>([]) }, { weight: 1, arbitrary: fc.tuple(cell) }), // an extra argument
      )
      .map(([args, drop, extra]) => [...args.slice(0, args.length - drop), ...extra]),
  );
}

// ----------------------------------------------------------------------------------------------
// The contract
// ----------------------------------------------------------------------------------------------

/** Sheets holds at most 50,000 characters in a cell. */
const CELL_TEXT_MAX = 50_000;

function goodCell(x: unknown): boolean {
  if (typeof x === 'number') return Number.isFinite(x) && !Object.is(x, -0);
  if (typeof x === 'string') return x.length <= CELL_TEXT_MAX;
  return typeof x === 'boolean';
}

/** What no message may say, outside the user's own text that it quotes. */
const FORBIDDEN = /undefined|NaN|\[object/;
function withoutQuotedText(message: string, args: unknown[]): string {
  const texts: string[] = [];
  const walk = (x: unknown): void => {
    if (Array.isArray(x)) x.forEach(walk);
    else if (typeof x === 'string') texts.push(x);
  };
  walk(args);
  let m = message;
  // Longest first, each as the readers quote it: whole, cut short, or in JSON.
  for (const t of texts.sort((a, b) => b.length - a.length))
    for (const q of [`"${t}"`, `"${t.slice(0, 37)}..."`, JSON.stringify(t), t]) if (t !== '' && q !== '') m = m.split(q).join('');
  return m;
}

/** null when the outcome keeps the contract, else what is wrong. */
function violation(name: string, outcome: { value: unknown } | { error: unknown }, args: unknown[] = []): string | null {
  if ('error' in outcome) {
    const e = outcome.error;
    if (!(e instanceof Error)) return `threw a non-Error: ${String(e)}`;
    if (!e.message.startsWith(`${name}: `)) return `message without the formula's name: ${e.message}`;
    if (e.message.includes('could not compute')) return `internal error: ${e.message}`;
    if (FORBIDDEN.test(withoutQuotedText(e.message, args))) return `a message that says undefined, NaN or [object: ${e.message}`;
    return null;
  }
  const v = outcome.value;
  if (!Array.isArray(v)) return goodCell(v) ? null : `returned ${String(v)}`;
  if (v.length === 0) return null;
  const width = Array.isArray(v[0]) ? v[0].length : -1;
  for (const row of v) {
    if (!Array.isArray(row) || row.length !== width) return 'returned a ragged table';
    for (const x of row) if (!goodCell(x)) return `returned a cell ${Object.is(x, -0) ? '-0' : String(x)}`;
  }
  return null;
}

function outcomeOf(name: string, args: unknown[], ctx: FormulaContext): { value: unknown } | { error: unknown } {
  try {
    return { value: runFormula(name, args, ctx) };
  } catch (error) {
    return { error };
  }
}

/** What each formula's value means, where it has a known range (DOMAIN.md). */
const inRange = (lo: number, hi: number) => (x: unknown) => typeof x === 'number' && x >= lo && x <= hi;
const table = (v: unknown) => v as unknown[][];
const INVARIANTS: Record<string, (v: unknown) => boolean> = {
  NPS: inRange(-100, 100),
  CSAT: inRange(0, 1),
  NET_COMPARISON: inRange(-1, 1),
  ONTIME_RATE: inRange(0, 1),
  REVIEW_RESPONSE_RATE: inRange(0, 1),
  NPS_DETAIL: (v) => {
    const [n, p, pa, d, nps, moe, lo, hi] = table(v)[1] as number[];
    return (
      [n, p, pa, d].every((x) => Number.isInteger(x) && x >= 0) &&
      n === p + pa + d &&
      n > 0 &&
      nps >= -100 &&
      nps <= 100 &&
      moe > 0 &&
      lo >= -100 &&
      lo <= hi &&
      hi <= 100
    );
  },
  NPS_BY_PERIOD: (v) =>
    table(v)
      .slice(1)
      .every((r) => (r[2] === '' && r[1] === 0) || (typeof r[2] === 'number' && r[2] >= -100 && r[2] <= 100 && (r[1] as number) > 0)),
  OKR_SCORE: (v) => (Array.isArray(v) ? (v as unknown[][]).flat() : [v]).every((x) => x === '' || inRange(0, 1)(x)),
  KEY_ACCOUNTS: (v) => {
    const rows = table(v).slice(1);
    const inside = rows.filter((r) => r[4] !== 'Net negative');
    return (
      rows.length > 0 &&
      /^A*B*C*(N)*$/.test(rows.map((r) => String(r[4])[0]).join('')) &&
      inside.every((r) => inRange(0, 1)(r[2]) && inRange(0, 1)(r[3]) && r[5] === r[2]) &&
      rows.filter((r) => r[4] === 'Net negative').every((r) => (r[1] as number) < 0 && r[2] === '' && r[3] === '' && r[6] === false)
    );
  },
  RATE_DETAIL: (v) => {
    const [count, total, rate, lo, hi] = table(v)[1] as number[];
    if (total === 0) return count === 0 && [rate, lo, hi].every((x) => (x as unknown) === '');
    return count <= total && lo >= 0 && lo <= rate && rate <= hi && hi <= 1;
  },
  SIGNALS: (v) =>
    table(v)
      .slice(1)
      .every(
        (r) =>
          (r[2] as number) <= (r[1] as number) &&
          (r[1] as number) <= (r[3] as number) &&
          ['', 'Outside limits', 'Run of 8'].includes(r[4] as string) &&
          (r[4] !== 'Outside limits' || (r[0] as number) < (r[2] as number) || (r[0] as number) > (r[3] as number)),
      ),
  LEADLAG: (v) => {
    const t = table(v);
    const best = t[t.length - 1];
    const lags = t.slice(1, -1);
    const ok = lags.every(
      (r) =>
        (r[1] === '' || inRange(-1, 1)(r[1])) &&
        (r[2] === '' || inRange(-1, 1)(r[2])) &&
        (r[4] === '' || (inRange(0, 1)(r[4]) && (r[3] as number) >= 8)),
    );
    const ps = lags.map((r) => r[4]).filter((p): p is number => typeof p === 'number');
    if (ps.length === 0) return ok && best[1] === '' && best[3] === '' && /^(Too few periods|Cannot tell)/.test(String(best[4]));
    const claims = /^(Strong|Some) evidence/.test(String(best[4]));
    return ok && best[0] === 'Best' && inRange(Math.min(...ps), 1)(best[3]) && claims === (best[3] as number) < 0.05;
  },
  CONNECTIONS: (v) => {
    const rows = table(v).slice(1);
    const qs = rows.map((r) => r[7]);
    const firstBlank = qs.indexOf('');
    const tested = firstBlank < 0 ? qs : qs.slice(0, firstBlank);
    return (
      qs.slice(tested.length).every((q) => q === '') &&
      tested.every((q, i) => inRange(0, 1)(q) && (i === 0 || (q as number) >= (tested[i - 1] as number))) &&
      rows.every(
        (r) =>
          (r[7] === '' ? r[6] === '' : (r[7] as number) >= (r[6] as number)) &&
          /^(Strong|Some) evidence/.test(String(r[8])) === (r[7] !== '' && (r[7] as number) < 0.05),
      )
    );
  },
  IMPROVEMENT_SUMMARY: (v) => {
    const [open, overdue, done] = table(v)[1] as number[];
    return [open, overdue, done].every((x) => Number.isInteger(x) && x >= 0) && overdue <= open;
  },
  TARGET_PRESSURE: (v) =>
    table(v)
      .slice(1)
      .every((r) => inRange(0, 1)(r[3]) && (r[5] === '' || r[5] === 'Partial period' || (r[4] as number) >= 1.5)),
  TARGET_HEALTH: (v) =>
    table(v)
      .slice(1)
      .every((r) => inRange(0, 1)(r[4]) && (r[17] === '' || (r[16] !== '' && r[16] !== 'Partial period'))),
  TARGET_STATUS: (v) => ['On track', 'At risk', 'Off track', ''].includes(v as string),
  PERIODS: (v) => table(v).length === 1 && table(v)[0].every((x) => typeof x === 'string'),
};

// ----------------------------------------------------------------------------------------------
// Properties
// ----------------------------------------------------------------------------------------------

describe('every formula keeps the contract on hostile arguments', () => {
  test('the registry is not empty and every formula has a name and arguments', () => {
    expect(FUNCTIONS.length).toBeGreaterThanOrEqual(14);
    for (const f of FUNCTIONS) expect(f.name).toMatch(/^[A-Z_]+$/);
  });

  const check = (name: string) => (args: unknown[], ctx: FormulaContext) => {
    const outcome = outcomeOf(name, args, ctx);
    const bad = violation(name, outcome, args);
    if (bad !== null) {
      throw new Error(bad);
    }
    const invariant = INVARIANTS[name];
    if ('value' in outcome && invariant && !invariant(outcome.value)) throw new Error(`out of range: ${JSON.stringify(outcome.value)}`);
  };

  test.each(FUNCTIONS.map((f) => [f.name, f] as const))('%s: typed columns with blanks and hostile cells', (name, def) => {
    fc.assert(fc.property(typedArgumentLists(def), fc.constantFrom(...CONTEXTS), check(name)), { numRuns: RUNS });
  });

  test.each(FUNCTIONS.map((f) => [f.name, f.params.length] as const))('%s: ranges of one shape holding anything', (name, arity) => {
    fc.assert(
      fc.property(argumentLists(arity), fc.constantFrom(...CONTEXTS), (args, ctx) => {
        const outcome = outcomeOf(name, args, ctx);
        const bad = violation(name, outcome, args);
        if (bad !== null) {
          throw new Error(bad);
        }
        const invariant = INVARIANTS[name];
        if ('value' in outcome && invariant && !invariant(outcome.value)) throw new Error(`out of range: ${JSON.stringify(outcome.value)}`);
      }),
      { numRuns: RUNS },
    );
  });

  test.each(FUNCTIONS.map((f) => [f.name, f.params.length] as const))('%s: only hostile single cells and odd shapes', (name, arity) => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(hostileCell, oddRange, fc.array(fc.array(hostileCell, { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 4 })),
          { maxLength: arity + 1 },
        ),
        (args) => {
          const outcome = outcomeOf(name, args, CONTEXTS[0]);
          const bad = violation(name, outcome, args);
          if (bad !== null) throw new Error(bad);
        },
      ),
      { numRuns: Math.ceil(RUNS / 2) },
    );
  });
});

describe('regressions: counterexamples the properties found, now fixed', () => {
  const keeps = (name: string, ...args: unknown[]) => violation(name, outcomeOf(name, args, CONTEXTS[0]), args);

  // overflow — src/core/measures/ratio.ts, periodSeries.ts, targetPressure.ts, scorecard/measureSeries.ts:
  // sums and quotients are not checked before the runtime guard, which reports "could not compute".
  test('RETURN_RATE(5e-324, 3): 3 / 5e-324 overflows to Infinity', () => {
    expect(keeps('RETURN_RATE', 5e-324, 3)).toBeNull();
  });
  test('PERIOD_SERIES({2026-01-01; 2026-01-02}, {1e308; 1e308}): the sum overflows', () => {
    expect(keeps('PERIOD_SERIES', [['2026-01-01'], ['2026-01-02']], [[1e308], [1e308]])).toBeNull();
  });
  test('TARGET_PRESSURE({2026-01-01; 2026-01-02}, {1e308; 1e308}): the sum overflows', () => {
    expect(keeps('TARGET_PRESSURE', [['2026-01-01'], ['2026-01-02']], [[1e308], [1e308]])).toBeNull();
  });
  test('MEASURE_SERIES("revenue", {"2026-01"}, {2026-01-01; 2026-01-02}, {1e308; 1e308}): the sum overflows', () => {
    expect(keeps('MEASURE_SERIES', 'revenue', [['2026-01']], [['2026-01-01'], ['2026-01-02']], [[1e308], [1e308]])).toBeNull();
  });

  // okr-shape — src/functions/defs/okrScore.ts reads s[0].length before checking there is a row, and
  // checks only the first row's width.
  test('OKR_SCORE([], [], []): TypeError on the empty range', () => {
    expect(keeps('OKR_SCORE', [], [], [])).toBeNull();
  });
  test('OKR_SCORE({1,2;3}, {1,2;3}, {1,2;3}) (ragged): a ragged result', () => {
    expect(keeps('OKR_SCORE', [[1, 2], [3]], [[1, 2], [3]], [[1, 2], [3]])).toBeNull();
  });

  // key-accounts-invalid-date — src/core/measures/keyAccounts.ts customerName calls toISOString().
  test('KEY_ACCOUNTS(invalid Date, 5): RangeError "Invalid time value"', () => {
    expect(keeps('KEY_ACCOUNTS', new Date(NaN), 5)).toBeNull();
  });

  // connections-lengths — src/functions/defs/connections.ts never compares the rows' lengths:
  // leadLagTable reads lag[t + k] past the end, `undefined === undefined` passes its blank test, and
  // Pearson returns NaN; when the lag rows are the longer ones their extra periods are ignored.
  test('CONNECTIONS({1,2,3,4,5}, {2,4,5,9}, "NPS", "Revenue"): NaN', () => {
    expect(keeps('CONNECTIONS', [[1, 2, 3, 4, 5]], [[2, 4, 5, 9]], [['NPS']], [['Revenue']])).toBeNull();
  });
  test("CONNECTIONS({1,2,3,4}, {2,4,5,9,7}, …): the lag row's extra period is silently ignored instead of an error", () => {
    expect(() => runFormula('CONNECTIONS', [[[1, 2, 3, 4]], [[2, 4, 5, 9, 7]], [['NPS']], [['Revenue']]], CONTEXTS[0])).toThrow(
      /^CONNECTIONS: /,
    );
  });
});
