import { world, setupWith, values, csv, NOW } from '../../helpers/world';
import { MemoryWorkbook } from '../../../src/server/adapters/memory/memoryWorkbook';
import type { WorkbookPort } from '../../../src/server/ports/workbook';
import type { Answers } from '../../../src/server/adapters/memory/forms';
import { RESPONSE_HEADERS, TRACKER_HEADERS, trackerSummary } from '../../../src/server/tracker/sheets';
import { syncFeedback } from '../../../src/server/tracker/sync';
import { responseActions, reviewActions } from '../../../src/core/tracker/actions';
import { detectSheet, detectSheets, suggestDefinition } from '../../../src/server/scorecard/detect';
import { buildScorecard } from '../../../src/server/scorecard/build';
import { findTable } from '../../../src/core/tables/findTable';

const KEY = RESPONSE_HEADERS.length - 1;
const feedback = (wb: MemoryWorkbook) => values(wb, 'Survey responses').slice(1);
const actions = (wb: MemoryWorkbook) => values(wb, 'Improvement tracker').slice(1);

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

describe('a response closes the loop', () => {
  test('it lands in the feedback table and each unhappy signal becomes one action', () => {
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
    });
    w.twin.submit(f.id, { customer: 'Brill', referral: 9, comparison: 'Better', dissatisfies: 'nothing' });
    expect(feedback(w.wb).map((r) => r.slice(0, KEY))).toEqual([
      [new Date(NOW), 'Acme', 'Decision maker', 4, 'Worse', '', 'Fast', 'Invoices are wrong', 'Less admin', 'Bundle orders'],
      [new Date(NOW), 'Brill', 'Decision maker', 9, 'Better', '', '', 'nothing', '', ''],
    ]);
    const a = actions(w.wb);
    expect(a.map((r) => [r[0], r[2], r[3], r[5], r[6], r[9]])).toEqual([
      [1, 'Survey response', 'Acme', 'Referral score', 'owner@example.com', 'open'],
      [2, 'Survey response', 'Acme', 'How we compare', 'owner@example.com', 'open'],
      [3, 'Survey response', 'Acme', 'Satisfaction', 'owner@example.com', 'open'],
    ]);
    // Opened today, due 7 days later (the setup's days to act).
    expect(a[0][1]).toEqual(new Date(Date.UTC(2026, 10, 23)));
    expect(a[0][8]).toEqual(new Date(Date.UTC(2026, 10, 30)));
    expect(a[0][4]).toBe('Referral score 4 of 10 (Decision maker). Said: "Invoices are wrong"');
  });

  test('idempotent: the same response processed twice gives one row and one action each', () => {
    const w = world();
    const [f] = w.call('createSurvey', { setup: setupWith() }).forms;
    w.twin.submit(f.id, { customer: 'Acme', referral: 2 });
    w.twin.fire('formSubmit');
    w.twin.fire('formSubmit');
    expect(w.call('syncFeedback')).toEqual({ responses: 0, actions: 0, busy: false });
    expect(feedback(w.wb)).toHaveLength(1);
    expect(actions(w.wb)).toHaveLength(1);
  });

  test('comments stay text, never formulas, in the feedback table and on the tracker', () => {
    const w = world();
    const [f] = w.call('createSurvey', { setup: setupWith() }).forms;
    const sneaky = '=HYPERLINK("http://evil.example","click")';
    w.twin.submit(f.id, { customer: '+44 20 7946 0000', referral: 1, satisfies: '@home', dissatisfies: sneaky, hoped: '-' });
    const row = values(w.wb, 'Survey responses')[1];
    expect(row.slice(1, 9)).toEqual(['+44 20 7946 0000', 'Decision maker', 1, '', '', '@home', sneaky, '-']);
    for (const cell of ['B2', 'G2', 'H2', 'I2']) expect(w.wb.formulaAt('Survey responses', cell)).toBeNull();
    for (let r = 2; r <= 3; r++) for (const c of 'ABCDEFGHIJKLM') expect(w.wb.formulaAt('Improvement tracker', `${c}${r}`)).toBeNull();
    expect(actions(w.wb)[1][4]).toBe(`Dissatisfied (Decision maker). Said: "${sneaky}"`);
  });

  test('a run cut short after the actions repeats none of them', () => {
    const w = world();
    const [f] = w.call('createSurvey', { setup: setupWith() }).forms;
    let fail = true;
    const flaky = interleaving(w.wb, () => undefined);
    const ctx = {
      wb: new Proxy(flaky, {
        get(t, k) {
          const v = Reflect.get(t, k);
          if (k !== 'sheet') return typeof v === 'function' ? v.bind(t) : v;
          return (name: string) => {
            const s = t.sheet(name);
            if (name !== 'Survey responses' || !s) return s;
            return {
              ...s,
              name: s.name,
              readValues: () => s.readValues(),
              writeBlock: (...a: Parameters<typeof s.writeBlock>) => {
                if (fail) throw new Error('Service timed out');
                return s.writeBlock(...a);
              },
            };
          };
        },
      }),
      auto: w.twin.automation,
      spreadsheet: 'x',
    };
    w.twin.forms.submit(f.id, { customer: 'Acme', referral: 3, comparison: 'Worse' }, new Date(NOW));
    expect(() => syncFeedback(ctx)).toThrow('Service timed out');
    expect(actions(w.wb)).toHaveLength(2);
    expect(feedback(w.wb)).toHaveLength(0);
    expect(w.twin.lock.held).toBe(false);
    expect(w.call('automationStatus').errors.at(-1)!.message).toContain('Service timed out');
    fail = false;
    expect(syncFeedback(ctx)).toEqual({ responses: 1, actions: 0, busy: false });
    expect(actions(w.wb)).toHaveLength(2);
    expect(feedback(w.wb)).toHaveLength(1);
  });

  test('a run that cannot get the lock loses nothing: the next run picks the response up', () => {
    const w = world();
    const [f] = w.call('createSurvey', { setup: setupWith() }).forms;
    w.twin.lock.timeOut = true;
    w.twin.submit(f.id, { customer: 'Acme', referral: 5 });
    expect(feedback(w.wb)).toHaveLength(0);
    expect(w.call('automationStatus').errors).toEqual([
      {
        at: '2026-11-23 10:00',
        message: 'Another Leadlag run kept the spreadsheet busy; new responses will be picked up by the next run.',
      },
    ]);
    w.twin.lock.timeOut = false;
    w.twin.submit(f.id, { customer: 'Brill', referral: 10 });
    expect(feedback(w.wb).map((r) => r[1])).toEqual(['Acme', 'Brill']);
    expect(actions(w.wb)).toHaveLength(1);
  });

  test('a renamed or re-linked response sheet is found again through the form', () => {
    const w = world();
    const [f] = w.call('createSurvey', { setup: setupWith({ roles: ['Buyer'] }) }).forms;
    w.twin.submit(f.id, { customer: 'Acme', referral: 8 });
    w.twin.forms.responseSheet = (id) => (id === f.id ? 'Form Responses 1' : null);
    const stored = JSON.parse(w.twin.props.get(`leadlag.form.${f.id}`)!);
    w.twin.props.set(`leadlag.form.${f.id}`, JSON.stringify({ ...stored, responseSheet: 'Old name' }));
    w.twin.submit(f.id, { customer: 'Brill', referral: 8 });
    expect(feedback(w.wb)).toHaveLength(2);
    expect(JSON.parse(w.twin.props.get(`leadlag.form.${f.id}`)!).responseSheet).toBe('Form Responses 1');
  });
});

describe('responses arriving at once', () => {
  const N = 50;
  const answersOf = (i: number): Answers => ({
    customer: `Customer ${String(i).padStart(2, '0')}`,
    referral: i % 11,
    comparison: ['Better', 'About the same', 'Worse'][i % 3],
    dissatisfies: i % 4 === 0 ? 'nothing' : `Complaint ${i}`,
  });

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
    const wb = new MemoryWorkbook();
    const w = world(
      {},
      {
        port: interleaving(wb, () => {
          if (armed && pending.length && rnd() < 0.15) arrive();
        }),
        ...(lock === 'none' ? { lock: { tryLock: () => true, release: () => undefined } } : {}),
      },
      wb,
    );
    const forms = w.call('createSurvey', { setup: setupWith() }).forms;
    armed = true;
    while (pending.length) arrive();
    return w;
  }

  const expectedActions = Array.from({ length: N }, (_, i) => {
    const a = answersOf(i);
    const comparison = (['better', 'same', 'worse'] as const)[i % 3];
    return responseActions({
      key: 'k',
      at: '',
      customer: '',
      role: '',
      referral: a.referral as number,
      comparison,
      csat: null,
      satisfies: '',
      dissatisfies: String(a.dissatisfies),
      hoped: '',
      roleAnswer: '',
    }).length;
  }).reduce((s, n) => s + n, 0);

  /** Every response once in the feedback table, every action it calls for once on the tracker, numbered 1, 2, 3... */
  function exactlyOnce(wb: MemoryWorkbook): string[] {
    const wrong: string[] = [];
    const rows = feedback(wb);
    const customers = rows.map((r) => r[1]).sort();
    if (JSON.stringify(customers) !== JSON.stringify(Array.from({ length: N }, (_, i) => `Customer ${String(i).padStart(2, '0')}`)))
      wrong.push(`${rows.length} feedback rows`);
    if (new Set(rows.map((r) => r[KEY])).size !== rows.length) wrong.push('a response twice');
    const acts = actions(wb);
    if (acts.length !== expectedActions) wrong.push(`${acts.length} actions, not ${expectedActions}`);
    if (new Set(acts.map((r) => r[TRACKER_HEADERS.length - 1])).size !== acts.length) wrong.push('an action twice');
    if (acts.some((r, i) => r[0] !== i + 1)) wrong.push('ids out of order');
    return wrong;
  }

  test(`${N} concurrent responses: each lands exactly once, with exactly its actions`, () => {
    const w = storm();
    expect(exactlyOnce(w.wb)).toEqual([]);
    // They really did arrive during one another's critical sections, and every execution ran.
    expect(w.twin.lock.waited).toBeGreaterThan(10);
    expect(w.twin.runs.leadlagFormSubmit).toBe(N);
    expect(w.call('automationStatus').errors).toEqual([]);
  });

  test('the same storm without the lock goes wrong (so the test above can tell)', () => {
    const wrong = exactlyOnce(storm('none').wb);
    expect(wrong).not.toEqual([]);
  });
});

describe('the feedback table the scorecard reads', () => {
  test('its columns are recognised, and the scorecard wizard offers it as feedback', () => {
    const w = world();
    w.call('createSurvey', { setup: setupWith() });
    w.call('simulateResponses', { count: 20 });
    const d = detectSheet('Survey responses', values(w.wb, 'Survey responses'));
    expect(d.kind).toBe('feedback');
    const roles = Object.fromEntries(d.suggestions.filter((s) => s.role).map((s) => [s.role, d.table!.headers[s.column]]));
    expect(roles).toMatchObject({
      date: 'Timestamp',
      customer: 'Customer',
      role: 'Role',
      referral_score: RESPONSE_HEADERS[3],
      comparison: RESPONSE_HEADERS[4],
      satisfaction: 'Satisfaction (1-5)',
    });
    expect(w.call('readTables').map((t) => t.sheet)).toEqual(['Survey responses']);
  });
});

const examples = () =>
  MemoryWorkbook.fromCsv({ Sales: csv('sales.csv'), Feedback: csv('feedback.csv'), Reviews: csv('reviews.csv') }, { now: () => NOW });

describe('low-star reviews without a reply', () => {
  test("become actions once, from the scorecard's reviews source", () => {
    const w = world({}, {}, examples());
    const def = suggestDefinition(detectSheets(w.wb));
    buildScorecard(w.wb, def, '2026-11-23 10:00', [trackerSummary]);
    const grid = values(w.wb, 'Reviews');
    const t = findTable(grid);
    const col = (role: string) => t.firstCol + t.headers.indexOf(def.sources.reviews!.columns[role as 'stars']!);
    const expected = reviewActions(
      t.dataRows.map((i) => ({
        date: grid[i][col('date')],
        stars: grid[i][col('stars')],
        responded: grid[i][col('responded')],
        customer: '',
        comment: '',
      })),
    ).length;
    expect(expected).toBeGreaterThan(0);
    const r = w.call('createSurvey', { setup: setupWith() });
    expect(r.sync).toEqual({ responses: 0, actions: expected, busy: false });
    const acts = values(w.wb, 'Improvement tracker').slice(1);
    expect(acts.every((a) => a[2] === 'Review' && a[5] === 'Review response')).toBe(true);
    expect(w.call('syncFeedback')).toEqual({ responses: 0, actions: 0, busy: false });
    w.twin.fire('weekly');
    expect(values(w.wb, 'Improvement tracker')).toHaveLength(expected + 1);
  });

  test('without a reviews source, or without a reply column, there are none', () => {
    const w = world({
      Reviews: [
        ['Date', 'Stars'],
        ['2026-11-01', 1],
      ],
    });
    expect(w.call('createSurvey', { setup: setupWith() }).sync.actions).toBe(0);
  });
});
