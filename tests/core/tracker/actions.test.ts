import { isComplaint, responseActions, reviewActions, type ReviewRow } from '../../../src/core/tracker/actions';
import { contentKey, keysOf } from '../../../src/core/tracker/key';
import { digestMail, reminderMail } from '../../../src/core/tracker/mail';
import type { SurveyAnswer } from '../../../src/core/survey/normalise';

const answer = (change: Partial<SurveyAnswer>): SurveyAnswer => ({
  key: 'r:1',
  at: '',
  customer: 'Acme',
  role: 'Purchasing',
  referral: 8,
  comparison: 'same',
  csat: null,
  satisfies: '',
  dissatisfies: '',
  hoped: '',
  roleAnswer: '',
  ...change,
});
const measures = (a: Partial<SurveyAnswer>) => responseActions(answer(a)).map((x) => x.measure);

describe('unhappy answers become actions', () => {
  test('a detractor (0–6) → Referral score; 7 and up do not', () => {
    for (const s of [0, 3, 6]) expect(measures({ referral: s })).toEqual(['Referral score']);
    for (const s of [7, 8, 9, 10]) expect(measures({ referral: s })).toEqual([]);
    expect(measures({ referral: null })).toEqual([]);
  });

  test('"worse" → How we compare', () => {
    expect(measures({ comparison: 'worse' })).toEqual(['How we compare']);
    expect(measures({ comparison: 'better' })).toEqual([]);
  });

  test('a dissatisfied comment or a satisfaction of 2 or less → Satisfaction', () => {
    expect(measures({ dissatisfies: 'Invoices are wrong' })).toEqual(['Satisfaction']);
    for (const none of ['nothing', 'Nothing really.', 'n/a', 'N/A', '-', 'none', 'No', '  '])
      expect(measures({ dissatisfies: none })).toEqual([]);
    expect(measures({ csat: 2 })).toEqual(['Satisfaction']);
    expect(measures({ csat: 3 })).toEqual([]);
    expect(isComplaint('Nothing works')).toBe(true);
  });

  test('every signal of one response is its own action, keyed by the response', () => {
    const acts = responseActions(answer({ referral: 2, comparison: 'worse', dissatisfies: 'Late deliveries' }));
    expect(acts.map((a) => a.key)).toEqual(['r:1:n', 'r:1:w', 'r:1:s']);
    expect(acts[0]).toMatchObject({
      source: 'Survey response',
      customer: 'Acme',
      wrong: 'Referral score 2 of 10 (Purchasing). Said: "Late deliveries"',
    });
  });

  test('low-star reviews (≤ 2) without a reply; the key ignores the reply', () => {
    const rows: ReviewRow[] = [
      { date: '2026-11-01', stars: 1, responded: '', customer: 'Bo', comment: 'Broken on arrival' },
      { date: '2026-11-02', stars: '★★☆☆☆', responded: 'no', customer: 'Cy', comment: '' },
      { date: '2026-11-03', stars: 2, responded: 'Sorry, we sent a new one', customer: 'Di', comment: 'Late' },
      { date: '2026-11-04', stars: 3, responded: '', customer: 'Ed', comment: 'Meh' },
      { date: '', stars: '', responded: '', customer: '', comment: '' },
    ];
    const acts = reviewActions(rows);
    expect(acts.map((a) => a.customer)).toEqual(['Bo', 'Cy']);
    expect(acts[0]).toMatchObject({
      measure: 'Review response',
      source: 'Review',
      wrong: '1-star review without a reply. Said: "Broken on arrival"',
    });
    const replied = reviewActions([{ ...rows[0], responded: '' }]);
    expect(replied[0].key).toBe(acts[0].key);
    expect(reviewActions([{ ...rows[0], responded: 'We called' }])).toEqual([]);
  });
});

describe('keys', () => {
  test('stable, by content; dates by their instant', () => {
    expect(contentKey(['a', 1, true])).toBe(contentKey(['a', 1, true]));
    expect(contentKey(['a', 1])).not.toBe(contentKey(['a1']));
    expect(contentKey([new Date(5)])).toBe(contentKey([new Date(5)]));
    expect(contentKey([new Date(5)])).not.toBe(contentKey([new Date(6)]));
    expect(keysOf([['x'], ['x'], ['y']], 'p:')).toEqual([`p:${contentKey(['x'])}`, `p:${contentKey(['x'])}#1`, `p:${contentKey(['y'])}`]);
  });
});

describe('mails', () => {
  test('the digest lists overdue actions and the counts', () => {
    const where = { spreadsheet: 'Shop', url: 'https://docs.google.com/spreadsheets/d/x', asOf: '2026-11-20' };
    const m = digestMail(where, { open: 3, overdue: 2, done: 2, medianDaysToClose: 4 }, [
      { id: '7', customer: 'Acme', wrong: 'Late', due: '2026-11-01' },
    ]);
    expect(m.subject).toBe('Leadlag: 3 open, 2 overdue actions in "Shop"');
    expect(m.body).toContain('(as of 2026-11-20): 3 open, 2 overdue, 2 done');
    expect(m.body).toContain('- #7 Acme: Late (due 2026-11-01)\n- ... and 1 more');
    expect(m.body).toContain(where.url);
  });

  test('the reminder carries the links to share', () => {
    const m = reminderMail('Shop', [{ title: 'Survey (Purchasing)', url: 'https://forms/x' }]);
    expect(m.body).toContain('Survey (Purchasing): https://forms/x');
  });
});
