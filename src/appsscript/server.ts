/**
 * The add-on's Apps Script side: menu, sidebar and the one RPC entry the sidebar calls.
 * Nothing here runs at load time (onOpen may run without authorisation); services are reached lazily.
 */
/// <reference types="google-apps-script" />
import { type Results, scopesOf } from '../rpc/contract';
import { currentHost } from './host';
import { createHandlers, dispatch } from '../server/handlers';
import { AppsScriptWorkbook } from '../server/adapters/appsscript/appsScriptWorkbook';
import { withDocumentLock } from '../server/adapters/appsscript/appsScriptServices';
import { checkSurveyScopes, requireSurveyScopes } from '../server/adapters/appsscript/scopes';
import { surveyModule } from '../server/survey/handlers';
import { trackerSummary } from '../server/tracker/sheets';
import { automation } from './survey';
import { isMonthFirstLocale } from '../core/values/locale';

export type StartView = 'home' | 'wizard' | 'survey';

export function onOpen(): void {
  SpreadsheetApp.getUi()
    .createAddonMenu()
    .addItem('Open Leadlag', 'leadlagOpen')
    .addItem('Build scorecard', 'leadlagBuildScorecard')
    .addItem('Rebuild scorecard', 'leadlagRebuildScorecard')
    .addSeparator()
    .addItem('Set up a customer survey', 'leadlagSurvey')
    .addItem('Uninstall automation', 'leadlagUninstallAutomation')
    .addSeparator()
    .addItem('Help', 'leadlagHelp')
    .addToUi();
}

export function onInstall(): void {
  onOpen();
}

function sidebar(start: StartView): void {
  const html = HtmlService.createHtmlOutputFromFile('sidebar').getContent().replace('data-start="home"', `data-start="${start}"`);
  SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutput(html).setTitle('Leadlag'));
}

export function open(): void {
  sidebar('home');
}

export function buildFromMenu(): void {
  sidebar('wizard');
}

/** The menu asks for the survey scopes first (the consent screen can show from a menu, not from the sidebar). */
export function surveyFromMenu(): void {
  requireSurveyScopes();
  sidebar('survey');
}

function handlers() {
  const ss = SpreadsheetApp.getActive();
  // Dates from the sheets are shown (samples, headers, messages) in the spreadsheet's zone.
  const zone = currentHost().zone;
  return createHandlers({
    zone,
    survey: surveyModule(automation(ss)),
    scorecardExtras: [trackerSummary],
    wb: new AppsScriptWorkbook(ss),
    spreadsheetName: () => ss.getName(),
    timestamp: () => Utilities.formatDate(new Date(), ss.getSpreadsheetTimeZone(), 'yyyy-MM-dd HH:mm'),
    withLock: withDocumentLock,
    // The checks before a build read dates as the formulas do: in the spreadsheet's zone and locale.
    dates: () => {
      const host = currentHost();
      return { zone: host.zone, monthFirst: isMonthFirstLocale(host.locale) };
    },
  });
}

export function rebuildFromMenu(): void {
  const ui = SpreadsheetApp.getUi();
  try {
    let r = dispatch(handlers(), 'rebuildScorecard', {}) as Results['rebuildScorecard'];
    if (r.confirm) {
      // The manager added cells to the scorecard: ask before a rebuild removes them.
      if (ui.alert('Leadlag', `${r.confirm.message}\n\nRebuild anyway?`, ui.ButtonSet.YES_NO) !== ui.Button.YES) return;
      r = dispatch(handlers(), 'rebuildScorecard', { force: true }) as Results['rebuildScorecard'];
    }
    SpreadsheetApp.getActive().getSheetByName(r.sheet)?.activate();
  } catch (e) {
    ui.alert('Leadlag', (e as Error).message, ui.ButtonSet.OK);
  }
}

export function uninstallFromMenu(): void {
  const ui = SpreadsheetApp.getUi();
  // Outside the try: requireScopes "ends the current execution and renders an authorization prompt"
  // (https://developers.google.com/apps-script/reference/script/script-app); a catch must not swallow it.
  requireSurveyScopes();
  try {
    const r = dispatch(handlers(), 'uninstallAutomation', {}) as { removed: number };
    ui.alert(
      'Leadlag',
      `Removed ${r.removed} of your trigger(s): your automation no longer processes new responses or sends you reminders and digests. Forms, sheets and actions stay. Triggers belong to the person who set them up: another editor who set up the survey uninstalls theirs the same way.`,
      ui.ButtonSet.OK,
    );
  } catch (e) {
    ui.alert('Leadlag', (e as Error).message, ui.ButtonSet.OK);
  }
}

export function help(): void {
  const ui = SpreadsheetApp.getUi();
  ui.alert(
    'Leadlag',
    'Type =NPS( in a cell to see the formulas, or open Leadlag to build a lead/lag scorecard from your pasted sales and feedback. ' +
      'Leadlag never changes your own sheets: it only writes the sheets it creates.',
    ui.ButtonSet.OK,
  );
}

/**
 * google.script.run.rpc(name, args): the sidebar's only way in. A call the contract says needs the survey
 * scopes (those that reach Forms, triggers or mail) stops first when the user has not granted them.
 */
export function rpc(name: unknown, args: unknown): unknown {
  if (scopesOf(name).length) checkSurveyScopes();
  return dispatch(handlers(), name, args);
}
