import { errorOf, run } from '../helpers';

describe('ONTIME_RATE', () => {
  test('on the day counts, a day late does not; undelivered orders are left out', () => {
    const promised = ['Promised', '2026-01-10', '2026-01-10', '2026-01-10', '2026-01-10'];
    const delivered = ['Delivered', '2026-01-09', '2026-01-10', '2026-01-11', ''];
    expect(
      run(
        'ONTIME_RATE',
        promised.map((x) => [x]),
        delivered.map((x) => [x]),
      ),
    ).toBeCloseTo(2 / 3, 15);
  });
  test('a time of day does not make a same-day delivery late', () => {
    expect(run('ONTIME_RATE', [['2026-01-10']], [['2026-01-10T23:59:00Z']])).toBe(1);
    expect(run('ONTIME_RATE', [[new Date(Date.UTC(2026, 0, 10))]], [[new Date(Date.UTC(2026, 0, 10, 18))]])).toBe(1);
  });
  test('clear errors', () => {
    expect(errorOf(() => run('ONTIME_RATE', [['2026-01-10'], ['']], [['2026-01-09'], ['2026-01-12']])).message).toBe(
      'ONTIME_RATE: row 2 has a delivery date but no promised date; fill in the promised date or clear the row',
    );
    expect(errorOf(() => run('ONTIME_RATE', [['2026-01-10']], [['']])).message).toBe(
      'ONTIME_RATE: no delivery dates found in delivered; select the cells that hold them (the header row may be included)',
    );
    expect(errorOf(() => run('ONTIME_RATE', [['2026-01-10'], ['x']], [['2026-01-09'], ['']])).message).toMatch(
      /^ONTIME_RATE: row 2 of promised holds "x"/,
    );
    expect(errorOf(() => run('ONTIME_RATE', [['2026-01-10'], ['2026-01-11']], [['2026-01-09']])).message).toBe(
      'ONTIME_RATE: promised has 2 cells but delivered has 1; give ranges of the same size, e.g. A2:A500 and D2:D500',
    );
  });
});
