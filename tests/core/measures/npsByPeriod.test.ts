import fc from 'fast-check';
import { npsByPeriod, npsOfPeriods, npsPeriodCounts, type NpsPeriodCounts } from '../../../src/core/measures/npsByPeriod';
import { parsePeriod } from '../../../src/core/time/periods';
import type { Cell } from '../../../src/core/values/cell';
import { DATES, col, errorOf } from '../helpers';

/**
 * NPS_BY_PERIOD's counts: the one-pass reading of Date cells (the common case) must give exactly what
 * the two-pass reading of the same dates as text gives, which the differential tests check against
 * HyperFormula's COUNTIFS.
 */
const plain = (c: NpsPeriodCounts) => ({
  first: c.first,
  responses: [...Array.from(c.responses)],
  promoters: [...Array.from(c.promoters)],
  detractors: [...Array.from(c.detractors)],
});
const iso = (d: Date) => d.toISOString().slice(0, 10);

describe('npsPeriodCounts', () => {
  test('Date cells in one pass = the same dates as text', () => {
    const row = fc.record({
      day: fc.option(fc.integer({ min: 0, max: 800 }), { freq: 8 }),
      score: fc.oneof(fc.integer({ min: 0, max: 10 }), fc.constant(''), fc.constant('10 - Extremely likely')),
    });
    fc.assert(
      fc.property(
        fc.array(row, { minLength: 1, maxLength: 60 }),
        fc.constantFrom('week', 'month', 'quarter:apr', 'year'),
        (list, period) => {
          fc.pre(list.some((r) => r.day !== null && r.score !== ''));
          const dates: Cell[] = list.map((r) => (r.day === null ? '' : new Date(Date.UTC(2025, 0, 1 + r.day))));
          const texts: Cell[] = dates.map((d) => (d instanceof Date ? iso(d) : ''));
          const scores: Cell[] = list.map((r) => r.score);
          const spec = parsePeriod(period);
          const fast = npsPeriodCounts(col(dates, 'dates'), col(scores, 'scores'), spec, DATES);
          const slow = npsPeriodCounts(col(texts, 'dates'), col(scores, 'scores'), spec, DATES);
          expect(plain(fast)).toEqual(plain(slow));
        },
      ),
    );
  });

  test('dates out of order, a blank date with a score, and the periods between listed', () => {
    const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
    const c = npsPeriodCounts(
      col([d('2026-03-05'), '', d('2026-01-10'), d('2026-03-20')], 'dates'),
      col([10, 0, 6, 9], 'scores'),
      parsePeriod('month'),
      DATES,
    );
    expect(plain(c)).toEqual({ first: plain(c).first, responses: [1, 0, 2], promoters: [0, 0, 2], detractors: [1, 0, 0] });
  });

  test('a bad score is named with its row whichever way the dates are read', () => {
    const d = new Date('2026-01-10T00:00:00Z');
    expect(errorOf(() => npsPeriodCounts(col([d, d], 'dates'), col([9, 'eleven'], 'scores'), parsePeriod('month'), DATES)).message).toBe(
      'row 2 holds "eleven"; scores are whole numbers from 0 to 10',
    );
    expect(
      errorOf(() => npsPeriodCounts(col(['2026-01-10', '2026-01-10'], 'dates'), col([9, 'eleven'], 'scores'), parsePeriod('month'), DATES))
        .message,
    ).toBe('row 2 holds "eleven"; scores are whole numbers from 0 to 10');
  });

  test('no dated answer: no periods for the scorecard, and NPS_BY_PERIOD says to check the rows', () => {
    const dates = col(['', new Date('2026-01-10T00:00:00Z')], 'dates');
    const scores = col([9, ''], 'scores');
    expect(plain(npsPeriodCounts(dates, scores, parsePeriod('month'), DATES)).responses).toEqual([]);
    expect(errorOf(() => npsByPeriod(dates, scores, parsePeriod('month'), DATES)).message).toBe(
      'no answer has a date; check that dates and scores are the same rows',
    );
  });
});

describe('npsOfPeriods: the scorecard row', () => {
  test('the NPS of each wanted period, from the same counts; null where nobody answered or outside the data', () => {
    const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
    const month = parsePeriod('month');
    const counts = npsPeriodCounts(
      col([d('2026-01-10'), d('2026-01-20'), d('2026-03-05')], 'dates'),
      col([10, 6, 9], 'scores'),
      month,
      DATES,
    );
    const jan = 2026 * 12;
    expect(npsOfPeriods(counts, [jan - 1, jan, jan + 1, jan + 2, jan + 3])).toEqual([null, 0, null, 100, null]);
  });
});

describe('npsByPeriod', () => {
  test('the change and its significance compare consecutive periods that both have answers', () => {
    const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
    const dates = col([d('2026-01-10'), d('2026-02-10'), d('2026-04-10')], 'dates');
    const { rows } = npsByPeriod(dates, col([0, 10, 10], 'scores'), parsePeriod('month'), DATES);
    expect(rows.map((r) => [r.responses, r.nps, r.change])).toEqual([
      [1, -100, null],
      [1, 100, 200],
      [0, null, null],
      [1, 100, null],
    ]);
    expect(rows[1].significant).toBe(false); // one answer each: far too few to tell
  });
});
