/**
 * The survey features' Apps Script entries: the two installable triggers. The automation they run over
 * (FormApp, ScriptApp, LockService, MailApp, PropertiesService) and the survey scopes' checks are adapters
 * in src/server/adapters/appsscript/; this file wires them to the spreadsheet's calendar (host.ts).
 */
/// <reference types="google-apps-script" />
import { AppsScriptWorkbook } from '../server/adapters/appsscript/appsScriptWorkbook';
import { automation as appsScriptAutomation } from '../server/adapters/appsscript/automation';
import { appsScriptMail, appsScriptProperties } from '../server/adapters/appsscript/appsScriptServices';
import type { Automation, AutomationContext } from '../server/survey/automation';
import { onFormSubmit, onWeekly } from '../server/survey/run';
import { contextFor } from '../functions/context';
import { currentHost } from './host';

/** The survey automation of a spreadsheet, its dates read as the formulas read them. */
export function automation(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): Automation {
  return appsScriptAutomation(ss, () => contextFor(currentHost()));
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
