import { customerKey, distinctCustomers } from '../../../src/core/survey/links';
import { keyAccounts } from '../../../src/core/measures/keyAccounts';
import { toColumn } from '../../../src/core/values/column';
import fc from 'fast-check';

describe('the customers the survey links go to', () => {
  test('each once, first spelling kept, blanks and total rows left out', () => {
    expect(distinctCustomers(['Acme Ltd', ' acme  ltd', '', 'Brill', 'Total', 'Grand total:', null, 'Brill', true, 42])).toEqual([
      'Acme Ltd',
      'Brill',
      '42',
    ]);
  });

  test('property: told apart exactly as KEY_ACCOUNTS tells them apart, so a linked answer lands on its customer’s row', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('Acme', 'acme', ' Acme ', 'Brill  Co', 'brill co', 'Cato', 'Total'), { minLength: 1, maxLength: 20 }),
        (names) => {
          const listed = distinctCustomers(names);
          const rows = names.filter((n) => n.trim() !== 'Total');
          if (!rows.length) return listed.length === 0;
          const accounts = keyAccounts(
            toColumn(
              rows.map((n) => [n]),
              'c',
            ),
            toColumn(
              rows.map(() => [1]),
              'r',
            ),
          );
          return (
            new Set(listed.map(customerKey)).size === listed.length &&
            JSON.stringify(listed.map(customerKey).sort()) === JSON.stringify(accounts.map((a) => customerKey(a.customer)).sort())
          );
        },
      ),
    );
  });
});
