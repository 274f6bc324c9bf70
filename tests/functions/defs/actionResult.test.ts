import { READING, RESULT_HEADERS } from '../../../src/core/results/actionResults';
import { errorOf, run } from '../helpers';

/** The tracker's five columns from their headers, as the tracker's own formula passes them. */
const tracker = (rows: string[][]) =>
  ['Lead measure', 'Customer', 'Opened', 'Closed', 'Status'].map((h, j) => [[h], ...rows.map((r) => [r[j]])]);
/** An argument left out as the tracker's own formula leaves it: "". */
const blank = '';
/** ACTION_RESULT with the feedback arguments only (dates, customers, scores); the rest blank. */
const withFeedback = (actions: string[][], answers: (string | number)[][], window?: string, rows?: string) =>
  run(
    'ACTION_RESULT',
    ...tracker(actions),
    answers.map((a) => [a[0]]),
    answers.map((a) => [a[1]]),
    answers.map((a) => [a[2]]),
    ...Array.from({ length: 12 }, () => blank),
    ...(window === undefined ? [] : [window]),
    ...(rows === undefined ? [] : [rows]),
  ) as string[][];

const ANSWERS: (string | number)[][] = [
  ['2026-03-02', 'Acme', 3],
  ['2026-03-20', 'Acme', 5],
  ['2026-04-01', 'Acme', 4],
  ['2026-05-10', 'Acme', 9],
  ['2026-05-20', 'Acme', 10],
  ['2026-06-01', 'Acme', 10],
];

describe('ACTION_RESULT: the formula', () => {
  test('the tracker’s headers first, then a row per action; a window of calendar months is read', () => {
    const out = withFeedback([['Referral score', 'Acme', '2026-04-10', '2026-04-20', 'done']], ANSWERS);
    expect(out[0]).toEqual([...RESULT_HEADERS]);
    expect(out[1].slice(0, 3)).toEqual(['-100 (3 answers)', '100 (3 answers)', '+200 points']);
    expect(out[1][3].startsWith(READING.better)).toBe(true);
    // One month each side: 2026-03-11 to 2026-04-10 before (2 answers), 2026-04-21 to 2026-05-20 after (2 answers).
    const month = withFeedback([['Referral score', 'Acme', '2026-04-10', '2026-04-20', 'done']], ANSWERS, 'month');
    expect(month[1].slice(0, 2)).toEqual(['-100 (2 answers)', '100 (2 answers)']);
    expect(month[1][3].startsWith(READING.few)).toBe(true);
  });

  test('a window it cannot read, and a rows argument that is not sheet rows, say what to give', () => {
    expect(errorOf(() => withFeedback([], ANSWERS, 'fortnightly')).message).toBe(
      'ACTION_RESULT: argument window_length is "fortnightly"; give a length such as "8 weeks", "30 days", "month", "quarter" or "2 months"',
    );
    expect(errorOf(() => withFeedback([], ANSWERS, '8 weeks', 'feedback two')).message).toMatch(
      /^ACTION_RESULT: argument rows is "feedback two"; give the sheet rows the source ranges start on/,
    );
  });

  test('rows: a score it cannot read is named by its sheet row', () => {
    const bad = ANSWERS.map((a, i) => (i === 1 ? [a[0], a[1], 'eleven'] : a));
    const out = withFeedback([['nps', 'Acme', '2026-04-10', '2026-04-20', 'done']], bad, '8 weeks', 'feedback=5');
    expect(out[1][3]).toBe('Not measured: sheet row 6 of scores holds "eleven"; scores are whole numbers from 0 to 10');
  });

  test('scores without their dates: the formula asks for them', () => {
    expect(
      errorOf(() => run('ACTION_RESULT', ...tracker([]), blank, blank, [[9]], ...Array.from({ length: 12 }, () => blank))).message,
    ).toBe('ACTION_RESULT: feedback needs feedback_dates too; give the column of feedback_dates');
  });
});
