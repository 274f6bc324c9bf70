import { csatLabel, csatLabelOn, csatRows, labelScale } from '../../../src/core/measures/csat';
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

describe('labelled satisfaction scales (SurveyMonkey, Qualtrics; issue 11)', () => {
  test('5-point wordings: Somewhat satisfied = 4, Somewhat dissatisfied = 2, Extremely … = 5 and 1; a number with its label', () => {
    expect(
      [
        'Somewhat satisfied',
        'Somewhat dissatisfied',
        'Extremely satisfied',
        'Extremely dissatisfied',
        '5 - Very satisfied',
        '2 (Dissatisfied)',
      ].map((t) => csatLabel(t)),
    ).toEqual([4, 2, 5, 1, 5, 2]);
  });
  test('7-point: Moderately / Slightly, and Very / plain / Somewhat; which scale a column is, from its labels', () => {
    expect(
      [
        'Extremely satisfied',
        'Moderately satisfied',
        'Slightly satisfied',
        'Neither satisfied nor dissatisfied',
        'Slightly dissatisfied',
      ].map((t) => csatLabelOn(t, 7)),
    ).toEqual([7, 6, 5, 4, 3]);
    expect(['Very satisfied', 'Satisfied', 'Somewhat satisfied'].map((t) => csatLabelOn(t, 7))).toEqual([7, 6, 5]);
    expect(labelScale(['Somewhat satisfied', 'Very satisfied', 'Neither satisfied nor dissatisfied'])).toBe(5);
    expect(labelScale(['Moderately satisfied', 'Extremely satisfied'])).toBe(7);
    expect(labelScale(['Somewhat satisfied', 'Satisfied', 'Very satisfied'])).toBe(7);
    expect(labelScale([4, 5, ''])).toBeUndefined();
  });
  test('on a 7-point scale the top box is 6 and 7; a 7-point label read on a 5-point scale names its cell and what to do', () => {
    const seven = col(
      ['Extremely satisfied', 'Moderately satisfied', 'Slightly satisfied', 'Neither satisfied nor dissatisfied'],
      'scores',
    );
    expect(ratioValue(csatRows(seven, 7, 2), 'none')).toBe(0.5);
    expect(() => csatRows(col(['Satisfied', 'Moderately satisfied'], 'scores', true))).toThrow(
      'row 2 of scores holds "Moderately satisfied", a label of a 7-point scale; set the scale to 7',
    );
  });
});
