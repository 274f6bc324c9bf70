import { rolesOf, vendorSuite } from './suite';

vendorSuite('typeform', (v) => {
  test('responses are dated by Submit Date (UTC), never by Stage Date (blank on completed responses)', () => {
    const roles = rolesOf(v);
    expect(roles['Submit Date (UTC)']).toBe('date');
    expect(roles['Stage Date (UTC)']).toBeNull();
    expect(roles['How would you rate your purchase?']).toBe('satisfaction');
    expect(roles['#']).toBeNull();
  });
});
