/**
 * The survey features' Apps Script side: the automation ports over FormApp, ScriptApp, LockService,
 * MailApp and PropertiesService, the two installable triggers and "Uninstall automation".
 *
 * Not in the bundle yet: with it, dist/Code.js grows past the 100 KB that every formula execution
 * loads (see the README, "Surveys"). main.ts exports these when that is settled; the code is typechecked
 * and the adapters are tested against stand-ins of the services.
 */
/// <reference types="google-apps-script" />
import { AppsScriptWorkbook } from '../server/sheets/appsScriptWorkbook';
import { appsScriptForms } from '../server/sheets/appsScriptForms';
import { appsScriptTriggers } from '../server/sheets/appsScriptTriggers';
import { appsScriptLock, appsScriptMail, appsScriptProperties } from '../server/sheets/appsScriptServices';
import type { Automation, AutomationContext } from '../server/survey/automation';
import { onFormSubmit, onWeekly } from '../server/survey/run';
import { surveyModule } from '../server/survey/handlers';
import { trackerSummary } from '../server/tracker/sheets';
import { createHandlers, dispatch, UserError } from '../server/handlers';
import { contextFor } from '../functions/context';
import { currentHost } from './host';

const stamp = (ss: GoogleAppsScript.Spreadsheet.Spreadsheet) => Utilities.formatDate(new Date(), ss.getSpreadsheetTimeZone(), 'yyyy-MM-dd HH:mm');

/** Forms, triggers, lock, mail and properties for the survey features; services are reached only when called. */
function automation(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): Automation {
  const ctx = () => contextFor(currentHost());
  return {
    forms: appsScriptForms(ss),
    triggers: appsScriptTriggers(ss),
    lock: appsScriptLock(),
    mail: appsScriptMail,
    props: appsScriptProperties(false),
    userProps: appsScriptProperties(true),
    doc: () => ({ id: ss.getId(), url: ss.getUrl() }),
    get dates() {
      return ctx().dates;
    },
    today: () => ctx().today(),
    stamp: () => stamp(ss),
  };
}

/** Installable trigger: a form linked to this spreadsheet got a response (the event carries the spreadsheet). */
export function formSubmit(e?: { source?: GoogleAppsScript.Spreadsheet.Spreadsheet }): void {
  const ss = e?.source ?? SpreadsheetApp.getActive();
  const ctx: AutomationContext = { wb: new AppsScriptWorkbook(ss), auto: automation(ss), spreadsheet: ss.getName() };
  onFormSubmit(ctx);
}

/** Installable clock trigger, weekly. It runs without a document: it reads only the user's properties. */
export function weekly(): void {
  onWeekly({ userProps: appsScriptProperties(true), mail: appsScriptMail, today: () => contextFor(currentHost()).today() });
}

export function uninstallFromMenu(): void {
  const ui = SpreadsheetApp.getUi();
  try {
    const r = dispatch(surveyHandlers(), 'uninstallAutomation', {}) as { removed: number };
    ui.alert('Leadlag', `Removed ${r.removed} trigger(s): new responses are no longer processed and no reminders or digests are sent. Forms, sheets and actions stay.`, ui.ButtonSet.OK);
  } catch (e) {
    ui.alert('Leadlag', (e as Error).message, ui.ButtonSet.OK);
  }
}


/** The sidebar's handlers with the survey calls plugged in (what rpc() would use once surveys ship). */
export function surveyHandlers() {
  const ss = SpreadsheetApp.getActive();
  return createHandlers({
    survey: surveyModule(automation(ss)),
    scorecardExtras: [trackerSummary],
    wb: new AppsScriptWorkbook(ss),
    spreadsheetName: () => ss.getName(),
    timestamp: () => stamp(ss),
    withLock: (fn) => {
      const lock = LockService.getDocumentLock();
      if (lock && !lock.tryLock(1000)) throw new UserError('Leadlag is busy with this spreadsheet. Wait a moment, then try again.');
      try {
        return fn();
      } finally {
        lock?.releaseLock();
      }
    },
  });
}
