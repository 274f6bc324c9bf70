import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsv } from '../../src/core/tables/csv';
import { MEASURES } from '../../src/core/scorecard/measures';
import { sheetTable } from '../../src/server/handlers';
import { detectSheet, suggestDefinition } from '../../src/server/scorecard/detect';
import { parseDefinition } from '../../src/core/scorecard/definition';
import { guessSheet } from '../../src/sidebar/detect';
import {
  acceptable,
  checkKey,
  checkProblems,
  initialDraft,
  measureProblems,
  parsePath,
  parseTarget,
  toggleMarked,
  remapRoles,
  setRole,
  supportedMeasures,
  toDefinition,
  type DraftCheck,
} from '../../src/sidebar/draft';
import type { DefinitionReview } from '../../src/core/scorecard/plausibility';

/** The wizard's draft (src/sidebar/draft.ts), in Node: the same guesses as the server, and the definition it sends. */

const data = join(__dirname, '..', '..', 'examples', 'data');
const grids = Object.fromEntries(
  ['Sales', 'Feedback', 'Reviews'].map((n) => [n, parseCsv(readFileSync(join(data, `${n.toLowerCase()}.csv`), 'utf8'))]),
);
const guesses = Object.entries(grids).map(([n, g]) => guessSheet(sheetTable(n, g)));
const info = (id: string) => MEASURES.find((m) => m.id === id)!;

test('the first draft is what the server would suggest from the same sheets', () => {
  const draft = initialDraft(guesses, null);
  const fromServer = suggestDefinition(Object.entries(grids).map(([n, g]) => detectSheet(n, g)));
  const def = parseDefinition(toDefinition(draft, guesses));
  expect(def.sources).toEqual(fromServer.sources);
  expect(def.period).toBe('month');
  expect(def.periods).toBe(12);
  expect(def.measures).toBeUndefined();
  expect(supportedMeasures(draft).map((m) => m.id)).toEqual(MEASURES.map((m) => m.id));
});

test('a stored definition comes back into the wizard: sheets, columns, measures, targets', () => {
  const first = initialDraft(guesses, null);
  first.off.add('margin_pct');
  first.targets.csat = '85%';
  first.targets.revenue = '£150,000';
  first.period = 'quarter';
  delete first.sources.reviews;
  const stored = parseDefinition(toDefinition(first, guesses));
  expect(stored.targets).toEqual({ csat: 0.85, revenue: 150000 });
  expect(stored.measures).not.toContain('margin_pct');
  const again = initialDraft(guesses, stored);
  expect(again.sources.reviews).toBeUndefined();
  expect(again.sources.sales?.roles).toEqual(first.sources.sales?.roles);
  expect(again.targets).toEqual({ csat: '85', revenue: '150000' });
  expect(again.period).toBe('quarter');
  expect(again.off.has('margin_pct')).toBe(true);
});

test('a role belongs to one column; comments may share', () => {
  const draft = initialDraft(guesses, null);
  const sales = draft.sources.sales!;
  expect(setRole(sales, 2, 'date')).toBe(1); // Customer made the date: Order Date loses it
  expect(sales.roles[1]).toBeNull();
  const feedback = draft.sources.feedback!;
  expect(setRole(feedback, 6, 'comment')).toBeNull();
  expect(feedback.roles.filter((r) => r === 'comment')).toHaveLength(2);
});

test('targets are read as a manager types them', () => {
  expect(parseTarget('85', info('csat'))).toEqual({ value: 0.85 });
  expect(parseTarget(' 85 % ', info('csat'))).toEqual({ value: 0.85 });
  expect(parseTarget('1,500', info('revenue'))).toEqual({ value: 1500 });
  expect(parseTarget('−5', info('nps'))).toEqual({ value: -5 });
  expect(parseTarget('', info('nps'))).toEqual({ value: null });
  expect(parseTarget('lots', info('revenue'))).toEqual({ error: expect.stringContaining('“lots” is not a number') });
  expect(parseTarget('150', info('nps'))).toEqual({ error: expect.stringContaining('from −100 to 100') });
});

test('a renamed column keeps its role when the sheets are read again', () => {
  const draft = initialDraft(guesses, null);
  const sales = grids.Sales.map((r, i) => (i === 2 ? r.map((c) => (c === 'Net Sales (£)' ? 'Revenue £' : c)) : r));
  const fresh = guessSheet(sheetTable('Sales', sales));
  const roles = remapRoles(guesses[0].table.headers, draft.sources.sales!.roles, fresh);
  expect(roles[4]).toBe('amount');
  expect(roles).toEqual(draft.sources.sales!.roles);
});

describe('vendor exports in the wizard (issue 11)', () => {
  const fixture = (p: string) => parseCsv(readFileSync(join(__dirname, '..', 'fixtures', 'exports', p), 'utf8'));
  const exportGrids = {
    Orders: fixture('shopify-orders/orders_export.csv'),
    Survey: fixture('surveymonkey/Customer Satisfaction Survey.csv'),
  };
  const exportGuesses = Object.entries(exportGrids).map(([n, g]) => guessSheet(sheetTable(n, g)));

  test('each sheet is recognised as its export and chosen as its kind; the definition carries the profile’s rules, as the server’s does', () => {
    expect(exportGuesses.map((g) => [g.table.profile, g.kind, g.profile?.name])).toEqual([
      ['shopify-orders', 'sales', 'Shopify orders export'],
      ['surveymonkey', 'feedback', 'SurveyMonkey responses export'],
    ]);
    const def = parseDefinition(toDefinition(initialDraft(exportGuesses, null), exportGuesses));
    const fromServer = suggestDefinition(Object.entries(exportGrids).map(([n, g]) => detectSheet(n, g)));
    expect(def.sources).toEqual(fromServer.sources);
    expect(def.sources.sales).toMatchObject({
      profile: 'shopify-orders',
      currency: 'USD',
      rules: { amounts: 'order' },
      filters: ['Financial Status', 'Cancelled at', 'Payment Method'],
    });
    expect(def.sources.feedback).toMatchObject({ profile: 'surveymonkey', columns: { date: 'End Date' } });
  });

  test('a column set to Not used leaves the definition; the profile’s filters stay', () => {
    const draft = initialDraft(exportGuesses, null);
    const survey = exportGuesses[1];
    const at = survey.roles.indexOf('satisfaction');
    setRole(draft.sources.feedback!, at, null);
    const def = parseDefinition(toDefinition(draft, exportGuesses));
    expect(def.sources.feedback!.columns).not.toHaveProperty('satisfaction');
    expect(def.sources.sales!.filters).toHaveLength(3);
  });
});

describe('the checks stop step 2 until they are answered', () => {
  const review = (problems: DefinitionReview['problems']): DraftCheck => ({
    key: 'k',
    state: 'done',
    result: { problems, latest: [], sources: [] },
    done: Promise.resolve(null as unknown as DraftCheck),
  });
  const zero = {
    check: 'amount-zero' as const,
    source: 'sales' as const,
    column: 'Discount Amount',
    message: '"Discount Amount" is 0 on 75% of the rows',
  };
  const kind = {
    check: 'kind' as const,
    source: 'sales' as const,
    column: null,
    holds: 'feedback' as const,
    message: '"Survey" holds customer feedback, not sales data',
  };
  test('pending, failed and implausible checks stop; a confirmed check does not; a sheet of the wrong kind always does', () => {
    expect(checkProblems(null, new Set())).toEqual([
      'Leadlag is still checking the columns against the whole sheets; wait a moment, then try again.',
    ]);
    expect(
      checkProblems(
        { key: 'k', state: 'failed', error: 'The sheet is gone.', done: Promise.resolve(null as unknown as DraftCheck) },
        new Set(),
      ),
    ).toEqual(['The sheet is gone.']);
    expect(checkProblems(review([zero]), new Set())).toEqual(['Sales: "Discount Amount" is 0 on 75% of the rows.']);
    expect(checkProblems(review([zero]), new Set(['amount-zero']))).toEqual([]);
    expect(checkProblems(review([kind, zero]), new Set(['amount-zero', 'kind']))).toEqual([
      'Sales: "Survey" holds customer feedback, not sales data.',
    ]);
    expect(acceptable(review([kind, zero]).result!)).toEqual([zero]);
    expect(checkKey({ version: 1, sources: {}, period: 'month' })).not.toBe(checkKey({ version: 1, sources: {}, period: 'week' }));
  });
});

describe('the measures that matter most and paths (issue 15)', () => {
  test('at most three measures are marked, in the order marked, and they travel to the definition and back', () => {
    const draft = initialDraft(guesses, null);
    expect(toggleMarked(draft, 'revenue', true)).toBe(true);
    expect(toggleMarked(draft, 'nps', true)).toBe(true);
    expect(toggleMarked(draft, 'csat', true)).toBe(true);
    expect(toggleMarked(draft, 'on_time', true)).toBe(false);
    expect(draft.marked).toEqual(['revenue', 'nps', 'csat']);
    toggleMarked(draft, 'nps', false);
    const stored = parseDefinition(toDefinition(draft, guesses));
    expect(stored.marked).toEqual(['revenue', 'csat']);
    expect(initialDraft(guesses, stored).marked).toEqual(['revenue', 'csat']);
  });

  test('a measure switched off is not sent as marked; none marked sends nothing (Leadlag chooses)', () => {
    const draft = initialDraft(guesses, null);
    toggleMarked(draft, 'margin_pct', true);
    draft.off.add('margin_pct');
    expect(toDefinition(draft, guesses).marked).toBeUndefined();
  });

  test('a path is all four fields or none, with numbers as typed and periods of the scorecard', () => {
    const csat = info('csat');
    expect(parsePath(undefined, csat, 'month')).toEqual({ value: null });
    expect(parsePath({ from: ' ', to: '', start: '', by: '' }, csat, 'month')).toEqual({ value: null });
    expect(parsePath({ from: '80%', to: '90', start: '2026-01', by: '2026-12' }, csat, 'month')).toEqual({
      value: { from: 0.8, to: 0.9, start: '2026-01', by: '2026-12' },
    });
    expect(parsePath({ from: '80', to: '', start: '2026-01', by: '2026-12' }, csat, 'month')).toEqual({
      error: expect.stringContaining('needs all four') as string,
    });
    expect(parsePath({ from: '80', to: '90', start: '2026-Q1', by: '2026-Q4' }, csat, 'month')).toEqual({
      error: expect.stringContaining('periods of the scorecard') as string,
    });
    expect(parsePath({ from: '80', to: '90', start: '2026-12', by: '2026-01' }, csat, 'month')).toEqual({
      error: expect.stringContaining('must come after') as string,
    });
    expect(parsePath({ from: 'lots', to: '90', start: '2026-01', by: '2026-12' }, csat, 'month')).toEqual({
      error: expect.stringContaining('is not a number') as string,
    });
  });

  test('a path stops step 3 until it is whole, and a whole one is stored and comes back as typed', () => {
    const draft = initialDraft(guesses, null);
    draft.paths.revenue = { from: '250000', to: '', start: '2025-07', by: '2026-12' };
    expect(measureProblems(draft).join(' ')).toMatch(/Revenue: a path needs all four/);
    draft.paths.revenue.to = '300,000';
    expect(measureProblems(draft)).toEqual([]);
    const stored = parseDefinition(toDefinition(draft, guesses));
    expect(stored.paths).toEqual({ revenue: { from: 250000, to: 300000, start: '2025-07', by: '2026-12' } });
    expect(initialDraft(guesses, stored).paths.revenue).toEqual({ from: '250000', to: '300000', start: '2025-07', by: '2026-12' });
  });
});
