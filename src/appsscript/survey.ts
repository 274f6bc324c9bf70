/**
 * The survey features' Apps Script side: the automation ports over FormApp, ScriptApp, LockService,
 * MailApp and PropertiesService, the two installable triggers, and the check that the user granted the
 * scopes only these features use (forms, triggers, mail).
 */
/// <reference types="google-apps-script" />
import { AppsScriptWorkbook } from '../server/sheets/appsScriptWorkbook';
import { appsScriptForms } from '../server/sheets/appsScriptForms';
import { appsScriptTriggers } from '../server/sheets/appsScriptTriggers';
import { appsScriptLock, appsScriptMail, appsScriptProperties } from '../server/sheets/appsScriptServices';
import type { Automation, AutomationContext } from '../server/survey/automation';
import { onFormSubmit, onWeekly } from '../server/survey/run';
import { UserError } from '../server/handlers';
import { contextFor } from '../functions/context';
import { currentHost } from './host';

/**
 * The scopes only the survey features need (appsscript.json lists them; with granular consent a user may
 * have granted the scorecard's and not these). README "Scopes" says why each.
 */
export const SURVEY_SCOPES = [
  'https://www.googleapis.com/auth/forms',
  'https://www.googleapis.com/auth/script.scriptapp',
  'https://www.googleapis.com/auth/script.send_mail',
];

/** From a menu item: Apps Script stops here and asks the user for the survey scopes they have not granted yet. */
export function requireSurveyScopes(): void {
  ScriptApp.requireScopes(ScriptApp.AuthMode.FULL, SURVEY_SCOPES);
}

/**
 * Whether the user granted the survey scopes. getAuthorizationInfo(mode, scopes) checks only these; an
 * older runtime ignores the list and checks all of the manifest's.
 */
export function surveyScopesGranted(): boolean {
  const info = (
    ScriptApp.getAuthorizationInfo as (
      mode: GoogleAppsScript.Script.AuthMode,
      scopes?: string[],
    ) => GoogleAppsScript.Script.AuthorizationInfo
  )(ScriptApp.AuthMode.FULL, SURVEY_SCOPES);
  return info.getAuthorizationStatus() !== ScriptApp.AuthorizationStatus.REQUIRED;
}

/** From the sidebar (which cannot show the consent screen): a message that says how to grant them. */
export function checkSurveyScopes(): void {
  if (!surveyScopesGranted()) {
    throw new UserError(
      'Surveys need your permission to create Google Forms, run Leadlag when a response arrives and send you reminders. Choose Extensions › Leadlag › Set up a customer survey to grant it, then try again.',
    );
  }
}

const stamp = (ss: GoogleAppsScript.Spreadsheet.Spreadsheet) =>
  Utilities.formatDate(new Date(), ss.getSpreadsheetTimeZone(), 'yyyy-MM-dd HH:mm');

/** Forms, triggers, lock, mail and properties for the survey features; services are reached only when called. */
export function automation(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): Automation {
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
    granted: surveyScopesGranted,
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
