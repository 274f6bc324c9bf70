import { pullForwardCells } from '../../../../src/core/measures/targetHealth/pullForward';
import { pushCells } from '../../../../src/core/measures/targetHealth/push';
import { ALL_SALES } from '../../../../src/core/measures/targetHealth/groups';
import { everyDay, frameOf, salesOf, type Sale } from './helpers';

/**
 * Five sales a day of 2 over August–October (10 a day), with `end` a day more in the last 7 days of August and
 * September's first 7 days at `start` a day.
 */
function months(end: number, start: number, lastDay = '2026-10-31'): Sale[] {
  return everyDay('2026-08-01', lastDay).flatMap((date) => {
    const d = Number(date.slice(8));
    const m = date.slice(5, 7);
    let amount = 10;
    if (m === '08' && d >= 25) amount += end;
    if (m === '09' && d <= 7) amount = start;
    return Array.from({ length: 5 }, () => ({ date, amount: amount / 5 }));
  });
}

function cells(rows: Sale[]) {
  const s = salesOf(rows);
  const f = frameOf(s, 'month', 7);
  const push = pushCells(s, f, ALL_SALES);
  return { push, pull: pullForwardCells(push, f, ALL_SALES) };
}

describe('pull-forward dip: the next period’s first days against the even share, after a push', () => {
  test('worked by hand: a push in August, then September sells 1 a day in its first week', () => {
    const { push, pull } = cells(months(40, 1));
    expect(push[0].flagged).toBe(true);
    const p = pull[0]!;
    expect(p.z!).toBeGreaterThan(3.09);
    expect(p.next).toBe('2026-09');
    // September: 7 · 1 + 23 · 10 = 237; its first 7 days 7.
    expect(p.share).toBeCloseTo(7 / 237, 15);
    expect(p.expected).toBeCloseTo(7 / 30, 15);
    expect(p.ratio).toBeCloseTo(7 / 237 / (7 / 30), 12);
    expect(p.count).toBe(150);
    // se = sqrt(e(1 − e) · Σ amount² / (Σ amount)²), Σ amount² = 35 · 0.2² + 115 · 2²
    const e = 7 / 30;
    expect(p.z).toBeCloseTo((e - 7 / 237) / Math.sqrt((e * (1 - e) * (35 * 0.04 + 115 * 4)) / 237 ** 2), 10);
    expect(p.flagged).toBe(true);
  });

  test('one sale a day is too few to tell the same slow start from chance', () => {
    const once = months(40, 1).filter((_, i) => i % 5 === 0);
    const { push, pull } = cells(once.map((r) => ({ ...r, amount: r.amount * 5 })));
    expect(push[0].flagged).toBe(true);
    expect(pull[0]!.ratio).toBeCloseTo(7 / 237 / (7 / 30), 12);
    expect(pull[0]!.z!).toBeLessThan(3.09);
    expect(pull[0]!.flagged).toBe(false);
  });

  test('a slow start without a push before it is not flagged (a holiday does that)', () => {
    const { push, pull } = cells(months(0, 1));
    expect(push[0].flagged).toBe(false);
    expect(pull[0]!.ratio).toBeLessThan(0.2);
    expect(pull[0]!.flagged).toBe(false);
  });

  test('a push followed by a normal start is not flagged', () => {
    const { pull } = cells(months(40, 10));
    expect(pull[0]!.ratio).toBeCloseTo(1, 12);
    expect(pull[0]!.flagged).toBe(false);
  });

  test('no next period, or a partial one: nothing to show', () => {
    const { pull } = cells(months(40, 1, '2026-10-20'));
    expect(pull[1]).toBeNull(); // October is partial
    expect(pull[2]).toBeNull(); // nothing after October
    expect(pull[0]).not.toBeNull();
  });
});
