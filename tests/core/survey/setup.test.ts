import { MAX_ROLES, surveySetupShape, checkSetup, defaultSetup, type SurveySetup } from '../../../src/core/survey/setup';
import { DEFAULT_ROLES, TEXTS, roleVariant } from '../../../src/core/survey/texts';

const ok = (change: Partial<SurveySetup> = {}): SurveySetup => ({ ...defaultSetup('ana@example.com'), ...change });
const problems = (change: Partial<SurveySetup>) => checkSetup(ok(change)).problems;

describe('the survey setup', () => {
  test('defaults: the four roles, the standard questions, the contact question, a quarterly reminder to the owner, 7 days to act', () => {
    const d = defaultSetup('ana@example.com');
    expect(d.contact).toBe(true);
    expect(d.owner).toBe('ana@example.com');
    expect(d.roles).toEqual(['Decision maker', 'Day-to-day user', 'Purchasing', 'Technical']);
    expect(d.texts?.referral).toBe('How likely are you to refer us to a colleague?');
    expect(d.texts?.comparison).toBe('Compared with others in our industry, are we better, about the same, or worse?');
    expect(d.reminder).toBe('quarterly');
    expect(d.dueDays).toBe(7);
    expect(Object.keys(d.roleTexts ?? {})).toEqual(DEFAULT_ROLES);
  });

  test('the defaults pass with an owner and without one (no reminder then); a reminder or digest without an owner asks for an email', () => {
    expect(checkSetup(ok()).problems).toEqual([]);
    expect(defaultSetup()).toMatchObject({ owner: '', reminder: 'none', digest: false });
    expect(checkSetup(defaultSetup()).problems).toEqual([]);
    expect(checkSetup({ ...defaultSetup(), reminder: 'quarterly' }).problems).toEqual([
      'Enter the email address that gets the reminders and the digest.',
    ]);
    expect(problems({ owner: '', reminder: 'none', digest: false })).toEqual([]);
    expect(problems({ owner: '', reminder: 'none', digest: true })).toHaveLength(1);
    expect(problems({ owner: 'not an email' })).toEqual(['Enter the email address that gets the reminders and the digest.']);
  });

  test('zod checks the shape, and lets the rules speak for the values', () => {
    expect(surveySetupShape().safeParse(defaultSetup()).success).toBe(true);
    expect(surveySetupShape().safeParse({ ...defaultSetup(), roles: 'Buyer' }).success).toBe(false);
    expect(surveySetupShape().safeParse({ ...defaultSetup(), dueDays: '7' }).success).toBe(false);
    expect(surveySetupShape().safeParse({ ...defaultSetup(), csat: 'yes' }).success).toBe(false);
    const parsed = surveySetupShape().parse({ ...ok(), layout: 'sideways', reminder: 'hourly', texts: { referral: 3 } });
    expect(checkSetup(parsed).problems).toEqual([
      'Choose one form per role or one form that asks the role.',
      'Choose a reminder: none, monthly or quarterly.',
      'The questions must be text.',
    ]);
  });

  test('roles: one to six, named, each once', () => {
    expect(problems({ roles: [] })).toEqual([`Choose 1 to ${MAX_ROLES} roles to ask.`]);
    expect(problems({ roles: ['A', 'B', 'C', 'D', 'E', 'F'] })).toEqual([]);
    expect(problems({ roles: ['A', 'B', 'C', 'D', 'E', 'F', 'G'] })).toEqual([`Choose 1 to ${MAX_ROLES} roles to ask.`]);
    expect(problems({ roles: ['Buyer', '  '] })).toEqual(['Give role 2 a name of up to 40 characters.']);
    expect(problems({ roles: ['Buyer', 'x'.repeat(41)] })).toEqual(['Give role 2 a name of up to 40 characters.']);
    expect(problems({ roles: ['Buyer', ' buyer '] })).toEqual(['"buyer" is there twice: give each role its own name.']);
    expect(checkSetup(ok({ roles: ['  Head   of IT '] })).setup.roles).toEqual(['Head of IT']);
  });

  test('no two questions may read the same (answers are told apart by their wording)', () => {
    expect(problems({ texts: { ...TEXTS, dissatisfies: TEXTS.satisfies } })).toEqual([
      `"${TEXTS.satisfies}" is there twice: give each question its own wording.`,
    ]);
    expect(problems({ roleTexts: { Purchasing: TEXTS.hoped } })).toHaveLength(1);
    expect(problems({ texts: { hoped: 'x'.repeat(501) } })).toEqual([`Keep "${'x'.repeat(30)}..." under 500 characters.`]);
  });

  test('title and days to act', () => {
    expect(problems({ title: ' ' })).toEqual(['Give the survey a title of up to 100 characters.']);
    expect(problems({ dueDays: 0 })).toEqual(['Days to act must be a whole number from 1 to 365.']);
    expect(problems({ dueDays: 2.5 })).toEqual(['Days to act must be a whole number from 1 to 365.']);
  });

  test('each role has its own variant; a new role gets one that names it', () => {
    const variants = DEFAULT_ROLES.map((r) => roleVariant(r));
    expect(new Set(variants.map((v) => v[1])).size).toBe(4);
    expect(roleVariant('decision MAKER')).toEqual(variants[0]);
    expect(roleVariant('Finance')[1]).toContain('(Finance)');
  });
});
