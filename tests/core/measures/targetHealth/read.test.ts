import { readHealthSales } from '../../../../src/core/measures/targetHealth/read';
import { col, DATES, days, errorOf } from '../../helpers';
import { salesOf } from './helpers';

const arr = (x: Float64Array | Int32Array | null | undefined): number[] => Array.from(x ?? []);

describe('readHealthSales: a sale is a row with a date and an amount', () => {
  test('header, blank and totals rows are left out; a bad amount names its row', () => {
    const s = readHealthSales(
      {
        dates: col(['Date', '2026-01-05', '', '2026-01-06', ''], 'dates', true),
        amounts: col(['Amount', '£1,200.50', '', '', 'Total'], 'amounts', true),
      },
      days('', '2026-01-05', '', '2026-01-06', ''),
      DATES,
    );
    expect(arr(s.amounts)).toEqual([NaN, 1200.5, NaN, NaN, NaN]);
    expect(
      errorOf(() =>
        readHealthSales({ dates: col(['2026-01-05'], 'dates', true), amounts: col(['lots'], 'amounts', true) }, days('2026-01-05'), DATES),
      ).message,
    ).toBe('row 1 of amounts holds "lots"; expected an amount such as 1234.5 or "£1,234.50"');
    expect(errorOf(() => salesOf([{ date: '2026-01-05', amount: 1 }], { rep: col(['a', 'b'], 'rep', true) })).message).toBe(
      'dates has 1 cells but rep has 2; give ranges of the same size, e.g. A2:A500 and D2:D500',
    );
  });
});

describe('returns', () => {
  test('numbers count against sold; yes/no, a return date or "Returned" return the whole sale', () => {
    const s = salesOf([
      { date: '2026-01-05', amount: 100, returned: 2, sold: 10 },
      { date: '2026-01-06', amount: 50, returned: '', sold: 4 },
      { date: '2026-01-07', amount: 80, returned: 0, sold: 8 },
    ]);
    expect(arr(s.returns!.returned)).toEqual([2, 0, 0]);
    expect(arr(s.returns!.base)).toEqual([10, 4, 8]);
    const whole = salesOf([
      { date: '2026-01-05', amount: 100, returned: 'yes' },
      { date: '2026-01-06', amount: 50, returned: 'no' },
      { date: '2026-01-07', amount: 80, returned: '2026-01-20' },
      { date: '2026-01-08', amount: 30, returned: new Date(Date.UTC(2026, 0, 21)) },
      { date: '2026-01-09', amount: 20, returned: 'Returned' },
      { date: '2026-01-10', amount: 10, returned: true },
      { date: '2026-01-11', amount: 5, returned: '' },
    ]);
    expect(arr(whole.returns!.returned)).toEqual([100, 0, 80, 30, 20, 10, 0]); // by value: the amounts are the base
    expect(arr(whole.returns!.base)).toEqual([100, 50, 80, 30, 20, 10, 5]);
  });

  test('credits (an amount of 0 or less) do not count; a row with returns needs what was sold', () => {
    const s = salesOf([
      { date: '2026-01-05', amount: -40, returned: 'yes' },
      { date: '2026-01-06', amount: 0, returned: '' },
    ]);
    expect(arr(s.returns!.base)).toEqual([0, 0]);
    expect(
      errorOf(() =>
        salesOf([
          { date: '2026-01-05', amount: 100, returned: 1, sold: 5 },
          { date: '2026-01-06', amount: 100, returned: 1, sold: '' },
        ]),
      ).message,
    ).toBe('row 2 of sold holds ""; a row with returns needs what was sold; fill it in or clear the row');
  });

  test('clear refusals: numbers without sold, numbers mixed with dates, a negative, an unreadable cell', () => {
    expect(errorOf(() => salesOf([{ date: '2026-01-05', amount: 100, returned: 2 }])).message).toBe(
      'returned holds numbers (row 1 of returned); give sold, what they count against: the quantity column for units, or the amounts again for money',
    );
    expect(
      errorOf(() =>
        salesOf([
          { date: '2026-01-05', amount: 100, returned: 2, sold: 5 },
          { date: '2026-01-06', amount: 100, returned: 'yes', sold: 5 },
        ]),
      ).message,
    ).toBe(
      'returned mixes numbers (row 1 of returned) with dates or yes/no (row 2 of returned); give one kind: what came back as numbers, or a date or yes on each row that came back',
    );
    expect(errorOf(() => salesOf([{ date: '2026-01-05', amount: 100, returned: -1, sold: 5 }])).message).toBe(
      'row 1 of returned holds -1; what came back is a number of 0 or more',
    );
    expect(errorOf(() => salesOf([{ date: '2026-01-05', amount: 100, returned: 'broken' }])).message).toBe(
      'row 1 of returned holds "broken"; expected what came back (a number such as 2), yes/no, or the date it came back',
    );
  });
});

describe('discounts: money off, and the list value = amount + money off', () => {
  test('money off, as positive numbers or (as Square writes them) negative ones', () => {
    const s = salesOf([
      { date: '2026-01-05', amount: 90, discount: 10 },
      { date: '2026-01-06', amount: 50, discount: '' },
      { date: '2026-01-07', amount: 40, discount: '£2.50' },
    ]);
    expect(arr(s.discount!.off)).toEqual([10, 0, 2.5]);
    expect(arr(s.discount!.list)).toEqual([100, 50, 42.5]);
    const square = salesOf([
      { date: '2026-01-05', amount: 90, discount: '-$10.00' },
      { date: '2026-01-06', amount: 50, discount: 0 },
    ]);
    expect(arr(square.discount!.off)).toEqual([10, 0]);
    expect(arr(square.discount!.list)).toEqual([100, 50]);
  });

  test('rates, percentages and list values, with discount_is', () => {
    const rate = salesOf(
      [
        { date: '2026-01-05', amount: 93, discount: 0.07 },
        { date: '2026-01-06', amount: 50, discount: '10%' },
      ],
      {
        discountIs: 'rate',
      },
    ).discount!;
    expect(rate.list[0]).toBeCloseTo(100, 12);
    expect(rate.off[0]).toBeCloseTo(7, 12);
    expect(rate.list[1]).toBeCloseTo(50 / 0.9, 12);
    const percent = salesOf(
      [
        { date: '2026-01-05', amount: 93, discount: 7 },
        { date: '2026-01-06', amount: 50, discount: '10%' },
      ],
      {
        discountIs: 'percent',
      },
    ).discount!;
    expect(percent.list[0]).toBeCloseTo(100, 12);
    expect(percent.list[1]).toBeCloseTo(50 / 0.9, 12); // "10%" is 10% whichever way the column is written
    const list = salesOf(
      [
        { date: '2026-01-05', amount: 93, discount: 100 },
        { date: '2026-01-06', amount: 50, discount: '' },
      ],
      {
        discountIs: 'list',
      },
    ).discount!;
    expect(arr(list.off)).toEqual([7, 0]);
    expect(arr(list.list)).toEqual([100, 0]); // no list value: the row does not count
    // Given away (100% off, sold for 0): no list value to weigh it by.
    expect(arr(salesOf([{ date: '2026-01-05', amount: 0, discount: 1 }], { discountIs: 'rate' }).discount!.list)).toEqual([0]);
  });

  test('credits do not count', () => {
    const s = salesOf([
      { date: '2026-01-05', amount: -90, discount: 10 },
      { date: '2026-01-06', amount: 90, discount: 10 },
    ]);
    expect(arr(s.discount!.list)).toEqual([0, 100]);
  });

  test('clear refusals: rates in disguise, mixed signs, a rate where money is expected, impossible values', () => {
    expect(
      errorOf(() =>
        salesOf([
          { date: '2026-01-05', amount: 93, discount: 0.07 },
          { date: '2026-01-06', amount: 9, discount: 0 },
        ]),
      ).message,
    ).toBe(
      'every discount is 1 or less (row 1 of discount holds 0.07), which reads as rates rather than money off; give discount_is "rate" (0.07 is 7% off) or "amount" (money off)',
    );
    // Said in so many words, pennies off are pennies off.
    expect(arr(salesOf([{ date: '2026-01-05', amount: 93, discount: 0.07 }], { discountIs: 'amount' }).discount!.off)).toEqual([0.07]);
    expect(
      errorOf(() =>
        salesOf([
          { date: '2026-01-05', amount: 90, discount: 10 },
          { date: '2026-01-06', amount: 90, discount: -3 },
        ]),
      ).message,
    ).toBe('discount holds money off both as positive (row 1 of discount) and negative (row 2 of discount) numbers; write it one way');
    expect(errorOf(() => salesOf([{ date: '2026-01-05', amount: 90, discount: '7%' }])).message).toBe(
      'row 1 of discount holds "7%"; this is a rate, not money off; give discount_is "rate"',
    );
    expect(errorOf(() => salesOf([{ date: '2026-01-05', amount: 90, discount: 7 }], { discountIs: 'rate' })).message).toBe(
      'row 1 of discount holds 7; a rate off is a fraction from 0 to 1, such as 0.07 or 7%',
    );
    expect(errorOf(() => salesOf([{ date: '2026-01-05', amount: 90, discount: 150 }], { discountIs: 'percent' })).message).toBe(
      'row 1 of discount holds 150; a percentage off is from 0 to 100, such as 7 for 7%',
    );
    expect(errorOf(() => salesOf([{ date: '2026-01-05', amount: 90, discount: 1 }], { discountIs: 'rate' })).message).toBe(
      'row 1 of discount holds 1; a row sold for 90 was not 100% off; check the discount',
    );
    expect(errorOf(() => salesOf([{ date: '2026-01-05', amount: 90, discount: 80 }], { discountIs: 'list' })).message).toBe(
      "row 1 of discount holds 80; the list value is below the row's amount 90; give the price before discount",
    );
    expect(errorOf(() => salesOf([{ date: '2026-01-05', amount: 90, discount: 'some' }])).message).toBe(
      'row 1 of discount holds "some"; expected a discount such as 12.5 or 7%',
    );
  });
});

describe('reps', () => {
  test('grouped ignoring case and spaces, first spelling kept; a blank rep is no rep', () => {
    const s = salesOf([
      { date: '2026-01-05', amount: 1, rep: 'Tom Lee' },
      { date: '2026-01-06', amount: 1, rep: ' tom  lee' },
      { date: '2026-01-07', amount: 1, rep: '' },
      { date: '2026-01-08', amount: 1, rep: 'Ann' },
    ]);
    expect(s.reps).toEqual(['Tom Lee', 'Ann']);
    expect(arr(s.rep)).toEqual([0, 0, -1, 1]);
  });
});
