import { periodSeries } from '../../../src/core/measures/periodSeries';
import { parsePeriod } from '../../../src/core/time/periods';
import { col, days } from '../helpers';

describe('periodSeries', () => {
  test('median of an even count is the mean of the middle two; count counts any non-blank value', () => {
    const dd = col(['2026-01-01', '2026-01-02', '2026-01-03', '2026-01-04'], 'dates');
    const dayCol = days('2026-01-01', '2026-01-02', '2026-01-03', '2026-01-04');
    expect(periodSeries(dayCol, col([4, 1, 3, 10], 'values'), parsePeriod('month'), 'median', dd).values).toEqual([3.5]);
    expect(periodSeries(dayCol, col(['order-1', 'x', '', true], 'values'), parsePeriod('month'), 'count', dd).values).toEqual([3]);
  });
});
