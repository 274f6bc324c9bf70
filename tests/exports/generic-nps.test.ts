import { rolesOf, vendorSuite } from './suite';

vendorSuite('generic-nps', (v) => {
  test('Score is the referral answer; the dates read day-first because some first parts are over 12', () => {
    expect(rolesOf(v)).toMatchObject({ Date: 'date', Score: 'referral_score', Comment: 'comment' });
  });
});
