import * as z from 'zod/mini';
import { CLOSING_WITHOUT_CONTACT, DEFAULT_ROLES, TEXTS, type TextId, roleVariant } from './texts';

/**
 * What the survey wizard sends to create a survey. zod checks its shape with the few schema kinds that keep
 * the Apps Script bundle small (the two choices and the two maps are checked by hand); `checkSetup` checks
 * the rules and says in words what is wrong.
 */
export const MAX_ROLES = 6;
export const LAYOUTS = ['perRole', 'branching'] as const;
export const REMINDERS = ['none', 'monthly', 'quarterly'] as const;

function makeShape() {
  return z.object({
    title: z.string(),
    roles: z.array(z.string()),
    layout: z.string(),
    csat: z.boolean(),
    roleQuestions: z.boolean(),
    contact: z.optional(z.boolean()),
    texts: z.optional(z.unknown()),
    roleTexts: z.optional(z.unknown()),
    reminder: z.string(),
    digest: z.boolean(),
    owner: z.string(),
    dueDays: z.number(),
  });
}

let shape: ReturnType<typeof makeShape> | null = null;

/** The setup's zod schema, built on first use: schemas cost load time, and every formula execution loads the script. */
export function surveySetupShape(): ReturnType<typeof makeShape> {
  return (shape ??= makeShape());
}

export type Reminder = (typeof REMINDERS)[number];

export interface SurveySetup {
  readonly title: string;
  /** The customer roles to ask, each with its own variant (1 to MAX_ROLES). */
  readonly roles: readonly string[];
  /** One form per role, or one form whose role question branches to the role's section. */
  readonly layout: (typeof LAYOUTS)[number];
  /** Ask the optional satisfaction rating (1–5). */
  readonly csat: boolean;
  /** Ask each role its own question. */
  readonly roleQuestions: boolean;
  /** Ask "May we contact you about your answer?" with an e-mail field (absent in setups kept by older versions: asked). */
  readonly contact?: boolean;
  /** Question id (a key of TEXTS) → the wording to use instead of the default. */
  readonly texts?: Readonly<Partial<Record<TextId, string>>>;
  /** Role → its own question, instead of its variant's ('' leaves it out). */
  readonly roleTexts?: Readonly<Record<string, string>>;
  /** How often the owner is reminded to survey again. */
  readonly reminder: Reminder;
  /** Mail the owner what is open and overdue every week. */
  readonly digest: boolean;
  /** Gets reminders and the digest, and owns new actions: an email address, or ''. */
  readonly owner: string;
  /** Days an action has before it is due. */
  readonly dueDays: number;
}

/** What checkSetup takes: what zod let through, or a setup. */
export type SetupInput = z.output<ReturnType<typeof makeShape>> | SurveySetup;

/**
 * The wizard's starting point. The owner is the user's own address where Apps Script gives it; without one
 * the reminder starts off (a quarterly reminder to nobody would only make Create fail).
 */
export function defaultSetup(owner = ''): SurveySetup {
  return {
    title: 'How are we doing?',
    roles: DEFAULT_ROLES,
    layout: 'perRole',
    csat: false,
    roleQuestions: true,
    contact: true,
    texts: TEXTS,
    roleTexts: Object.fromEntries(DEFAULT_ROLES.map((r) => [r, roleVariant(r)[1]])),
    reminder: owner ? 'quarterly' : 'none',
    digest: false,
    owner,
    dueDays: 7,
  };
}

/** Whether a setup asks for a way to reach the customer. */
export const asksContact = (setup: SurveySetup): boolean => setup.contact !== false;

/**
 * The wording of a question: the setup's, or the default. The default closing line promises to tell the
 * customer what changed only when the form asks how to reach them.
 */
export function textOf(setup: SurveySetup, id: TextId): string {
  const own = setup.texts?.[id]?.trim();
  if (own && !(id === 'closing' && !asksContact(setup) && own === TEXTS.closing)) return own;
  return id === 'closing' && !asksContact(setup) ? CLOSING_WITHOUT_CONTACT : TEXTS[id];
}

/** A role's own question: the setup's, or its variant's. */
export function roleTextOf(setup: SurveySetup, role: string): string {
  return (setup.roleTexts?.[role] ?? roleVariant(role)[1]).trim();
}

const isMap = (v: unknown): v is Record<string, string> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every((x) => typeof x === 'string');

/**
 * The setup with names trimmed, and what is wrong with it in words a manager reads (empty when fine).
 * Takes what zod let through (surveySetupShape()) or a SurveySetup.
 */
export function checkSetup(input: SetupInput): { setup: SurveySetup; problems: string[] } {
  const problems: string[] = [];
  const say = (ok: unknown, problem: string) => ok || problems.push(problem);
  const title = input.title.trim();
  const roles = input.roles.map((r) => r.replace(/\s+/g, ' ').trim());
  const owner = input.owner.trim();
  const maps = isMap(input.texts ?? {}) && isMap(input.roleTexts ?? {});
  say(LAYOUTS.includes(input.layout as never), 'Choose one form per role or one form that asks the role.');
  say(REMINDERS.includes(input.reminder as never), 'Choose a reminder: none, monthly or quarterly.');
  say(maps, 'The questions must be text.');
  say(title && title.length <= 100, 'Give the survey a title of up to 100 characters.');
  say(roles.length && roles.length <= MAX_ROLES, `Choose 1 to ${MAX_ROLES} roles to ask.`);
  const setup = {
    ...input,
    title,
    roles,
    owner,
    contact: input.contact !== false,
    texts: maps ? input.texts : {},
    roleTexts: maps ? input.roleTexts : {},
  } as SurveySetup;
  // Answers are told apart by their question's wording: no two questions may read the same.
  const seen = new Set<string>();
  const asked = [
    ...roles,
    ...(Object.keys(TEXTS) as TextId[]).slice(1, -1).map((id) => textOf(setup, id)),
    ...roles.filter((r, i) => roles.findIndex((x) => x.toLowerCase() === r.toLowerCase()) === i).map((r) => roleTextOf(setup, r)),
  ];
  asked.forEach((w, i) => {
    const k = w.replace(/\s+/g, ' ').toLowerCase();
    if (i < roles.length) say(k && k.length <= 40, `Give role ${i + 1} a name of up to 40 characters.`);
    else say(w.length <= 500, `Keep "${w.slice(0, 30)}..." under 500 characters.`);
    say(
      !k || !seen.has(k),
      `"${w.slice(0, 60)}" is there twice: give each ${i < roles.length ? 'role its own name' : 'question its own wording'}.`,
    );
    seen.add(k);
  });
  const email = /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(owner);
  say(email || (!owner && input.reminder === 'none' && !input.digest), 'Enter the email address that gets the reminders and the digest.');
  say(Number.isInteger(input.dueDays) && input.dueDays > 0 && input.dueDays <= 365, 'Days to act must be a whole number from 1 to 365.');
  return { setup, problems };
}
