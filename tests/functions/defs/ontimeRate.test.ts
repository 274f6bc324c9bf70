import { errorOf, run } from '../helpers';

describe('ONTIME_RATE (DOMAIN.md "On time")', () => {
  test('on the day counts, a day late does not; an undelivered order is late once its promised day has passed', () => {
    const promised = ['Promised', '2026-01-10', '2026-01-10', '2026-01-10', '2026-01-10'];
    const delivered = ['Delivered', '2026-01-09', '2026-01-10', '2026-01-11', ''];
    const col = (xs: string[]) => xs.map((x) => [x]);
    // As of the latest date (2026-01-11) the undelivered order of 2026-01-10 is overdue: 2 of 4 on time.
    expect(run('ONTIME_RATE', col(promised), col(delivered))).toBe(0.5);
    // As of the promised day itself it is not due yet: 2 of 3.
    expect(run('ONTIME_RATE', col(promised), col(delivered), '2026-01-10')).toBeCloseTo(2 / 3, 15);
  });
  test('a time of day does not make a same-day delivery late', () => {
    expect(run('ONTIME_RATE', [['2026-01-10']], [['2026-01-10T23:59:00Z']])).toBe(1);
    expect(run('ONTIME_RATE', [[new Date(Date.UTC(2026, 0, 10))]], [[new Date(Date.UTC(2026, 0, 10, 18))]])).toBe(1);
  });
  test('rows without a promised date are left out', () => {
    expect(run('ONTIME_RATE', [['2026-01-10'], ['']], [['2026-01-09'], ['2026-01-12']])).toBe(1);
  });
  test('clear errors', () => {
    expect(errorOf(() => run('ONTIME_RATE', [['2026-01-10']], [['']])).message).toBe(
      'ONTIME_RATE: no order is due yet: no row has a delivery date or a promised date that has passed',
    );
    expect(errorOf(() => run('ONTIME_RATE', [['2026-01-10'], ['x']], [['2026-01-09'], ['']])).message).toMatch(
      /^ONTIME_RATE: row 2 of promised holds "x"/,
    );
    expect(errorOf(() => run('ONTIME_RATE', [['2026-01-10'], ['2026-01-11']], [['2026-01-09']])).message).toBe(
      'ONTIME_RATE: promised has 2 cells but delivered has 1; give ranges of the same size, e.g. A2:A500 and D2:D500',
    );
    expect(errorOf(() => run('ONTIME_RATE', [['2026-01-10']], [['2026-01-09']], 'soon')).message).toMatch(
      /^ONTIME_RATE: argument as_of is "soon"; give a date/,
    );
  });
});
