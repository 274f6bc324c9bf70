import { readTargets } from '../../../../src/core/measures/targetHealth/targets';
import { calendarSpec, parsePeriod, parsePeriodLabel } from '../../../../src/core/time/periods';
import { errorOf } from '../../helpers';

const Q = calendarSpec('quarter');
const ix = (label: string) => parsePeriodLabel(label).index;

describe('readTargets: a row of period labels with the targets under it, a row per rep', () => {
  test('the team only: labels across, targets under them', () => {
    const t = readTargets(
      [
        ['2026-Q1', '2026-Q2', ''],
        [100000, '£110,000', ''],
      ],
      Q,
    );
    expect([...t.team]).toEqual([
      [ix('2026-Q1'), 100000],
      [ix('2026-Q2'), 110000],
    ]);
    expect(t.reps.size).toBe(0);
  });

  test('named rows: the team (blank, All, Total, Team …) and each rep; a blank target is no target', () => {
    const t = readTargets(
      [
        ['Target (£)', '2026-Q1', '2026-Q2'],
        ['All', 900, 990],
        [' Tom  Lee ', 150, ''],
        ['ann', '', 80],
      ],
      Q,
    );
    expect([...t.team.values()]).toEqual([900, 990]);
    expect(t.reps.get('tom lee')).toEqual({ name: 'Tom Lee', byPeriod: new Map([[ix('2026-Q1'), 150]]) });
    expect([...t.reps.get('ann')!.byPeriod.values()]).toEqual([80]);
    // A blank corner and a blank name read the same way.
    const blank = readTargets(
      [
        ['', '2026-01'],
        ['', 5],
        ['Ann', 2],
      ],
      calendarSpec('month'),
    );
    expect([...blank.team.values()]).toEqual([5]);
  });

  test('turned on its side: labels down the first column', () => {
    const t = readTargets(
      [
        ['Quarter', 'All', 'Tom'],
        ['2026-Q1', 900, 150],
        ['2026-Q2', 990, 160],
      ],
      Q,
    );
    expect([...t.team.values()]).toEqual([900, 990]);
    expect([...t.reps.get('tom')!.byPeriod.values()]).toEqual([150, 160]);
    const bare = readTargets(
      [
        ['2026-Q1', 900],
        ['2026-Q2', 990],
      ],
      Q,
    );
    expect([...bare.team.values()]).toEqual([900, 990]);
  });

  test('fiscal labels carry their start', () => {
    const spec = parsePeriod('quarter:jul');
    const t = readTargets([['FY2027-Q1 (Jul)'], [500]], spec);
    expect([...t.team.keys()]).toEqual([ix('FY2027-Q1 (Jul)')]);
    expect(errorOf(() => readTargets([['2026-Q3'], [500]], spec)).message).toBe(
      'targets row 1, column 1 is "2026-Q3", a label of quarters, but the periods are fiscal quarters starting in Jul; label the targets as PERIODS writes them for the same periods, e.g. FY2027-Q1 (Jul)',
    );
  });

  test('errors say which cell and what to do', () => {
    expect(errorOf(() => readTargets([['', '']], Q)).message).toBe(
      'targets is empty; give a row of period labels (e.g. from PERIODS) with the targets under it',
    );
    expect(
      errorOf(() =>
        readTargets(
          [
            ['Q1 2026', 'Q2 2026'],
            [1, 2],
          ],
          Q,
        ),
      ).message,
    ).toMatch(/^targets: the first row \(or column\) must hold period labels with the targets under them; give period labels/);
    expect(errorOf(() => readTargets([['2026-01'], [5]], Q)).message).toBe(
      'targets row 1, column 1 is "2026-01", a label of months, but the periods are quarters; label the targets as PERIODS writes them for the same periods, e.g. 2026-Q1',
    );
    expect(
      errorOf(() =>
        readTargets(
          [
            ['2026-Q1', '2026-Q1'],
            [1, 2],
          ],
          Q,
        ),
      ).message,
    ).toBe('targets row 1, column 2 repeats the period 2026-Q1; give each period once');
    expect(
      errorOf(() =>
        readTargets(
          [
            ['2026-Q1', '2026-Q2'],
            [1, 0],
          ],
          Q,
        ),
      ).message,
    ).toBe('targets row 2, column 2 holds 0; a target is an amount above 0, such as 250000');
    expect(
      errorOf(() =>
        readTargets(
          [
            ['2026-Q1', '2026-Q2'],
            [1, 'lots'],
          ],
          Q,
        ),
      ).message,
    ).toBe('targets row 2, column 2 holds "lots"; a target is an amount above 0, such as 250000');
    expect(
      errorOf(() =>
        readTargets(
          [
            ['2026-Q1', '', '2026-Q3'],
            [1, 2, 3],
          ],
          Q,
        ),
      ).message,
    ).toBe('targets row 2, column 2 holds a target under a blank label; give the period it is for');
    expect(errorOf(() => readTargets([['2026-Q1'], [1], [2]], Q)).message).toBe(
      'targets has 2 rows of targets but no names; put each rep\'s name in the first column (a blank or "All" for the whole team)',
    );
    expect(
      errorOf(() =>
        readTargets(
          [
            ['', '2026-Q1'],
            ['All', 1],
            ['Total', 2],
          ],
          Q,
        ),
      ).message,
    ).toBe('targets row 3, column 1: a second row for the whole team; give one, and a row per rep');
    expect(
      errorOf(() =>
        readTargets(
          [
            ['', '2026-Q1'],
            ['Ann', 1],
            ['ANN', 2],
          ],
          Q,
        ),
      ).message,
    ).toBe('targets row 3, column 1: ANN has a second row; give one row per rep');
    // On its side, cells are named as the range lies.
    expect(
      errorOf(() =>
        readTargets(
          [
            ['2026-Q1', 1],
            ['2026-Q2', -4],
          ],
          Q,
        ),
      ).message,
    ).toBe('targets row 2, column 2 holds -4; a target is an amount above 0, such as 250000');
  });
});
