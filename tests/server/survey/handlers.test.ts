import { surveyModule } from '../../../src/server/survey/handlers';
import { world, setupWith, values } from '../../helpers/world';
import { createHandlers, dispatch } from '../../../src/server/handlers';
import { MemoryWorkbook } from '../../../src/server/adapters/memory/memoryWorkbook';
import { calls, type Results } from '../../../src/rpc/contract';
import { FORM_RESPONSES_TAG, TRIGGER_HANDLERS } from '../../../src/server/survey/automation';
import { isOwnTag } from '../../../src/server/scorecard/detect';

describe('the survey wizard', () => {
  test('step 1–2: defaults, then the questions each role gets, or what is wrong', () => {
    const w = world();
    const d = w.call('surveyDefaults');
    expect(d.maxRoles).toBe(6);
    expect(d.setup.roles).toHaveLength(4);
    expect(d.status).toMatchObject({ available: true, simulated: true, survey: null, triggers: { formSubmit: false, weekly: false } });
    const p = w.call('previewSurvey', { setup: { ...d.setup, owner: 'ana@example.com' } });
    expect(p.problems).toEqual([]);
    expect(p.forms.map((f) => f.role)).toEqual(d.setup.roles);
    const bad = w.call('previewSurvey', { setup: { ...d.setup, roles: [], reminder: 'quarterly' } });
    expect(bad.forms).toEqual([]);
    expect(bad.problems).toContain('Choose 1 to 6 roles to ask.');
    expect(bad.problems).toContain('Enter the email address that gets the reminders and the digest.');
  });

  test('step 3: one form per role, linked to this spreadsheet, with links, the two sheets and the triggers', () => {
    const w = world();
    const r = w.call('createSurvey', { setup: setupWith() });
    expect(r.forms.map((f) => f.role)).toEqual(['Decision maker', 'Day-to-day user', 'Purchasing', 'Technical']);
    for (const f of r.forms) {
      expect(f.publishedUrl).toBe(`/forms/${f.id}`);
      expect(f.editUrl).toBe(`/forms/${f.id}/edit`);
      expect(w.wb.getSheetTag(f.responseSheet)).toBe(FORM_RESPONSES_TAG);
      expect(values(w.wb, f.responseSheet)[0][0]).toBe('Timestamp');
    }
    expect(r).toMatchObject({
      responsesSheet: 'Survey responses',
      trackerSheet: 'Improvement tracker',
      triggers: { formSubmit: true, weekly: true },
      simulated: true,
    });
    expect(w.twin.triggers.installed.map((t) => [t.kind, t.handler])).toEqual([
      ['formSubmit', 'leadlagFormSubmit'],
      ['weekly', 'leadlagWeekly'],
    ]);
    const status = w.call('automationStatus');
    expect(status.survey).toMatchObject({ title: 'How are we doing?', reminder: 'quarterly', owner: 'owner@example.com', dueDays: 7 });
    expect(status.survey!.forms).toHaveLength(4);
  });

  test('or one form whose role question branches', () => {
    const w = world();
    const r = w.call('createSurvey', { setup: setupWith({ layout: 'branching' }) });
    expect(r.forms).toHaveLength(1);
    expect(r.forms[0].role).toBeNull();
    const spec = w.twin.forms.forms.get(r.forms[0].id)!.spec;
    expect(spec.items[1].goTo).toHaveLength(4);
  });

  test('a setup with problems creates nothing and says why', () => {
    const w = world();
    expect(() => w.call('createSurvey', { setup: setupWith({ roles: ['A', 'a'] }) })).toThrow('"a" is there twice');
    expect(w.wb.sheetNames()).toEqual([]);
    expect(w.twin.triggers.installed).toEqual([]);
    expect(() => w.call('createSurvey', { setup: { roles: 'A' } })).toThrow(/The survey settings are not valid/);
  });

  test('running the wizard again adds forms but never a second trigger; old forms stay listed', () => {
    const w = world();
    w.call('createSurvey', { setup: setupWith() });
    w.clock.set(Date.UTC(2027, 1, 1));
    w.call('createSurvey', { setup: setupWith({ roles: ['Buyer'] }) });
    w.call('createSurvey', { setup: setupWith({ layout: 'branching' }) });
    expect(w.twin.triggers.installed).toHaveLength(2);
    expect(w.call('automationStatus').survey!.forms).toHaveLength(6);
  });

  test('duplicates left by an earlier run are removed', () => {
    const w = world();
    for (const kind of ['formSubmit', 'formSubmit', 'weekly', 'weekly'] as const) w.twin.triggers.install(kind, TRIGGER_HANDLERS[kind]);
    w.call('createSurvey', { setup: setupWith() });
    expect(w.twin.triggers.installed.map((t) => t.kind)).toEqual(['formSubmit', 'weekly']);
  });

  test("one clock per user serves all of their spreadsheets; another spreadsheet's form trigger is not ours", () => {
    const a = world();
    const b = world({}, { userProps: a.twin.userProps, triggers: a.twin.triggers.installed, documentId: 'other' });
    a.call('createSurvey', { setup: setupWith() });
    b.call('createSurvey', { setup: setupWith() });
    expect(a.twin.triggers.installed.map((t) => [t.kind, t.source])).toEqual([
      ['formSubmit', 'memory-spreadsheet'],
      ['weekly', null],
      ['formSubmit', 'other'],
    ]);
    expect(a.call('uninstallAutomation').removed).toBe(1); // b still needs the clock
    expect(b.call('automationStatus').triggers).toEqual({ formSubmit: true, weekly: true });
    expect(b.call('uninstallAutomation').removed).toBe(2);
    expect(a.twin.triggers.installed).toEqual([]);
  });

  test('"Uninstall automation" removes the triggers and only them; setAutomation puts them back', () => {
    const w = world();
    const r = w.call('createSurvey', { setup: setupWith() });
    w.twin.triggers.install('weekly', 'somethingElse');
    const u = w.call('uninstallAutomation');
    expect(u.removed).toBe(2);
    expect(u.status.triggers).toEqual({ formSubmit: false, weekly: false });
    expect(w.twin.userProps.keys()).toEqual([]);
    expect(w.twin.triggers.installed.map((t) => t.handler)).toEqual(['somethingElse']);
    // Responses are no longer processed; forms and sheets stay.
    w.twin.submit(r.forms[0].id, { customer: 'Acme', referral: 2 });
    expect(values(w.wb, 'Survey responses')).toHaveLength(1);
    expect(w.call('uninstallAutomation').removed).toBe(0);
    const s = w.call('setAutomation', { reminder: 'monthly', digest: true, owner: 'bo@example.com' });
    expect(s.triggers).toEqual({ formSubmit: true, weekly: true });
    expect(s.survey).toMatchObject({ reminder: 'monthly', digest: true, owner: 'bo@example.com' });
    expect(() => w.call('setAutomation', { reminder: 'weekly', digest: true, owner: 'bo' })).toThrow('Choose a reminder');
  });

  test('simulated responses exist only where the automation can simulate them', () => {
    const w = world();
    expect(() => w.call('simulateResponses', { count: 3 })).toThrow('Create a survey first');
    w.call('createSurvey', { setup: setupWith() });
    expect(w.call('simulateResponses', { count: 12 }).submitted).toBe(12);
    expect(values(w.wb, 'Survey responses')).toHaveLength(13);
    expect(() => w.call('simulateResponses', { count: 51 })).toThrow('1 to 50');
    const { simulate, ...real } = w.twin.automation;
    const h = createHandlers({
      wb: w.wb,
      spreadsheetName: () => 'x',
      timestamp: () => 'x',
      withLock: (f) => f(),
      survey: surveyModule(real),
    });
    expect(() => dispatch(h, 'simulateResponses', { count: 1 })).toThrow('only in the local preview');
    expect(simulate).toBeDefined();
  });

  test('without the automation the survey calls say so, and the rest still works', () => {
    const wb = new MemoryWorkbook();
    const h = createHandlers({
      wb,
      spreadsheetName: () => 'x',
      timestamp: () => 'x',
      withLock: (f) => f(),
      survey: surveyModule(undefined),
    });
    expect(() => dispatch(h, 'createSurvey', { setup: setupWith() })).toThrow('cannot reach');
    expect((dispatch(h, 'automationStatus', {}) as { available: boolean }).available).toBe(false);
    expect(dispatch(h, 'home', {})).toMatchObject({ sheets: [] });
  });

  test('every survey call is served when the survey module is plugged in, and unknown without it', () => {
    const w = world();
    for (const n of ['surveyDefaults', 'automationStatus'] as const) expect(() => w.call(n)).not.toThrow();
    const bare = createHandlers({ wb: w.wb, spreadsheetName: () => 'x', timestamp: () => 'x', withLock: (f) => f() });
    expect(() => dispatch(bare, 'surveyDefaults', {})).toThrow('This version of Leadlag cannot do "surveyDefaults"');
    // The contract declares it (with its schema and scopes) all the same: only the handler is missing.
    expect(calls()).toHaveProperty('surveyDefaults');
  });

  test('the feedback table is listed as data for the scorecard wizard; the raw form sheets and the tracker are not', () => {
    const w = world();
    w.call('createSurvey', { setup: setupWith({ roles: ['Buyer'] }) });
    const listed = w.wb.sheetNames().filter((n) => !isOwnTag(w.wb.getSheetTag(n)));
    expect(listed).toEqual(['Survey responses']);
  });
});

describe('without the survey scopes (granular consent)', () => {
  test('the status says so without reaching the triggers or the user’s mailbox; the rest still reads', () => {
    const w = world();
    w.call('createSurvey', { setup: setupWith() });
    const { triggers, userProps, ...rest } = w.twin.automation;
    const refuse = () => {
      throw new Error('You do not have permission to call ScriptApp.getUserTriggers');
    };
    const h = createHandlers({
      wb: w.wb,
      spreadsheetName: () => 'x',
      timestamp: () => 'x',
      withLock: (f) => f(),
      survey: surveyModule({
        ...rest,
        triggers: { list: refuse, install: refuse, remove: refuse },
        userProps: { ...userProps, get: refuse },
        granted: () => false,
      }),
    });
    const s = dispatch(h, 'automationStatus', {}) as Results['automationStatus'];
    expect(s).toMatchObject({
      available: true,
      needsPermission: true,
      triggers: { formSubmit: false, weekly: false },
      trackerSheet: 'Improvement tracker',
    });
    expect(s.survey?.forms).toHaveLength(4);
    expect((dispatch(h, 'surveyDefaults', {}) as Results['surveyDefaults']).status.needsPermission).toBe(true);
    // Granted (the preview, or after the menu's consent screen): the same state reads as usual.
    expect(w.call('automationStatus').needsPermission).toBe(false);
  });
});

describe('a Create that fails half-way', () => {
  test('leaves the last survey as it was, keeps the forms it made, and the next Create gets a run of its own', () => {
    const w = world();
    const first = w.call('createSurvey', { setup: setupWith() });
    const forms = w.twin.automation.forms;
    let made = 0;
    const failing = {
      ...w.twin.automation,
      forms: {
        create: (spec: Parameters<typeof forms.create>[0]) => {
          if (++made > 2) throw new Error('Service invoked too many times for one day: forms create');
          return forms.create(spec);
        },
        responseSheet: (id: string) => forms.responseSheet(id),
        state: (id: string) => forms.state(id),
        prefilled: (...a: Parameters<typeof forms.prefilled>) => forms.prefilled(...a),
      },
    };
    const h = createHandlers({
      wb: w.wb,
      spreadsheetName: () => 'x',
      timestamp: () => 'x',
      withLock: (f) => f(),
      survey: surveyModule(failing),
    });
    expect(() => dispatch(h, 'createSurvey', { setup: setupWith({ roles: ['Buyer', 'User', 'Boss'] }) })).toThrow(
      'Service invoked too many times',
    );
    const after = w.call('automationStatus');
    expect(after.survey?.run).toBe(first.forms[0].run);
    expect(after.survey?.forms.filter((f) => f.run === after.survey?.run).map((f) => f.role)).toEqual(first.forms.map((f) => f.role));
    expect(after.survey?.forms).toHaveLength(6); // the two made before the failure are kept: their links work
    const again = w.call('createSurvey', { setup: setupWith({ roles: ['Buyer'] }) });
    expect(again.forms[0].run).toBe(first.forms[0].run + 2);
    expect(w.call('automationStatus').survey?.forms.filter((f) => f.run === again.forms[0].run)).toHaveLength(1);
  });
});

test('the whole setup is kept, so that running the wizard again starts from it', () => {
  const w = world();
  w.call('createSurvey', {
    setup: setupWith({
      layout: 'branching',
      roles: ['Buyer', 'Chef'],
      csat: true,
      texts: { referral: 'Would you recommend us to another restaurant?' },
    }),
  });
  const kept = w.call('automationStatus').survey?.setup;
  expect(kept).toMatchObject({
    layout: 'branching',
    roles: ['Buyer', 'Chef'],
    csat: true,
    texts: { referral: 'Would you recommend us to another restaurant?' },
  });
  // Too big for a property (9 KB): not kept, and the wizard starts from the defaults; the survey is made all the same.
  const huge = 'ж'.repeat(490);
  const roles = ['A', 'B', 'C', 'D', 'E', 'F'];
  const r = w.call('createSurvey', {
    setup: setupWith({
      roles,
      roleTexts: Object.fromEntries(roles.map((x, i) => [x, `${huge}${i}`])),
      texts: { intro: `${huge}i`, satisfies: `${huge}s`, dissatisfies: `${huge}d`, hoped: `${huge}h`, closing: `${huge}c` },
    }),
  });
  expect(r.forms).toHaveLength(6);
  expect(w.call('automationStatus').survey?.setup).toBeNull();
});

describe('the defaults never fail Create', () => {
  test('the owner is the user where Apps Script gives the address, with a quarterly reminder; without one, no reminder until one is given', () => {
    const known = world({}, { userEmail: 'ana@example.com' });
    expect(known.call('surveyDefaults').setup).toMatchObject({ owner: 'ana@example.com', reminder: 'quarterly' });
    const unknown = world({}, { userEmail: '' });
    const d = unknown.call('surveyDefaults').setup;
    expect(d).toMatchObject({ owner: '', reminder: 'none', digest: false });
    // Created as they come: no "Enter the email address" failure.
    expect(unknown.call('createSurvey', { setup: d }).forms).toHaveLength(4);
  });

  test('the closing line promises to tell what changed only when the form asks how to reach the customer', () => {
    const w = world();
    const asked = w.call('previewSurvey', { setup: setupWith() }).forms[0];
    expect(asked.items.some((i) => i.q === 'contact' && i.email)).toBe(true);
    expect(asked.confirmation).toMatch(/if you left your e-mail address we will tell you what we changed/);
    const not = w.call('previewSurvey', { setup: setupWith({ contact: false }) }).forms[0];
    expect(not.items.some((i) => i.q === 'contact')).toBe(false);
    expect(not.confirmation).not.toMatch(/tell you what we changed/);
  });
});
