import { findTable, tableColumns } from '../../../src/core/tables';
import { InputError } from '../../../src/core/values/errors';
import type { Cell } from '../../../src/core/values/cell';

const d = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

/** A sales export pasted as it came: title, blank row, header on row 3, blanks inside, totals at the bottom. */
const salesPaste: Cell[][] = [
  ['Sales export — Northwind Supplies Ltd', '', '', '', '', ''],
  ['', '', '', '', '', ''],
  ['Order ID', 'Order Date', 'Customer', 'Sales Rep', 'Net Sales (£)', 'Qty'],
  ['SO-1001', '31/01/2026', 'Brookfield Construction Ltd', 'Priya Shah', '£1,234.50', 12],
  ['SO-1002', '31/01/2026', 'Ashworth, Booth & Co', "Gemma O'Neill", 480.2, 3],
  ['', '', '', '', '', ''],
  ['SO-1003', '02/02/2026', 'Total Gym Ltd', 'Priya Shah', '£99.00', 1],
  ['SO-1004', '03/02/2026', 'Pioneer Catering Ltd', 'Tom Whitaker', '£2,010.00', 40],
  ['', '', 'Total', '', '£3,823.70', 56],
];

describe('findTable', () => {
  it('finds the header under a title row and a blank row, and leaves out blanks and the totals row', () => {
    const t = findTable(salesPaste);
    expect(t.headerRow).toBe(2);
    expect(t.firstCol).toBe(0);
    expect(t.lastCol).toBe(5);
    expect(t.headers).toEqual(['Order ID', 'Order Date', 'Customer', 'Sales Rep', 'Net Sales (£)', 'Qty']);
    expect(t.dataRows).toEqual([3, 4, 6, 7]);
    expect(t.skipped).toEqual([
      { row: 1, reason: 'above the header row (a title or note: "Sales export — Northwind Supplies Ltd")' },
      { row: 2, reason: 'blank row' },
      { row: 6, reason: 'blank row' },
      { row: 9, reason: 'a totals row ("Total"), left out so nothing is counted twice' },
    ]);
  });

  it('keeps a customer whose name starts with "Total" as data', () => {
    const t = findTable(salesPaste);
    expect(tableColumns(salesPaste, t)[2]).toContain('Total Gym Ltd');
  });

  it('reads a header on row 1 (a Google Form export with a Timestamp)', () => {
    const grid: Cell[][] = [
      ['Timestamp', 'Customer', 'How likely are you to recommend us to a colleague?', 'What dissatisfies you?'],
      [d('2026-01-05'), 'Granite Dental Ltd', 9, ''],
      [d('2026-01-06'), '', '10 - Extremely likely', 'Deliveries often late'],
      [d('2026-01-07'), 'Marlow Electrical plc', 4, 'Had to chase a "next day" delivery for a week'],
    ];
    const t = findTable(grid);
    expect(t.headerRow).toBe(0);
    expect(t.dataRows).toEqual([1, 2, 3]);
    expect(t.skipped).toEqual([]);
  });

  it('finds the header when its first data row has a text score where numbers follow', () => {
    const grid: Cell[][] = [
      ['Date', 'Score', 'Comment'],
      ['2026-01-05', '10 - Extremely likely', 'Great'],
      ['2026-01-06', 9, ''],
      ['2026-01-07', 7, 'Late again'],
    ];
    expect(findTable(grid).headerRow).toBe(0);
  });

  it('passes over a two-cell note above a narrow table', () => {
    const grid: Cell[][] = [
      ['Period:', 'Jan–Oct 2026', ''],
      ['Date', 'Stars', 'Review'],
      ['Oct 31, 2026', 5, 'Excellent, always on time!'],
      ['Oct 29, 2026', 2, 'Late and nobody called.'],
      ['Oct 28, 2026', 4, ''],
    ];
    const t = findTable(grid);
    expect(t.headerRow).toBe(1);
    expect(t.skipped).toEqual([{ row: 1, reason: 'above the header row (a title or note: "Period:")' }]);
  });

  it('reports a run of blank rows once, saying so', () => {
    const grid: Cell[][] = [
      ['Date', 'Amount'],
      ['2026-01-01', 10],
      ['', ''],
      [' ', ''],
      ['', '-'],
      ['2026-01-02', 12],
      ['', ''],
      ['', ''],
    ];
    const t = findTable(grid);
    expect(t.dataRows).toEqual([1, 5]);
    expect(t.skipped).toEqual([
      { row: 3, reason: '3 blank rows (rows 3 to 5, listed once)' },
      { row: 7, reason: '2 blank rows (rows 7 to 8, listed once)' },
    ]);
  });

  it('leaves out a repeated header (two exports pasted one under the other), a grand total and a note', () => {
    const grid: Cell[][] = [
      ['Invoice No', 'Invoice Date', 'Client', 'Revenue'],
      ['INV-2001', d('2026-03-02'), 'Saxon Facilities plc', 1200],
      ['INV-2002', d('2026-03-03'), 'Wessex Dental Ltd', 800],
      ['Invoice No', 'Invoice Date', 'Client', 'Revenue'],
      ['INV-2003', d('2026-04-01'), 'Cobalt Leisure Ltd', 300],
      ['', '', 'Grand total', 2300],
      ['Source: Xero export, 2 May 2026', '', '', ''],
    ];
    const t = findTable(grid);
    expect(t.dataRows).toEqual([1, 2, 4]);
    expect(t.skipped).toEqual([
      { row: 4, reason: 'repeats the column names (a second header row)' },
      { row: 6, reason: 'a totals row ("Grand total"), left out so nothing is counted twice' },
      { row: 7, reason: 'a note, not data (only one cell filled: "Source: Xero export, 2 May 2026")' },
    ]);
  });

  it('keeps a row with "Total" in it when it has its id and date (a product called Total)', () => {
    const grid: Cell[][] = [
      ['Order ID', 'Order Date', 'Product', 'Amount'],
      ['A-100', '2026-01-01', 'Widget', 10],
      ['A-101', '2026-01-02', 'Total', 12],
      ['A-102', '2026-01-03', 'Widget', 14],
    ];
    expect(findTable(grid).dataRows).toEqual([1, 2, 3]);
  });

  it('starts the table where its header starts, names a column without a name by its letter, and tells same-named columns apart', () => {
    const grid: Cell[][] = [
      ['', 'Date', 'Amount', '', 'Date'],
      ['', '2026-01-01', 10, 'x', '2026-01-05'],
      ['', '2026-01-02', 12, 'y', '2026-01-06'],
    ];
    const t = findTable(grid);
    expect(t.firstCol).toBe(1);
    expect(t.lastCol).toBe(4);
    expect(t.headers).toEqual(['Date', 'Amount', 'Column D', 'Date (2)']);
    expect(tableColumns(grid, t)).toEqual([
      ['2026-01-01', '2026-01-02'],
      [10, 12],
      ['x', 'y'],
      ['2026-01-05', '2026-01-06'],
    ]);
  });

  it('copes with ragged rows (shorter than the header)', () => {
    const grid: Cell[][] = [
      ['Date', 'Stars', 'Review', 'Responded'],
      ['Jan 31, 2026', 5],
      ['Jan 30, 2026', 1, 'Never again', 'Yes'],
    ];
    const t = findTable(grid);
    expect(t.dataRows).toEqual([1, 2]);
    expect(tableColumns(grid, t)[3]).toEqual(['', 'Yes']);
  });

  it('reads a one-column table', () => {
    const t = findTable([['Score'], [9], [''], [10], [3]]);
    expect(t.headers).toEqual(['Score']);
    expect(t.dataRows).toEqual([1, 3, 4]);
  });

  it('fails with a clear message when there is no header (only numbers)', () => {
    const grid: Cell[][] = [
      [1, 2, 3],
      [4, 5, 6],
      [7, 8, 9],
    ];
    expect(() => findTable(grid)).toThrow(InputError);
    expect(() => findTable(grid)).toThrow(/no header row found.*add a row of column names/i);
  });

  it('fails with a clear message on a sheet of dates and amounts under a title only', () => {
    const grid: Cell[][] = [
      ['January sales', '', ''],
      [d('2026-01-01'), 10, 5],
      [d('2026-01-02'), 12, 6],
    ];
    expect(() => findTable(grid)).toThrow(/no header row found/);
  });

  it('fails on an empty sheet, and on a header with no data under it', () => {
    expect(() => findTable([])).toThrow(/the sheet is empty/);
    expect(() =>
      findTable([
        ['', ''],
        ['', ''],
      ]),
    ).toThrow(/the sheet is empty/);
    expect(() =>
      findTable([
        ['Date', 'Amount'],
        ['', ''],
      ]),
    ).toThrow(/no header row found.*with data below it/);
  });
});
