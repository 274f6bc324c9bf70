import { healthFrame, labelOf, lengthOf } from '../../../../src/core/measures/targetHealth/frame';
import { calendarSpec, parsePeriod } from '../../../../src/core/time/periods';
import { day, days, errorOf } from '../../helpers';

describe('healthFrame: the periods, their push windows, and which the data covers only in part', () => {
  test('every period from the first date to the last, with its days and the first day of its last days', () => {
    const f = healthFrame(days('2026-01-01', '', '2026-05-10', '2026-09-30'), calendarSpec('quarter'), 7);
    expect(f.count).toBe(3);
    expect([0, 1, 2].map((p) => labelOf(f, p))).toEqual(['2026-Q1', '2026-Q2', '2026-Q3']);
    expect(Array.from(f.slot)).toEqual([0, -1, 1, 2]);
    expect([0, 1, 2].map((p) => lengthOf(f, p))).toEqual([90, 91, 92]);
    expect(f.cutoff[2]).toBe(day('2026-09-24')); // 24–30 September are the last 7 days
    expect(f.start[1]).toBe(day('2026-04-01'));
    expect(f.end[1]).toBe(day('2026-06-30'));
  });

  test('partial: the data starts after the period’s first day or ends before its last; the middle is whole', () => {
    const whole = healthFrame(days('2026-01-01', '2026-06-30'), calendarSpec('quarter'), 7);
    expect(Array.from(whole.partial)).toEqual([0, 0]);
    const late = healthFrame(days('2026-01-02', '2026-06-30'), calendarSpec('quarter'), 7);
    expect(Array.from(late.partial)).toEqual([1, 0]);
    const early = healthFrame(days('2026-01-01', '2026-09-29'), calendarSpec('quarter'), 7);
    expect(Array.from(early.partial)).toEqual([0, 0, 1]);
    // One sale in the middle of a month: both ends partial, and it is the only period.
    expect(Array.from(healthFrame(days('2026-02-14'), calendarSpec('month'), 7).partial)).toEqual([1]);
  });

  test('fiscal periods and weeks', () => {
    const f = healthFrame(days('2026-07-01', '2026-09-30'), parsePeriod('quarter:jul'), 7);
    expect(labelOf(f, 0)).toBe('FY2027-Q1 (Jul)');
    expect(f.partial[0]).toBe(0);
    const w = healthFrame(days('2026-01-05', '2026-01-11'), calendarSpec('week'), 2); // a Monday to a Sunday
    expect(labelOf(w, 0)).toBe('2026-W02');
    expect(w.partial[0]).toBe(0);
    expect(w.cutoff[0]).toBe(day('2026-01-10'));
  });

  test('no dates, no periods; last_days as long as the period is an error', () => {
    expect(healthFrame(days('', ''), calendarSpec('month'), 7).count).toBe(0);
    expect(errorOf(() => healthFrame(days('2026-02-01'), calendarSpec('month'), 28)).message).toBe(
      'last_days 28 is as long as a month; choose fewer days',
    );
    expect(errorOf(() => healthFrame(days('2026-02-01'), calendarSpec('month'), 0)).message).toMatch(/must be a whole number/);
  });
});
