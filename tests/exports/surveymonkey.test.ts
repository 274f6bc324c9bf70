import { cliMonthly } from './helpers';
import { rolesOf, skippedOf, vendorSuite } from './suite';

vendorSuite('surveymonkey', (v) => {
  test('the second header row ("Response", "Open-Ended Response") is left out, not read as an answer', () => {
    expect(skippedOf(v)).toEqual([{ row: 2, reason: expect.stringMatching(/^the second header row of a SurveyMonkey responses export/) }]);
  });
  test('dated by End Date; the labelled answers ("10 - Extremely likely", "Somewhat dissatisfied") are read', () => {
    const roles = rolesOf(v);
    expect(roles['End Date']).toBe('date');
    expect(roles['Start Date']).toBeNull();
    expect(
      Object.entries(roles)
        .filter(([, r]) => r === 'referral_score' || r === 'satisfaction')
        .map(([h]) => h),
    ).toEqual([
      'How likely is it that you would recommend Harbour & Kiln to a friend or colleague?',
      'Overall, how satisfied or dissatisfied are you with our company?',
    ]);
  });
  test('--map satisfaction=none leaves CSAT out and keeps NPS', () => {
    const m = cliMonthly(v, { maps: { satisfaction: 'none' } });
    expect(m.csat).toBeUndefined();
    expect(m.nps).toBeDefined();
  });
});
