import type { FormSpec } from '../../core/survey/forms';

/** A form made and linked to this spreadsheet. */
export interface CreatedForm {
  readonly id: string;
  /** For the owner: where to change the form. */
  readonly editUrl: string;
  /** For customers: the link to share. */
  readonly publishedUrl: string;
  /** The sheet of this spreadsheet where Forms writes its responses (Timestamp, then one column per question). */
  readonly responseSheet: string;
}

/**
 * Google Forms as the server sees it (`adapters/appsscript/appsScriptForms.ts` over FormApp; `adapters/memory/forms.ts` for
 * tests and the preview, where a form is its description and responses are simulated).
 */
export interface FormsPort {
  /** Creates the form with its items (sections and branching by role included), sends its responses to this spreadsheet. */
  create(spec: FormSpec): CreatedForm;
  /** The sheet a form's responses go to now (the user may have renamed it), or null when it is unlinked. */
  responseSheet(formId: string): string | null;
}
