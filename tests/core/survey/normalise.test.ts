import { defaultSetup } from '../../../src/core/survey/setup';
import { columnMap, responseHeaders, surveyForms } from '../../../src/core/survey/forms';
import { readAnswers } from '../../../src/core/survey/normalise';
import { TEXTS } from '../../../src/core/survey/texts';
import { type Cell, showDatesIn } from '../../../src/core/values/cell';
import { RUNTIME_ZONE } from '../../../src/core/time/zone';
import { fixedZone } from '../time/testZones';

const at = new Date(Date.UTC(2026, 10, 23, 9, 30));

describe('reading a response sheet', () => {
  const perRole = surveyForms({ ...defaultSetup(), csat: true });
  const columns = columnMap(perRole);
  const head = responseHeaders(perRole[2]); // Purchasing

  test('columns are matched by their question, the role comes from the form', () => {
    const row: Cell[] = [
      at,
      'Acme',
      '10 - Extremely likely',
      'About the same',
      'Satisfied',
      'Fast',
      'Invoices',
      'Less admin',
      'Send one invoice',
    ];
    const [a] = readAnswers([head, row], columns, 'f3', 'Purchasing');
    expect(a).toMatchObject({
      at,
      customer: 'Acme',
      role: 'Purchasing',
      referral: 10,
      comparison: 'same',
      csat: 4,
      satisfies: 'Fast',
      dissatisfies: 'Invoices',
      hoped: 'Less admin',
      roleAnswer: 'Send one invoice',
    });
    expect(a.key).toMatch(/^r:[0-9a-f]{16}$/);
  });

  test("the timestamp is the first column, whatever its header's language", () => {
    const [a] = readAnswers(
      [
        ['Marca temporal', ...head.slice(1)],
        [at, 'Acme', 9],
      ],
      columns,
      'f',
      'Purchasing',
    );
    expect(a.at).toEqual(at);
  });

  test('blank rows are skipped; unreadable answers become blanks, never errors', () => {
    const rows = readAnswers([head, ['', '', ''], [at, 'B', 'eleven', 'dunno', 9]], columns, 'f', 'Purchasing');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ referral: null, comparison: null, csat: null });
  });

  test('a branching form: the answered section counts and the role comes from its question', () => {
    const [f] = surveyForms({ ...defaultSetup(), layout: 'branching' });
    const h = responseHeaders(f);
    const row: Cell[] = h.map(() => '');
    row[0] = at;
    row[1] = 'Acme';
    row[2] = 'Technical';
    // The Technical section's referral and comparison columns: the last of each.
    row[h.lastIndexOf(TEXTS.referral)] = 4;
    row[h.lastIndexOf(TEXTS.comparison)] = 'Worse';
    const [a] = readAnswers([h, row], columnMap([f]), 'f', null);
    expect(a).toMatchObject({ role: 'Technical', referral: 4, comparison: 'worse' });
  });

  test('keys: stable, different per form, and identical rows stay distinct', () => {
    const row: Cell[] = [at, 'Acme', 7, 'Better'];
    const once = readAnswers([head, row], columns, 'f1', 'x');
    const again = readAnswers([head, row, row, [at, 'Acme', 8, 'Better']], columns, 'f1', 'x');
    expect(again[0].key).toBe(once[0].key);
    expect(new Set(again.map((a) => a.key)).size).toBe(3);
    expect(readAnswers([head, row], columns, 'f2', 'x')[0].key).not.toBe(once[0].key);
  });

  test('keys survive what people do to the sheet: a Notes column, a renamed question, a corrected answer', () => {
    const row: Cell[] = [at, 'Acme', 3, 'Worse'];
    const [k] = readAnswers([head, row], columns, 'f1', 'x').map((a) => a.key);
    expect(
      readAnswers(
        [
          [...head, 'Notes'],
          [...row, 'called them'],
        ],
        columns,
        'f1',
        'x',
      )[0].key,
    ).toBe(k);
    expect(readAnswers([[head[0], 'Company', ...head.slice(2)], row], columns, 'f1', 'x')[0].key).toBe(k);
    expect(readAnswers([head, [at, 'Acme Ltd', 3, 'Worse']], columns, 'f1', 'x')[0].key).toBe(k);
    // Pasted without a timestamp: keyed by the answers, and a Notes column still changes nothing.
    const pasted: Cell[] = head.map((_, j) => (['', 'Bolt', 2, 'Worse'] as Cell[])[j] ?? '');
    const [p] = readAnswers([head, pasted], columns, 'f1', 'x').map((a) => a.key);
    expect(
      readAnswers(
        [
          [...head, 'Notes'],
          [...pasted, 'x'],
        ],
        columns,
        'f1',
        'x',
      )[0].key,
    ).toBe(p);
    expect(p).not.toBe(k);
  });
});

describe('what a response reads as, beyond the scores', () => {
  test('the e-mail address left to be contacted, and the row it came from', () => {
    const [spec] = surveyForms({ ...defaultSetup('ana@example.com'), roles: ['Buyer'] });
    const headers = responseHeaders(spec);
    const row = headers.map((h) =>
      h === 'Timestamp' ? new Date(0) : h === spec.items.find((i) => i.q === 'contact')!.title ? ' bo@acme.example ' : '',
    );
    const [a] = readAnswers([headers, headers.map(() => ''), row], columnMap([spec]), 'F', 'Buyer');
    expect(a).toMatchObject({ contact: 'bo@acme.example', row: 3 });
  });

  test('a date given as an answer reads as its day in the spreadsheet’s zone, not in UTC', () => {
    showDatesIn(fixedZone(9 * 60));
    try {
      const [spec] = surveyForms({ ...defaultSetup('ana@example.com'), roles: ['Buyer'] });
      const headers = responseHeaders(spec);
      const customer = spec.items[0].title;
      const tokyoMidnight = new Date(Date.UTC(2026, 0, 30, 15));
      const [a] = readAnswers(
        [headers, headers.map((h) => (h === customer ? tokyoMidnight : h === 'Timestamp' ? new Date(0) : ''))],
        columnMap([spec]),
        'F',
        'Buyer',
      );
      expect(a.customer).toBe('2026-01-31');
    } finally {
      showDatesIn(RUNTIME_ZONE);
    }
  });
});
