import type { FormSpec, QuestionId } from '../../core/survey/forms';

/** A form made and linked to this spreadsheet. */
export interface CreatedForm {
  readonly id: string;
  /** For the owner: where to change the form. */
  readonly editUrl: string;
  /** For customers: the link to share. */
  readonly publishedUrl: string;
  /**
   * The sheet of this spreadsheet where Forms writes its responses (Timestamp, then one column per question);
   * '' when it could not be found yet (Sheets may show it only in a later execution): every run looks again.
   */
  readonly responseSheet: string;
}

/**
 * Whether a form takes responses, as Google Forms says now: published (forms made through the API after
 * 30 June 2026 start unpublished) and accepting responses; null where the form cannot tell (a legacy form
 * has no publish state). `problem` says in words why answers would not arrive, or is null.
 */
export interface FormState {
  readonly id: string;
  readonly published: boolean | null;
  readonly accepting: boolean | null;
  readonly problem: string | null;
}

/** What a pre-filled link fills in: the customer's company and their role. */
export type Prefill = Partial<Record<'customer' | 'role', string>>;

/**
 * Google Forms as the server sees it (`adapters/appsscript/appsScriptForms.ts` over FormApp; `adapters/memory/forms.ts` for
 * tests and the preview, where a form is its description and responses are simulated).
 */
export interface FormsPort {
  /**
   * Creates the form with its items (sections and branching by role included), publishes it so that it
   * accepts responses, and sends its responses to this spreadsheet.
   */
  create(spec: FormSpec): CreatedForm;
  /** The sheet a form's responses go to now (the user may have renamed it), or null when none can be found. */
  responseSheet(formId: string): string | null;
  /** Published and accepting responses, or why not. */
  state(formId: string): FormState;
  /**
   * One link per row that opens the form with those answers filled in (the respondent can still change them).
   * `columns`: the form's column map (header key → question), by which its items are recognised.
   */
  prefilled(formId: string, rows: readonly Prefill[], columns: Readonly<Record<string, QuestionId>>): string[];
}

/** Why a form in this state gets no answers, in words; null when it takes them (or cannot tell). */
export function stateProblem(published: boolean | null, accepting: boolean | null): string | null {
  if (published === false)
    return 'It is not published, so customers cannot open it: open it with Edit form, choose Publish, then check that it accepts responses.';
  if (accepting === false) return 'It does not accept responses: open it with Edit form, and turn on Accepting responses under Responses.';
  return null;
}
