/**
 * The OAuth scopes some calls need beyond the scorecard's (`spreadsheets.currentonly`,
 * `script.container.ui`): the survey's. appsscript.json lists them, and with Google's granular consent a
 * user may have granted the scorecard's and not these. README "Scopes" says why each.
 */
export const SURVEY_SCOPES: readonly string[] = [
  'https://www.googleapis.com/auth/forms',
  'https://www.googleapis.com/auth/script.scriptapp',
  'https://www.googleapis.com/auth/script.send_mail',
];
