import { csatLabel, csatRows } from '../../../src/core/measures/csat';
import { COMPARISON_EXPECTED, comparisonRows, readComparison } from '../../../src/core/measures/comparison';
import { onTimeRows } from '../../../src/core/measures/onTime';
import { returnRows } from '../../../src/core/measures/returns';
import { readStars, reviewRows } from '../../../src/core/measures/reviews';
import { ratioTotals, ratioValue } from '../../../src/core/measures/ratio';
import { parsePeriod } from '../../../src/core/time/periods';
import { InputError } from '../../../src/core/values/errors';
import { CTX, col, day, errorOf, run } from './helpers';

describe('CSAT: share of answers in the top boxes', () => {
  test('default: 4 or 5 on a 5-point scale', () => {
    expect(ratioValue(csatRows(col([5, 4, 3, 2, 1], 'scores')), 'none')).toBe(0.4);
    expect(run('CSAT', [[5], [4], [3], [2], [1]])).toBe(0.4);
  });
  test('labels, case-insensitive', () => {
    expect(
      ['Very dissatisfied', 'dissatisfied', 'Neutral', 'NEITHER', 'Neither satisfied nor dissatisfied', 'Satisfied', 'very  satisfied'].map(
        csatLabel,
      ),
    ).toEqual([1, 2, 3, 3, 3, 4, 5]);
    expect(csatLabel('Happy')).toBeUndefined();
    expect(
      run('CSAT', [['Rating'], ['Very satisfied'], ['satisfied'], ['NEUTRAL'], ['Neither'], ['Dissatisfied'], ['very dissatisfied']]),
    ).toBeCloseTo(2 / 6, 15);
  });
  test('other scales and top boxes', () => {
    expect(run('CSAT', [[10], [9], [8]], 10, 2)).toBeCloseTo(2 / 3, 15);
    expect(run('CSAT', [[7], [6], [1]], 7, 1)).toBeCloseTo(1 / 3, 15);
    expect(run('CSAT', [[5], [4], [3]], 5, 3)).toBe(1);
  });
  test('blanks are skipped; the header row is tolerated', () => {
    expect(run('CSAT', [['Q3 rating'], [5], [''], [1]])).toBe(0.5);
  });
  test('clear errors', () => {
    expect(errorOf(() => run('CSAT', [[5], [6]])).message).toBe(
      'CSAT: row 2 holds 6; ratings are whole numbers from 1 to 5 or the labels Very dissatisfied, Dissatisfied, Neutral, Satisfied, Very satisfied',
    );
    expect(errorOf(() => run('CSAT', [[5], [4.5]])).message).toMatch(/^CSAT: row 2 holds 4.5;/);
    expect(errorOf(() => run('CSAT', [[10], ['Satisfied']], 10)).message).toBe(
      'CSAT: row 2 holds "Satisfied"; ratings are whole numbers from 1 to 10',
    );
    expect(errorOf(() => run('CSAT', [[5]], 5, 5)).message).toBe('CSAT: top_box is 5; give how many top ratings count, from 1 to 4');
    expect(errorOf(() => run('CSAT', [[5]], 1)).message).toBe('CSAT: scale is 1; give the highest rating, e.g. 5 or 10');
    expect(errorOf(() => run('CSAT', [[''], ['']])).message).toBe(
      'CSAT: no ratings found in scores; select the cells that hold them (the header row may be included)',
    );
    expect(() => csatRows(col([5], 'scores'), 5, 0)).toThrow(InputError);
  });
});

describe('Net comparison: (better − worse) / answers, matched by keyword', () => {
  test.each<[string, string | null | undefined]>([
    ['Better', 'better'],
    ['Much better', 'better'],
    ['About the same', 'same'],
    ['the same', 'same'],
    ['Similar', 'same'],
    ['Worse than others', 'worse'],
    ['WORSE', 'worse'],
    ['not worse', 'same'],
    ['Not any better', 'same'],
    ['', null],
    ['Better than some, worse than others', undefined],
    ['great', undefined],
  ])('%j → %p', (text, expected) => {
    expect(readComparison(text)).toBe(expected);
  });
  test('numbers and booleans are not answers', () => {
    expect(readComparison(1)).toBeUndefined();
    expect(readComparison(true)).toBeUndefined();
  });
  test('(better − worse)/answers', () => {
    const r = comparisonRows(col(['Much better', 'About the same', 'Worse than others', 'better', 'not worse', ''], 'answers'));
    expect(ratioTotals(r)).toEqual({ num: 1, den: 5, rows: 5 });
    expect(run('NET_COMPARISON', [['Compared with others?'], ['better'], ['better'], ['worse'], ['same']])).toBe(0.25);
    expect(run('NET_COMPARISON', [['worse']])).toBe(-1);
  });
  test('an unmatched answer names its row', () => {
    expect(errorOf(() => run('NET_COMPARISON', [['better'], ['great']])).message).toBe(
      `NET_COMPARISON: row 2 holds "great"; ${COMPARISON_EXPECTED}`,
    );
  });
});

describe('On time: delivered on or before the promised day', () => {
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
    const r = onTimeRows(col(promised, 'promised', true), col(delivered, 'delivered', true), CTX.dates);
    expect(Array.from(r.den)).toEqual([0, 1, 1, 1, 0]);
    expect(Array.from(r.num)).toEqual([0, 1, 1, 0, 0]);
    expect(r.days[1]).toBe(day('2026-01-09'));
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

describe('Return rate: Σ returned / Σ sold', () => {
  test('a blank returned is nothing returned; blank rows are left out', () => {
    expect(run('RETURN_RATE', [['Sold'], [10], [20], [''], [5]], [['Returned'], [1], [''], [''], [2]])).toBeCloseTo(3 / 35, 15);
    expect(ratioTotals(returnRows(col([10, 20, ''], 'sold'), col([1, '', ''], 'returned')))).toEqual({ num: 1, den: 30, rows: 2 });
  });
  test('by value, from text', () => {
    expect(run('RETURN_RATE', [['£1,000.00'], ['£3,000']], [['£100'], ['']])).toBe(0.025);
  });
  test('clear errors', () => {
    expect(errorOf(() => run('RETURN_RATE', [[10], ['']], [[1], [3]])).message).toBe(
      'RETURN_RATE: row 2 of sold holds ""; a row with returns needs what was sold; fill it in or clear the row',
    );
    expect(errorOf(() => run('RETURN_RATE', [[10], ['ten']], [[1], [3]])).message).toBe(
      'RETURN_RATE: row 2 of sold holds "ten"; expected a quantity or an amount such as 12 or £1,234.50',
    );
    expect(errorOf(() => run('RETURN_RATE', [[10], [5]], [[1], ['x']])).message).toMatch(/^RETURN_RATE: row 2 of returned holds "x"/);
    expect(errorOf(() => run('RETURN_RATE', [['']], [['']])).message).toMatch(/^RETURN_RATE: no sales found in sold/);
    expect(errorOf(() => run('RETURN_RATE', [[0]], [[0]])).message).toBe(
      'RETURN_RATE: nothing was sold in this range, so there is no return rate',
    );
  });

  // Overflow to ±Infinity: pinned with test.failing in tests/functions/properties.test.ts (known bugs).
});

describe('Review response: share of low reviews that got a reply', () => {
  test.each<[unknown, number | null | undefined]>([
    [4, 4],
    ['4', 4],
    ['4/5', 4],
    ['4 / 5', 4],
    ['4 stars', 4],
    ['1 star', 1],
    ['★★★★☆', 4],
    ['★☆☆☆☆', 1],
    ['3,5', 3.5],
    ['', null],
    ['great', undefined],
  ])('readStars(%j) = %p', (c, n) => {
    expect(readStars(c as string)).toBe(n);
  });
  test('stars ≤ 2 by default; a reply text counts as answered', () => {
    const stars = [['Stars'], [1], ['2/5'], ['★☆☆☆☆'], ['4 stars'], [5], [2]];
    const replies = [['Reply'], ['Thanks for the feedback'], ['no'], ['✓'], [''], ['yes'], ['']];
    expect(run('REVIEW_RESPONSE_RATE', stars, replies)).toBe(0.5);
    expect(ratioTotals(reviewRows(col([1, 2, 3], 'stars'), col(['yes', 'no', 'yes'], 'responded'), 3))).toEqual({
      num: 2,
      den: 3,
      rows: 3,
    });
  });
  test('low_max', () => {
    expect(run('REVIEW_RESPONSE_RATE', [[3], [1]], [['yes'], ['no']], 3)).toBe(0.5);
    expect(run('REVIEW_RESPONSE_RATE', [[3], [1]], [['yes'], ['no']], 1)).toBe(0);
  });
  test('clear errors', () => {
    expect(errorOf(() => run('REVIEW_RESPONSE_RATE', [[5], [4]], [['yes'], ['no']])).message).toBe(
      'REVIEW_RESPONSE_RATE: no reviews with 2 stars or fewer, so nothing needed an answer',
    );
    expect(errorOf(() => run('REVIEW_RESPONSE_RATE', [[3], ['bad']], [['yes'], ['no']])).message).toBe(
      'REVIEW_RESPONSE_RATE: row 2 of stars holds "bad"; stars are numbers from 1 to 5, "4/5", "4 stars" or ★★★★☆',
    );
    expect(errorOf(() => run('REVIEW_RESPONSE_RATE', [[3]], [['yes']], 11)).message).toBe(
      'REVIEW_RESPONSE_RATE: low_max is 11; give a number of stars such as 2',
    );
    expect(errorOf(() => run('REVIEW_RESPONSE_RATE', [[1], [2]], [['yes']])).message).toMatch(
      /^REVIEW_RESPONSE_RATE: stars has 2 cells but responded has 1/,
    );
  });
});

describe('ratio sums', () => {
  test('the value is Σnum / Σden over the rows that count, and nothing to count is an error', () => {
    const r = { num: Float64Array.from([1, 0, 1, 1]), den: Float64Array.from([1, 1, 1, 0]) };
    expect(ratioTotals(r)).toEqual({ num: 2, den: 3, rows: 3 });
    expect(ratioValue(r, 'nothing')).toBeCloseTo(2 / 3, 15);
    expect(() => ratioValue({ num: new Float64Array(2), den: new Float64Array(2) }, 'nothing here')).toThrow('nothing here');
  });
});
