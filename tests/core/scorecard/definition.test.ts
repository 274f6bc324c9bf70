import { parseDefinition } from '../../../src/core/scorecard/definition';
import { errorOf } from '../helpers';

describe('the definition stores how each source is read (issue 11)', () => {
  const base = { version: 1, sources: { sales: { sheet: 'Orders', columns: { date: 'Created at', amount: 'Subtotal' } } } };
  test('rules (keep, return, negatives, scale), filters, profile and currency come back as stored', () => {
    const def = parseDefinition({
      ...base,
      sources: {
        sales: {
          ...base.sources.sales,
          rules: {
            amounts: 'order',
            leaveOut: [
              { filter: 0, values: ['Voided'] },
              { filter: 1, values: ['true'], keep: true },
            ],
            returns: [{ filter: 2, values: ['refund'] }],
            negatives: 'returns',
          },
          filters: ['Financial Status', 'Finished', 'Type'],
          profile: 'shopify-orders',
          currency: 'USD',
        },
        feedback: { sheet: 'Survey', columns: { date: 'End Date' }, rules: { scale: 7, topBox: 2 } },
      },
    });
    expect(def.sources.sales).toEqual({
      sheet: 'Orders',
      columns: { date: 'Created at', amount: 'Subtotal' },
      rules: {
        amounts: 'order',
        leaveOut: [
          { filter: 0, values: ['voided'] },
          { filter: 1, values: ['true'], keep: true },
        ],
        returns: [{ filter: 2, values: ['refund'] }],
        negatives: 'returns',
      },
      filters: ['Financial Status', 'Finished', 'Type'],
      profile: 'shopify-orders',
      currency: 'USD',
    });
    expect(def.sources.feedback?.rules).toEqual({ scale: 7, topBox: 2 });
  });
  test('what is wrong is said field by field', () => {
    const e = errorOf(() =>
      parseDefinition({
        ...base,
        sources: {
          sales: {
            ...base.sources.sales,
            rules: { returns: [{ filter: 0, values: ['x'], keep: true }], negatives: 'yes', scale: 1 },
            currency: '£',
          },
        },
      }),
    );
    expect(e.message).toBe(
      'The scorecard settings are not valid: sources.sales.rules.returns must list { filter: 0..2, values: [text] }; ' +
        'sources.sales.rules.negatives must be "returns"; sources.sales.rules.scale must be a whole number from 2 to 100; ' +
        'sources.sales.currency must be a three-letter currency code such as GBP, not "£"',
    );
    expect(
      errorOf(() =>
        parseDefinition({ ...base, sources: { sales: { ...base.sources.sales, rules: { returns: [{ filter: 1, values: ['x'] }] } } } }),
      ).message,
    ).toBe('The scorecard settings are not valid: sources.sales.rules read filter 2, which names no column');
  });
});

describe('the measures that matter most and the paths "from X to Y by when" (issue 15)', () => {
  const base = { version: 1, sources: { sales: { sheet: 'Orders', columns: { date: 'Date', amount: 'Amount' } } } };
  test('come back as stored', () => {
    const def = parseDefinition({
      ...base,
      marked: ['revenue', 'nps'],
      paths: { nps: { from: 20, to: 50, start: '2026-01', by: '2026-12' } },
    });
    expect(def.marked).toEqual(['revenue', 'nps']);
    expect(def.paths).toEqual({ nps: { from: 20, to: 50, start: '2026-01', by: '2026-12' } });
  });
  test('say what is wrong', () => {
    expect(errorOf(() => parseDefinition({ ...base, marked: ['nps', 'csat', 'revenue', 'orders'] })).message).toMatch(
      /marked: choose at most 3 measures that matter most, not 4/,
    );
    expect(errorOf(() => parseDefinition({ ...base, marked: ['nps', 'nps'] })).message).toMatch(/marked: a measure is listed twice/);
    expect(errorOf(() => parseDefinition({ ...base, marked: ['happiness'] })).message).toMatch(/marked: "happiness" is not a measure/);
    expect(
      errorOf(() => parseDefinition({ ...base, paths: { nps: { from: 20, to: 50, start: '2026-Q1', by: '2026-Q4' } } })).message,
    ).toMatch(/paths\.nps: "2026-Q1" to "2026-Q4" must be periods of the scorecard's kind \(month\)/);
    expect(
      errorOf(() => parseDefinition({ ...base, paths: { nps: { from: '20', to: 50, start: '2026-01', by: '2026-12' } } })).message,
    ).toMatch(/paths\.nps: from and to must be numbers/);
  });
});
