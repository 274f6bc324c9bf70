import { improvementSummary, readStatus } from '../../../src/core/measures/improvementSummary';
import { DATES, col, day } from '../helpers';

describe('improvement summary', () => {
  test('an even number of durations averages the middle two', () => {
    const s = improvementSummary(
      col(['done', 'done'], 'status'),
      col(['', ''], 'due'),
      col(['2026-01-05', '2026-01-10'], 'closed'),
      col(['2026-01-01', '2026-01-01'], 'opened'),
      DATES,
      day('2026-02-01'),
    );
    expect(s).toEqual({ open: 0, overdue: 0, done: 2, medianDaysToClose: 6.5 });
  });
  test('status words', () => {
    expect(
      ['Open', 'new', 'to do', 'in-progress', 'On hold', 'Completed', 'resolved', "won't do", 'Cancelled', 'waiting'].map(readStatus),
    ).toEqual(['open', 'open', 'open', 'in progress', 'in progress', 'done', 'done', 'dropped', 'dropped', undefined]);
  });
});
