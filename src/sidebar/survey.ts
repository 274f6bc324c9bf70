import type { Reminder, SurveySetup } from '../core/survey/setup';
import type { TextId } from '../core/survey/texts';
import type { AutomationStatus, CallArgs } from '../rpc/contract';
import type { SurveyForm } from '../core/survey/automation';
import { count, plural } from './dom';

/**
 * The survey wizard's choices while it is open, and the setup sent to the server. Only types come from
 * the core: the rules live on the server (previewSurvey and createSurvey say in words what is wrong), so
 * the sidebar bundle carries none of the survey code.
 */
export type Layout = SurveySetup['layout'];

export interface RoleDraft {
  name: string;
  /** The role's own question as the user wrote it; null: the server's default for the role. */
  own: string | null;
}

export interface SurveyDraft {
  title: string;
  roles: RoleDraft[];
  layout: Layout;
  csat: boolean;
  roleQuestions: boolean;
  /** Ask "May we contact you about your answer?" with an e-mail field. */
  contact: boolean;
  texts: Partial<Record<TextId, string>>;
  reminder: Reminder;
  digest: boolean;
  owner: string;
  /** As typed in its field. */
  dueDays: string;
}

/** What each wording the user may change is, in the order the form asks it. */
export const TEXT_LABELS: Readonly<Record<TextId, string>> = {
  intro: 'Introduction, under the title',
  customer: 'Company question',
  role: 'Role question (one form that branches)',
  referral: 'Referral question (0–10)',
  comparison: 'Comparison question',
  csat: 'Satisfaction question (1–5)',
  satisfies: 'What satisfies them',
  dissatisfies: 'What dissatisfies them',
  hoped: 'The result they hoped for',
  contact: 'Contact question (an e-mail address, optional)',
  closing: 'Closing line, shown after sending',
};

export const TEXT_IDS = Object.keys(TEXT_LABELS) as TextId[];

export const LAYOUT_CHOICES: readonly { value: Layout; label: string; hint: string }[] = [
  { value: 'perRole', label: 'One form per role', hint: 'A link for each role: send each customer the one for their role.' },
  {
    value: 'branching',
    label: 'One form that asks the role and branches',
    hint: 'One link for everyone: the form asks the role first, then shows that role’s questions.',
  },
];

export const REMINDER_CHOICES: readonly { value: Reminder; label: string }[] = [
  { value: 'none', label: 'None' },
  { value: 'monthly', label: 'Monthly' },
  { value: 'quarterly', label: 'Quarterly' },
];

export const MAX_DUE_DAYS = 365;

/** A role's name as the server keys it: spaces collapsed, trimmed. */
export const roleKey = (name: string): string => name.replace(/\s+/g, ' ').trim();

/** A setup as the sidebar sends it: a SurveySetup, and what the contract's schema of `setup` takes. */
export type SentSetup = SurveySetup & CallArgs<'createSurvey'>['setup'];

/** The latest run's forms (earlier runs' stay in the list: their links may still be answered). */
export function latestForms(survey: NonNullable<AutomationStatus['survey']>): readonly SurveyForm[] {
  return survey.forms.filter((f) => f.run === survey.run);
}

/**
 * The wizard's start: the setup of the survey made before when the server kept it (roles, layout, wordings,
 * the optional questions), else the server's defaults with what the survey's record says (its title,
 * reminder, digest, owner, days to act, and its roles when it had one form per role).
 */
export function initialSurveyDraft(defaults: SurveySetup, previous: AutomationStatus['survey']): SurveyDraft {
  const kept = previous?.setup;
  if (kept) {
    return {
      title: previous.title,
      roles: kept.roles.map((name) => ({ name, own: kept.roleTexts?.[name] ?? null })),
      layout: kept.layout,
      csat: kept.csat,
      roleQuestions: kept.roleQuestions,
      contact: kept.contact !== false,
      texts: { ...(defaults.texts ?? {}), ...(kept.texts ?? {}) },
      reminder: previous.reminder,
      digest: previous.digest,
      owner: previous.owner,
      dueDays: String(previous.dueDays),
    };
  }
  const prevRoles = previous ? latestForms(previous).map((f) => f.role) : [];
  const perRole = prevRoles.length > 0 && prevRoles.every((r): r is string => typeof r === 'string' && r !== '');
  const branching = prevRoles.length === 1 && prevRoles[0] === null;
  return {
    title: previous?.title ?? defaults.title,
    roles: (perRole ? (prevRoles as string[]) : defaults.roles).map((name) => ({ name, own: null })),
    layout: branching ? 'branching' : perRole ? 'perRole' : defaults.layout,
    csat: defaults.csat,
    roleQuestions: defaults.roleQuestions,
    contact: defaults.contact !== false,
    texts: { ...(defaults.texts ?? {}) },
    reminder: previous?.reminder ?? defaults.reminder,
    digest: previous?.digest ?? defaults.digest,
    owner: previous?.owner ?? defaults.owner,
    dueDays: String(previous?.dueDays ?? defaults.dueDays),
  };
}

/** The setup createSurvey gets. Role questions the user did not change are left to the server's defaults. */
export function toSetup(d: SurveyDraft): SentSetup {
  const roles = d.roles.map((r) => roleKey(r.name));
  const roleTexts: Record<string, string> = {};
  d.roles.forEach((r, i) => {
    if (r.own !== null) roleTexts[roles[i]] = r.own;
  });
  return {
    title: d.title,
    roles,
    layout: d.layout,
    csat: d.csat,
    roleQuestions: d.roleQuestions,
    contact: d.contact,
    texts: { ...d.texts },
    roleTexts,
    reminder: d.reminder,
    digest: d.digest,
    owner: d.owner.trim(),
    dueDays: Number(d.dueDays.trim() || NaN),
  };
}

/**
 * What the questions step previews: the setup with the last step's settings (reminder, owner, days) left
 * neutral, so the server checks only the roles and the questions there.
 */
export function previewSetup(d: SurveyDraft): SentSetup {
  return { ...toSetup(d), reminder: 'none', digest: false, owner: '', dueDays: 7 };
}

/** A problem with one control of a step: shown next to it, focus moved to it. */
export interface FieldProblem {
  readonly field: 'owner' | 'dueDays';
  readonly text: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The server's words when the owner's address is missing or wrong (checkSetup): they belong next to the owner's field. */
export const OWNER_PROBLEM = 'Enter the email address that gets the reminders and the digest.';

/**
 * The owner's address, checked as the server checks it: needed for a reminder or the digest, and an
 * address when given.
 */
export function ownerProblem(s: { reminder: Reminder; digest: boolean; scoreMail?: boolean; owner: string }): FieldProblem | null {
  const owner = s.owner.trim();
  if (owner ? EMAIL.test(owner) : s.reminder === 'none' && !s.digest && !s.scoreMail) return null;
  return {
    field: 'owner',
    text: owner ? `“${owner}” is not an email address. ${OWNER_PROBLEM}` : `${OWNER_PROBLEM} Or choose no reminder and no digest.`,
  };
}

/** The last step's own checks, before anything is sent: the owner's address and the days to act. */
export function createProblems(d: SurveyDraft): FieldProblem[] {
  const out: FieldProblem[] = [];
  const owner = ownerProblem(d);
  if (owner) out.push(owner);
  const n = Number(d.dueDays.trim());
  if (!(d.dueDays.trim() && Number.isInteger(n) && n >= 1 && n <= MAX_DUE_DAYS))
    out.push({ field: 'dueDays', text: `Days to act must be a whole number from 1 to ${MAX_DUE_DAYS}.` });
  return out;
}

/** "4 open actions, 1 overdue, 2 done" (the tracker's counts in the automation status). */
export function actionWords(a: { open: number; overdue: number; done: number }): string {
  return `${plural(a.open, 'open action')}, ${count(a.overdue)} overdue, ${count(a.done)} done`;
}

export const UNAVAILABLE =
  'Customer surveys need Google Forms, triggers and mail, which this copy of Leadlag cannot reach. The scorecard works without them.';

/** The user allowed the scorecard but not (yet) the survey's scopes; only the menu can show Google's consent screen. */
export const NEEDS_PERMISSION =
  'Surveys need your permission to create Google Forms, run Leadlag when a response arrives and send you reminders. Choose Extensions › Leadlag › Set up a customer survey to grant it. The scorecard works without it.';
