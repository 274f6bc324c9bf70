/**
 * The add-on's Apps Script side: menu, sidebar and the one RPC entry the sidebar calls.
 * Nothing here runs at load time (onOpen may run without authorisation); services are reached lazily.
 */
/// <reference types="google-apps-script" />
import { createHandlers, dispatch, UserError } from '../server/handlers';
import { AppsScriptWorkbook } from '../server/sheets/appsScriptWorkbook';

export type StartView = 'home' | 'wizard';

export function onOpen(): void {
  SpreadsheetApp.getUi()
    .createAddonMenu()
    .addItem('Open Leadlag', 'leadlagOpen')
    .addItem('Build scorecard', 'leadlagBuildScorecard')
    .addItem('Rebuild scorecard', 'leadlagRebuildScorecard')
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

function handlers() {
  const ss = SpreadsheetApp.getActive();
  return createHandlers({
    wb: new AppsScriptWorkbook(ss),
    spreadsheetName: () => ss.getName(),
    timestamp: () => Utilities.formatDate(new Date(), ss.getSpreadsheetTimeZone(), 'yyyy-MM-dd HH:mm'),
    withLock: (fn) => {
      const lock = LockService.getDocumentLock();
      if (lock && !lock.tryLock(1000)) throw new UserError('A scorecard is being built already. Wait for it to finish, then try again.');
      try {
        return fn();
      } finally {
        lock?.releaseLock();
      }
    },
  });
}

export function rebuildFromMenu(): void {
  const ui = SpreadsheetApp.getUi();
  try {
    const r = dispatch(handlers(), 'rebuildScorecard', {}) as { sheet: string };
    SpreadsheetApp.getActive().getSheetByName(r.sheet)?.activate();
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

/** google.script.run.rpc(name, args): the sidebar's only way in. */
export function rpc(name: unknown, args: unknown): unknown {
  return dispatch(handlers(), name, args);
}
