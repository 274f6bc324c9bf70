import { MAILBOX_MAX_BYTES } from '../../../src/server/tracker/mailbox';
import { world, setupWith, values } from '../../helpers/world';

/** The weekly clock's reminders and digests (src/server/tracker/mailbox.ts), through the automation twin. */
describe('the weekly clock', () => {
  test('reminds the owner once a quarter, with the links to share', () => {
    const w = world();
    const r = w.call('createSurvey', { setup: setupWith() });
    w.twin.fire('weekly');
    expect(w.twin.mail.sent).toEqual([]); // a survey just went out this quarter
    w.clock.set(Date.UTC(2027, 0, 4, 8));
    w.twin.fire('weekly');
    w.clock.set(Date.UTC(2027, 0, 11, 8));
    w.twin.fire('weekly');
    expect(w.twin.mail.sent).toHaveLength(1);
    expect(w.twin.mail.sent[0].to).toBe('owner@example.com');
    for (const f of r.forms) expect(w.twin.mail.sent[0].body).toContain(`${f.title}: ${f.publishedUrl}`);
    w.clock.set(Date.UTC(2027, 3, 5, 8));
    w.twin.fire('weekly');
    expect(w.twin.mail.sent).toHaveLength(2);
  });

  test('monthly when asked; never without a reminder', () => {
    const w = world();
    w.call('createSurvey', { setup: setupWith({ reminder: 'monthly' }) });
    w.clock.set(Date.UTC(2026, 11, 7));
    w.twin.fire('weekly');
    expect(w.twin.mail.sent).toHaveLength(1);
    w.call('setAutomation', { reminder: 'none', digest: false, owner: '' });
    w.clock.set(Date.UTC(2027, 5, 7));
    w.twin.fire('weekly');
    expect(w.twin.mail.sent).toHaveLength(1);
  });

  test('the digest mails what is open and overdue, only when switched on and something is open', () => {
    const w = world();
    const [f] = w.call('createSurvey', { setup: setupWith({ reminder: 'none', digest: true }) }).forms;
    w.twin.fire('weekly');
    expect(w.twin.mail.sent).toEqual([]);
    w.twin.submit(f.id, { customer: 'Acme', referral: 2, dissatisfies: 'Late again' });
    w.twin.submit(f.id, { customer: 'Brill', referral: 8 });
    w.wb.sheet('Improvement tracker')!.writeBlock(3, 11, [['done']]);
    w.call('syncFeedback'); // any run with the spreadsheet refreshes what the clock will mail
    w.clock.set(Date.UTC(2026, 11, 7, 8));
    w.twin.fire('weekly');
    expect(w.twin.mail.sent).toHaveLength(1);
    const m = w.twin.mail.sent[0];
    expect(m.subject).toBe('Leadlag: 1 open, 1 overdue actions in "Example spreadsheet"');
    expect(m.body).toContain(
      '- #1 Acme: Reasons: referral score 2 of 10; a complaint (Decision maker). Said: "Late again" (due 2026-11-30)',
    );
    expect(m.body).toContain('(as of 2026-11-23)');
    w.call('setAutomation', { reminder: 'none', digest: false, owner: 'owner@example.com' });
    w.twin.fire('weekly');
    expect(w.twin.mail.sent).toHaveLength(1);
  });

  test("the weekly mail's data fits a user property (9 KB) however many and however long the actions", () => {
    const w = world();
    const [f] = w.call('createSurvey', { setup: setupWith({ reminder: 'none', digest: true }) }).forms;
    const grumble = 'Доставка снова опоздала, счета неверны, никто не отвечает после четырёх. '.repeat(3);
    for (let i = 0; i < 400; i++) w.twin.submit(f.id, { customer: `Клиент ${i}`, referral: 2, dissatisfies: `${grumble}${i}` });
    const key = w.twin.userProps.keys().find((k) => k.startsWith('leadlag.mailbox.'))!;
    const stored = w.twin.userProps.get(key)!;
    expect(Buffer.byteLength(stored)).toBeLessThanOrEqual(MAILBOX_MAX_BYTES);
    const box = JSON.parse(stored) as { open: number; lines: unknown[]; dueDays: number[] };
    expect(box.open).toBe(400); // the totals stay exact (one action per response, listing both reasons)
    expect(box.lines.length).toBeGreaterThan(0);
    expect(box.dueDays).toEqual([...box.dueDays].sort((a, b) => a - b));
    w.clock.set(Date.UTC(2026, 11, 7, 8));
    w.twin.fire('weekly');
    expect(w.twin.mail.sent[0].subject).toBe(
      'Leadlag: 400 open, ' +
        box.dueDays.filter((d) => d < Date.UTC(2026, 11, 7) / 86400000).length +
        ' overdue actions in "Example spreadsheet"',
    );
  });

  test("reads no sheet: it runs without the spreadsheet, as an add-on's clock does", () => {
    const w = world();
    const [f] = w.call('createSurvey', { setup: setupWith({ reminder: 'none', digest: true }) }).forms;
    w.twin.submit(f.id, { customer: 'Acme', referral: 2 });
    w.wb.resetCalls();
    w.clock.set(Date.UTC(2026, 11, 7, 8));
    w.twin.fire('weekly');
    expect(w.wb.calls).toBe(0);
    expect(w.twin.mail.sent).toHaveLength(1);
  });

  test('a failing mail is noted for the sidebar, not thrown (triggers send no failure mail), and the other spreadsheets still get theirs', () => {
    const a = world();
    const b = world({}, { userProps: a.twin.userProps, triggers: a.twin.triggers.installed, documentId: 'other' });
    a.call('createSurvey', { setup: setupWith({ reminder: 'monthly' }) });
    b.call('createSurvey', { setup: setupWith({ reminder: 'monthly', owner: 'bo@example.com' }) });
    const send = a.twin.mail.send.bind(a.twin.mail);
    a.twin.mail.send = (to, subject, body) => {
      if (to === 'owner@example.com') throw new Error('Service invoked too many times for one day: email.');
      send(to, subject, body);
    };
    a.clock.set(Date.UTC(2027, 0, 4));
    expect(() => a.twin.fire('weekly')).not.toThrow();
    expect(a.twin.mail.sent.map((m) => m.to)).toEqual(['bo@example.com']);
    expect(a.call('automationStatus').errors.at(-1)).toEqual({
      at: '2027-01-04',
      message: 'Could not send the weekly mail: Service invoked too many times for one day: email.',
    });
    expect(b.call('automationStatus').errors).toEqual([]);
  });
});

describe('the weekly clock in the spreadsheet’s time zone', () => {
  test('the reminder goes on the first run of the quarter in the spreadsheet’s zone, not the script’s (Tokyo is in 2027 while UTC is still in 2026)', () => {
    const w = world();
    w.call('createSurvey', { setup: setupWith({ reminder: 'quarterly' }) });
    w.clock.set(Date.UTC(2026, 11, 31, 20)); // 2027-01-01 05:00 in Tokyo
    w.twin.fire('weekly');
    expect(w.twin.mail.sent.map((m) => m.subject)).toEqual(['Leadlag: time to survey your customers again ("Example spreadsheet")']);
    w.clock.set(Date.UTC(2026, 11, 31, 22));
    w.twin.fire('weekly');
    expect(w.twin.mail.sent).toHaveLength(1);
  });

  test('with the spreadsheet open to it, the weekly run also processes what is pending', () => {
    const w = world({}, { clockHasDocument: true });
    const [f] = w.call('createSurvey', { setup: setupWith({ reminder: 'none' }) }).forms;
    w.twin.lock.timeOut = true;
    w.twin.submit(f.id, { customer: 'Acme', referral: 2 });
    w.twin.lock.timeOut = false;
    expect(values(w.wb, 'Survey responses')).toHaveLength(1);
    w.twin.fire('weekly');
    expect(values(w.wb, 'Survey responses')).toHaveLength(2);
  });
});
