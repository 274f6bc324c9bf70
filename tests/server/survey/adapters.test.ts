import { appsScriptForms } from '../../../src/server/adapters/appsscript/appsScriptForms';
import { appsScriptTriggers } from '../../../src/server/adapters/appsscript/appsScriptTriggers';
import { surveyForms } from '../../../src/core/survey/forms';
import { defaultSetup } from '../../../src/core/survey/setup';

/**
 * The Apps Script adapters against stand-ins of FormApp and ScriptApp that record the calls: enough to
 * check the wiring that the in-memory twins cannot (branching, navigation, which triggers are ours).
 */
const g = globalThis as Record<string, unknown>;

function fakeFormApp(log: string[]) {
  let n = 0;
  const item = (kind: string) => {
    const id = `${kind}${++n}`;
    const self: Record<string, unknown> = { id };
    const proxy: unknown = new Proxy(self, {
      get: (t, k) =>
        k in t
          ? t[k as string]
          : k === 'createChoice'
            ? (v: string, page: { id: string }) => `${v}→${page.id}`
            : (...a: unknown[]) => (log.push(`${id}.${String(k)}(${a.map((x) => JSON.stringify(x)).join(',')})`), proxy),
    });
    return proxy;
  };
  const form = new Proxy({} as Record<string, unknown>, {
    get: (_t, k) => {
      if (k === 'getId') return () => 'FORM';
      if (k === 'getEditUrl') return () => 'https://docs.google.com/forms/d/FORM/edit';
      if (k === 'getPublishedUrl') return () => 'https://docs.google.com/forms/d/e/X/viewform';
      if (String(k).startsWith('add')) return () => item(String(k).slice(3, -4));
      return (...a: unknown[]) => (log.push(`form.${String(k)}(${a.map((x) => JSON.stringify(x)).join(',')})`), form);
    },
  });
  return {
    create: (title: string) => (log.push(`create(${title})`), form),
    PageNavigationType: { SUBMIT: 'SUBMIT' },
    DestinationType: { SPREADSHEET: 'SPREADSHEET' },
  };
}

describe('the Apps Script adapters', () => {
  afterEach(() => {
    delete g.FormApp;
    delete g.SpreadsheetApp;
    delete g.ScriptApp;
  });

  test("forms: a branching form goes to each role's page, each page submits, responses go to this spreadsheet", () => {
    const log: string[] = [];
    g.FormApp = fakeFormApp(log);
    g.SpreadsheetApp = { flush: () => log.push('flush') };
    const sheets = [
      { getFormUrl: () => null, getName: () => 'Sales' },
      { getFormUrl: () => 'https://docs.google.com/forms/d/FORM/viewform', getName: () => 'Form Responses 1' },
    ];
    const ss = { getId: () => 'SS', getSheets: () => sheets };
    const [spec] = surveyForms({ ...defaultSetup(), roles: ['Buyer', 'User'], layout: 'branching' });
    const made = appsScriptForms(ss as never).create(spec);
    expect(made).toEqual({
      id: 'FORM',
      editUrl: 'https://docs.google.com/forms/d/FORM/edit',
      publishedUrl: 'https://docs.google.com/forms/d/e/X/viewform',
      responseSheet: 'Form Responses 1',
    });
    const pages = log.filter((l) => l.startsWith('PageBreak'));
    expect(pages.filter((l) => l.includes('setGoToPage'))).toEqual([expect.stringMatching(/setGoToPage\("SUBMIT"\)/)]); // the second role's page: the first section ends the form
    const choices = log.find((l) => l.includes('setChoices('))!;
    expect(choices).toMatch(/\["Buyer→PageBreak\d+","User→PageBreak\d+"\]/);
    expect(log.filter((l) => l.startsWith('Scale')).some((l) => l.includes('setBounds(0,10)'))).toBe(true);
    expect(log).toContain('form.setDestination("SPREADSHEET","SS")');
    expect(log.indexOf('flush')).toBeGreaterThan(log.indexOf('form.setDestination("SPREADSHEET","SS")'));
    expect(log).toContain(`form.setConfirmationMessage(${JSON.stringify(spec.confirmation)})`);
  });

  test("triggers: this spreadsheet's form-submit ones and the clocks; installed as form-submit on the spreadsheet and weekly", () => {
    const t = (id: string, type: string, handler: string, source: string | null) => ({
      getUniqueId: () => id,
      getEventType: () => type,
      getHandlerFunction: () => handler,
      getTriggerSourceId: () => source,
    });
    const mine = t('1', 'ON_FORM_SUBMIT', 'leadlagFormSubmit', 'SS');
    const log: string[] = [];
    const builder: Record<string, unknown> = new Proxy(
      {},
      {
        get: (_t, k) =>
          k === 'create'
            ? () => (log.push('create'), t('9', 'CLOCK', 'x', null))
            : (...a: unknown[]) => (log.push(`${String(k)}(${a.join(',')})`), builder),
      },
    );
    g.ScriptApp = {
      EventType: { ON_FORM_SUBMIT: 'ON_FORM_SUBMIT', CLOCK: 'CLOCK' },
      WeekDay: { MONDAY: 'MONDAY' },
      getUserTriggers: () => [mine],
      getProjectTriggers: () => [
        mine,
        t('2', 'ON_FORM_SUBMIT', 'leadlagFormSubmit', 'OTHER'),
        t('3', 'CLOCK', 'leadlagWeekly', null),
        t('4', 'ON_OPEN', 'x', 'SS'),
      ],
      newTrigger: (h: string) => (log.push(`newTrigger(${h})`), builder),
      deleteTrigger: (x: { getUniqueId(): string }) => log.push(`delete(${x.getUniqueId()})`),
    };
    const ss = { getId: () => 'SS' };
    const port = appsScriptTriggers(ss as never);
    expect(port.list()).toEqual([
      { id: '1', kind: 'formSubmit', handler: 'leadlagFormSubmit', document: true },
      { id: '2', kind: 'formSubmit', handler: 'leadlagFormSubmit', document: false },
      { id: '3', kind: 'weekly', handler: 'leadlagWeekly', document: false },
    ]);
    expect(port.install('formSubmit', 'leadlagFormSubmit')).toBe('9');
    expect(port.install('weekly', 'leadlagWeekly')).toBe('9');
    port.remove('3');
    port.remove('nope');
    expect(log).toEqual([
      'newTrigger(leadlagFormSubmit)',
      'forSpreadsheet([object Object])',
      'onFormSubmit()',
      'create',
      'newTrigger(leadlagWeekly)',
      'timeBased()',
      'onWeekDay(MONDAY)',
      'atHour(8)',
      'create',
      'delete(3)',
    ]);
  });
});
