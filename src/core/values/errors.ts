/**
 * An error the user can act on. Its message says where (row and column within the range, 1-based)
 * and what was expected; the formula runtime prefixes the formula's name, so Sheets shows e.g.
 * `NPS: row 7 holds "eleven"; scores are whole numbers from 0 to 10`.
 */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

export function fail(message: string): never {
  throw new InputError(message);
}
