import * as z from 'zod/mini';
import type { QuestionId } from '../core/survey/forms';
import type { Answers, MemoryForm } from '../server/adapters/memory/forms';

const Submission = z.object({ id: z.string(), answers: z.record(z.string(), z.union([z.string(), z.number()])) });

/**
 * A response posted by the preview's form page, checked as Google Forms would: the form exists, scales and
 * choices hold one of their values, and the required questions on the respondent's path (the role question
 * branches) are answered. Answers to questions not on that path are dropped. Throws with the reason.
 */
export function formSubmission(body: unknown, forms: ReadonlyMap<string, MemoryForm>): { id: string; answers: Answers } {
  const r = Submission.safeParse(body);
  if (!r.success) throw new Error('The preview could not read that response.');
  const form = forms.get(r.data.id);
  if (!form) throw new Error('There is no such form in this preview.');
  const given = r.data.answers;
  const role = form.spec.role ?? (given.role === undefined ? null : String(given.role));
  const answers: Answers = {};
  for (const item of form.spec.items) {
    if (!item.q || (item.role !== null && form.spec.role === null && item.role !== role)) continue;
    const v = given[item.q];
    const blank = v === undefined || (typeof v === 'string' && !v.trim());
    if (blank) {
      if (item.required) throw new Error(`Answer "${item.title}": it is required.`);
      continue;
    }
    if (
      item.kind === 'scale' &&
      item.scale &&
      !(typeof v === 'number' && Number.isInteger(v) && v >= item.scale[0] && v <= item.scale[1])
    ) {
      throw new Error(`"${item.title}" takes a whole number from ${item.scale[0]} to ${item.scale[1]}.`);
    }
    if (item.kind === 'choice' && !item.choices.includes(String(v)))
      throw new Error(`"${item.title}" takes one of: ${item.choices.join(', ')}.`);
    if (typeof v === 'string' && v.length > 100000) throw new Error(`Keep the answer to "${item.title}" under 100,000 characters.`);
    if (item.email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(String(v).trim()))
      throw new Error(`"${item.title}" takes an e-mail address such as name@company.com.`);
    answers[item.q as QuestionId] = v;
  }
  return { id: form.id, answers };
}
