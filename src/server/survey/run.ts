import { fail } from '../../core/values/errors';
import { type SetupInput, checkSetup } from '../../core/survey/setup';
import { columnMap, surveyForms } from '../../core/survey/forms';
import type { SurveyForm } from '../../core/survey/automation';
import type { AutomationStatus, SurveyCreated } from '../../rpc/contract';
import type { WorkbookPort } from '../ports/workbook';
import { RESPONSES, TRACKER, ensureOwn, findOwn } from '../tracker/sheets';
import { type SyncResult, syncFeedback } from '../tracker/sync';
import { type WeeklyResult, readMailbox, refreshMailbox, sendWeekly, trackerCounts } from '../tracker/mailbox';
import {
  type Automation,
  type AutomationContext,
  FORM_RESPONSES_TAG,
  ensureTriggers,
  logError,
  loggedErrors,
  readRecord,
  readSetup,
  storedForms,
  triggerState,
  writeForm,
  writeSettings,
  writeSetup,
} from './automation';

/**
 * The wizard's "Create": checks the setup, creates the forms (each linked to this spreadsheet), makes the
 * feedback table and the improvement tracker, installs the two triggers once, and processes whatever is
 * already there (low-star reviews). The record is saved after each form, so a failure half-way loses no form.
 */
export function createSurvey(
  ctx: AutomationContext,
  input: SetupInput,
): Omit<SurveyCreated, 'scorecardUpdated'> & { trackerCreated: boolean } {
  const { wb, auto } = ctx;
  const { setup, problems } = checkSetup(input);
  if (problems.length) fail(problems.join(' '));
  const stamp = auto.stamp();
  // A new run number, past any run a failed attempt left forms of.
  const run = Math.max(readRecord(auto.props)?.run ?? 0, ...storedForms(auto.props).map((f) => f.run ?? 0)) + 1;
  const specs = surveyForms(setup);
  const made: SurveyForm[] = [];
  for (const spec of specs) {
    const f = auto.forms.create(spec);
    if (wb.sheetNames().includes(f.responseSheet)) wb.setSheetTag(f.responseSheet, FORM_RESPONSES_TAG);
    const form = { role: spec.role, title: spec.title, ...f, createdAt: stamp, run };
    writeForm(auto.props, { ...form, columns: columnMap([spec]) });
    made.push(form);
  }
  // The survey becomes this run's only once every form exists: a failure half-way leaves the last survey in place.
  writeSettings(auto.props, { ...setup, createdAt: stamp, run });
  writeSetup(auto.props, setup);
  const responses = ensureOwn(wb, RESPONSES);
  const tracker = ensureOwn(wb, TRACKER);
  const triggers = ensureTriggers(auto);
  const sync = onFormSubmit(ctx);
  // A survey just went out: the next reminder is due next month or quarter.
  prepareMail(ctx, true);
  return {
    forms: made,
    responsesSheet: responses.name,
    trackerSheet: tracker.name,
    trackerCreated: tracker.created,
    triggers,
    sync,
    simulated: !!auto.simulate,
  };
}

/** Where the automation stands, for the sidebar. */
export function automationStatus(wb: WorkbookPort, auto: Automation | undefined): AutomationStatus {
  const record = auto ? readRecord(auto.props) : null;
  // Without the survey scopes the triggers and the user's mailbox cannot be read; the rest can.
  const permitted = !auto?.granted || auto.granted();
  const mailError = auto && permitted && readMailbox(auto.userProps, auto.doc().id)?.error;
  return {
    available: !!auto,
    needsPermission: !permitted,
    simulated: !!auto?.simulate,
    survey: record && {
      title: record.title,
      createdAt: record.createdAt,
      run: record.run,
      forms: record.forms.map(({ columns, ...f }) => f),
      reminder: record.reminder,
      digest: record.digest,
      owner: record.owner,
      dueDays: record.dueDays,
      setup: readSetup(auto!.props),
    },
    triggers: auto && permitted ? triggerState(auto) : { formSubmit: false, weekly: false },
    trackerSheet: findOwn(wb, TRACKER),
    actions: auto ? trackerCounts(wb, auto) : null,
    responsesSheet: findOwn(wb, RESPONSES),
    errors: auto ? [...loggedErrors(auto.props), ...(mailError ? [mailError] : [])] : [],
  };
}

/** Changes the reminder, the digest and the owner, and (re)installs the triggers. */
export function setAutomation(ctx: AutomationContext, change: { reminder: string; digest: boolean; owner: string }): void {
  const { auto } = ctx;
  const record = readRecord(auto.props);
  if (!record) fail('Create a survey first: the reminder and the digest belong to it.');
  const { setup, problems } = checkSetup({
    ...change,
    title: record.title,
    roles: ['x'],
    layout: 'perRole',
    csat: false,
    roleQuestions: false,
    dueDays: record.dueDays,
  });
  if (problems.length) fail(problems.join(' '));
  writeSettings(auto.props, { ...record, reminder: setup.reminder, digest: setup.digest, owner: setup.owner });
  ensureTriggers(auto);
  prepareMail(ctx);
}

/** The weekly mails' data; a failure there is logged (the sidebar shows it), not the user's call failed. */
function prepareMail(ctx: AutomationContext, surveyed = false): void {
  try {
    refreshMailbox(ctx, surveyed);
  } catch (e) {
    logError(ctx.auto, `Could not prepare the weekly mail: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** The form-submit trigger: processes every pending response (this one and any a busy run left). Never throws. */
export function onFormSubmit(ctx: AutomationContext): SyncResult {
  try {
    return syncFeedback(ctx);
  } catch {
    return { responses: 0, actions: 0, busy: false }; // logged by syncFeedback
  }
}

/** The weekly clock trigger (no document): the reminders and digests of this user's spreadsheets. Never throws. */
export function onWeekly(auto: Pick<Automation, 'userProps' | 'mail' | 'today'>): WeeklyResult {
  return sendWeekly(auto);
}
