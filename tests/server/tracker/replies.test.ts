import { world, setupWith, values, NOW } from '../../helpers/world';
import { columnLetter } from '../../../src/core/tables/kinds';
import { REPLIES_KEY } from '../../../src/server/tracker/replies';
import { escapeHtml } from '../../../src/core/tracker/reply';

/** "You said, we did": closing an action from the sidebar, reviewing the reply, sending it once, recording it. */
const IMG = '<img src=x onerror=alert(1)>';
const FORMULA = '=HYPERLINK("http://evil.test","click")';

function loop(dissatisfies = `Invoices are often wrong ${IMG}`, contact = 'buyer@acme.example') {
  const w = world();
  const [f] = w.call('createSurvey', { setup: setupWith({ roles: ['Buyer'], digest: true, reminder: 'none' }) }).forms;
  w.twin.submit(f.id, { customer: 'Acme Ltd', referral: 3, dissatisfies, contact });
  w.twin.submit(f.id, { customer: 'Brill', referral: 2, dissatisfies: 'Slow', contact: '' });
  const list = w.call('trackerActions');
  return { w, f, list, acme: list.open.find((a) => a.customer === 'Acme Ltd')!, brill: list.open.find((a) => a.customer === 'Brill')! };
}

const cellOf = (w: ReturnType<typeof world>, header: string, row: number) => {
  const grid = values(w.wb, 'Improvement tracker');
  return grid[row][grid[0].indexOf(header)];
};

describe('closing an action and telling the customer what changed', () => {
  test('the sidebar lists open actions by key; closing one writes done, today and the note, and drafts the reply', () => {
    const { w, list, acme, brill } = loop();
    expect(list.sheet).toBe('Improvement tracker');
    expect(list.open).toHaveLength(2);
    expect(acme).toMatchObject({ status: 'open', contact: 'buyer@acme.example', canReply: false, replied: '' });
    expect(acme.ref).toMatch(/^r:[0-9a-f]{16}$/);
    // The rows are sorted before the owner closes it: found by its key, not by its row.
    w.wb.sortRows('Improvement tracker', 2, 4, true);
    const r = w.call('closeAction', { ref: acme.ref, note: `Every invoice is checked against the order first. ${FORMULA}` });
    expect(r.action).toMatchObject({ status: 'done', closed: '2026-11-23', canReply: true });
    const row = values(w.wb, 'Improvement tracker').findIndex((x) => x.includes('Acme Ltd'));
    expect(cellOf(w, 'Status', row)).toBe('done');
    expect(cellOf(w, 'Note to the customer', row)).toBe(`Every invoice is checked against the order first. ${FORMULA}`); // text, never a formula
    expect(r.draft).toMatchObject({ to: 'buyer@acme.example', customer: 'Acme Ltd', subject: 'What we changed after your feedback' });
    expect(r.draft!.body).toContain(`> Invoices are often wrong ${IMG}`);
    expect(r.draft!.body).toContain(`What we changed: Every invoice is checked against the order first. ${FORMULA}`);
    expect(r.draft!.link).toMatch(/^\/forms\/[^?]+\?.*Acme/);
    expect(r.draft!.body).toContain(r.draft!.link!);
    // No address: closed, and no reply to draft.
    const b = w.call('closeAction', { ref: brill.ref, note: 'We answer the phone after 4pm now.' });
    expect(b.draft).toBeNull();
    expect(w.call('trackerActions').replies.map((a) => a.customer)).toEqual(['Acme Ltd']);
  });

  test('the reply goes out once, as reviewed, with an HTML body where the customer’s words stay text; it is recorded on the action', () => {
    const { w, acme } = loop();
    const { draft } = w.call('closeAction', { ref: acme.ref, note: 'Invoices are checked first.' });
    const body = `${draft!.body}\n\nAna (edited by the owner)`;
    expect(w.twin.mail.sent).toHaveLength(0); // nothing is sent without the click
    const sent = w.call('sendReply', { ref: acme.ref, subject: draft!.subject, body });
    expect(sent).toMatchObject({ to: 'buyer@acme.example', at: '2026-11-23 19:00' });
    expect(sent.action).toMatchObject({ replied: '2026-11-23 19:00 to buyer@acme.example', canReply: false });
    const mail = w.twin.mail.sent.at(-1)!;
    expect(mail).toMatchObject({ to: 'buyer@acme.example', subject: 'What we changed after your feedback', body, senderName: null });
    expect(mail.htmlBody).toContain(escapeHtml(IMG));
    expect(mail.htmlBody).not.toContain('<img');
    expect(mail.htmlBody).toContain(`<a href="${escapeHtml(draft!.link!)}">`);
    expect(mail.htmlBody!.match(/<a /g)).toHaveLength(1);
    const row = values(w.wb, 'Improvement tracker').findIndex((x) => x.includes('Acme Ltd'));
    expect(cellOf(w, 'Reply sent', row)).toBe('2026-11-23 19:00 to buyer@acme.example');
    // Twice: refused, nothing sent again.
    expect(() => w.call('sendReply', { ref: acme.ref, subject: 'x', body: 'y' })).toThrow(
      /A reply was sent already \(2026-11-23 19:00 to buyer@acme.example\)/,
    );
    expect(w.twin.mail.sent.filter((m) => m.to === 'buyer@acme.example')).toHaveLength(1);
    expect(w.call('trackerActions').replies).toEqual([]);
  });

  test('the Reply sent column deleted: it comes back empty, and the record in the properties still stops a second mail', () => {
    const { w, acme } = loop();
    const { draft } = w.call('closeAction', { ref: acme.ref, note: 'Checked first.' });
    w.call('sendReply', { ref: acme.ref, subject: draft!.subject, body: draft!.body });
    const grid = values(w.wb, 'Improvement tracker');
    w.wb.deleteColumns('Improvement tracker', grid[0].indexOf('Reply sent') + 1, 1);
    w.call('syncFeedback');
    expect(values(w.wb, 'Improvement tracker')[0]).toContain('Reply sent');
    expect(JSON.parse(w.twin.props.get(REPLIES_KEY)!)).toEqual([{ ref: acme.ref, at: '2026-11-23 19:00', to: 'buyer@acme.example' }]);
    expect(() => w.call('sendReply', { ref: acme.ref, subject: 's', body: 'b' })).toThrow(/sent already/);
    expect(w.twin.mail.sent.filter((m) => m.to === 'buyer@acme.example')).toHaveLength(1);
  });

  test('what cannot be replied to says why; a mail that fails records nothing and can be sent again', () => {
    const { w, acme, brill } = loop();
    expect(() => w.call('draftReply', { ref: acme.ref })).toThrow('Close the action first');
    expect(() => w.call('closeAction', { ref: acme.ref, note: '   ' })).toThrow('Say what was changed');
    w.call('closeAction', { ref: brill.ref, note: 'Faster now.' });
    expect(() => w.call('draftReply', { ref: brill.ref })).toThrow('left no e-mail address');
    expect(() => w.call('closeAction', { ref: 'r:0000000000000000', note: 'x' })).toThrow('not on the tracker any more');
    const { draft } = w.call('closeAction', { ref: acme.ref, note: 'Checked first.' });
    expect(() => w.call('sendReply', { ref: acme.ref, subject: ' ', body: draft!.body })).toThrow('Give the reply a subject.');
    w.twin.mail.failNext = 'Service invoked too many times for one day: email.';
    expect(() => w.call('sendReply', { ref: acme.ref, subject: draft!.subject, body: draft!.body })).toThrow(
      /The reply was not sent: Service invoked too many times for one day: email\./,
    );
    expect(w.call('trackerActions').replies.map((a) => a.customer)).toEqual(['Acme Ltd']);
    w.call('sendReply', { ref: acme.ref, subject: draft!.subject, body: draft!.body });
    expect(w.twin.mail.sent.filter((m) => m.to === 'buyer@acme.example')).toHaveLength(1);
  });

  test('while a run holds the spreadsheet, closing waits for it and then says to try again; nothing is written', () => {
    const { w, acme } = loop();
    w.twin.lock.timeOut = true;
    expect(() => w.call('closeAction', { ref: acme.ref, note: 'x' })).toThrow('processing responses in this spreadsheet right now');
    w.twin.lock.timeOut = false;
    expect(w.call('trackerActions').open.find((a) => a.ref === acme.ref)!.status).toBe('open');
  });

  test('the weekly digest counts the actions closed without a reply where one was possible', () => {
    const { w, acme, brill } = loop();
    w.call('closeAction', { ref: acme.ref, note: 'Checked first.' });
    w.call('closeAction', { ref: brill.ref, note: 'Faster.' }); // no address: no reply possible
    expect(w.call('automationStatus').actions).toEqual({ open: 0, overdue: 0, done: 2, replies: 1 });
    w.clock.set(Date.UTC(2026, 11, 7, 8));
    w.twin.fire('weekly');
    const digest = w.twin.mail.sent.at(-1)!;
    expect(digest.subject).toBe('Leadlag: 0 open, 0 overdue actions in "Example spreadsheet", 1 reply to send');
    expect(digest.body).toContain('1 action was closed without telling the customer what changed, though they left an address for it (#1)');
    w.call('sendReply', {
      ref: acme.ref,
      ...(() => {
        const d = w.call('draftReply', { ref: acme.ref });
        return { subject: d.subject, body: d.body };
      })(),
    });
    expect(w.call('automationStatus').actions!.replies).toBe(0);
  });
});

describe('how long before and after an action its measure is compared', () => {
  test('8 weeks until the owner chooses another length; the choice is written into the results and kept when they are written again', () => {
    const w = world();
    const [f] = w.call('createSurvey', { setup: setupWith({ roles: ['Buyer'] }) }).forms;
    // Acme answered 40 days ago and today: both in the 8 weeks before today's action, only today's in the month.
    w.twin.submit(f.id, { customer: 'Acme Ltd', referral: 2 }, new Date(NOW - 40 * 86400000));
    w.twin.submit(f.id, { customer: 'Acme Ltd', referral: 3 });
    const results = columnLetter(values(w.wb, 'Improvement tracker')[0].indexOf('Before'));
    const at = () => `${results}1`;
    const head = () => w.wb.formulaAt('Improvement tracker', at());
    const before = () => {
      const grid = values(w.wb, 'Improvement tracker');
      return grid[grid.length - 1][grid[0].indexOf('Before')];
    };
    expect(w.call('trackerActions').window).toEqual({ choice: '8 weeks', words: '8 weeks', period: null });
    expect(head()).toMatch(/, "8 weeks", "feedback=2"\)$/);
    expect(before()).toBe('-100 (2 answers)');
    const list = w.call('resultWindow', { window: 'month' });
    expect(list.window).toEqual({ choice: 'month', words: '1 month', period: null });
    expect(head()).toMatch(/, "month", "feedback=2"\)$/);
    expect(before()).toBe('-100 (1 answer)');
    // The results written again (a run after the formula was typed over): the owner's length stays.
    w.wb.typeInto('Improvement tracker', at(), 'My notes');
    w.twin.submit(f.id, { customer: 'Brill', referral: 9 });
    expect(head()).toMatch(/, "month", "feedback=2"\)$/);
    // The scorecard's period without a scorecard: 8 weeks, until one is built.
    expect(w.call('resultWindow', { window: 'period' }).window).toEqual({ choice: 'period', words: '8 weeks', period: null });
    expect(head()).toMatch(/, "8 weeks", "feedback=2"\)$/);
    expect(() => w.call('resultWindow', { window: 'fortnight' })).toThrow();
  });
});
