import fc from 'fast-check';
import { pathIndexes, pathTargetAt } from '../../../src/core/scorecard/targetPath';
import { measureTarget } from '../../../src/core/scorecard/targets';
import { measureInfo } from '../../../src/core/scorecard/measures';
import { calendarSpec } from '../../../src/core/time/periods';

describe('from X to Y by when', () => {
  const month = calendarSpec('month');
  test('the line from X at the start to Y by the end; X before, Y after', () => {
    expect(pathTargetAt(20, 50, 0, 10, -3)).toBe(20);
    expect(pathTargetAt(20, 50, 0, 10, 0)).toBe(20);
    expect(pathTargetAt(20, 50, 0, 10, 4)).toBe(32);
    expect(pathTargetAt(20, 50, 0, 10, 10)).toBe(50);
    expect(pathTargetAt(20, 50, 0, 10, 14)).toBe(50);
    // A cost to cut: the line goes down.
    expect(pathTargetAt(0.02, 0.01, 0, 4, 2)).toBeCloseTo(0.015, 12);
  });

  test('its periods are labels of the scorecard kind, the end after the start', () => {
    expect(pathIndexes({ from: 1, to: 2, start: '2026-01', by: '2026-12' }, month)).toEqual({ start: 2026 * 12, by: 2026 * 12 + 11 });
    expect(pathIndexes({ from: 1, to: 2, start: '2026-Q1', by: '2026-Q4' }, month)).toEqual({
      problem: '"2026-Q1" to "2026-Q4" must be periods of the scorecard\'s kind (month)',
    });
    expect(pathIndexes({ from: 1, to: 2, start: '2026-06', by: '2026-06' }, month)).toEqual({
      problem: '"2026-06" must come after "2026-06"',
    });
    expect('problem' in pathIndexes({ from: 1, to: 2, start: 'June', by: '2026-06' }, month)).toBe(true);
  });

  test('property: the line stays between X and Y and moves one way', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -100, max: 100, noNaN: true }),
        fc.double({ min: -100, max: 100, noNaN: true }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: -10, max: 60 }),
        (x, y, len, i) => {
          const v = pathTargetAt(x, y, 0, len, i);
          const w = pathTargetAt(x, y, 0, len, i + 1);
          expect(v).toBeGreaterThanOrEqual(Math.min(x, y) - 1e-9);
          expect(v).toBeLessThanOrEqual(Math.max(x, y) + 1e-9);
          expect(Math.sign(w - v) * Math.sign(y - x)).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });

  test('a measure takes a path over a typed target, and a typed target over a suggestion', () => {
    const nps = measureInfo('nps')!;
    const history = [30, 32, 31, 33, 35, 34];
    const path = { from: 20, to: 50, start: 0, by: 10, startLabel: '2026-01', byLabel: '2026-11' };
    expect(measureTarget(nps, history, 45, path, 5)).toEqual({
      value: 35,
      kind: 'path',
      why: "From 20 in 2026-01 to 50 by 2026-11: the line's value now.",
    });
    expect(measureTarget(nps, history, 45, undefined, 5)).toMatchObject({ value: 45, kind: 'typed' });
    expect(measureTarget(nps, history, null, undefined, 5)).toMatchObject({ value: 35, kind: 'suggested' });
    expect(measureTarget(nps, [30], undefined, undefined, 0)).toMatchObject({ value: null, kind: null });
  });
});
