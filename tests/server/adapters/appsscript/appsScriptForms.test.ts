import { appsScriptForms } from '../../../../src/server/adapters/appsscript/appsScriptForms';
import { surveyForms } from '../../../../src/core/survey/forms';
import { defaultSetup } from '../../../../src/core/survey/setup';

/**
 * The forms adapter (src/server/adapters/appsscript/appsScriptForms.ts) against a stand-in of FormApp that
 * records the calls: enough to check the wiring that the in-memory twin cannot (branching, navigation).
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

describe('the forms adapter over FormApp', () => {
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
});
