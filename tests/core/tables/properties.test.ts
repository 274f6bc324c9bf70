import fc from 'fast-check';
import { MULTI_COLUMN_ROLES, findTable, suggestRoles, tableColumns, type TableFound } from '../../../src/core/tables';
import { InputError } from '../../../src/core/values/errors';
import type { Cell } from '../../../src/core/values/cell';

const cells = <T extends Cell>(arb: fc.Arbitrary<T>): fc.Arbitrary<Cell[]> =>
  fc.array(fc.oneof({ weight: 9, arbitrary: arb as fc.Arbitrary<Cell> }, { weight: 1, arbitrary: fc.constant('') }), {
    minLength: 3,
    maxLength: 25,
  });

const day = fc.date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true });
const money = fc.integer({ min: 0, max: 10_000_000 }).map((p) => (p % 3 === 0 ? p / 100 : `£${(p / 100).toFixed(2)}`));

/** Columns a manager pastes: a header (clear or vague) and values of one shape. */
const COLUMNS: [string, fc.Arbitrary<Cell[]>][] = [
  ['Order Date', cells(day)],
  ['Timestamp', cells(day.map((x) => x.toISOString().replace('T', ' ').slice(0, 19)))],
  ['Promised Date', cells(day.map((x) => x.toISOString().slice(0, 10)))],
  ['Order ID', cells(fc.integer({ min: 1000, max: 99999 }).map((n) => `SO-${n}`))],
  ['Customer', cells(fc.constantFrom('Granite Dental Ltd', 'Cobalt Leisure Ltd', 'Ashworth, Booth & Co', 'Wessex Dental Ltd'))],
  ['Sales Rep', cells(fc.constantFrom('Priya Shah', 'Tom Whitaker'))],
  ['Net Sales (£)', cells(money)],
  ['Cost', cells(money)],
  ['Qty', cells(fc.integer({ min: 1, max: 500 }))],
  ['How likely are you to recommend us to a colleague?', cells(fc.integer({ min: 0, max: 10 }))],
  ['Q7', cells(fc.constantFrom('Better', 'About the same', 'Worse'))],
  ['How satisfied are you overall?', cells(fc.constantFrom('Very satisfied', 'Satisfied', 'Neutral', 'Dissatisfied'))],
  ['What dissatisfies you?', cells(fc.constantFrom('Deliveries often late', 'Credit notes take weeks to arrive here'))],
  ['Stars', cells(fc.integer({ min: 1, max: 5 }))],
  ['Responded', cells(fc.constantFrom('Yes', 'No'))],
  ['Field 9', cells(fc.string())],
  ['Amount', cells(money)],
];

const roleByHeader = (headers: string[], columns: Cell[][]): Record<string, string | null> =>
  Object.fromEntries(suggestRoles(headers, columns).map((s) => [s.header, s.role]));

describe('properties of table finding and roles', () => {
  it('gives each header the same role whatever the column order', () => {
    const table = fc
      .shuffledSubarray(COLUMNS, { minLength: 1 })
      .chain((picked) => fc.tuple(fc.constant(picked.map((p) => p[0])), fc.tuple(...picked.map((p) => p[1]))));
    fc.assert(
      fc.property(table, fc.infiniteStream(fc.nat()), ([headers, columns], keys) => {
        const it = keys[Symbol.iterator]();
        const order = headers
          .map((_, i) => ({ i, k: it.next().value as number }))
          .sort((a, b) => a.k - b.k)
          .map((x) => x.i);
        const before = roleByHeader(headers, columns);
        const after = roleByHeader(
          order.map((i) => headers[i]),
          order.map((i) => columns[i]),
        );
        expect(after).toEqual(before);
      }),
      { numRuns: 200 },
    );
  });

  const junkCell: fc.Arbitrary<Cell> = fc.oneof(
    fc.string(),
    fc.constantFrom(
      '',
      ' ',
      '-',
      'n/a',
      'Total',
      'Grand total',
      'Date',
      'Amount',
      'Order ID',
      '£1,234.50',
      '(1,200)',
      '31/01/2026',
      '01/31/2026',
      '13/13/2026',
      'Jan 31, 2026',
      'Better',
      'Yes',
      '#N/A',
      '★★★☆☆',
    ),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.date(),
    fc.constant(null),
    fc.constant(undefined),
  );
  const junkGrid = fc.array(fc.array(junkCell, { maxLength: 6 }), { maxLength: 14 });

  /** Every row but the header is data or reported, blank runs by their range. */
  function accountsForEveryRow(grid: Cell[][], t: TableFound): void {
    const covered = new Set<number>([t.headerRow, ...t.dataRows]);
    for (const s of t.skipped) {
      const run = /rows (\d+) to (\d+)/.exec(s.reason);
      if (run) for (let r = Number(run[1]); r <= Number(run[2]); r++) covered.add(r - 1);
      else covered.add(s.row - 1);
      expect(s.reason.length).toBeGreaterThan(5);
    }
    for (let r = 0; r < grid.length; r++) expect([r, covered.has(r)]).toEqual([r, true]);
  }

  it('never throws anything but a clear InputError on junk, and accounts for every row when it finds a table', () => {
    fc.assert(
      fc.property(junkGrid, (grid) => {
        let t: TableFound;
        try {
          t = findTable(grid);
        } catch (e) {
          expect(e).toBeInstanceOf(InputError);
          expect((e as Error).message).toMatch(/^(the sheet is empty|no header row found|found the column names)/);
          return;
        }
        expect(t.headerRow).toBeGreaterThanOrEqual(0);
        expect(t.headers).toHaveLength(t.lastCol - t.firstCol + 1);
        expect(new Set(t.headers.map((h) => h.toLowerCase())).size).toBe(t.headers.length);
        expect(t.dataRows.length).toBeGreaterThan(0);
        t.dataRows.forEach((r, i) => expect(r).toBeGreaterThan(i ? t.dataRows[i - 1] : t.headerRow));
        accountsForEveryRow(grid, t);
        const s = suggestRoles(t.headers, tableColumns(grid, t));
        expect(s).toHaveLength(t.headers.length);
      }),
      { numRuns: 500 },
    );
  });

  it('suggests roles for any headers and values without throwing, each role to one column (but comment)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string(), fc.array(junkCell, { maxLength: 10 })), { maxLength: 8 }), (cols) => {
        const s = suggestRoles(
          cols.map((c) => c[0]),
          cols.map((c) => c[1]),
        );
        const seen = new Set<string>();
        for (const x of s) {
          expect(x.confidence).toBeGreaterThanOrEqual(0);
          expect(x.confidence).toBeLessThanOrEqual(1);
          expect(x.why).not.toMatch(/NaN|undefined/);
          if (x.role && !MULTI_COLUMN_ROLES.has(x.role)) {
            expect(seen.has(x.role)).toBe(false);
            seen.add(x.role);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
