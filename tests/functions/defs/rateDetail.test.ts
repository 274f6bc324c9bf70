import { errorOf, run } from '../helpers';

const HEADER = ['Count', 'Total', 'Rate', 'Low', 'High'];

describe('RATE_DETAIL', () => {
  test('count, total, the rate and its 95% Wilson interval (Newcombe 1998: 81 of 263 is 0.2553 to 0.3662)', () => {
    const out = run('RATE_DETAIL', 81, 263) as number[][];
    expect(out[0]).toEqual(HEADER);
    expect(out[1].slice(0, 3)).toEqual([81, 263, 81 / 263]);
    expect(out[1][3]).toBeCloseTo(0.2553, 4);
    expect(out[1][4]).toBeCloseTo(0.3662, 4);
  });
  test('another confidence level; 0 of n and n of n stay within 0..1', () => {
    const [, row90] = run('RATE_DETAIL', 81, 263, 0.9) as number[][];
    const [, row95] = run('RATE_DETAIL', 81, 263) as number[][];
    expect(row90[3]).toBeGreaterThan(row95[3]);
    expect(row90[4]).toBeLessThan(row95[4]);
    expect((run('RATE_DETAIL', 0, 10) as number[][])[1].slice(2, 4)).toEqual([0, 0]);
    expect((run('RATE_DETAIL', 10, 10) as number[][])[1][4]).toBe(1);
  });
  test('no answers: blanks for the rate and its interval, never 0', () => {
    expect(run('RATE_DETAIL', 0, 0)).toEqual([HEADER, [0, 0, '', '', '']]);
  });
  test('clear errors', () => {
    expect(errorOf(() => run('RATE_DETAIL', 5, 4)).message).toBe(
      'RATE_DETAIL: argument total is 4; give the total the count is out of: a whole number no smaller than count, e.g. the orders due',
    );
    expect(errorOf(() => run('RATE_DETAIL', 2.5, 4)).message).toMatch(/^RATE_DETAIL: argument count is 2\.5; give how many/);
    expect(errorOf(() => run('RATE_DETAIL', -1, 4)).message).toMatch(/^RATE_DETAIL: argument count is -1;/);
    expect(errorOf(() => run('RATE_DETAIL', 1)).message).toBe(
      'RATE_DETAIL: argument total is missing; give the total the count is out of: a whole number no smaller than count, e.g. the orders due',
    );
  });
});
