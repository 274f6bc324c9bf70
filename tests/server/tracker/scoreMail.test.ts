import { parseCsv } from '../../../src/core/tables/csv';
import { detectSheet, suggestDefinition } from '../../../src/server/scorecard/detect';
import { world, setupWith, csv, values } from '../../helpers/world';

/** The weekly scorecard mail (issue 15): what the Scorecard shows, mailed to the owner who switched it on. */

const grids = { Sales: parseCsv(csv('sales.csv')), Feedback: parseCsv(csv('feedback.csv')), Reviews: parseCsv(csv('reviews.csv')) };

function built(marked = ['revenue', 'nps', 'csat']) {
  const w = world(grids);
  const def = { ...suggestDefinition(Object.entries(grids).map(([n, g]) => detectSheet(n, g))), marked };
  w.call('createSurvey', { setup: setupWith({ reminder: 'none', digest: false }) });
  w.call('buildScorecard', { definition: def });
  return w;
}

/** The Scorecard's row of a measure, under its header: [name, latest, as of, target, status, trend, signal]. */
function row(w: ReturnType<typeof world>, label: string) {
  const grid = values(w.wb, 'Scorecard');
  const header = grid.findIndex((r) => r[0] === 'Measure');
  return grid.slice(header + 1).find((r) => r[0] === label)!;
}

test('off unless switched on; then one mail a week with the starred measures as the sheet shows them', () => {
  const w = built();
  w.clock.set(Date.UTC(2026, 11, 7, 8));
  w.twin.fire('weekly');
  expect(w.twin.mail.sent).toEqual([]);
  w.call('setAutomation', { reminder: 'none', digest: false, scoreMail: true, owner: 'owner@example.com' });
  expect(w.call('automationStatus').survey).toMatchObject({ scoreMail: true });
  w.twin.fire('weekly');
  expect(w.twin.mail.sent).toHaveLength(1);
  const m = w.twin.mail.sent[0];
  expect(m.to).toBe('owner@example.com');
  const rows = ['Revenue', 'Referral score (NPS)', 'Satisfaction (CSAT)'].map((l) => row(w, l));
  const statuses = rows.map((r) => String(r[4]));
  const onTrack = statuses.filter((s) => s === 'On track').length;
  expect(m.subject).toMatch(
    new RegExp(`^Leadlag: ${onTrack} of 3 on track in "Example spreadsheet", 2026-10; \\d+ new key accounts at risk$`),
  );
  // The key accounts at risk, from the Scorecard's panel: the four large ones turned detractor, each new the first time.
  for (const name of ['Brookfield Construction Ltd', 'Pioneer Catering Ltd', 'Humber Fabrication & Co', 'Marlow Electrical plc'])
    expect(m.body).toMatch(
      new RegExp(`- ${name} \\(tier A, £[\\d,]+\\) NEW: latest referral score [2-6] of 10; said worse than others on 2026-`),
    );
  expect(m.htmlBody).toContain('Humber Fabrication &amp; Co');
  const revenue = `£${Math.round(Number(rows[0][1])).toLocaleString('en-GB')}`;
  expect(m.body).toContain(
    `Revenue: ${revenue} (target £${Math.round(Number(rows[0][3])).toLocaleString('en-GB')} (suggested)) — ${statuses[0]}`,
  );
  expect(m.body).toContain(`Referral score (NPS): ${Math.round(Number(rows[1][1]))} `);
  expect(m.body).toContain(`Satisfaction (CSAT): ${Math.round(Number(rows[2][1]) * 100)}% `);
  expect(m.htmlBody).toContain(`<b>`.length ? revenue : '');
  expect(m.htmlBody).toMatch(/^<div style="font-family:Arial/);
  expect(m.htmlBody).toContain('Open the scorecard</a>');
  // The signal beside each status is the sheet's.
  expect(m.body).toContain(String(rows[0][6]) === 'Routine' ? '· routine variation' : `· ${String(rows[0][6])}`);
  // Switched off again: no more.
  w.call('setAutomation', { reminder: 'none', digest: false, scoreMail: false, owner: 'owner@example.com' });
  w.clock.set(Date.UTC(2026, 11, 14, 8));
  w.twin.fire('weekly');
  expect(w.twin.mail.sent).toHaveLength(1);
});

test('a rebuild with other starred measures changes the next mail (the snapshot is read again after every build)', () => {
  const w = built();
  w.call('setAutomation', { reminder: 'none', digest: false, scoreMail: true, owner: 'owner@example.com' });
  const def = w.call('getDefinition')!;
  // A rebuild right after a build asks nothing: every cell the build wrote (extras' spills too) is its own.
  expect(w.call('buildScorecard', { definition: { ...def, marked: ['on_time'] } }).confirm).toBeNull();
  w.clock.set(Date.UTC(2026, 11, 7, 8));
  w.twin.fire('weekly');
  expect(w.twin.mail.sent[0].body).toMatch(/^Are we winning\? "Example spreadsheet", 2026-10\n\nDelivered on time: \d+%/);
  expect(w.twin.mail.sent[0].body).not.toContain('Revenue:');
});

test('the scorecard mail needs an owner to go to', () => {
  const w = built();
  expect(() => w.call('setAutomation', { reminder: 'none', digest: false, scoreMail: true, owner: '' })).toThrow(
    'Enter the email address that gets the reminders and the digest.',
  );
});
