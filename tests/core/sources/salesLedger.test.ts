import fc from 'fast-check';
import { salesLedger } from '../../../src/core/sources/salesLedger';
import { salesPeriods, salesValues } from '../../../src/core/sources/salesSeries';
import { calendarSpec, periodOfDay } from '../../../src/core/time/periods';
import type { Cell } from '../../../src/core/values/cell';
import { DATES, col, day } from '../helpers';

const MONTH = calendarSpec('month');
const JAN = periodOfDay(day('2026-01-01'), MONTH);

describe('the sales ledger (DOMAIN.md "Lag measures")', () => {
  const dates = col(['Order Date', '2026-01-05', '2026-01-05', '2026-01-06', '', '2026-02-01', ''], 'dates', true);
  test('every dated row is a sale; a row without a date (header, blank, totals) is not', () => {
    const l = salesLedger({ date: dates, amount: col(['Net', 10, 20, 5, '', 7, 42], 'amounts', true) }, {}, DATES);
    expect(Array.from(l.sale)).toEqual([0, 1, 1, 1, 0, 1, 0]);
    expect(l.orders).toBe(4);
    const p = salesPeriods(l, MONTH);
    expect(p.first).toBe(JAN);
    expect(salesValues(p, 'revenue')).toEqual([35, 7]);
    expect(salesValues(p, 'orders')).toEqual([3, 1]);
  });
  test('line-level amounts add up per order; orders are distinct ids, a row without an id is an order of its own', () => {
    const ids = col(['Order', 'A', 'A', '', '', 'B', ''], 'ids', true);
    const l = salesLedger({ date: dates, order_id: ids, amount: col(['Net', 10, 20, 5, '', 7, 42], 'amounts', true) }, {}, DATES);
    expect(l.level).toBe('line');
    const p = salesPeriods(l, MONTH);
    expect(salesValues(p, 'revenue')).toEqual([35, 7]);
    expect(salesValues(p, 'orders')).toEqual([2, 1]);
    expect(salesValues(p, 'average_order_value')).toEqual([17.5, 7]);
  });
  test('order-level amounts count once per order, whether given on the first line only or on every line', () => {
    const ids = col(['Order', 'A', 'A', 'B', '', 'C', ''], 'ids', true);
    const firstOnly = col(['Total', 30, '', 5, '', 7, ''], 'amounts', true);
    const repeated = col(['Total', 30, 30, 5, '', 7, ''], 'amounts', true);
    for (const amount of [firstOnly, repeated]) {
      const l = salesLedger({ date: dates, order_id: ids, amount }, { amounts: 'order' }, DATES);
      expect(salesValues(salesPeriods(l, MONTH), 'revenue')).toEqual([35, 7]);
    }
    // Left to the data, repeated amounts read as the order's (lines never differ), once each.
    const guessed = salesLedger({ date: dates, order_id: ids, amount: repeated }, {}, DATES);
    expect(guessed.level).toBe('order');
    expect(guessed.levelGuessed).toBe(true);
    expect(salesValues(salesPeriods(guessed, MONTH), 'revenue')).toEqual([35, 7]);
  });
  test('leave-out rules take a whole order out, even when its status is on its first line only, and say why', () => {
    const ids = col(['Order', 'A', 'A', 'B', '', 'C', ''], 'ids', true);
    const status = col(['Status', 'Voided', '', 'paid', '', 'PAID', ''], 'Financial Status', true);
    const l = salesLedger(
      { date: dates, order_id: ids, amount: col(['Net', 10, 20, 5, '', 7, ''], 'amounts', true), filters: [status] },
      { leaveOut: [{ filter: 0, values: ['voided'] }] },
      DATES,
    );
    expect(Array.from(l.sale)).toEqual([0, 0, 0, 1, 0, 1, 0]);
    expect(l.leftOutCount).toBe(2);
    expect(l.leftOut).toEqual([
      { index: 1, reason: 'Financial Status is "Voided"' },
      { index: 2, reason: 'Financial Status is "Voided"' },
    ]);
    expect(salesValues(salesPeriods(l, MONTH), 'revenue')).toEqual([5, 7]);
  });
  test('a column that cannot be read fails its own measures only, naming the sheet row', () => {
    const bad = col(['Cost', 1, 'lots', 1, '', 1, ''], 'costs', true);
    const l = salesLedger({ date: dates, amount: col(['Net', 10, 20, 5, '', 7, ''], 'amounts', true), cost: bad }, {}, DATES);
    expect(l.problems.cost).toBe('row 3 of costs holds "lots"; expected an amount such as 1234.5 or "£1,234.50"');
    const p = salesPeriods(l, MONTH);
    expect(salesValues(p, 'revenue')).toEqual([35, 7]);
    expect(salesValues(p, 'margin')).toBeNull();
    expect(p.problems.margin).toBe(l.problems.cost);
  });
  test('refunds are returns by value and do not lower revenue', () => {
    const ids = col(['Order', 'A', 'A', 'B', '', 'C', ''], 'ids', true);
    const l = salesLedger(
      {
        date: dates,
        order_id: ids,
        amount: col(['Total', 100, '', 50, '', 40, ''], 'amounts', true),
        refunded: col(['Refunded', 10, '', '', '', 40, ''], 'refunds', true),
      },
      { amounts: 'order' },
      DATES,
    );
    const p = salesPeriods(l, MONTH);
    expect(salesValues(p, 'revenue')).toEqual([150, 40]);
    expect(salesValues(p, 'return_rate')).toEqual([10 / 150, 1]);
    expect(p.returns?.basis).toBe('value');
  });
  test('on time by the promised day, per order (a late line makes the order late), overdue undelivered orders late', () => {
    const d = col(['2026-01-05', '2026-01-05', '2026-01-20', '2026-01-25'], 'dates', true);
    const ids = col(['A', 'A', 'B', 'C'], 'ids', true);
    const promised = col(['2026-01-10', '2026-01-10', '2026-02-02', '2026-01-30'], 'promised', true);
    const delivered = col(['2026-01-09', '2026-01-11', '2026-02-03', ''], 'delivered', true);
    const l = salesLedger({ date: d, order_id: ids, promised_date: promised, delivered_date: delivered }, {}, DATES);
    const p = salesPeriods(l, MONTH);
    // January: A (late: its second line came a day late) and C (never delivered; due 2026-01-30, which has
    // passed as of the latest date 2026-02-03). February: B, due on the 2nd and late. Nothing on time.
    expect(p.onTime?.asOf).toBe(day('2026-02-03'));
    expect(Array.from(p.onTime!.due)).toEqual([2]); // the span is the sales months: January only
    expect(salesValues(p, 'on_time')).toEqual([0]);
  });
});

describe('the ledger against a plain reference (property)', () => {
  // Orders of 1–3 lines in January–March 2026, some voided, amounts at the order level or per line.
  const line = fc.record({ amount: fc.integer({ min: 0, max: 500 }), day: fc.integer({ min: 0, max: 89 }) });
  const order = fc.record({ lines: fc.array(line, { minLength: 1, maxLength: 3 }), voided: fc.boolean(), repeat: fc.boolean() });
  test('revenue and orders per month equal a direct count', () => {
    fc.assert(
      fc.property(fc.array(order, { minLength: 1, maxLength: 30 }), fc.boolean(), (orders, orderLevel) => {
        const dates: Cell[] = [];
        const ids: Cell[] = [];
        const amounts: Cell[] = [];
        const status: Cell[] = [];
        const want = new Map<number, { revenue: number; orders: Set<number> }>();
        orders.forEach((o, k) => {
          const first = day('2026-01-01') + o.lines[0].day;
          const total = o.lines.reduce((s, l) => s + l.amount, 0);
          o.lines.forEach((l, j) => {
            const d = day('2026-01-01') + (orderLevel ? o.lines[0].day : l.day);
            dates.push(new Date(d * 86400000));
            ids.push(`#${1000 + k}`);
            amounts.push(orderLevel ? (j === 0 || o.repeat ? total : '') : l.amount);
            status.push(j === 0 && o.voided ? 'voided' : '');
            if (o.voided) return;
            const m = periodOfDay(orderLevel ? first : d, MONTH);
            const cell = want.get(m) ?? { revenue: 0, orders: new Set<number>() };
            cell.revenue += orderLevel ? (j === 0 ? total : 0) : l.amount;
            want.set(m, cell);
            // An order counts once, in the month of its first line.
            const firstMonth = periodOfDay(first, MONTH);
            const firstCell = want.get(firstMonth) ?? { revenue: 0, orders: new Set<number>() };
            firstCell.orders.add(k);
            want.set(firstMonth, firstCell);
          });
        });
        const l = salesLedger(
          { date: col(dates, 'dates', true), order_id: col(ids), amount: col(amounts), filters: [col(status, 'status', true)] },
          { amounts: orderLevel ? 'order' : 'line', leaveOut: [{ filter: 0, values: ['voided'] }] },
          DATES,
        );
        const p = salesPeriods(l, MONTH);
        const revenue = salesValues(p, 'revenue')!;
        for (let k = 0; k < p.count; k++) {
          const w = want.get(p.first + k);
          expect(revenue[k]).toBe(w?.revenue ?? 0);
          expect(p.orders[k]).toBe(w?.orders.size ?? 0);
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('return rows: refunds and credit notes written as rows of their own (issue 11)', () => {
  const dates = col(['Date', '2026-01-05', '2026-01-05', '2026-02-03', '2026-01-20', '2026-03-02'], 'dates', true);
  const ids = col(['Order', 'A', 'B', 'A', 'C', 'C'], 'ids', true);
  test('by a filter value: a return by value in its own month, neither a sale nor an order', () => {
    const type = col(['Type', 'Invoice', 'Invoice', 'Credit Memo', 'Invoice', 'Refund'], 'type', true);
    const amount = col(['Amount', 100, 50, -30, 80, -80], 'amounts', true);
    const l = salesLedger(
      { date: dates, order_id: ids, amount, filters: [type] },
      { returns: [{ filter: 0, values: ['credit memo', 'refund'] }] },
      DATES,
    );
    expect(Array.from(l.sale)).toEqual([0, 1, 1, 0, 1, 0]);
    expect(Array.from(l.returnRow)).toEqual([0, 0, 0, 1, 0, 1]);
    const p = salesPeriods(l, MONTH);
    expect(p.count).toBe(3); // March holds only a refund, and is listed
    expect(salesValues(p, 'revenue')).toEqual([230, 0, 0]);
    expect(salesValues(p, 'orders')).toEqual([3, 0, 0]);
    expect(Array.from(p.returns!.num)).toEqual([0, 30, 80]);
  });
  test('negatives=returns: a row below zero is a refund (WooCommerce); a left-out order takes its refund with it', () => {
    const status = col(['Status', 'completed', 'completed', 'completed', 'cancelled', 'completed'], 'status', true);
    const amount = col(['Net Sales', 100, 50, -30, 80, -80], 'amounts', true);
    const l = salesLedger(
      { date: dates, order_id: ids, amount, filters: [status] },
      { negatives: 'returns', leaveOut: [{ filter: 0, values: ['cancelled'] }] },
      DATES,
    );
    expect(Array.from(l.sale)).toEqual([0, 1, 1, 0, 0, 0]);
    expect(l.returnRows).toBe(1);
    const p = salesPeriods(l, MONTH);
    expect(salesValues(p, 'revenue')).toEqual([150, 0]);
    expect(Array.from(p.returns!.num)).toEqual([0, 30]);
    expect(l.leftOutCount).toBe(2);
  });
  test('with a refund column too, both count as returns; at the order level a return row counts once per id', () => {
    const kind = col(['Type', 'Sale', 'Sale', 'Credit note', 'Sale', 'Credit note'], 'type', true);
    const amount = col(['Total', 100, 50, 30, 80, 30], 'amounts', true);
    const refunded = col(['Refunded', 10, '', '', '', ''], 'refunds', true);
    const twice = col(['Order', 'A', 'B', 'CN-1', 'C', 'CN-1'], 'ids', true);
    const l = salesLedger(
      { date: dates, order_id: twice, amount, refunded, filters: [kind] },
      { amounts: 'order', returns: [{ filter: 0, values: ['credit note'] }] },
      DATES,
    );
    const p = salesPeriods(l, MONTH);
    expect(Array.from(p.returns!.num)).toEqual([10, 30, 0]);
  });
});
