import { fail } from '../../core/values/errors';
import { isoDay } from '../../core/time/days';
import { type SetupInput, checkSetup } from '../../core/survey/setup';
import { columnMap, surveyForms } from '../../core/survey/forms';
import type { SurveyForm } from '../../core/survey/automation';
import type { AutomationStatus, FormStateView, StatusForm, SurveyCreated } from '../../rpc/contract';
import type { WorkbookPort } from '../ports/workbook';
import { RESPONSES, TRACKER, ensureOwn, findOwn } from '../tracker/sheets';
import { type SyncResult, syncFeedback } from '../tracker/sync';
import { type WeeklyAutomation, type WeeklyResult, readMailbox, refreshMailbox, sendWeekly, trackerCounts } from '../tracker/mailbox';
import {
  type Automation,
  type AutomationContext,
  FORM_RESPONSES_TAG,
  type StoredForm,
  ensureTriggers,
  logError,
  loggedErrors,
  loopSince,
  readFailed,
  readRecord,
  readSetup,
  storedForms,
  triggerState,
  updateSettings,
  writeFailed,
  writeForm,
  writeSettings,
  writeSetup,
} from './automation';
import { writeLinks } from './links';

/**
 * The wizard's "Create": checks the setup, creates the forms (each published and linked to this
 * spreadsheet), makes the feedback table, the improvement tracker and the "Survey links" sheet, installs
 * the two triggers once, and processes whatever is already there. Reviews count from the day the loop is
 * first set up: the unanswered low-star ones from before are offered once, as a choice (`oldReviews`). The
 * record is saved after each form, so a failure half-way loses no form.
 */
export function createSurvey(
  ctx: AutomationContext,
  input: SetupInput,
): Omit<SurveyCreated, 'scorecardUpdated'> & { trackerCreated: boolean } {
  const { wb, auto } = ctx;
  const { setup, problems } = checkSetup(input);
  if (problems.length) fail(problems.join(' '));
  const stamp = auto.stamp();
  const before = readRecord(auto.props);
  // A new run number, past any run a failed attempt left forms of.
  const run = Math.max(before?.run ?? 0, ...storedForms(auto.props).map((f) => f.run ?? 0)) + 1;
  const specs = surveyForms(setup);
  const made: SurveyForm[] = [];
  for (const spec of specs) {
    const f = auto.forms.create(spec);
    if (f.responseSheet && wb.sheetNames().includes(f.responseSheet)) wb.setSheetTag(f.responseSheet, FORM_RESPONSES_TAG);
    const form = { role: spec.role, title: spec.title, ...f, createdAt: stamp, run };
    writeForm(auto.props, { ...form, columns: columnMap([spec]) });
    made.push(form);
  }
  // The survey becomes this run's only once every form exists: a failure half-way leaves the last survey in place.
  // The loop's start and the choice about older reviews are kept from the first run.
  writeSettings(auto.props, {
    ...setup,
    createdAt: stamp,
    run,
    since: before ? loopSince(before) : isoDay(auto.today()),
    oldReviews: before ? (before.oldReviews ?? 'declined') : 'ask',
    oldReviewCount: before?.oldReviewCount,
    links: before?.links,
  });
  writeSetup(auto.props, setup);
  const responses = ensureOwn(wb, RESPONSES);
  const tracker = ensureOwn(wb, TRACKER);
  const triggers = ensureTriggers(auto);
  const sync = onFormSubmit(ctx);
  let links;
  try {
    links = writeLinks(ctx);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    logError(auto, `Could not write the survey links: ${why}`);
    links = { sheet: null, customers: 0, links: 0, problem: `The links could not be written: ${why}`, at: stamp };
  }
  // A survey just went out: the next reminder is due next month or quarter.
  prepareMail(ctx, true);
  const now = readRecord(auto.props);
  const count = now?.oldReviews === 'ask' ? (now.oldReviewCount ?? 0) : 0;
  return {
    forms: made.map((f) => ({ ...f, responseSheet: storedForms(auto.props).find((s) => s.id === f.id)?.responseSheet ?? f.responseSheet })),
    responsesSheet: responses.name,
    trackerSheet: tracker.name,
    trackerCreated: tracker.created,
    triggers,
    sync,
    oldReviews: count > 0 ? { count } : null,
    links,
    simulated: !!auto.simulate,
  };
}

/** Why a form's answers do not reach the feedback table, or null: its response sheet is gone or was never found. */
function formProblem(wb: WorkbookPort, names: readonly string[], f: StoredForm): string | null {
  if (f.responseSheet && names.includes(f.responseSheet)) return null;
  return f.responseSheet
    ? `Its response sheet “${f.responseSheet}” is gone, so its answers stay in Google Forms: open the form (Edit form) › Responses › Link to Sheets, choose this spreadsheet, then Process responses now.`
    : 'Leadlag has not found its response sheet in this spreadsheet yet: open the form (Edit form) › Responses and check that it is linked to this spreadsheet, then Process responses now.';
}

/** Where the automation stands, for the sidebar. Reads only: nothing is written. */
export function automationStatus(wb: WorkbookPort, auto: Automation | undefined): AutomationStatus {
  const record = auto ? readRecord(auto.props) : null;
  // Without the survey scopes the triggers and the user's mailbox cannot be read; the rest can.
  const permitted = !auto?.granted || auto.granted();
  const mailError = auto && permitted && readMailbox(auto.userProps, auto.doc().id)?.error;
  const names = wb.sheetNames();
  const forms: StatusForm[] = (record?.forms ?? []).map(({ columns, ...f }) => ({
    ...f,
    problem: formProblem(wb, names, { columns, ...f }),
  }));
  return {
    available: !!auto,
    needsPermission: !permitted,
    simulated: !!auto?.simulate,
    survey: record && {
      title: record.title,
      createdAt: record.createdAt,
      run: record.run,
      forms,
      reminder: record.reminder,
      digest: record.digest,
      scoreMail: record.scoreMail ?? false,
      owner: record.owner,
      dueDays: record.dueDays,
      setup: readSetup(auto!.props),
      since: loopSince(record),
      oldReviews: record.oldReviews === 'ask' && (record.oldReviewCount ?? 0) > 0 ? { count: record.oldReviewCount! } : null,
      links: record.links ?? null,
    },
    triggers: auto && permitted ? triggerState(auto) : { formSubmit: false, weekly: false },
    trackerSheet: findOwn(wb, TRACKER),
    actions: auto ? trackerCounts(wb, auto) : null,
    responsesSheet: findOwn(wb, RESPONSES),
    errors: auto ? [...loggedErrors(auto.props), ...(mailError ? [mailError] : [])] : [],
    failed: auto
      ? readFailed(auto.props)
          .filter((f) => f.skip)
          .map(({ attempts, skip, ...f }) => f)
      : [],
  };
}

/** The most forms whose state one call asks Google Forms for (FormApp.openById each, about half a second). */
export const STATE_FORMS_MAX = 12;

/** The latest run's forms' publish states as Google Forms gives them now (the ones customers are sent). */
export function formStates(ctx: AutomationContext): FormStateView[] {
  const record = readRecord(ctx.auto.props);
  if (!record) return [];
  const forms = record.forms.filter((f) => f.run === record.run).slice(0, STATE_FORMS_MAX);
  return forms.map((f) => {
    let state;
    try {
      state = ctx.auto.forms.state(f.id);
    } catch (e) {
      state = {
        id: f.id,
        published: null,
        accepting: null,
        problem: `Google Forms could not say (${e instanceof Error ? e.message : String(e)}).`,
      };
    }
    return { ...state, title: f.title, role: f.role };
  });
}

/** Retry: the failed responses (those of `keys`, or all) are tried again by a run now. */
export function retryFailed(ctx: AutomationContext, keys: readonly string[]): SyncResult {
  const list = readFailed(ctx.auto.props);
  const all = !keys.length;
  writeFailed(
    ctx.auto.props,
    list.filter((f) => !(all || keys.includes(f.key))),
  );
  return syncFeedback(ctx);
}

/** The manager's one choice about the older unanswered low-star reviews; adding them runs the loop now. */
export function chooseOldReviews(ctx: AutomationContext, add: boolean): SyncResult | null {
  const record = readRecord(ctx.auto.props);
  if (!record) fail('Create a survey first.');
  updateSettings(ctx.auto.props, { oldReviews: add ? 'added' : 'declined', oldReviewCount: 0 });
  return add ? syncFeedback(ctx) : null;
}

/** Changes the reminder, the digest and the owner, and (re)installs the triggers. */
export function setAutomation(
  ctx: AutomationContext,
  change: { reminder: string; digest: boolean; scoreMail?: boolean; owner: string },
): void {
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
  if (change.scoreMail && !setup.owner) problems.push('Enter the email address that gets the reminders and the digest.');
  if (problems.length) fail(problems.join(' '));
  const scoreMail = change.scoreMail ?? record.scoreMail ?? false;
  updateSettings(auto.props, { reminder: setup.reminder, digest: setup.digest, scoreMail, owner: setup.owner });
  ensureTriggers(auto);
  prepareMail(ctx);
}

/** The weekly mails' data; a failure there is logged (the sidebar shows it), not the user's call failed. */
export function prepareMail(ctx: AutomationContext, surveyed = false): void {
  try {
    refreshMailbox(ctx, surveyed);
  } catch (e) {
    logError(ctx.auto, `Could not prepare the weekly mail: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** The form-submit trigger: processes every pending response (this one and any an earlier run left). Never throws. */
export function onFormSubmit(ctx: AutomationContext): SyncResult {
  try {
    return syncFeedback(ctx);
  } catch (e) {
    // Logged by syncFeedback; the next run starts from the sheets again.
    return { responses: 0, actions: 0, failed: 0, busy: false, why: e instanceof Error ? e.message : String(e) };
  }
}

/**
 * The weekly clock trigger: first, where the run has the spreadsheet (`ctx`), whatever responses are
 * pending; then the reminders and digests of this user's spreadsheets. An add-on's clock belongs to the
 * script, not to a document, so in Sheets it usually has none and only mails. Never throws.
 */
export function onWeekly(auto: WeeklyAutomation, ctx: AutomationContext | null = null): WeeklyResult {
  if (ctx) onFormSubmit(ctx);
  return sendWeekly(auto);
}
