import { currencyOfHeader, currencyOfValue, detectCurrency, formatMoney, moneyFormat } from '../../../src/core/values/currency';

describe('the currency of an amount column', () => {
  test('from the header: a sign, a code in capitals or brackets', () => {
    expect(['Net Sales (£)', 'Amount (GBP)', 'Total USD', 'Revenue (eur)', 'Net amount', 'Tax total'].map(currencyOfHeader)).toEqual([
      'GBP',
      'GBP',
      'USD',
      'EUR',
      undefined,
      undefined,
    ]);
  });
  test('from the values’ signs and codes', () => {
    expect(['$1,250.00', '-$4.50', '1 234,56 €', 'GBP 12', '12.00', 'Net'].map(currencyOfValue)).toEqual([
      'USD',
      'USD',
      'EUR',
      'GBP',
      undefined,
      undefined,
    ]);
  });
  test('a code column first; several currencies are mixed, never one of them', () => {
    expect(detectCurrency('Converted Amount', ['97.74'], { header: 'Converted Currency', cells: ['usd', 'usd'] })).toEqual({
      code: 'USD',
      mixed: [],
      from: 'the column "Converted Currency"',
    });
    expect(detectCurrency('Amount', [], { header: 'Currency', cells: ['usd', 'eur'] })).toMatchObject({
      code: undefined,
      mixed: ['EUR', 'USD'],
    });
    expect(detectCurrency('Total', ['$5.00', '€4.00'])).toMatchObject({ code: undefined, mixed: ['EUR', 'USD'] });
    expect(detectCurrency('Total', ['5.00', ''])).toEqual({ code: undefined, mixed: [], from: '' });
  });
  test('money as a manager reads it, and the Sheets format of money rows', () => {
    expect([
      formatMoney(62222, 'GBP'),
      formatMoney(1250.5, 'USD'),
      formatMoney(-12, 'EUR'),
      formatMoney(12, 'CHF'),
      formatMoney(3, undefined),
    ]).toEqual(['£62,222', '$1,250.50', '-€12', 'CHF 12', '3']);
    expect([moneyFormat('GBP'), moneyFormat('USD', 2), moneyFormat(undefined)]).toEqual(['"£"#,##0', '"$"#,##0.00', '#,##0']);
  });
});
