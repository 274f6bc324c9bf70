/**
 * Every word the survey says, in one place (the wizard shows them for review and may override most).
 * Kept short: this file ships in the Apps Script bundle. `intro` comes first and `closing` last; the
 * rest are the questions (`contact` only when the survey asks for a way to reach the customer).
 */
export const TEXTS = {
  intro: 'A few short questions, about three minutes. Your answers go straight to the people who can act on them.',
  customer: 'Which company are you with?',
  role: 'Which best describes your role?',
  referral: 'How likely are you to refer us to a colleague?',
  comparison: 'Compared with others in our industry, are we better, about the same, or worse?',
  csat: 'Overall, how satisfied are you with us?',
  satisfies: 'What satisfies you most about working with us?',
  dissatisfies: 'What dissatisfies you, or what should we do better?',
  hoped: 'What result did you hope for when you bought from us, and did you get it?',
  contact: 'May we contact you about your answer? If so, leave your e-mail address.',
  closing:
    'Thank you. We read every answer: each problem you raise becomes an action with an owner and a due date, and if you left your e-mail address we will tell you what we changed.',
} as const;

/** The closing line of a form that does not ask for an e-mail address: it promises nothing it cannot keep. */
export const CLOSING_WITHOUT_CONTACT =
  'Thank you. We read every answer: each problem you raise becomes an action with an owner and a due date.';

export type TextId = keyof typeof TEXTS;

/** The scale's end labels and the comparison's choices. */
export const REFERRAL_LABELS = ['Not at all likely', 'Extremely likely'] as const;
export const CSAT_LABELS = ['Very dissatisfied', 'Very satisfied'] as const;
export const COMPARISON_CHOICES = ['Better', 'About the same', 'Worse'] as const;

/**
 * The default roles and their variants: who to think of when referring, and the question only they can
 * answer well (the more specific the question, the more specific the answer).
 */
export const DEFAULT_ROLES = ['Decision maker', 'Day-to-day user', 'Purchasing', 'Technical'];
const VARIANTS: readonly (readonly [peer: string, question: string])[] = [
  ['a peer who chooses suppliers like us', 'What would make it easier to decide to buy more from us?'],
  ['a colleague who does work like yours', 'What slows you down when you use what we provide?'],
  ['a buyer in another company', 'How could we make ordering, invoicing and delivery easier for you?'],
  ['a technical colleague elsewhere', 'Which technical problem should we fix first?'],
];

/** A role's variant: a default role's own, or a general one naming the role. */
export function roleVariant(role: string): readonly [peer: string, question: string] {
  const i = DEFAULT_ROLES.findIndex((r) => r.toLowerCase() === role.trim().toLowerCase());
  return i >= 0
    ? VARIANTS[i]
    : ['a colleague in a role like yours', `In your role (${role.trim()}), what one thing should we improve for you?`];
}
