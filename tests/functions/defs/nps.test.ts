import { errorOf, run } from '../helpers';

// 10 answers: promoters 9, 10, 9, 10, 9 (P = 5); passives 7, 8, 8 (3); detractors 6, 0 (D = 2).
const TEN = [9, 10, 9, 10, 9, 7, 8, 8, 6, 0];

describe('NPS', () => {
  test('an unreadable score names its row: NPS: row 7 holds "eleven"', () => {
    expect(errorOf(() => run('NPS', [[10], [9], [8], [7], [6], [5], ['eleven']])).message).toBe(
      'NPS: row 7 holds "eleven"; scores are whole numbers from 0 to 10',
    );
  });
  test('multi-column ranges say "row 2, column 3"', () => {
    expect(
      errorOf(() =>
        run('NPS', [
          [10, 9, 8],
          [7, 6, 'x'],
        ]),
      ).message,
    ).toBe('NPS: row 2, column 3 holds "x"; scores are whole numbers from 0 to 10');
  });
  test('a range of blanks is a clear error', () => {
    expect(errorOf(() => run('NPS', [[''], ['']])).message).toBe(
      'NPS: no scores found in scores; select the cells that hold them (the header row may be included)',
    );
    expect(errorOf(() => run('NPS', [['Score'], ['']])).message).toBe('NPS: no scores to score; the range holds only blanks');
  });
  test('the formula', () => {
    expect(
      run(
        'NPS',
        TEN.map((x) => [x]),
      ),
    ).toBe(30);
    expect(run('NPS', 10)).toBe(100);
  });
});
