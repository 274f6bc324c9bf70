import type { FormSpec, QuestionId } from '../../../core/survey/forms';
import { responseHeaders } from '../../../core/survey/forms';
import type { CreatedForm, FormsPort } from '../../ports/forms';
import type { MemoryWorkbook } from './memoryWorkbook';

/** A form in memory: its description (what the preview shows) and where its responses go. */
export interface MemoryForm extends CreatedForm {
  readonly spec: FormSpec;
}

/** One respondent's answers, by question; a branching form's role question decides which section they fill. */
export type Answers = Partial<Record<QuestionId, string | number>>;

/**
 * The forms port in memory, for tests and the local preview: "create" keeps the form's description and,
 * as Google Forms does when linked to a spreadsheet, adds a "Form Responses N" sheet headed Timestamp and
 * each question's title. `submit` is what a respondent does: one row appended, text kept as text.
 */
export class MemoryForms implements FormsPort {
  readonly forms = new Map<string, MemoryForm>();

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
    const form: MemoryForm = { id, editUrl: this.url(id, true), publishedUrl: this.url(id, false), responseSheet, spec };
    this.forms.set(id, form);
    return { id, editUrl: form.editUrl, publishedUrl: form.publishedUrl, responseSheet };
  }

  responseSheet(formId: string): string | null {
    const f = this.forms.get(formId);
    return f && this.wb.sheetNames().includes(f.responseSheet) ? f.responseSheet : null;
  }

  /** The row a respondent's answers make: Timestamp, then each question of their path through the form. */
  row(formId: string, answers: Answers, at: Date): (string | number | Date | { text: string } | null)[] {
    const f = this.forms.get(formId);
    if (!f) throw new Error(`There is no form ${formId}`);
    const role = f.spec.role ?? answers.role ?? null;
    const cells = f.spec.items
      .filter((i) => i.kind !== 'section')
      .map((i) => {
        const v = i.q && (i.role === null || i.role === role) ? answers[i.q] : undefined;
        return v === undefined || v === '' ? null : typeof v === 'number' ? v : { text: v };
      });
    return [at, ...cells];
  }

  /** A response arrives: one row appended below the form's responses, in one write, as Forms does. */
  submit(formId: string, answers: Answers, at: Date): void {
    const f = this.forms.get(formId)!;
    const row = this.row(formId, answers, at);
    const sheet = this.wb.sheet(f.responseSheet);
    if (!sheet) throw new Error(`The responses of ${formId} have no sheet`);
    sheet.writeBlock(sheet.readValues().length + 1, 1, [row]);
  }
}
