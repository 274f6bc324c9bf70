import { userMessage } from '../../src/sidebar/client';

/** The sidebar's typed client (src/sidebar/client.ts): what a failed call shows. */

test('failures read as the server’s words, never a stack', () => {
  expect(userMessage(new Error('Exception: The sheet "Sales" is gone.\n    at build (Code:12:3)'))).toBe('The sheet "Sales" is gone.');
  expect(userMessage(new Error('NetworkError: Connection failure due to HTTP 0'))).toMatch(/could not reach the spreadsheet/);
  expect(userMessage(undefined)).toMatch(/could not reach the spreadsheet/);
});
