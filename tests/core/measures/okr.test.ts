import { objectiveScore, okrScore } from '../../../src/core/measures/okr';
import { InputError } from '../../../src/core/values/errors';

describe('OKR score: clamp((current − start)/(target − start), 0, 1)', () => {
  test('a target above the start', () => {
    expect(okrScore(0, 70, 100)).toBe(0.7);
    expect(okrScore(0, 120, 100)).toBe(1);
    expect(okrScore(0, -5, 100)).toBe(0);
  });
  test('a target below the start (a cost to cut)', () => {
    expect(okrScore(100, 80, 50)).toBe(0.4);
    expect(okrScore(100, 40, 50)).toBe(1);
    expect(okrScore(100, 120, 50)).toBe(0);
  });
  test('target = start: 1 once current has reached it', () => {
    expect(okrScore(50, 50, 50)).toBe(1);
    // Whether 40 or 60 has "reached" 50 depends on a direction DOMAIN.md does not give; not pinned.
  });
  test('an objective is the (weighted) average of its key results', () => {
    expect(objectiveScore([0.7, 0.4, 1])).toBeCloseTo(0.7, 15);
    expect(objectiveScore([1, 0], [3, 1])).toBe(0.75);
    expect(() => objectiveScore([])).toThrow(InputError);
    expect(() => objectiveScore([1], [0])).toThrow('key-result weights must add up to more than 0');
  });
});
