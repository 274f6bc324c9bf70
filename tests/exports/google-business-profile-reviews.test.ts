import { rolesOf, vendorSuite } from './suite';

vendorSuite('google-business-profile-reviews', (v) => {
  test('stars are the words ONE … FIVE; a reply with text is an answer; dates are createTime, not updateTime', () => {
    expect(rolesOf(v)).toMatchObject({ starRating: 'stars', createTime: 'date', updateTime: null, 'reviewReply.comment': 'responded' });
  });
});
