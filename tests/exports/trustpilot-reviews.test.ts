import { rolesOf, vendorSuite } from './suite';

vendorSuite('trustpilot-reviews', (v) => {
  test('a reply date says the review was answered; stars are Review Stars', () => {
    expect(rolesOf(v)).toMatchObject({ 'Review Stars': 'stars', 'Review Created (UTC)': 'date', 'Company Reply Date (UTC)': 'responded' });
  });
});
