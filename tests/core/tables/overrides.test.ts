import { applyOverrides, suggestRoles } from '../../../src/core/tables';
import { InputError } from '../../../src/core/values/errors';
import type { Cell } from '../../../src/core/values/cell';

const make = (n: number, f: (i: number) => Cell): Cell[] => Array.from({ length: n }, (_, i) => f(i));
const headers = ['Order Date', 'Customer', 'Net Sales', 'Gross Sales', 'Comments', 'What could we do better?'];
const suggestions = suggestRoles(headers, [
  make(20, (i) => `2026-01-${String(i + 1).padStart(2, '0')}`),
  make(20, (i) => ['Granite Dental Ltd', 'Cobalt Leisure Ltd', 'Wessex Dental Ltd'][i % 3]),
  make(20, (i) => 100 + i),
  make(20, (i) => 120 + i),
  make(20, () => 'Lovely people, but the van came late twice this month.'),
  make(20, () => 'Tell us before a price rise, please.'),
]);

describe('applyOverrides', () => {
  it('takes the suggestions as they are when nothing is overridden (comment: the most confident column)', () => {
    expect(suggestions.map((s) => s.role)).toEqual(['date', 'customer', 'amount', null, 'comment', 'comment']);
    expect(applyOverrides(suggestions)).toEqual({ date: 0, customer: 1, amount: 2, comment: 4 });
  });

  it("puts the manager's choice first, matching header names whatever their case and spacing", () => {
    expect(applyOverrides(suggestions, { amount: '  gross   SALES ' })).toEqual({ date: 0, customer: 1, amount: 3, comment: 4 });
  });

  it('takes a column away from the role it was suggested for when it is chosen for another', () => {
    expect(applyOverrides(suggestions, { cost: 'Net Sales' })).toEqual({ date: 0, customer: 1, cost: 2, comment: 4 });
  });

  it('drops a role set to null ("not in this table")', () => {
    expect(applyOverrides(suggestions, { customer: null })).toEqual({ date: 0, amount: 2, comment: 4 });
  });

  it('fails clearly on an unknown role, an unknown header, or one column for two roles', () => {
    expect(() => applyOverrides(suggestions, { revenue: 'Net Sales' })).toThrow(InputError);
    expect(() => applyOverrides(suggestions, { revenue: 'Net Sales' })).toThrow(
      /^there is no role called "revenue"; the roles are: date, order_id, customer, .*responded$/,
    );
    expect(() => applyOverrides(suggestions, { amount: 'Net Sale' })).toThrow(
      'no column is called "Net Sale" (for Sales amount (revenue)); the columns are: "Order Date", "Customer", "Net Sales", "Gross Sales", "Comments", "What could we do better?"',
    );
    expect(() => applyOverrides(suggestions, { amount: 'Net Sales', cost: 'net sales' })).toThrow(
      '"Net Sales" is chosen for both Sales amount (revenue) and Cost; a column can hold only one',
    );
  });

  it('refuses a header name two columns share', () => {
    const twins = [
      { column: 0, header: 'Date', role: null, confidence: 0, why: '', alternatives: [] },
      { column: 1, header: 'date', role: null, confidence: 0, why: '', alternatives: [] },
    ];
    expect(() => applyOverrides(twins, { date: 'Date' })).toThrow('2 columns are called "Date"; rename one so they can be told apart');
  });
});
