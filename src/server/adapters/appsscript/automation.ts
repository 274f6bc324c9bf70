/// <reference types="google-apps-script" />
import type { Automation } from '../../survey/automation';
import { appsScriptForms } from './appsScriptForms';
import { appsScriptTriggers } from './appsScriptTriggers';
import { appsScriptLock, appsScriptMail, appsScriptProperties, effectiveUserEmail } from './appsScriptServices';
import { surveyScopesGranted } from './scopes';

const stamp = (ss: GoogleAppsScript.Spreadsheet.Spreadsheet) =>
  Utilities.formatDate(new Date(), ss.getSpreadsheetTimeZone(), 'yyyy-MM-dd HH:mm');

/**
 * Forms, triggers, lock, mail and properties for the survey features (FormApp, ScriptApp, LockService,
 * MailApp, PropertiesService); services are reached only when called. `calendar` gives the spreadsheet's
 * dates and today (its time zone and locale, as the formulas read them: src/appsscript/host.ts).
 */
export function automation(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, calendar: () => Pick<Automation, 'dates' | 'today'>): Automation {
  return {
    forms: appsScriptForms(ss),
    triggers: appsScriptTriggers(ss),
    lock: appsScriptLock(),
    mail: appsScriptMail,
    props: appsScriptProperties(false),
    userProps: appsScriptProperties(true),
    doc: () => ({ id: ss.getId(), url: ss.getUrl() }),
    get dates() {
      return calendar().dates;
    },
    today: () => calendar().today(),
    stamp: () => stamp(ss),
    granted: surveyScopesGranted,
    userEmail: effectiveUserEmail,
  };
}
