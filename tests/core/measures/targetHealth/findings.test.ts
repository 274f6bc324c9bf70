import {
  amount,
  dayText,
  percent,
  percentOne,
  ratchetClause,
  rowClauses,
  sentence,
  times,
} from '../../../../src/core/measures/targetHealth/findings';
import type { PushCell } from '../../../../src/core/measures/targetHealth/push';
import { day } from './helpers';

const push = (over: Partial<PushCell> = {}): PushCell => ({
  sales: 1000,
  count: 100,
  late: 240,
  lateCount: 20,
  early: 70,
  squares: 1e4,
  share: 0.24,
  expected: 7 / 92,
  ratio: 0.24 / (7 / 92),
  z: 9,
  countZ: 5,
  flagged: true,
  ...over,
});
const side = (rate: number, count = 30) => ({ num: rate * 100, den: 100, count, rate });

describe('findings: the sentences a manager reads', () => {
  test('numbers as a manager reads them', () => {
    expect([percent(0.243), percent(0.167), percent(0.0061), percent(0.05), percent(0), percent(0.0996)]).toEqual([
      '24%',
      '17%',
      '0.6%',
      '5%',
      '0%',
      '10%',
    ]);
    expect(percentOne(0.10432)).toBe('10.4%');
    expect(times(2.5714)).toBe('2.6×');
    expect([amount(1234567.4), amount(150), amount(99.456), amount(-2500)]).toEqual(['1,234,567', '150', '99.46', '-2,500']);
    expect(dayText(day('2025-08-14'))).toBe('14 Aug 2025');
  });

  test('a pushed quarter whose sales came back and were discounted: one sentence, the findings in order', () => {
    const clauses = rowClauses({
      kind: 'quarter',
      lastDays: 7,
      push: push(),
      returns: { push: side(0.167), rest: side(0.006), ratio: 0.167 / 0.006, z: 5, flagged: true },
      discount: { push: side(0.099), rest: side(0.043), points: 0.056, z: 9, flagged: true },
      pullForward: null,
      coasting: null,
    });
    expect(sentence('2025-Q3', null, clauses)).toBe(
      "2025-Q3: 24% of the quarter's sales came in its last 7 days, 3.2× the even share; 17% of what was sold then came back, " +
        'against 0.6% of the rest; those sales were 9.9% off list, against 4.3% for the rest of the quarter.',
    );
  });

  test('findings without a push say which days they are about; coasting and the dip in words', () => {
    const quiet = push({ flagged: false, share: 0.07, ratio: 0.9 });
    const returnsOnly = rowClauses({
      kind: 'month',
      lastDays: 5,
      push: quiet,
      returns: { push: side(0.2), rest: side(0.05), ratio: 4, z: 5, flagged: true },
      discount: { push: side(0.12), rest: side(0.04), points: 0.08, z: 5, flagged: true },
      pullForward: null,
      coasting: null,
    });
    expect(returnsOnly).toEqual([
      "20% of what was sold in the month's last 5 days came back, against 5% of the rest",
      'those sales were 12% off list, against 4% for the rest of the month',
    ]);
    const discountOnly = rowClauses({
      kind: 'month',
      lastDays: 5,
      push: quiet,
      returns: null,
      discount: { push: side(0.12), rest: side(0.04), points: 0.08, z: 5, flagged: true },
      pullForward: { next: '2026-10', share: 0.05, expected: 5 / 31, ratio: 0.3, count: 40, z: 4, flagged: true },
      coasting: {
        target: 65000,
        reached: day('2026-08-25'),
        daysBefore: 56,
        daysAfter: 36,
        before: 65000,
        after: 14000,
        rateBefore: 1160.7,
        rateAfter: 388.9,
        ratio: 0.335,
        z: 4,
        countZ: 4,
        flagged: true,
      },
    });
    expect(sentence('2026-09', 'Sarah Lewis', discountOnly)).toBe(
      "2026-09 (Sarah Lewis): sales in the month's last 5 days were 12% off list, against 4% for the rest of it; " +
        'then 2026-10 made only 5% of its sales in its first 5 days, against an even 16%: sales pulled forward; ' +
        "the month's target of 65,000 was reached on 25 Aug 2026, then sales ran at 389 a day, against 1,161 a day before (34% of the pace).",
    );
  });

  test('a ratchet in words', () => {
    const run = { from: 1, to: 7, smallest: 0.0963, largest: 0.1034, afterMisses: 6, afterHits: 1 };
    expect(ratchetClause(run, 'quarter', '2025-Q2', '2026-Q4')).toBe(
      'targets rose by 9.6% to 10.3% every quarter for 7 quarters in a row (2025-Q2 to 2026-Q4), also after 6 quarters that missed: ' +
        'a ratchet that ignores how the quarter went',
    );
    expect(ratchetClause({ ...run, to: 3, smallest: 0.1, largest: 0.1, afterMisses: 1 }, 'month', '2026-02', '2026-04')).toBe(
      'targets rose by 10.0% every month for 3 months in a row (2026-02 to 2026-04), also after 1 month that missed: ' +
        'a ratchet that ignores how the month went',
    );
  });
});
