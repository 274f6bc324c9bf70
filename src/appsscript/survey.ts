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
import { cachedZone, parseOffset } from '../core/time/zone';
import { MS_PER_DAY } from '../core/time/days';
import { currentHost } from './host';

/** The survey automation of a spreadsheet, its dates read as the formulas read them. */
export function automation(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): Automation {
  return appsScriptAutomation(ss, () => contextFor(currentHost()));
}

function context(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): AutomationContext {
  return { wb: new AppsScriptWorkbook(ss), auto: automation(ss), spreadsheet: ss.getName() };
}

/**
 * Installable trigger: a form linked to this spreadsheet got a response. The Sheets form-submit event's
 * documented fields are authMode, namedValues, range, triggerUid and values: `source` is not among them
 * (https://developers.google.com/apps-script/guides/triggers/events), so the spreadsheet comes from the
 * range, else the active one. The event itself is not used: every run reconciles from the sheets, so a
 * duplicate or blank event does no harm and a missed one is made up for by the next.
 */
export function formSubmit(e?: { range?: GoogleAppsScript.Spreadsheet.Range }): void {
  let ss: GoogleAppsScript.Spreadsheet.Spreadsheet | null;
  try {
    ss = e?.range?.getSheet().getParent() ?? null;
  } catch {
    ss = null;
  }
  ss ??= SpreadsheetApp.getActive();
  if (ss) onFormSubmit(context(ss));
}

/** Today's day number in an IANA zone, by Utilities.formatDate (what the mailbox's spreadsheet uses). */
function todayIn(zone: string): number {
  const z = cachedZone({ name: zone, offsetMinutes: (ms) => parseOffset(Utilities.formatDate(new Date(ms), zone, 'Z')) });
  const t = Date.now();
  return Math.floor((t + z.offsetMinutes(t) * 60000) / MS_PER_DAY);
}

/**
 * Installable clock trigger, weekly. An add-on's clock belongs to the script, not to a document, so it
 * usually runs without one and reads only the user's properties; where Apps Script does give it the
 * spreadsheet, it first processes whatever responses are pending there.
 */
export function weekly(): void {
  let ss: GoogleAppsScript.Spreadsheet.Spreadsheet | null;
  try {
    ss = SpreadsheetApp.getActive();
  } catch {
    ss = null;
  }
  onWeekly(
    {
      userProps: appsScriptProperties(true),
      mail: appsScriptMail,
      today: () => contextFor(currentHost()).today(),
      todayIn: (zone) => {
        try {
          return todayIn(zone);
        } catch {
          return contextFor(currentHost()).today();
        }
      },
    },
    ss ? context(ss) : null,
  );
}
