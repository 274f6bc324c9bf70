/**
 * Custom-function names: they must not shadow a Google Sheets built-in, and they
 * must be names Sheets will actually expose as custom functions.
 *
 * The list of built-ins lives in tests/fixtures/sheets-builtin-functions.txt
 * (one upper-case name per line; lines starting with # are comments).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { FUNCTIONS } from '../../src/functions/registry';

const FIXTURE = resolve(__dirname, '../fixtures/sheets-builtin-functions.txt');

function readBuiltins(): string[] {
  return readFileSync(FIXTURE, 'utf8')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

const builtins = readBuiltins();
const builtinSet = new Set(builtins.map((n) => n.toUpperCase()));
const ourNames: string[] = FUNCTIONS.map((f) => f.name);

/** A custom-function name Sheets accepts: upper case letters, digits and underscores. */
const VALID_NAME = /^[A-Z][A-Z0-9_]*$/;
/** Names that Sheets would read as a cell reference: A1 notation (columns A..ZZZ) or R1C1. */
const A1_REFERENCE = /^[A-Z]{1,3}[0-9]+$/;
const R1C1_REFERENCE = /^R[0-9]+C[0-9]+$/;

describe('Google Sheets built-in function list (fixture)', () => {
  it('looks complete', () => {
    expect(builtins.length).toBeGreaterThanOrEqual(450);
    for (const name of ['SUM', 'COUNTIFS', 'SPARKLINE', 'XLOOKUP', 'LAMBDA', 'NORM.S.INV', 'MARGINOFERROR']) {
      expect(builtinSet.has(name)).toBe(true);
    }
  });

  it('is well-formed: upper case, sorted, no duplicates', () => {
    for (const name of builtins) {
      expect(name).toMatch(/^[A-Z][A-Z0-9_.]*$/);
    }
    const sorted = [...builtins].sort();
    expect(builtins).toEqual(sorted);
    expect(builtinSet.size).toBe(builtins.length);
  });
});

describe('our custom-function names', () => {
  it('registers at least one function', () => {
    expect(ourNames.length).toBeGreaterThan(0);
  });

  it('do not clash with Google Sheets built-ins', () => {
    const clashes = ourNames.filter((name) => builtinSet.has(name.toUpperCase()));
    expect(clashes).toEqual([]);
  });

  it('are valid Sheets custom-function names', () => {
    const invalid = ourNames.filter((name) => !VALID_NAME.test(name));
    expect(invalid).toEqual([]);
  });

  it('do not end with an underscore (Apps Script hides such functions)', () => {
    const hidden = ourNames.filter((name) => name.endsWith('_'));
    expect(hidden).toEqual([]);
  });

  it('do not look like cell references', () => {
    const refs = ourNames.filter((name) => A1_REFERENCE.test(name.toUpperCase()) || R1C1_REFERENCE.test(name.toUpperCase()));
    expect(refs).toEqual([]);
  });

  it('are unique (case-insensitively)', () => {
    const seen = new Set<string>();
    const duplicates: string[] = [];
    for (const name of ourNames) {
      const key = name.toUpperCase();
      if (seen.has(key)) duplicates.push(name);
      seen.add(key);
    }
    expect(duplicates).toEqual([]);
  });
});
