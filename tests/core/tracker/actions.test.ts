import { isComplaint, responseAction, reviewActions, type ReviewRow } from '../../../src/core/tracker/actions';
import { contentKey, keysOf } from '../../../src/core/tracker/key';
import { digestMail, reminderMail } from '../../../src/core/tracker/mail';
import type { SurveyAnswer } from '../../../src/core/survey/normalise';
import type { QuestionId } from '../../../src/core/survey/forms';
import { daysFromCivil } from '../../../src/core/time/days';
import { fixedZone } from '../time/testZones';
import fc from 'fast-check';

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
  contact: '',
  row: 2,
  ...change,
});
const ASKED_ALL = new Set<QuestionId>(['customer', 'referral', 'comparison', 'csat', 'dissatisfies']);
const NO_CSAT = new Set<QuestionId>(['customer', 'referral', 'comparison', 'dissatisfies']);
const measure = (a: Partial<SurveyAnswer>, asked = ASKED_ALL) => responseAction(answer(a), asked)?.measure ?? null;
const DATES = { zone: fixedZone(9 * 60), monthFirst: false };

describe('an unhappy response becomes one action', () => {
  test('a detractor (0–6) → Referral score; 7 and up do not', () => {
    for (const s of [0, 3, 6]) expect(measure({ referral: s })).toBe('Referral score');
    for (const s of [7, 8, 9, 10]) expect(measure({ referral: s })).toBeNull();
    expect(measure({ referral: null })).toBeNull();
  });

  test('"worse" → How we compare', () => {
    expect(measure({ comparison: 'worse' })).toBe('How we compare');
    expect(measure({ comparison: 'better' })).toBeNull();
  });

  test('a satisfaction of 2 or less → Satisfaction, only where the survey asked it', () => {
    expect(measure({ csat: 2 })).toBe('Satisfaction');
    expect(measure({ csat: 3 })).toBeNull();
    expect(measure({ csat: 1 }, NO_CSAT)).toBeNull();
  });

  test('a complaint counts against satisfaction where it was asked, else against the referral score', () => {
    expect(measure({ dissatisfies: 'Invoices are wrong' })).toBe('Satisfaction');
    expect(measure({ dissatisfies: 'Invoices are wrong' }, NO_CSAT)).toBe('Referral score');
    for (const none of ['nothing', 'Nothing really.', 'n/a', 'N/A', '-', 'none', 'No', '  '])
      expect(measure({ dissatisfies: none })).toBeNull();
    expect(isComplaint('Nothing works')).toBe(true);
  });

  test('every reason of one response in one action, keyed by the response, quoting the complaint once', () => {
    const a = responseAction(
      answer({ referral: 2, comparison: 'worse', csat: 1, dissatisfies: 'Late deliveries', contact: 'bo@acme.example' }),
      ASKED_ALL,
    )!;
    expect(a).toEqual({
      key: 'r:1',
      source: 'Survey response',
      customer: 'Acme',
      contact: 'bo@acme.example',
      wrong:
        'Reasons: referral score 2 of 10; worse than others in our industry; satisfaction 1 of 5; a complaint (Purchasing). Said: "Late deliveries"',
      measure: 'Referral score',
    });
    expect(responseAction(answer({ comparison: 'worse' }), ASKED_ALL)!.wrong).toBe(
      'Reason: worse than others in our industry (Purchasing).',
    );
  });

  test('property: at most one action per response, its measure one the survey asked, its reasons all listed', () => {
    fc.assert(
      fc.property(
        fc.option(fc.integer({ min: 0, max: 10 }), { nil: null }),
        fc.constantFrom('better', 'same', 'worse', null),
        fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
        fc.constantFrom('', 'nothing', 'Late', 'Invoices are wrong'),
        fc.boolean(),
        (referral, comparison, csat, dissatisfies, csatAsked) => {
          const asked = csatAsked ? ASKED_ALL : NO_CSAT;
          const a = responseAction(answer({ referral, comparison: comparison as SurveyAnswer['comparison'], csat, dissatisfies }), asked);
          const reasons = [
            referral !== null && referral <= 6,
            comparison === 'worse',
            csatAsked && csat !== null && csat <= 2,
            dissatisfies === 'Late' || dissatisfies === 'Invoices are wrong',
          ].filter(Boolean).length;
          if (!reasons) return a === null;
          if (!a) return false;
          const listed = a.wrong.replace(/ \(.*$/, '').split(';').length;
          return listed === reasons && (csatAsked || a.measure !== 'Satisfaction');
        },
      ),
    );
  });
});

describe('low-star reviews (≤ 2) without a reply', () => {
  const rows: ReviewRow[] = [
    { date: '2026-11-01', stars: 1, responded: '', customer: 'Bo', comment: 'Broken on arrival' },
    { date: '2026-11-02', stars: '★★☆☆☆', responded: 'no', customer: 'Cy', comment: '' },
    { date: '2026-11-03', stars: 2, responded: 'Sorry, we sent a new one', customer: 'Di', comment: 'Late' },
    { date: '2026-11-04', stars: 3, responded: '', customer: 'Ed', comment: 'Meh' },
    { date: '', stars: '', responded: '', customer: '', comment: '' },
  ];

  test('each one an action with its date, stars, reviewer and text; the key ignores the reply', () => {
    const acts = reviewActions(rows, DATES);
    expect(acts.map((a) => a.customer)).toEqual(['Bo', 'Cy']);
    expect(acts[0]).toMatchObject({
      measure: 'Review response',
      source: 'Review',
      wrong: '1-star review of 2026-11-01 without a reply. Said: "Broken on arrival"',
      day: daysFromCivil(2026, 11, 1),
    });
    const replied = reviewActions([{ ...rows[0], responded: '' }], DATES);
    expect(replied[0].key).toBe(acts[0].key);
    expect(reviewActions([{ ...rows[0], responded: 'We called' }], DATES)).toEqual([]);
  });

  test('a date cell (midnight in the spreadsheet east of UTC) keeps its day; an unreadable date says so without hiding the rest', () => {
    const tokyoMidnight = new Date(Date.UTC(2026, 10, 19, 15)); // 2026-11-20 00:00 in Tokyo
    const [a] = reviewActions([{ ...rows[0], date: tokyoMidnight }], DATES);
    expect(a.wrong).toContain('review of 2026-11-20');
    const mixed = reviewActions(
      [
        { ...rows[0], date: 'sometime' },
        { ...rows[1], date: '2026-11-02' },
      ],
      DATES,
    );
    expect(mixed.map((x) => x.day)).toEqual([null, daysFromCivil(2026, 11, 2)]);
    expect(mixed[0].wrong).toContain('1-star review (no date)');
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
