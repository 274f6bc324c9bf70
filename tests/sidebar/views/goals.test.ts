import { toGoalsDefinition } from '../../../src/sidebar/views/goals';
import { fromGuess, toAccountsDefinition } from '../../../src/sidebar/views/accounts';
import { parseGoalsDefinition } from '../../../src/core/goals/definition';
import { parseAccountsDefinition } from '../../../src/core/accounts/definition';
import { guessSheet } from '../../../src/sidebar/detect';
import type { SheetTable } from '../../../src/rpc/contract';

/** What the two wizards send is what the server's contract and rules take. */
const table = (sheet: string, headers: string[]): SheetTable => ({
  sheet,
  headerRow: 1,
  headers,
  columns: headers.map(() => []),
  dataRows: 3,
  skipped: [],
  problem: null,
  profile: null,
  labels: null,
});

test('the goals draft becomes a definition the server takes: each role the header of its column', () => {
  const guess = guessSheet(table('Goals', ['ID', 'Type', 'Goal', 'Parent', 'Notes']));
  const def = toGoalsDefinition({ sheet: 'Goals', roles: ['id', 'kind', 'title', 'parent', null], staleDays: '14' }, guess);
  expect(def).toEqual({
    version: 1,
    source: { sheet: 'Goals', columns: { id: 'ID', kind: 'Type', title: 'Goal', parent: 'Parent' } },
    staleDays: 14,
  });
  expect(parseGoalsDefinition(def).staleDays).toBe(14);
  expect(() =>
    parseGoalsDefinition(toGoalsDefinition({ sheet: 'Goals', roles: ['id', null, 'title', null, null], staleDays: '21' }, guess)),
  ).toThrow(
    'The goals settings are not valid: choose the column that holds the Parent (the ID of the goal it contributes to); choose the column of the Type (objective or key result), or of the Target',
  );
});

test('the key-account draft becomes a definition the server takes, with the scorecard’s reading rules kept', () => {
  const def = toAccountsDefinition({
    sales: { sheet: 'Orders', columns: { customer: 'Customer', amount: 'Total', date: 'Date', order_id: '' }, rules: { amounts: 'order' } },
    answers: { sheet: 'Survey', columns: { customer: 'Company', referral_score: 'NPS', comment: 'Why' } },
    attention: { kind: 'sheet', sheet: 'Visits', customer: 'Client', amount: '' },
    period: 'quarter',
  });
  expect(def).toEqual({
    version: 1,
    period: 'quarter',
    sales: { sheet: 'Orders', columns: { customer: 'Customer', amount: 'Total', date: 'Date' }, rules: { amounts: 'order' } },
    answers: { sheet: 'Survey', columns: { customer: 'Company', referral_score: 'NPS', comment: 'Why' } },
    attention: { kind: 'sheet', sheet: 'Visits', customer: 'Client' },
  });
  expect(parseAccountsDefinition(def)).toMatchObject({
    period: 'quarter',
    attention: { kind: 'sheet', sheet: 'Visits', customer: 'Client' },
  });
});

test('a sheet chosen in the key-account wizard brings the rules its export is read by: a Typeform export’s partial responses out', () => {
  const headers = [
    '#',
    'How likely are you to recommend us to a friend?',
    'Company',
    'Response Type',
    'Start Date (UTC)',
    'Submit Date (UTC)',
  ];
  const guess = guessSheet({
    ...table('Responses', headers),
    profile: 'typeform',
    columns: [
      ['a1', 'a2'],
      [9, 3],
      ['Acme', 'Bolt'],
      ['completed', 'partial'],
      ['2026-01-01 10:00:00', '2026-01-02 10:00:00'],
      ['2026-01-01 10:02:00', ''],
    ],
  });
  const draft = fromGuess(guess, ['customer', 'date', 'referral_score', 'comparison', 'comment']);
  expect(draft).toMatchObject({
    sheet: 'Responses',
    columns: { customer: 'Company', referral_score: 'How likely are you to recommend us to a friend?', date: 'Submit Date (UTC)' },
    filters: ['Response Type'],
    rules: { leaveOut: [{ filter: 0, values: ['partial'] }] },
  });
});
