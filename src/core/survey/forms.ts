import { contentKey } from '../tracker/key';
import { COMPARISON_CHOICES, CSAT_LABELS, REFERRAL_LABELS, type TextId, roleVariant } from './texts';
import { type SurveySetup, asksContact, roleTextOf, textOf } from './setup';

/** What each answer means to the add-on, whatever the wording. */
export type QuestionId =
  'customer' | 'role' | 'referral' | 'comparison' | 'csat' | 'satisfies' | 'dissatisfies' | 'hoped' | 'roleQuestion' | 'contact';

/**
 * One item of a form, as Google Forms builds it (and as the local preview shows it). Every field is
 * present (no undefined) so it crosses google.script.run as it is.
 */
export interface FormItem {
  readonly kind: 'text' | 'paragraph' | 'scale' | 'choice' | 'section';
  /** The question it asks; null for a section. */
  readonly q: QuestionId | null;
  readonly title: string;
  readonly help: string;
  readonly required: boolean;
  readonly choices: readonly string[];
  /** A choice that branches: the index (in items) of the section each choice goes to; empty otherwise. */
  readonly goTo: readonly number[];
  /** A scale: low, high and their labels. */
  readonly scale: readonly [number, number, string, string] | null;
  /** The role whose section holds it; null on the shared first page. */
  readonly role: string | null;
  /** A text answer that must be an e-mail address (Forms checks it where Apps Script can set that). */
  readonly email: boolean;
}

export interface FormSpec {
  readonly title: string;
  readonly description: string;
  /** Shown after submitting: feedback is acted on. */
  readonly confirmation: string;
  /** The role a per-role form asks; null for a form whose role question branches. */
  readonly role: string | null;
  readonly items: readonly FormItem[];
}

function item(kind: FormItem['kind'], q: QuestionId | null, title: string, role: string | null, more: Partial<FormItem> = {}): FormItem {
  return { kind, q, title, help: '', required: false, choices: [], goTo: [], scale: null, role, email: false, ...more };
}

/** The questions one role is asked: its variant. */
export function roleQuestions(setup: SurveySetup, role: string): FormItem[] {
  const peer = roleVariant(role)[0];
  const t = (id: TextId) => textOf(setup, id);
  const out = [
    item('scale', 'referral', t('referral'), role, { required: true, help: `Think of ${peer}.`, scale: [0, 10, ...REFERRAL_LABELS] }),
    item('choice', 'comparison', t('comparison'), role, { required: true, choices: COMPARISON_CHOICES }),
  ];
  if (setup.csat) out.push(item('scale', 'csat', t('csat'), role, { scale: [1, 5, ...CSAT_LABELS] }));
  out.push(
    item('paragraph', 'satisfies', t('satisfies'), role),
    item('paragraph', 'dissatisfies', t('dissatisfies'), role),
    item('paragraph', 'hoped', t('hoped'), role),
  );
  const own = roleTextOf(setup, role);
  if (setup.roleQuestions && own) out.push(item('paragraph', 'roleQuestion', own, role));
  // Last: a way to reach them, so that "we will tell you what we changed" can be kept.
  if (asksContact(setup))
    out.push(item('text', 'contact', t('contact'), role, { email: true, help: 'Optional: only to follow up on what you told us.' }));
  return out;
}

/**
 * The forms a setup creates: one per role, or one whose role question branches to each role's section
 * (each section then submits). Every form opens with the customer's company (filled in by the customer's
 * own link from the "Survey links" sheet, so that answers join the Sales sheet's customers) and closes
 * with the line that says feedback is acted on.
 */
export function surveyForms(setup: SurveySetup): FormSpec[] {
  const base = { description: textOf(setup, 'intro'), confirmation: textOf(setup, 'closing') };
  const customer = item('text', 'customer', textOf(setup, 'customer'), null, {
    required: true,
    help: 'Filled in for you when you came from the link we sent you.',
  });
  if (setup.layout === 'perRole') {
    return setup.roles.map((role) => ({
      ...base,
      title: `${setup.title} (${role})`,
      role,
      items: [customer, ...roleQuestions(setup, role)],
    }));
  }
  const items: FormItem[] = [customer, customer];
  const goTo: number[] = [];
  for (const role of setup.roles) {
    goTo.push(items.length);
    items.push(item('section', null, role, role), ...roleQuestions(setup, role));
  }
  items[1] = item('choice', 'role', textOf(setup, 'role'), null, { required: true, choices: [...setup.roles], goTo });
  return [{ ...base, title: setup.title, role: null, items }];
}

/** The header row Google Forms writes for a form: Timestamp, then each question's title in order. */
export function responseHeaders(spec: FormSpec): string[] {
  return ['Timestamp', ...spec.items.filter((i) => i.kind !== 'section').map((i) => i.title)];
}

/** Lower-case words of a title, so that a header still matches after Sheets trims or re-spaces it. */
export function titleKey(title: string): string {
  return title.replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * A header's key in a column map: a hash of its titleKey, so that the map stays small whatever the
 * wording (it is stored in a 9 KB property, and ten 500-character questions in Cyrillic would not fit).
 */
export function headerKey(title: string): string {
  return contentKey([titleKey(title)]);
}

/** Header (headerKey) → question, over the forms of a survey: how a response sheet's columns are read. */
export function columnMap(forms: readonly FormSpec[]): Record<string, QuestionId> {
  const out: Record<string, QuestionId> = {};
  for (const f of forms) for (const i of f.items) if (i.q) out[headerKey(i.title)] = i.q;
  return out;
}
