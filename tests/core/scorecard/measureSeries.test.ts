import fc from 'fast-check';
import { measureSeries } from '../../../src/core/scorecard/measureSeries';
import { periodSlots } from '../../../src/core/measures/buckets';
import { npsRows } from '../../../src/core/measures/nps';
import { ratioOfPeriods } from '../../../src/core/measures/ratio';
import { cachedDayColumn } from '../../../src/core/values/date';
import { parsePeriod, periodOfDay } from '../../../src/core/time/periods';
import type { Cell } from '../../../src/core/values/cell';
import { DATES, col, day, errorOf } from '../helpers';

const MONTH = parsePeriod('month');
const JAN = periodOfDay(day('2026-01-01'), MONTH);

describe('measureSeries: each measure per wanted period, by its one core function', () => {
  test('the nps row, from the NPS counts per period, equals Σ(±1)/answers per period of the rows', () => {
    const row = fc.record({
      day: fc.option(fc.integer({ min: 0, max: 200 }), { freq: 8 }),
      score: fc.oneof(fc.integer({ min: 0, max: 10 }), fc.constant('')),
      asText: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 50 }), fc.integer({ min: -2, max: 8 }), (list, from) => {
        fc.pre(list.some((r) => r.score !== ''));
        const dates = col(
          list.map((r): Cell => {
            if (r.day === null) return '';
            const d = new Date(Date.UTC(2026, 0, 1 + r.day));
            return r.asText ? d.toISOString().slice(0, 10) : d;
          }),
          'dates',
          true,
        );
        const scores = col(
          list.map((r) => r.score),
          'scores',
          true,
        );
        const periods = Array.from({ length: 4 }, (_, i) => JAN + from + i);
        const slot = periodSlots(cachedDayColumn(dates, DATES), periods, MONTH);
        expect(measureSeries('nps', periods, MONTH, { dates, a: scores }, DATES)).toEqual(ratioOfPeriods(npsRows(scores), slot, 4, 100));
      }),
    );
  });
  test('on_time counts an order in the period it was due and leaves out rows without a promised date', () => {
    const delivered = col(['2026-01-09', '2026-01-20', '2026-02-02', '', '2026-02-03'], 'delivered', true);
    const promised = col(['2026-01-10', '2026-01-15', '', '2026-01-01', '2026-02-03'], 'promised', true);
    // By the promised day's period (DOMAIN.md): January has three orders due (on time, late, and one never
    // delivered whose day has passed as of the latest date, 2026-02-03), February one.
    expect(measureSeries('on_time', [JAN, JAN + 1, JAN + 2], MONTH, { dates: delivered, a: promised }, DATES)).toEqual([1 / 3, 1, null]);
  });
  test('a measure without its columns says what it needs', () => {
    const dates = col(['2026-01-09'], 'dates', true);
    expect(errorOf(() => measureSeries('nps', [JAN], MONTH, { dates }, DATES)).message).toBe('nps needs referral scores');
    expect(errorOf(() => measureSeries('return_rate', [JAN], MONTH, { dates, a: dates }, DATES)).message).toBe(
      'return_rate needs quantities returned',
    );
  });
});
