import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { call, loadBundle } from '../helpers/bundle';
import { TRIGGER_HANDLERS } from '../../src/server/survey/automation';
import { SURVEY_SCOPES } from '../../src/rpc/scopes';

/**
 * The survey features' entry points in dist/Code.js, loaded in a bare V8 context with stand-ins of the
 * few services they touch before any work: the menu, the scope checks (granular consent: a user may have
 * granted the scorecard's scopes and not the survey's), the sidebar and the trigger handlers' names.
 */
const root = join(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'appsscript.json'), 'utf8')) as { oauthScopes: string[] };

function services(status: 'REQUIRED' | 'NOT_REQUIRED') {
  const log: string[] = [];
  const menu = {
    items: [] as [string, string][],
    addItem(label: string, fn: string) {
      this.items.push([label, fn]);
      return this;
    },
    addSeparator() {
      return this;
    },
    addToUi() {
      log.push('menu');
    },
  };
  const ui = {
    createAddonMenu: () => menu,
    showSidebar: (html: { content: string }) => log.push(`sidebar ${/data-start="(\w+)"/.exec(html.content)?.[1]}`),
    alert: (_t: string, text: string) => log.push(`alert ${text}`),
    ButtonSet: { OK: 'OK' },
  };
  const globals = {
    ScriptApp: {
      AuthMode: { FULL: 'FULL' },
      AuthorizationStatus: { REQUIRED: 'REQUIRED', NOT_REQUIRED: 'NOT_REQUIRED' },
      getAuthorizationInfo: (mode: string, scopes?: string[]) => {
        log.push(`check ${mode} ${(scopes ?? []).join(' ')}`);
        return { getAuthorizationStatus: () => status };
      },
      requireScopes: (mode: string, scopes: string[]) => {
        log.push(`require ${mode} ${scopes.join(' ')}`);
        // Apps Script ends the execution here and shows the consent screen when one is missing.
        if (status === 'REQUIRED') throw new Error('Authorization is required to perform that action.');
      },
    },
    SpreadsheetApp: { getUi: () => ui, getActive: () => ({}) },
    HtmlService: {
      createHtmlOutputFromFile: (name: string) => ({ getContent: () => `<body data-start="home" data-file="${name}">` }),
      createHtmlOutput: (content: string) => ({ content, setTitle: () => ({ content }) }),
    },
  };
  return { globals, log, menu };
}

describe('the survey entry points in dist/Code.js', () => {
  test('the manifest asks for the survey scopes, and they are the only ones beyond the scorecard’s', () => {
    expect(manifest.oauthScopes).toEqual([
      'https://www.googleapis.com/auth/spreadsheets.currentonly',
      'https://www.googleapis.com/auth/script.container.ui',
      ...SURVEY_SCOPES,
    ]);
  });

  test('the README’s scope table explains every scope of the manifest', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const table = readme.slice(readme.indexOf('### Scopes'), readme.indexOf('## ', readme.indexOf('### Scopes') + 5));
    for (const scope of manifest.oauthScopes) expect(table).toContain(`| \`${scope.replace('https://www.googleapis.com/auth/', '')}\` |`);
  });

  test('the menu offers the survey and "Uninstall automation", and every menu item and trigger handler is a top-level function', () => {
    const s = services('NOT_REQUIRED');
    const ctx = loadBundle(s.globals);
    call(ctx, 'onOpen', {});
    const labels = s.menu.items.map(([l]) => l);
    expect(labels).toEqual(expect.arrayContaining(['Set up a customer survey', 'Uninstall automation']));
    for (const [, fn] of s.menu.items) expect(typeof (ctx as Record<string, unknown>)[fn]).toBe('function');
    for (const fn of Object.values(TRIGGER_HANDLERS)) expect(typeof (ctx as Record<string, unknown>)[fn]).toBe('function');
  });

  test('"Set up a customer survey" asks for the survey scopes from the menu, then opens the survey wizard', () => {
    const granted = services('NOT_REQUIRED');
    call(loadBundle(granted.globals), 'leadlagSurvey');
    expect(granted.log).toEqual([`require FULL ${SURVEY_SCOPES.join(' ')}`, 'sidebar survey']);
    // Not granted: Apps Script shows the consent screen and the sidebar does not open.
    const missing = services('REQUIRED');
    expect(() => call(loadBundle(missing.globals), 'leadlagSurvey')).toThrow('Authorization is required');
    expect(missing.log).toEqual([`require FULL ${SURVEY_SCOPES.join(' ')}`]);
  });

  test('from the sidebar, a call that reaches Forms, triggers or mail says how to grant the scopes, before touching anything', () => {
    const s = services('REQUIRED');
    const ctx = loadBundle(s.globals);
    for (const name of ['createSurvey', 'setAutomation', 'syncFeedback', 'uninstallAutomation']) {
      expect(() => call(ctx, 'rpc', name, {})).toThrow('Choose Extensions › Leadlag › Set up a customer survey to grant it');
    }
    expect(s.log).toEqual(Array(4).fill(`check FULL ${SURVEY_SCOPES.join(' ')}`));
  });

  test('Home and the survey view ask for the status without the scopes: it says so, and no trigger is touched', () => {
    const s = services('REQUIRED');
    const props = new Map<string, string>();
    const refused = (what: string) => () => {
      throw new Error(`You do not have permission to call ${what}`);
    };
    const ss = {
      getId: () => 'doc',
      getUrl: () => 'https://docs.google.com/spreadsheets/d/doc',
      getName: () => 'Budget',
      getSheets: () => [],
      getSheetByName: () => null,
      getDeveloperMetadata: () => [],
      getSpreadsheetTimeZone: () => 'Europe/London',
    };
    const ctx = loadBundle({
      ...s.globals,
      SpreadsheetApp: { ...s.globals.SpreadsheetApp, getActive: () => ss },
      ScriptApp: {
        ...s.globals.ScriptApp,
        getUserTriggers: refused('ScriptApp.getUserTriggers'),
        getProjectTriggers: refused('ScriptApp.getProjectTriggers'),
      },
      PropertiesService: {
        getDocumentProperties: () => ({
          getProperty: (k: string) => props.get(k) ?? null,
          setProperty: (k: string, v: string) => props.set(k, v),
          getKeys: () => [...props.keys()],
        }),
        getUserProperties: refused('PropertiesService.getUserProperties'),
      },
    });
    const status = call(ctx, 'rpc', 'automationStatus', {}) as { needsPermission: boolean; available: boolean; triggers: unknown };
    expect(JSON.parse(JSON.stringify(status))).toMatchObject({
      available: true,
      needsPermission: true,
      triggers: { formSubmit: false, weekly: false },
    });
  });

  test('"Uninstall automation" from the menu asks for the scopes first, outside any catch: the consent screen is not swallowed by an alert', () => {
    const s = services('REQUIRED');
    expect(() => call(loadBundle(s.globals), 'leadlagUninstallAutomation')).toThrow('Authorization is required');
    expect(s.log).toEqual([`require FULL ${SURVEY_SCOPES.join(' ')}`]);
  });
});
