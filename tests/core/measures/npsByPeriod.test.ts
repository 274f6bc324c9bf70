import fc from 'fast-check';
import { npsPeriodCounts, type NpsPeriodCounts } from '../../../src/core/measures/npsByPeriod';
import { parsePeriod } from '../../../src/core/time/periods';
import type { Cell } from '../../../src/core/values/cell';
import { CTX, col, errorOf } from './helpers';

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
          const fast = npsPeriodCounts(col(dates, 'dates'), col(scores, 'scores'), spec, CTX.dates);
          const slow = npsPeriodCounts(col(texts, 'dates'), col(scores, 'scores'), spec, CTX.dates);
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
      CTX.dates,
    );
    expect(plain(c)).toEqual({ first: plain(c).first, responses: [1, 0, 2], promoters: [0, 0, 2], detractors: [1, 0, 0] });
  });

  test('a bad score is named with its row whichever way the dates are read', () => {
    const d = new Date('2026-01-10T00:00:00Z');
    expect(
      errorOf(() => npsPeriodCounts(col([d, d], 'dates'), col([9, 'eleven'], 'scores'), parsePeriod('month'), CTX.dates)).message,
    ).toBe('row 2 holds "eleven"; scores are whole numbers from 0 to 10');
    expect(
      errorOf(() =>
        npsPeriodCounts(col(['2026-01-10', '2026-01-10'], 'dates'), col([9, 'eleven'], 'scores'), parsePeriod('month'), CTX.dates),
      ).message,
    ).toBe('row 2 holds "eleven"; scores are whole numbers from 0 to 10');
  });

  test('no dated answer: says to check the rows', () => {
    expect(
      errorOf(() =>
        npsPeriodCounts(col(['', new Date('2026-01-10T00:00:00Z')], 'dates'), col([9, ''], 'scores'), parsePeriod('month'), CTX.dates),
      ).message,
    ).toMatch(/no answer has a date/);
  });
});
