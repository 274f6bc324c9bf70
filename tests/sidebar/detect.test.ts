import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsv } from '../../src/core/tables/csv';
import { sheetTable } from '../../src/server/handlers';
import { detectSheet } from '../../src/server/scorecard/detect';
import { guessSheet } from '../../src/sidebar/detect';

/** The sidebar's guesses of each sheet (src/sidebar/detect.ts), from the table the server sends. */

const data = join(__dirname, '..', '..', 'examples', 'data');
const grids = Object.fromEntries(
  ['Sales', 'Feedback', 'Reviews'].map((n) => [n, parseCsv(readFileSync(join(data, `${n.toLowerCase()}.csv`), 'utf8'))]),
);

test('each example sheet is guessed as the kind of data it holds, with the roles the server finds', () => {
  for (const [name, grid] of Object.entries(grids)) {
    const guess = guessSheet(sheetTable(name, grid));
    const server = detectSheet(name, grid);
    expect(guess.kind).toBe(name.toLowerCase());
    expect(guess.kind).toBe(server.kind);
    expect(guess.roles).toEqual(server.suggestions.map((s) => s.role));
  }
});

test('a sheet without a table has no guesses and no kind', () => {
  const guess = guessSheet(sheetTable('Empty', []));
  expect(guess).toMatchObject({ suggestions: [], roles: [], kind: null });
  expect(guess.table.problem).toEqual(expect.any(String));
});
