/// <reference types="google-apps-script" />
import { SURVEY_SCOPES } from '../../../rpc/scopes';
import { UserError } from '../../handlers';

/**
 * The survey scopes over ScriptApp: asking for them (from a menu item, where Google's consent screen can
 * show) and checking that the user granted them (from the sidebar, which cannot show it).
 */

/** From a menu item: Apps Script stops here and asks the user for the survey scopes they have not granted yet. */
export function requireSurveyScopes(): void {
  ScriptApp.requireScopes(ScriptApp.AuthMode.FULL, [...SURVEY_SCOPES]);
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
  )(ScriptApp.AuthMode.FULL, [...SURVEY_SCOPES]);
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
