/**
 * What the survey automation keeps and reports, as the sidebar reads it: the forms the wizard made, the
 * triggers' state and the problems the triggers logged. Types only: where they are stored (document
 * properties) is the server's business (src/server/survey/automation.ts). Every field is present and
 * plain text or numbers, so they cross google.script.run as they are.
 */

/** One form the wizard made. */
export interface SurveyForm {
  readonly role: string | null;
  readonly title: string;
  readonly id: string;
  readonly editUrl: string;
  readonly publishedUrl: string;
  readonly responseSheet: string;
  readonly createdAt: string;
  /** Which run of the wizard made it (1, 2, ...): the latest run's forms are the survey now. */
  readonly run: number;
}

/** Whether our two triggers are installed: the form-submit one on this spreadsheet, and the weekly clock. */
export interface TriggerState {
  readonly formSubmit: boolean;
  readonly weekly: boolean;
}

/** One problem the automation ran into (triggers send no failure mail), with when. */
export interface LoggedError {
  readonly at: string;
  readonly message: string;
}

/** A response (or review) that could not be written, as the sidebar lists it with Retry. */
export interface FailedResponse {
  readonly key: string;
  /** The form's title, or "Reviews". */
  readonly form: string;
  /** The sheet and 1-based row it was read from (0 when unknown). */
  readonly sheet: string;
  readonly row: number;
  readonly customer: string;
  /** Its action on the tracker, or its row in the feedback table. */
  readonly stage: 'action' | 'response';
  readonly reason: string;
  readonly at: string;
}
