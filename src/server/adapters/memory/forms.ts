import type { FormSpec, QuestionId } from '../../../core/survey/forms';
import { responseHeaders } from '../../../core/survey/forms';
import { type CreatedForm, type FormState, type FormsPort, type Prefill, stateProblem } from '../../ports/forms';
import type { WriteCell } from '../../ports/workbook';
import type { MemoryWorkbook } from './memoryWorkbook';

/**
 * A form in memory: its description (what the preview shows), its publish state, where its responses go
 * and what it received (Forms keeps every response in its own store, linked sheet or not).
 */
export interface MemoryForm extends CreatedForm {
  readonly spec: FormSpec;
  published: boolean | null;
  accepting: boolean;
  /** The response sheet's id in the workbook (it follows a rename; null once the form is unlinked). */
  sheetId: number | null;
  readonly received: { readonly at: Date; readonly answers: Answers }[];
}

/** One respondent's answers, by question; a branching form's role question decides which section they fill. */
export type Answers = Partial<Record<QuestionId, string | number>>;

/** The `entry.N` parameter a pre-filled link sets for a question (Google's are item ids; these are stable too). */
const ENTRY: Partial<Record<QuestionId, string>> = { customer: 'entry.1000001', role: 'entry.1000002' };

/**
 * The forms port in memory, for tests and the local preview, behaving as Google Forms does where it
 * matters:
 * - a form starts unpublished (forms made through the API after 30 June 2026 do,
 *   https://developers.google.com/workspace/forms/api/guides/api-changes-to-google-forms) and `create`
 *   publishes it, which also turns on accepting responses; `legacy` forms have no publish state and only
 *   accept responses; a form that does not accept responses refuses a submission;
 * - linked to the spreadsheet, it adds a "Form Responses N" sheet headed Timestamp and each question's
 *   title; with `staleAtCreate` the execution that linked it does not see that sheet yet (as `getSheets()`
 *   may not, right after `setDestination`), and a later one finds it;
 * - `submit` is what a respondent does: one row appended by Forms itself, text kept as text; a form whose
 *   sheet is gone keeps the response in its own store only.
 */
export class MemoryForms implements FormsPort {
  readonly forms = new Map<string, MemoryForm>();
  /** The next forms made do not see their response sheet in the execution that made them. */
  staleAtCreate = false;
  /** The next forms made are legacy forms, without a publish state. */
  legacy = false;

  constructor(
    private readonly wb: MemoryWorkbook,
    /** Links the preview can serve. */
    private readonly url: (id: string, edit: boolean) => string = (id, edit) => `/forms/${id}${edit ? '/edit' : ''}`,
  ) {}

  create(spec: FormSpec): CreatedForm {
    const id = `form-${this.forms.size + 1}`;
    const names = new Set(this.wb.sheetNames().map((n) => n.toLowerCase()));
    let n = 1;
    while (names.has(`form responses ${n}`)) n++;
    const responseSheet = `Form Responses ${n}`;
    const sheet = this.wb.insertSheet(responseSheet);
    sheet.writeBlock(1, 1, [responseHeaders(spec).map((h) => ({ text: h }))]);
    sheet.applyStyles([{ a1: 'A2:A', numberFormat: 'yyyy-mm-dd hh:mm:ss' }]);
    const form: MemoryForm = {
      id,
      editUrl: this.url(id, true),
      publishedUrl: this.url(id, false),
      responseSheet,
      spec,
      published: this.legacy ? null : false,
      accepting: false,
      sheetId: this.wb.engine.getSheetId(responseSheet) ?? null,
      received: [],
    };
    this.forms.set(id, form);
    // What the adapter does: publish where the form supports it (which turns on accepting), else accept.
    if (form.published === false) form.published = true;
    form.accepting = true;
    return { id, editUrl: form.editUrl, publishedUrl: form.publishedUrl, responseSheet: this.staleAtCreate ? '' : responseSheet };
  }

  private sheetName(f: MemoryForm): string | null {
    return f.sheetId === null ? null : (this.wb.engine.getSheetName(f.sheetId) ?? null);
  }

  responseSheet(formId: string): string | null {
    const f = this.forms.get(formId);
    return f ? this.sheetName(f) : null;
  }

  state(formId: string): FormState {
    const f = this.forms.get(formId);
    if (!f)
      return {
        id: formId,
        published: null,
        accepting: null,
        problem: 'Google Forms cannot find this form any more (it may have been deleted).',
      };
    return { id: formId, published: f.published, accepting: f.accepting, problem: stateProblem(f.published, f.accepting) };
  }

  prefilled(formId: string, rows: readonly Prefill[], _columns?: Readonly<Record<string, QuestionId>>): string[] {
    const f = this.forms.get(formId);
    if (!f) throw new Error(`There is no form ${formId}`);
    return rows.map((r) => {
      const params = (Object.entries(r) as [keyof Prefill, string | undefined][])
        .filter(([q, v]) => v !== undefined && ENTRY[q])
        .map(([q, v]) => `${ENTRY[q]}=${encodeURIComponent(v!)}`);
      return params.length ? `${f.publishedUrl}?${params.join('&')}` : f.publishedUrl;
    });
  }

  /** The answers a pre-filled link fills in (what the preview's form page shows filled). */
  prefillOf(url: string): Answers {
    const out: Answers = {};
    const query = url.split('?')[1] ?? '';
    for (const part of query.split('&')) {
      const [k, v = ''] = part.split('=');
      const q = (Object.keys(ENTRY) as QuestionId[]).find((x) => ENTRY[x] === k);
      if (q) out[q] = decodeURIComponent(v.replace(/\+/g, ' '));
    }
    return out;
  }

  /** The owner unpublishes a form in Google Forms (which also stops it accepting responses). */
  unpublish(formId: string): void {
    const f = this.required(formId);
    if (f.published !== null) f.published = false;
    f.accepting = false;
  }

  /** The owner turns "Accepting responses" off (or on again) in Google Forms. */
  setAccepting(formId: string, on: boolean): void {
    const f = this.required(formId);
    if (on && f.published === false) throw new Error('An unpublished form cannot accept responses.');
    f.accepting = on;
  }

  /** The owner unlinks the form from this spreadsheet (Responses › Unlink from sheet): the sheet stays, new rows stop. */
  unlink(formId: string): void {
    this.required(formId).sheetId = null;
  }

  /** The row a respondent's answers make: Timestamp, then each question of their path through the form. */
  row(formId: string, answers: Answers, at: Date): WriteCell[] {
    const f = this.required(formId);
    const role = f.spec.role ?? answers.role ?? null;
    const cells = f.spec.items
      .filter((i) => i.kind !== 'section')
      .map((i): WriteCell => {
        const v = i.q && (i.role === null || i.role === role) ? answers[i.q] : undefined;
        return v === undefined || v === '' ? null : typeof v === 'number' ? v : { text: v };
      });
    return [at, ...cells];
  }

  /** A response arrives: kept by Forms, and one row appended below the form's responses in one write, as Forms does. */
  submit(formId: string, answers: Answers, at: Date): void {
    const f = this.required(formId);
    if (!f.accepting) throw new Error(`“${f.spec.title}” is no longer accepting responses.`);
    const row = this.row(formId, answers, at);
    f.received.push({ at, answers });
    const name = this.sheetName(f);
    if (!name) return; // unlinked, or its sheet deleted: the response stays in the form's own store
    const sheet = this.wb.sheet(name)!;
    this.wb.formsWrite(name, sheet.readValues().length + 1, 1, [row]);
  }

  private required(formId: string): MemoryForm {
    const f = this.forms.get(formId);
    if (!f) throw new Error(`There is no form ${formId}`);
    return f;
  }
}
