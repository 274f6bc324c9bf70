import { world, setupWith, values, csv, NOW, ZONE, day } from '../../helpers/world';
import { MemoryWorkbook } from '../../../src/server/adapters/memory/memoryWorkbook';
import type { WorkbookPort } from '../../../src/server/ports/workbook';
import { CUT_MARK, SHEETS_LIMITS } from '../../../src/server/ports/workbook';
import type { Answers } from '../../../src/server/adapters/memory/forms';
import { RESPONSE_HEADERS, TRACKER_HEADERS, trackerSummary } from '../../../src/server/tracker/sheets';
import { BUSY_MESSAGE, NO_LOCK_MESSAGE, syncFeedback } from '../../../src/server/tracker/sync';
import { reviewActions } from '../../../src/core/tracker/actions';
import { detectSheets, suggestDefinition } from '../../../src/server/scorecard/detect';
import { buildScorecard } from '../../../src/server/scorecard/build';
import { findTable } from '../../../src/core/tables/findTable';
import type { Cell } from '../../../src/core/values/cell';

const col = (headers: readonly string[], name: string) => headers.indexOf(name);
const R = (name: string) => col(RESPONSE_HEADERS, name);
const T = (name: string) => col(TRACKER_HEADERS, name);
const feedback = (wb: MemoryWorkbook) => values(wb, 'Survey responses').slice(1);
const actions = (wb: MemoryWorkbook) =>
  values(wb, 'Improvement tracker')
    .slice(1)
    .filter((r) => r.some((c) => c !== ''));

/** The cells of one column of a sheet found by its header now (wherever the user moved it), header left out. */
function byHeader(wb: MemoryWorkbook, sheet: string, header: string): Cell[] {
  const grid = values(wb, sheet);
  const j = grid[0].indexOf(header);
  if (j < 0) throw new Error(`${sheet} has no "${header}" column: ${JSON.stringify(grid[0])}`);
  return grid.slice(1).map((r) => r[j]);
}

/** A workbook port that calls `onCall` before every call it passes on: where other executions cut in. */
function interleaving(wb: WorkbookPort, onCall: () => void): WorkbookPort {
  const wrap = <T extends object>(target: T): T =>
    new Proxy(target, {
      get(t, k) {
        const v = Reflect.get(t, k);
        if (typeof v !== 'function') return v;
        return (...args: unknown[]) => {
          onCall();
          const out = v.apply(t, args);
          return (k === 'sheet' || k === 'insertSheet') && out ? wrap(out) : out;
        };
      },
    });
  return wrap(wb);
}

/** A workbook port whose sheet `name` refuses writes for which `refuse(block)` is true (as Sheets refuses some). */
function refusing(wb: WorkbookPort, name: string, refuse: (block: readonly (readonly unknown[])[]) => string | null): WorkbookPort {
  return new Proxy(wb, {
    get(t, k) {
      const v = Reflect.get(t, k);
      if (k !== 'sheet') return typeof v === 'function' ? v.bind(t) : v;
      return (n: string) => {
        const s = t.sheet(n);
        if (n !== name || !s) return s;
        return new Proxy(s, {
          get(st, sk) {
            const sv = Reflect.get(st, sk);
            if (sk !== 'writeBlock') return typeof sv === 'function' ? sv.bind(st) : sv;
            return (row: number, c: number, block: readonly (readonly unknown[])[]) => {
              const why = refuse(block);
              if (why) throw new Error(why);
              return st.writeBlock(row, c, block as never);
            };
          },
        });
      };
    },
  });
}

/** Whether a response, as the test submitted it, is unhappy (the survey asks no CSAT unless told): independent of the add-on. */
function unhappy(a: Answers, csat = false): boolean {
  const complaint =
    typeof a.dissatisfies === 'string' && a.dissatisfies.trim() !== '' && !/^(nothing|n\/a|-)$/i.test(a.dissatisfies.trim());
  return (
    (typeof a.referral === 'number' && a.referral <= 6) ||
    a.comparison === 'Worse' ||
    complaint ||
    (csat && typeof a.csat === 'number' && a.csat <= 2)
  );
}

/**
 * Counts what went wrong between what was submitted and what the sheets hold: responses missing from the
 * feedback table or there twice, unhappy responses without exactly one action, and feedback rows whose
 * customer or referral score is not the one submitted.
 */
function audit(wb: MemoryWorkbook, submitted: readonly Answers[]) {
  const customers = byHeader(wb, 'Survey responses', 'Customer').map(String);
  const keys = byHeader(wb, 'Survey responses', 'Key').map(String);
  const actedFor = byHeader(wb, 'Improvement tracker', 'Customer').map(String);
  const count = (list: string[], x: string) => list.filter((y) => y === x).length;
  let lost = 0;
  let duplicated = 0;
  let wrong = 0;
  for (const a of submitted) {
    const n = count(customers, String(a.customer));
    if (n === 0) lost++;
    if (n > 1) duplicated += n - 1;
    const want = unhappy(a) ? 1 : 0;
    const got = count(actedFor, String(a.customer));
    if (got < want) lost += want - got;
    if (got > want) duplicated += got - want;
    const i = customers.indexOf(String(a.customer));
    if (i >= 0 && byHeader(wb, 'Survey responses', RESPONSE_HEADERS[3])[i] !== a.referral) wrong++;
  }
  duplicated += keys.length - new Set(keys).size;
  return { lost, duplicated, wrong };
}

const person = (i: number, change: Partial<Answers> = {}): Answers => ({
  customer: `Customer ${String(i).padStart(3, '0')}`,
  referral: i % 11,
  comparison: ['Better', 'About the same', 'Worse'][i % 3],
  dissatisfies: i % 4 === 0 ? 'nothing' : `Complaint ${i}`,
  ...change,
});

describe('a response closes the loop', () => {
  test('it lands in the feedback table and an unhappy one becomes one action listing every reason', () => {
    const w = world();
    const [f] = w.call('createSurvey', { setup: setupWith() }).forms;
    w.twin.submit(f.id, {
      customer: 'Acme',
      referral: 4,
      comparison: 'Worse',
      satisfies: 'Fast',
      dissatisfies: 'Invoices are wrong',
      hoped: 'Less admin',
      roleQuestion: 'Bundle orders',
      contact: 'bo@acme.example',
    });
    w.twin.submit(f.id, { customer: 'Brill', referral: 9, comparison: 'Better', dissatisfies: 'nothing' });
    const at = new Date(NOW);
    expect(feedback(w.wb).map((r) => r.slice(0, R('Key')))).toEqual([
      [at, 'Acme', 'Decision maker', 4, 'Worse', '', 'Fast', 'Invoices are wrong', 'Less admin', 'Bundle orders', 'bo@acme.example'],
      [at, 'Brill', 'Decision maker', 9, 'Better', '', '', 'nothing', '', '', ''],
    ]);
    const a = actions(w.wb);
    expect(a).toHaveLength(1);
    expect([
      a[0][T('ID')],
      a[0][T('Source')],
      a[0][T('Customer')],
      a[0][T('Contact')],
      a[0][T('Lead measure')],
      a[0][T('Owner')],
      a[0][T('Status')],
    ]).toEqual([1, 'Survey response', 'Acme', 'bo@acme.example', 'Referral score', 'owner@example.com', 'open']);
    // Opened today in the spreadsheet's zone (east of UTC: midnight there is the day before in UTC), due 7 days later.
    expect(a[0][T('Opened')]).toEqual(day(2026, 11, 23));
    expect(a[0][T('Due')]).toEqual(day(2026, 11, 30));
    expect(a[0][T('What was wrong')]).toBe(
      'Reasons: referral score 4 of 10; worse than others in our industry; a complaint (Decision maker). Said: "Invoices are wrong"',
    );
  });

  test('idempotent: the same response processed twice gives one row and one action', () => {
    const w = world();
    const [f] = w.call('createSurvey', { setup: setupWith() }).forms;
    w.twin.submit(f.id, { customer: 'Acme', referral: 2 });
    w.twin.fire('formSubmit');
    w.twin.fire('formSubmit');
    expect(w.call('syncFeedback')).toEqual({ responses: 0, actions: 0, failed: 0, busy: false, why: null });
    expect(feedback(w.wb)).toHaveLength(1);
    expect(actions(w.wb)).toHaveLength(1);
  });

  test('an older tracker, with one action per signal, gets no second action for the same responses', () => {
    const w = world();
    const [f] = w.call('createSurvey', { setup: setupWith() }).forms;
    w.twin.submit(f.id, { customer: 'Acme', referral: 2, comparison: 'Worse' });
    // What an older version wrote: one action per signal, keyed by the response's key with :n and :w.
    const responseKey = String(byHeader(w.wb, 'Survey responses', 'Key')[0]);
    const tracker = w.wb.sheet('Improvement tracker')!;
    tracker.clear();
    tracker.writeBlock(1, 1, [TRACKER_HEADERS.map((h) => ({ text: h }))]);
    const old = (suffix: string) =>
      TRACKER_HEADERS.map((h) => (h === 'Key' ? { text: responseKey + suffix } : h === 'Status' ? 'open' : null));
    tracker.writeBlock(2, 1, [old(':n'), old(':w')]);
    expect(w.call('syncFeedback').actions).toBe(0);
    expect(actions(w.wb)).toHaveLength(2);
  });

  test('comments stay text, never formulas, in the feedback table and on the tracker', () => {
    const w = world();
    const [f] = w.call('createSurvey', { setup: setupWith() }).forms;
    const sneaky = '=HYPERLINK("http://evil.example","click")';
    w.twin.submit(f.id, { customer: '+44 20 7946 0000', referral: 1, satisfies: '@home', dissatisfies: sneaky, hoped: '-' });
    const row = values(w.wb, 'Survey responses')[1];
    expect(row.slice(1, 9)).toEqual(['+44 20 7946 0000', 'Decision maker', 1, '', '', '@home', sneaky, '-']);
    for (const cell of ['B2', 'G2', 'H2', 'I2']) expect(w.wb.formulaAt('Survey responses', cell)).toBeNull();
    for (const c of 'ABCDEFGHIJKLMN') expect(w.wb.formulaAt('Improvement tracker', `${c}2`)).toBeNull();
    expect(actions(w.wb)[0][T('What was wrong')]).toBe(`Reasons: referral score 1 of 10; a complaint (Decision maker). Said: "${sneaky}"`);
  });

  test('a run cut short after the actions repeats none of them, and the next run processes the response', () => {
    const w = world();
    const [f] = w.call('createSurvey', { setup: setupWith() }).forms;
    let fail = true;
    const ctx = {
      wb: refusing(w.wb, 'Survey responses', () => (fail ? 'Service timed out' : null)),
      auto: w.twin.automation,
      spreadsheet: 'x',
    };
    w.twin.forms.submit(f.id, { customer: 'Acme', referral: 3, comparison: 'Worse' }, new Date(NOW));
    expect(() => syncFeedback(ctx)).toThrow('Service timed out');
    expect(actions(w.wb)).toHaveLength(1);
    expect(feedback(w.wb)).toHaveLength(0);
    expect(w.twin.lock.held).toBe(false);
    expect(w.call('automationStatus').errors.at(-1)!.message).toContain('Service timed out');
    // A failure of the whole run is not the response's fault: it is not skipped yet.
    expect(w.call('automationStatus').failed).toEqual([]);
    fail = false;
    expect(syncFeedback(ctx)).toEqual({ responses: 1, actions: 0, failed: 0, busy: false, why: null });
    expect(actions(w.wb)).toHaveLength(1);
    expect(feedback(w.wb)).toHaveLength(1);
  });

  test('a renamed response sheet, or one found only by a later run, is found again through the form', () => {
    const w = world();
    w.twin.forms.staleAtCreate = true; // getSheets() did not show it in the execution that linked it
    const [f] = w.call('createSurvey', { setup: setupWith({ roles: ['Buyer'] }) }).forms;
    expect(JSON.parse(w.twin.props.get(`leadlag.form.${f.id}`)!).responseSheet).toBe('Form Responses 1'); // the first run found it
    w.twin.submit(f.id, { customer: 'Acme', referral: 8 });
    w.wb.renameSheet('Form Responses 1', 'Answers (keep)');
    w.twin.submit(f.id, { customer: 'Brill', referral: 8 });
    expect(feedback(w.wb).map((r) => r[1])).toEqual(['Acme', 'Brill']);
    expect(JSON.parse(w.twin.props.get(`leadlag.form.${f.id}`)!).responseSheet).toBe('Answers (keep)');
  });
});

describe('forms that take responses', () => {
  test('every form is published and accepting responses, and the status panel says so, form by form', () => {
    const w = world();
    const made = w.call('createSurvey', { setup: setupWith() }).forms;
    for (const f of made) expect(w.twin.forms.forms.get(f.id)).toMatchObject({ published: true, accepting: true });
    const states = w.call('formStates').forms;
    expect(states.map((s) => [s.title, s.published, s.accepting, s.problem])).toEqual(made.map((f) => [f.title, true, true, null]));
    // The owner unpublishes one in Google Forms: the panel says what to do.
    w.twin.forms.unpublish(made[1].id);
    const again = w.call('formStates').forms.find((s) => s.id === made[1].id)!;
    expect(again).toMatchObject({ published: false, accepting: false });
    expect(again.problem).toMatch(/not published.*choose Publish/);
    expect(() => w.twin.submit(made[1].id, { customer: 'Acme', referral: 9 })).toThrow('no longer accepting responses');
  });

  test('a legacy form (no publish state) is made to accept responses; its state reads null, not false', () => {
    const w = world();
    w.twin.forms.legacy = true;
    const [f] = w.call('createSurvey', { setup: setupWith({ roles: ['Buyer'] }) }).forms;
    expect(w.call('formStates').forms[0]).toMatchObject({ id: f.id, published: null, accepting: true, problem: null });
  });

  test('a form whose response sheet cannot be found is an error the status panel shows; its answers wait in the form', () => {
    const w = world();
    const [a, b] = w.call('createSurvey', { setup: setupWith({ roles: ['Buyer', 'User'] }) }).forms;
    w.twin.submit(a.id, { customer: 'Acme', referral: 2 });
    w.wb.deleteSheet(a.responseSheet);
    w.twin.submit(a.id, { customer: 'Brill', referral: 2 });
    w.twin.submit(b.id, { customer: 'Cato', referral: 2 });
    const forms = w.call('automationStatus').survey!.forms;
    expect(forms.find((f) => f.id === a.id)!.problem).toMatch(/response sheet “Form Responses 1” is gone.*Link to Sheets/);
    expect(forms.find((f) => f.id === b.id)!.problem).toBeNull();
    expect(w.twin.forms.forms.get(a.id)!.received).toHaveLength(2); // Forms kept it
    // The other form's responses go on.
    expect(feedback(w.wb).map((r) => r[1])).toEqual(['Acme', 'Cato']);
  });
});

describe('the lock: no lock, no processing', () => {
  test.each([
    ['getDocumentLock() is null', 'noDocument', NO_LOCK_MESSAGE],
    ['tryLock gives up', 'timeOut', BUSY_MESSAGE],
  ] as const)('%s: nothing processed, nothing lost, the reason recorded, the next run picks it all up', (_what, flag, message) => {
    const w = world();
    const [f] = w.call('createSurvey', { setup: setupWith() }).forms;
    w.twin.lock[flag] = true;
    const sent = [person(1), person(2), person(3)];
    for (const a of sent) w.twin.submit(f.id, a);
    expect(w.call('syncFeedback')).toEqual({ responses: 0, actions: 0, failed: 0, busy: true, why: message });
    expect(feedback(w.wb)).toHaveLength(0);
    expect(actions(w.wb)).toHaveLength(0);
    expect(w.call('automationStatus').errors.at(-1)).toEqual({ at: '2026-11-23 19:00', message });
    w.twin.lock[flag] = false;
    w.twin.submit(f.id, person(4));
    expect(audit(w.wb, [...sent, person(4)])).toEqual({ lost: 0, duplicated: 0, wrong: 0 });
  });
});

describe('nothing lost, nothing doubled', () => {
  const N = 50;
  const answersOf = (i: number): Answers => person(i);

  /**
   * Submits N responses, each one arriving in the middle of whatever execution is running (at a random
   * call into the workbook): Forms writes its row at once and its trigger fires, and that execution waits
   * for the lock as a real one would.
   */
  function storm(lock?: 'none') {
    let seed = 7;
    const rnd = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const pending = Array.from({ length: N }, (_, i) => i);
    let armed = false;
    const arrive = () => {
      const i = pending.shift()!;
      w.twin.forms.submit(forms[i % forms.length].id, answersOf(i), new Date(NOW + i * 1000));
      w.twin.fire('formSubmit');
    };
    const wb = new MemoryWorkbook({ zone: ZONE });
    const w = world(
      {},
      {
        port: interleaving(wb, () => {
          if (armed && pending.length && rnd() < 0.15) arrive();
        }),
        ...(lock === 'none' ? { lock: { acquire: () => 'locked' as const, release: () => undefined } } : {}),
      },
      wb,
    );
    const forms = w.call('createSurvey', { setup: setupWith() }).forms;
    armed = true;
    while (pending.length) arrive();
    return w;
  }

  const sent = Array.from({ length: N }, (_, i) => answersOf(i));

  test(`${N} responses arriving at once: each lands exactly once, and exactly one action per unhappy response`, () => {
    const w = storm();
    expect(audit(w.wb, sent)).toEqual({ lost: 0, duplicated: 0, wrong: 0 });
    expect(actions(w.wb)).toHaveLength(sent.filter((a) => unhappy(a)).length);
    expect(actions(w.wb).map((r) => r[T('ID')])).toEqual(actions(w.wb).map((_, i) => i + 1));
    // They really did arrive during one another's critical sections, and every execution ran.
    expect(w.twin.lock.waited).toBeGreaterThan(10);
    expect(w.twin.runs.leadlagFormSubmit).toBe(N);
    expect(w.call('automationStatus').errors).toEqual([]);
  });

  test('the same storm without the lock goes wrong (so the test above can tell)', () => {
    const found = audit(storm('none').wb, sent);
    expect(found.duplicated).toBeGreaterThan(0);
  });

  test('columns inserted, moved, deleted and renamed, rows inserted, deleted and sorted between runs: then 50 new responses, 0 lost, 0 doubled, 0 wrong', () => {
    const w = world();
    const [f] = w.call('createSurvey', { setup: setupWith({ roles: ['Buyer'] }) }).forms;
    const first = Array.from({ length: 20 }, (_, i) => person(i));
    first.forEach((a, i) => w.twin.submit(f.id, a, new Date(NOW + i * 1000)));
    expect(audit(w.wb, first)).toEqual({ lost: 0, duplicated: 0, wrong: 0 });
    const actionsBefore = actions(w.wb).length;
    // What a manager does to the two sheets between runs.
    for (const sheet of ['Survey responses', 'Improvement tracker']) {
      w.wb.insertColumns(sheet, 1, 2); // two columns of their own before A
      w.wb.typeInto(sheet, 'A1', 'My notes');
      w.wb.typeInto(sheet, 'A3', 'call back');
      w.wb.insertRows(sheet, 5, 1); // a blank row in the middle
      w.wb.moveColumns(sheet, 5, 1, 12); // a column dragged to the right
      w.wb.sortRows(sheet, 2, 1 + headerIndex(w.wb, sheet, 'Customer'), true); // sorted by customer, Z to A
    }
    expect(byHeader(w.wb, 'Survey responses', 'Customer').slice(0, 2)).toEqual(['Customer 019', 'Customer 018']); // really sorted
    w.wb.typeInto('Survey responses', `${letterOfHeader(w.wb, 'Survey responses', 'Key')}1`, 'Response id'); // the key renamed
    w.wb.typeInto('Improvement tracker', `${letterOfHeader(w.wb, 'Improvement tracker', 'Customer')}1`, 'Client'); // a header renamed
    w.wb.deleteColumns('Improvement tracker', 1 + headerIndex(w.wb, 'Improvement tracker', 'Result'), 1); // one of the owner's columns deleted
    w.wb.deleteRows('Survey responses', 3, 1); // a response deleted by hand: it comes back
    // Nothing new: nothing changes (the deleted response comes back, with no second action).
    expect(w.call('syncFeedback')).toMatchObject({ responses: 1, actions: 0, failed: 0 });
    expect(actions(w.wb)).toHaveLength(actionsBefore);
    const next = Array.from({ length: 50 }, (_, i) => person(100 + i));
    next.forEach((a, i) => w.twin.submit(f.id, a, new Date(NOW + 60000 + i * 1000)));
    const all = [...first, ...next];
    const customers = [...byHeader(w.wb, 'Survey responses', 'Customer')].map(String).filter(Boolean);
    expect(customers.sort()).toEqual(all.map((a) => String(a.customer)).sort());
    const tracked = byHeader(w.wb, 'Improvement tracker', 'Client').map(String).filter(Boolean);
    expect(tracked.sort()).toEqual(
      all
        .filter((a) => unhappy(a))
        .map((a) => String(a.customer))
        .sort(),
    );
    const keys = byHeader(w.wb, 'Survey responses', 'Response id').filter((k) => k !== '');
    expect(new Set(keys).size).toBe(all.length);
    // The user's own column and note are where they left them; no column of ours was added twice.
    expect(byHeader(w.wb, 'Survey responses', 'My notes')).toContain('call back');
    expect(values(w.wb, 'Improvement tracker')[0].filter((h) => h === 'Customer' || h === 'Client')).toEqual(['Client']);
    expect(values(w.wb, 'Improvement tracker')[0]).not.toContain('Result');
  });

  test('a deleted key column is made again and refilled from what the add-on wrote: nothing doubled', () => {
    const w = world();
    const [f] = w.call('createSurvey', { setup: setupWith({ roles: ['Buyer'] }) }).forms;
    const first = Array.from({ length: 12 }, (_, i) => person(i));
    first.forEach((a, i) => w.twin.submit(f.id, a, new Date(NOW + i * 1000)));
    for (const sheet of ['Survey responses', 'Improvement tracker']) w.wb.deleteColumns(sheet, 1 + headerIndex(w.wb, sheet, 'Key'), 1);
    expect(w.call('syncFeedback')).toMatchObject({ responses: 0, actions: 0 });
    const more = [person(50), person(51)];
    more.forEach((a, i) => w.twin.submit(f.id, a, new Date(NOW + 60000 + i * 1000)));
    expect(audit(w.wb, [...first, ...more])).toEqual({ lost: 0, duplicated: 0, wrong: 0 });
    expect(byHeader(w.wb, 'Survey responses', 'Key').every((k) => typeof k === 'string' && k.startsWith('r:'))).toBe(true);
  });

  test('deleted tracker rows come back (the README promises it), and so does a deleted tracker: 35 of 35', () => {
    const w = world();
    const [f] = w.call('createSurvey', { setup: setupWith({ roles: ['Buyer'] }) }).forms;
    const sent = Array.from({ length: 70 }, (_, i) => person(i, { referral: i % 2 ? 3 : 9, comparison: 'Better', dissatisfies: '' }));
    sent.forEach((a, i) => w.twin.submit(f.id, a, new Date(NOW + i * 1000)));
    const made = sent.filter((a) => unhappy(a)).length;
    expect(made).toBe(35);
    expect(actions(w.wb)).toHaveLength(made);
    w.wb.deleteRows('Improvement tracker', 2, 5);
    expect(w.call('syncFeedback').actions).toBe(5);
    w.wb.deleteSheet('Improvement tracker');
    expect(w.call('syncFeedback').actions).toBe(made);
    expect(audit(w.wb, sent)).toEqual({ lost: 0, duplicated: 0, wrong: 0 });
  });
});

/** The 0-based index of a header in a sheet's first row now. */
function headerIndex(wb: MemoryWorkbook, sheet: string, header: string): number {
  const j = values(wb, sheet)[0].indexOf(header);
  if (j < 0) throw new Error(`no ${header} in ${sheet}`);
  return j;
}
function letterOfHeader(wb: MemoryWorkbook, sheet: string, header: string): string {
  return String.fromCharCode(65 + headerIndex(wb, sheet, header));
}

describe('one response can never stop the loop', () => {
  test('a 60,000-character complaint, then 10 normal responses: all 11 processed, the long text cut with a mark, the full text kept in the form’s sheet', () => {
    const w = world();
    const [f] = w.call('createSurvey', { setup: setupWith({ roles: ['Buyer'] }) }).forms;
    const long = 'The delivery was late again. '.repeat(2100).slice(0, 60000);
    w.twin.submit(f.id, person(0, { dissatisfies: long }), new Date(NOW));
    const normal = Array.from({ length: 10 }, (_, i) => person(i + 1));
    normal.forEach((a, i) => w.twin.submit(f.id, a, new Date(NOW + (i + 1) * 1000)));
    expect(audit(w.wb, [person(0, { dissatisfies: long }), ...normal])).toEqual({ lost: 0, duplicated: 0, wrong: 0 });
    const cut = String(byHeader(w.wb, 'Survey responses', 'What dissatisfies them')[0]);
    expect(cut.length).toBeLessThan(SHEETS_LIMITS.cellChars);
    expect(cut.endsWith(CUT_MARK)).toBe(true);
    expect(String(actions(w.wb)[0][T('What was wrong')]).endsWith(CUT_MARK)).toBe(true);
    expect(values(w.wb, f.responseSheet)[1]).toContain(long);
    expect(w.call('automationStatus').failed).toEqual([]);
  });

  test('a response Sheets refuses for any reason is recorded as failed with why and skipped; the ones after it go in; Retry tries again', () => {
    const w = world();
    const [f] = w.call('createSurvey', { setup: setupWith({ roles: ['Buyer'] }) }).forms;
    let refuse = true;
    const ctx = {
      wb: refusing(w.wb, 'Survey responses', (block) =>
        refuse && JSON.stringify(block).includes('Poison') ? 'Service error: Spreadsheets' : null,
      ),
      auto: w.twin.automation,
      spreadsheet: 'x',
    };
    const sent = [person(1), person(2, { customer: 'Poison Ltd' }), ...Array.from({ length: 10 }, (_, i) => person(10 + i))];
    sent.forEach((a, i) => w.twin.forms.submit(f.id, a, new Date(NOW + i * 1000)));
    expect(syncFeedback(ctx)).toMatchObject({ responses: 11, failed: 1 });
    const failed = w.call('automationStatus').failed;
    expect(failed).toEqual([
      expect.objectContaining({
        form: f.title,
        sheet: f.responseSheet,
        row: 3,
        customer: 'Poison Ltd',
        stage: 'response',
        reason: 'Service error: Spreadsheets',
      }),
    ]);
    // Later runs skip it, and process what comes after.
    w.twin.forms.submit(f.id, person(30), new Date(NOW + 99000));
    expect(syncFeedback(ctx)).toMatchObject({ responses: 1, failed: 0 });
    refuse = false;
    const retried = w.call('retryFailed', { keys: [failed[0].key] });
    expect(retried.sync).toMatchObject({ responses: 1, failed: 0 });
    expect(retried.status.failed).toEqual([]);
    expect(audit(w.wb, [...sent, person(30)])).toEqual({ lost: 0, duplicated: 0, wrong: 0 });
  });

  test('the in-memory twin enforces Sheets’ limits: 50,000 characters a cell, 18,278 columns, 10 million cells', () => {
    const wb = new MemoryWorkbook();
    const s = wb.insertSheet('S');
    expect(() => s.writeBlock(1, 1, [[{ text: 'x'.repeat(50000) }]])).toThrow('more than the maximum of 50000 characters');
    expect(() => s.writeBlock(1, 18278, [['a', 'b']])).toThrow('18278 columns');
    expect(() => s.writeBlock(10_000_000, 1, [['a']])).toThrow('above the limit of 10000000 cells');
    s.writeBlock(1, 1, [[{ text: 'x'.repeat(49999) }]]);
    expect(wb.computedAt('S', 'A1')).toHaveLength(49999);
  });
});

const examples = () =>
  MemoryWorkbook.fromCsv(
    { Sales: csv('sales.csv'), Feedback: csv('feedback.csv'), Reviews: csv('reviews.csv') },
    { now: () => NOW, zone: ZONE },
  );

describe('low-star reviews without a reply', () => {
  function withScorecard() {
    const w = world({}, {}, examples());
    const def = suggestDefinition(detectSheets(w.wb));
    buildScorecard(w.wb, def, '2026-11-23 10:00', [trackerSummary]);
    return { w, def };
  }

  test('the example data: setting up creates no action for reviews older than the set-up; they are offered once, with their count', () => {
    const { w, def } = withScorecard();
    const grid = values(w.wb, 'Reviews');
    const t = findTable(grid);
    const at = (role: 'date' | 'stars' | 'responded') => t.firstCol + t.headers.indexOf(def.sources.reviews!.columns[role]!);
    const older = reviewActions(
      t.dataRows.map((i) => ({
        date: grid[i][at('date')],
        stars: grid[i][at('stars')],
        responded: grid[i][at('responded')],
        customer: '',
        comment: '',
      })),
      w.twin.automation.dates,
    ).length;
    expect(older).toBeGreaterThan(0);
    const r = w.call('createSurvey', { setup: setupWith() });
    expect(r.sync).toMatchObject({ responses: 0, actions: 0 });
    expect(r.oldReviews).toEqual({ count: older });
    expect(actions(w.wb)).toHaveLength(0);
    expect(w.call('automationStatus').survey!.oldReviews).toEqual({ count: older });
    // Leaving them: asked no more, and no run makes actions of them.
    const left = w.call('oldReviews', { add: false });
    expect(left.status.survey!.oldReviews).toBeNull();
    w.call('syncFeedback');
    w.call('createSurvey', { setup: setupWith({ roles: ['Buyer'] }) }); // running the wizard again does not ask again
    expect(actions(w.wb)).toHaveLength(0);
    expect(w.call('automationStatus').survey!.oldReviews).toBeNull();
  });

  test('chosen: each older one becomes an action with its date, stars and text, once', () => {
    const { w } = withScorecard();
    const r = w.call('createSurvey', { setup: setupWith() });
    const added = w.call('oldReviews', { add: true });
    expect(added.sync!.actions).toBe(r.oldReviews!.count);
    const wrong = byHeader(w.wb, 'Improvement tracker', 'What was wrong').map(String);
    expect(wrong.every((x) => /^[12]-star review of 20\d\d-\d\d-\d\d without a reply\./.test(x))).toBe(true);
    expect(wrong.filter((x) => x.includes('Said: "')).length).toBeGreaterThan(0);
    expect(w.call('syncFeedback').actions).toBe(0);
  });

  test('a review pasted after the set-up becomes an action by itself, dated as written', () => {
    const { w } = withScorecard();
    w.call('createSurvey', { setup: setupWith() });
    w.call('oldReviews', { add: false });
    const rows = values(w.wb, 'Reviews').length;
    w.wb.sheet('Reviews')!.writeBlock(rows + 1, 1, [['Nov 23, 2026', 1, { text: 'Wrong parts, twice' }, '']]);
    expect(w.call('syncFeedback').actions).toBe(1);
    expect(actions(w.wb)[0][T('What was wrong')]).toBe('1-star review of 2026-11-23 without a reply. Said: "Wrong parts, twice"');
  });

  test('5 simulated responses make at most 5 actions, each with its reasons', () => {
    const { w } = withScorecard();
    w.call('createSurvey', { setup: setupWith() });
    w.call('simulateResponses', { count: 5 });
    const acts = actions(w.wb);
    expect(acts.length).toBeLessThanOrEqual(5);
    expect(acts.length).toBeGreaterThan(0);
    for (const a of acts) expect(String(a[T('What was wrong')])).toMatch(/^Reasons?: /);
    expect(new Set(acts.map((a) => a[T('Key')])).size).toBe(acts.length);
  });
});
