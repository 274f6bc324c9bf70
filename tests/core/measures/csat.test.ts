import { csatLabel, csatRows } from '../../../src/core/measures/csat';
import { ratioValue } from '../../../src/core/measures/ratio';
import { InputError } from '../../../src/core/values/errors';
import { col } from '../helpers';

describe('CSAT: share of answers in the top boxes', () => {
  test('default: 4 or 5 on a 5-point scale', () => {
    expect(ratioValue(csatRows(col([5, 4, 3, 2, 1], 'scores')), 'none')).toBe(0.4);
  });
  test('labels, case-insensitive', () => {
    expect(
      ['Very dissatisfied', 'dissatisfied', 'Neutral', 'NEITHER', 'Neither satisfied nor dissatisfied', 'Satisfied', 'very  satisfied'].map(
        csatLabel,
      ),
    ).toEqual([1, 2, 3, 3, 3, 4, 5]);
    expect(csatLabel('Happy')).toBeUndefined();
  });
  test('a scale or top box out of range is an error for direct callers too', () => {
    expect(() => csatRows(col([5], 'scores'), 5, 0)).toThrow(InputError);
  });
});
