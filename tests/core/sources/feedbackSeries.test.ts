import { feedbackPeriods } from '../../../src/core/sources/feedbackSeries';
import { calendarSpec } from '../../../src/core/time/periods';
import { DATES, col } from '../helpers';

const MONTH = calendarSpec('month');

describe('survey answers per period, as the exports write them (issue 11)', () => {
  const dates = col(['Submit Date', '2026-01-05', '', '2026-01-09', '2026-01-10'], 'dates', true);
  test('rows a rule catches are listed with why, undated partial responses too', () => {
    const type = col(['Response Type', 'completed', 'partial', 'completed', 'partial'], 'type', true);
    const scores = col(['Score', 10, 9, 3, 8], 'scores', true);
    const f = feedbackPeriods(
      { date: dates, referral_score: scores, filters: [type] },
      { leaveOut: [{ filter: 0, values: ['partial'] }] },
      MONTH,
      DATES,
    );
    expect(Array.from(f.nps!.den)).toEqual([2]);
    expect(f.leftOutCount).toBe(1);
    expect(f.leftOut).toEqual([
      { index: 2, reason: 'type is "partial"' },
      { index: 4, reason: 'type is "partial"' },
    ]);
  });
  test('a 7-point labelled column is counted on its own scale (top box 6 and 7); rules.scale says it outright', () => {
    const sat = col(
      ['Satisfaction', 'Extremely satisfied', 'Moderately satisfied', 'Slightly satisfied', 'Slightly dissatisfied'],
      'sat',
      true,
    );
    const f = feedbackPeriods({ date: dates, satisfaction: sat }, {}, MONTH, DATES);
    expect(f.scale).toBe(7);
    expect([f.csat!.num[0], f.csat!.den[0]]).toEqual([1, 3]);
    const numbers = col(['Satisfaction', 7, 6, 2, 1], 'sat', true);
    expect(feedbackPeriods({ date: dates, satisfaction: numbers }, { scale: 7 }, MONTH, DATES).csat!.num[0]).toBe(1);
    expect(feedbackPeriods({ date: dates, satisfaction: numbers }, {}, MONTH, DATES).problems.csat).toMatch(
      /holds 7; ratings are whole numbers from 1 to 5/,
    );
  });
});
