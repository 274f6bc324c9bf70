import { createProblems, initialSurveyDraft, ownerProblem, toSetup } from '../../src/sidebar/survey';
import { defaultSetup } from '../../src/core/survey/setup';

/** The survey wizard's own checks in the sidebar (src/sidebar/survey.ts): each problem names the field it belongs under. */
describe('the last step’s checks', () => {
  const draft = (change: Record<string, unknown> = {}) => ({ ...initialSurveyDraft(defaultSetup(), null), ...change });

  test('the defaults without an owner create as they are: no reminder, no digest, nothing to fix', () => {
    expect(draft()).toMatchObject({ reminder: 'none', digest: false, owner: '', contact: true });
    expect(createProblems(draft())).toEqual([]);
    expect(toSetup(draft())).toMatchObject({ reminder: 'none', owner: '', contact: true, dueDays: 7 });
  });

  test('a reminder or the digest without an address, or a wrong address, is the owner field’s problem; bad days are the days field’s', () => {
    expect(createProblems(draft({ reminder: 'quarterly' }))).toEqual([
      { field: 'owner', text: 'Enter the email address that gets the reminders and the digest. Or choose no reminder and no digest.' },
    ]);
    expect(ownerProblem({ reminder: 'none', digest: true, owner: '' })?.field).toBe('owner');
    expect(ownerProblem({ reminder: 'none', digest: false, owner: 'bo' })?.text).toMatch(/^“bo” is not an email address\./);
    expect(ownerProblem({ reminder: 'monthly', digest: true, owner: ' ana@example.com ' })).toBeNull();
    expect(createProblems(draft({ dueDays: '0', reminder: 'monthly' })).map((p) => p.field)).toEqual(['owner', 'dueDays']);
  });

  test('a survey kept from before starts the wizard with its own choices, the contact question included', () => {
    const kept = { ...defaultSetup('ana@example.com'), contact: false };
    const previous = {
      title: 'T',
      createdAt: 'x',
      run: 1,
      forms: [],
      reminder: 'monthly' as const,
      digest: true,
      scoreMail: false,
      owner: 'ana@example.com',
      dueDays: 9,
      setup: kept,
      since: '2026-11-23',
      oldReviews: null,
      links: null,
    };
    expect(initialSurveyDraft(defaultSetup(), previous)).toMatchObject({
      contact: false,
      reminder: 'monthly',
      owner: 'ana@example.com',
      dueDays: '9',
    });
  });
});
