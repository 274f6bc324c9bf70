import { rolesOf, vendorSuite } from './suite';

vendorSuite('google-forms', (v) => {
  test('dated by Timestamp (EDT/EST, 12-hour clock); the e-mail address is no role; questions are found by their text', () => {
    const roles = rolesOf(v);
    expect(roles).toMatchObject({
      Timestamp: 'date',
      'Email Address': null,
      'How likely are you to recommend Harbour & Kiln to a friend or colleague?': 'referral_score',
      'How satisfied were you with your order?': 'satisfaction',
    });
  });
});
