import { errorOf, run } from '../helpers';

describe('TARGET_RATCHET: targets that rise by the same step whatever happened', () => {
  test('+10% a quarter, after hits and misses: a ratchet, in a sentence', () => {
    const out = run(
      'TARGET_RATCHET',
      [['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1']],
      [[100, 110, 121, 133.1, 146.41]],
      [[105, 100, 130, 120, '']],
    ) as (string | number)[][];
    expect(out[0]).toEqual(['Period', 'Target', 'Result', 'Hit', 'Rise', 'Ratchet']);
    expect(out.slice(1, 6).map((r) => [r[0], r[3], r[5]])).toEqual([
      ['2025-Q1', 'Hit', ''],
      ['2025-Q2', 'Missed', 'Ratchet'],
      ['2025-Q3', 'Hit', 'Ratchet'],
      ['2025-Q4', 'Missed', 'Ratchet'],
      ['2026-Q1', '', 'Ratchet'],
    ]);
    expect(out[2][4]).toBeCloseTo(0.1, 12);
    expect(out[1][4]).toBe('');
    expect(out[6]).toEqual([
      'Targets rose by 10.0% every quarter for 4 quarters in a row (2025-Q2 to 2026-Q1), also after 2 quarters that missed: a ratchet that ignores how the quarter went.',
      '',
      '',
      '',
      '',
      '',
    ]);
  });

  test('columns work as rows do; a period left out breaks a run; a blank label is skipped', () => {
    const out = run(
      'TARGET_RATCHET',
      [['2026-01'], ['2026-02'], [''], ['2026-04'], ['2026-05']],
      [[100], [110], [''], [133.1], [146.41]],
      [[1], [1], [''], [1], [1]],
    ) as (string | number)[][];
    expect(out.map((r) => r[0]).slice(1, 6)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05']);
    expect(out[3].slice(1)).toEqual(['', '', '', '', '']); // March: no target
    expect(out[6][0]).toBe(
      'No ratchet: the targets never rose 3 months in a row by steps within 2 points of each other, also after a miss.',
    );
  });

  test('clear errors', () => {
    expect(errorOf(() => run('TARGET_RATCHET', [['2026-Q1', '2026-Q2']], [[1]], [[1, 2]])).message).toBe(
      'TARGET_RATCHET: periods has 2 cells, targets 1 and results 2; give one of each per period',
    );
    expect(errorOf(() => run('TARGET_RATCHET', [['2026-Q2', '2026-Q1']], [[1, 2]], [[1, 2]])).message).toBe(
      'TARGET_RATCHET: row 1, column 2 of periods holds "2026-Q1"; the periods must run oldest first, each once',
    );
    expect(errorOf(() => run('TARGET_RATCHET', [['2026-Q1', '2026-Q2']], [[1, -2]], [[1, 2]])).message).toBe(
      'TARGET_RATCHET: row 1, column 2 of targets holds -2; a target is an amount above 0, such as 250000',
    );
    expect(errorOf(() => run('TARGET_RATCHET', [['2026-Q1', '']], [[1, 2]], [[1, 2]])).message).toBe(
      'TARGET_RATCHET: row 1, column 2 of periods holds ""; give the label of the period this is for',
    );
    expect(errorOf(() => run('TARGET_RATCHET', [['Q1', 'Q2']], [[1, 2]], [[1, 2]])).message).toMatch(
      /^TARGET_RATCHET: row 1, column 1 of periods holds "Q1"; give period labels as PERIODS writes them/,
    );
    expect(errorOf(() => run('TARGET_RATCHET', [['2026-Q1', '2026-02']], [[1, 2]], [[1, 2]])).message).toMatch(
      /^TARGET_RATCHET: row 1, column 2 of periods holds "2026-02"; the row mixes kinds of period/,
    );
  });
});
