import type { DateOptions } from '../../core/values/date';
import type { QuestionId } from '../../core/survey/forms';
import type { Reminder, SurveySetup } from '../../core/survey/setup';
import type { FailedResponse, LoggedError, SurveyForm, TriggerState } from '../../core/survey/automation';
import type { WorkbookPort } from '../ports/workbook';
import type { FormsPort } from '../ports/forms';
import type { TriggerKind, TriggersPort } from '../ports/triggers';
import type { LockPort } from '../ports/lock';
import type { MailPort } from '../ports/mail';
import type { PropertiesPort } from '../ports/properties';

/**
 * What the survey and the improvement loop need beyond the workbook: Forms, triggers, the document lock,
 * mail and the document's properties, each behind a port (Apps Script adapters in adapters/appsscript/,
 * twins in adapters/memory/), and the spreadsheet's calendar. What it keeps is stored here; the types of
 * what the sidebar reads of it (forms, triggers, problems) are the core's (core/survey/automation.ts).
 */
export interface Automation {
  readonly forms: FormsPort;
  readonly triggers: TriggersPort;
  readonly lock: LockPort;
  readonly mail: MailPort;
  /** The document's properties. */
  readonly props: PropertiesPort;
  /** The user's properties: what the weekly clock needs (it runs without a document). */
  readonly userProps: PropertiesPort;
  /** This spreadsheet's id and link. */
  readonly doc: () => { readonly id: string; readonly url: string };
  /** How the spreadsheet's dates are read (its time zone and locale). */
  readonly dates: DateOptions;
  /** Today's day number in the spreadsheet's time zone. */
  readonly today: () => number;
  /** "2026-11-23 10:04" in the spreadsheet's time zone. */
  readonly stamp: () => string;
  /** Only in the local preview: submits this many simulated responses and returns how many. */
  readonly simulate?: (count: number) => number;
  /**
   * Whether the user granted the scopes of Forms, triggers and mail (Apps Script's granular consent lets
   * them allow the scorecard and not these). Absent: always granted (the preview, tests).
   */
  readonly granted?: () => boolean;
  /** The user's own address where Apps Script gives it (Session.getEffectiveUser), else ''. */
  readonly userEmail?: () => string;
}

/** Where the automation runs: the workbook, the ports and the spreadsheet's name (for mails). */
export interface AutomationContext {
  readonly wb: WorkbookPort;
  readonly auto: Automation;
  readonly spreadsheet: string;
}

/** How the form's response sheet is read: header (headerKey) → question. */
export interface StoredForm extends SurveyForm {
  readonly columns: Readonly<Record<string, QuestionId>>;
}

/** The survey's settings; its forms (earlier runs' too: their links may still be answered) are kept one per property. */
export interface SurveySettings {
  readonly createdAt: string;
  /** Counts the wizard's runs; a minute-stamp cannot tell two runs in one minute apart. */
  readonly run: number;
  readonly title: string;
  readonly reminder: Reminder;
  readonly digest: boolean;
  /** The weekly scorecard mail (the marked measures, key accounts at risk, overdue actions); absent: off. */
  readonly scoreMail?: boolean;
  readonly owner: string;
  readonly dueDays: number;
  /**
   * ISO day the loop was first set up here: reviews from that day on become actions by themselves. Absent in
   * records of older versions: the day of `createdAt` then.
   */
  readonly since?: string;
  /**
   * The unanswered low-star reviews from before `since`: offered once as a choice (`ask`), then `added`
   * (they are actions like the others) or `declined` (left alone). Absent in older records: `declined`, as
   * those versions had made actions of them already.
   */
  readonly oldReviews?: OldReviewsChoice;
  /** How many old reviews the offer is about, as last counted. */
  readonly oldReviewCount?: number;
  /** The "Survey links" sheet as last written. */
  readonly links?: LinksState;
}

export type OldReviewsChoice = 'ask' | 'added' | 'declined';

/** The "Survey links" sheet as last written: the customers it lists, or why it lists none. */
export interface LinksState {
  readonly sheet: string | null;
  readonly customers: number;
  readonly links: number;
  readonly problem: string | null;
  readonly at: string;
}

export interface SurveyRecord extends SurveySettings {
  readonly forms: readonly StoredForm[];
}

export const SURVEY_KEY = 'leadlag.survey';
const FORMS_KEY = 'leadlag.forms';
const FORM_KEY = 'leadlag.form.';
const ERRORS_KEY = 'leadlag.errors';
/** User property per spreadsheet: what the weekly mails need (tracker/mailbox.ts). */
export const MAILBOX_KEY = 'leadlag.mailbox.';

/** Google Forms' own response sheets: tagged so that the scorecard wizard offers the normalised table instead. */
export const FORM_RESPONSES_TAG = 'leadlag:form-responses';

/** The top-level functions the triggers run (src/functions/declarations.ts). */
export const TRIGGER_HANDLERS: Readonly<Record<TriggerKind, string>> = { formSubmit: 'leadlagFormSubmit', weekly: 'leadlagWeekly' };

function readJson<T>(props: PropertiesPort, key: string, fallback: T): T {
  try {
    const v = props.get(key);
    return v ? (JSON.parse(v) as T) : fallback;
  } catch {
    return fallback;
  }
}

/** The survey and its forms (a property holds at most 9 KB, so each form has its own). */
export function readRecord(props: PropertiesPort): SurveyRecord | null {
  const s = readJson<SurveySettings | null>(props, SURVEY_KEY, null);
  return s && { ...s, forms: storedForms(props) };
}

/** Every form made, a first attempt's that failed half-way included (its settings were never saved). */
export function storedForms(props: PropertiesPort): StoredForm[] {
  const forms = readJson<string[]>(props, FORMS_KEY, []).map((id) => readJson<StoredForm | null>(props, FORM_KEY + id, null));
  return forms.filter((f): f is StoredForm => !!f && !!f.columns);
}

export function writeSettings(props: PropertiesPort, s: SurveySettings): void {
  const { createdAt, run, title, reminder, digest, scoreMail, owner, dueDays, since, oldReviews, oldReviewCount, links } = s;
  props.set(
    SURVEY_KEY,
    JSON.stringify({ createdAt, run, title, reminder, digest, scoreMail, owner, dueDays, since, oldReviews, oldReviewCount, links }),
  );
}

/** The day reviews start becoming actions by themselves (ISO). */
export const loopSince = (s: SurveySettings): string => s.since ?? s.createdAt.slice(0, 10);

/** Changes some settings of the survey (read again first: another run may have changed others). */
export function updateSettings(props: PropertiesPort, change: Partial<SurveySettings>): void {
  const s = readJson<SurveySettings | null>(props, SURVEY_KEY, null);
  if (s) writeSettings(props, { ...s, ...change });
}

/**
 * A response (or a review) that could not be written, with why: skipped by later runs until the user
 * chooses Retry, so that it never stops the ones after it. The full text stays in the form's own sheet.
 */
export interface FailedEntry extends FailedResponse {
  /** Runs in a row that could not write it (when every write of a run failed, it is skipped after 3). */
  readonly attempts: number;
  /** Skipped by later runs until the user chooses Retry. */
  readonly skip: boolean;
}

const FAILED_KEY = 'leadlag.failed';

export function readFailed(props: PropertiesPort): FailedEntry[] {
  return readJson<FailedEntry[]>(props, FAILED_KEY, []);
}

/** Keeps the failed entries within a property's 9 KB: the newest first, reasons cut short. */
export function writeFailed(props: PropertiesPort, list: readonly FailedEntry[]): void {
  let kept = list.map((f) => ({ ...f, reason: f.reason.slice(0, 300), customer: f.customer.slice(0, 80), form: f.form.slice(0, 120) }));
  for (;;) {
    try {
      if (kept.length) props.set(FAILED_KEY, JSON.stringify(kept));
      else props.remove(FAILED_KEY);
      return;
    } catch (e) {
      if (!kept.length) throw e;
      kept = kept.slice(Math.ceil(kept.length / 4)); // the oldest go first: they were shown longest
    }
  }
}

const SETUP_KEY = 'leadlag.setup';

/** The last survey's whole setup (roles, layout, wordings), for the wizard to start from when run again. */
export function writeSetup(props: PropertiesPort, setup: SurveySetup): void {
  try {
    props.set(SETUP_KEY, JSON.stringify(setup));
  } catch {
    // Over a property's 9 KB (long wordings in many roles): the wizard starts from the defaults then.
    props.remove(SETUP_KEY);
  }
}

export function readSetup(props: PropertiesPort): SurveySetup | null {
  return readJson<SurveySetup | null>(props, SETUP_KEY, null);
}

/** Adds or updates one form. */
export function writeForm(props: PropertiesPort, f: StoredForm): void {
  props.set(FORM_KEY + f.id, JSON.stringify(f));
  const ids = readJson<string[]>(props, FORMS_KEY, []);
  if (!ids.includes(f.id)) props.set(FORMS_KEY, JSON.stringify([...ids, f.id]));
}

/** Triggers send no failure mail for an add-on: the automation keeps its last 10 problems for the sidebar. */
export function logError(auto: Automation, message: string): void {
  const list = readJson<LoggedError[]>(auto.props, ERRORS_KEY, []);
  list.push({ at: auto.stamp(), message });
  auto.props.set(ERRORS_KEY, JSON.stringify(list.slice(-10)));
}

export function loggedErrors(props: PropertiesPort): LoggedError[] {
  return readJson<LoggedError[]>(props, ERRORS_KEY, []);
}

/**
 * Our triggers: the form-submit trigger on this spreadsheet, and the weekly clock. An add-on's clock runs
 * without a document, so one clock per user serves all of that user's spreadsheets (tracker/mailbox.ts).
 */
function ours(auto: Automation) {
  return auto.triggers.list().filter((t) => t.handler === TRIGGER_HANDLERS[t.kind] && (t.kind === 'weekly' || t.document));
}

export function triggerState(auto: Automation): TriggerState {
  const found = ours(auto);
  return { formSubmit: found.some((t) => t.kind === 'formSubmit'), weekly: found.some((t) => t.kind === 'weekly') };
}

/** Installs what is missing and removes duplicates: running the wizard again never adds a second trigger. */
export function ensureTriggers(auto: Automation): TriggerState {
  const found = ours(auto);
  for (const kind of ['formSubmit', 'weekly'] as const) {
    const mine = found.filter((t) => t.kind === kind);
    mine.slice(1).forEach((t) => auto.triggers.remove(t.id));
    if (!mine.length) auto.triggers.install(kind, TRIGGER_HANDLERS[kind]);
  }
  return { formSubmit: true, weekly: true };
}

/**
 * "Uninstall automation": removes this spreadsheet's form-submit trigger and its weekly mails, and the
 * clock when no other spreadsheet of this user needs it. Forms, sheets and actions stay. Returns how many
 * triggers were removed.
 */
export function removeTriggers(auto: Automation): number {
  auto.userProps.remove(MAILBOX_KEY + auto.doc().id);
  const others = auto.userProps.keys().some((k) => k.startsWith(MAILBOX_KEY));
  const gone = ours(auto).filter((t) => t.kind === 'formSubmit' || !others);
  gone.forEach((t) => auto.triggers.remove(t.id));
  return gone.length;
}
