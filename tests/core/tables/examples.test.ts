/**
 * The example CSVs (examples/data, shaped like real pastes) read by the same code the wizard uses:
 * parseCsv → findTable → suggestRoles. Skipped while the files are absent.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyOverrides, findTable, parseCsv, suggestRoles, tableColumns } from '../../../src/core/tables';

const dir = path.join(__dirname, '../../../examples/data');
const read = (name: string): string[][] => parseCsv(fs.readFileSync(path.join(dir, name), 'utf8'));
const have = (name: string): boolean => fs.existsSync(path.join(dir, name));
const isBlankRow = (r: string[]): boolean => r.every((c) => c.trim() === '');

(have('sales.csv') ? describe : describe.skip)('examples/data/sales.csv', () => {
  const grid = have('sales.csv') ? read('sales.csv') : [];

  it('finds the header under the title, and leaves out the title, blank rows and the totals row', () => {
    const t = findTable(grid);
    expect(t.headerRow).toBe(2);
    expect(t.headers).toEqual([
      'Order ID',
      'Order Date',
      'Customer',
      'Sales Rep',
      'Net Sales (£)',
      'Cost (£)',
      'Qty',
      'Returned Qty',
      'Promised Date',
      'Delivered Date',
      'Discount (£)',
    ]);
    const last = grid.length - 1;
    expect(grid[last][2]).toBe('Total');
    const data = grid.map((r, i) => i).filter((i) => i > 2 && i < last && !isBlankRow(grid[i]));
    expect(t.dataRows).toEqual(data);
    expect(t.skipped[0]).toEqual({ row: 1, reason: 'above the header row (a title or note: "Sales export — Northwind Supplies Ltd")' });
    expect(t.skipped[1]).toEqual({ row: 2, reason: 'blank row' });
    expect(t.skipped.filter((s) => s.reason === 'blank row')).toHaveLength(5);
    expect(t.skipped[t.skipped.length - 1]).toEqual({
      row: last + 1,
      reason: 'a totals row ("Total"), left out so nothing is counted twice',
    });
    expect(t.skipped).toHaveLength(7);
  });

  it('suggests every role from the headers and values', () => {
    const t = findTable(grid);
    const s = suggestRoles(t.headers, tableColumns(grid, t));
    expect(s.map((x) => x.role)).toEqual([
      'order_id',
      'date',
      'customer',
      'rep',
      'amount',
      'cost',
      'quantity',
      'returned',
      'promised_date',
      'delivered_date',
      'discount',
    ]);
    for (const x of s) expect(x.confidence).toBeGreaterThanOrEqual(0.9);
    expect(applyOverrides(s)).toEqual({
      order_id: 0,
      date: 1,
      customer: 2,
      rep: 3,
      amount: 4,
      cost: 5,
      quantity: 6,
      returned: 7,
      promised_date: 8,
      delivered_date: 9,
      discount: 10,
    });
  });
});

(have('feedback.csv') ? describe : describe.skip)('examples/data/feedback.csv', () => {
  it('finds the header on row 1 and suggests the survey roles', () => {
    const grid = read('feedback.csv');
    const t = findTable(grid);
    expect(t.headerRow).toBe(0);
    expect(t.skipped).toEqual([]);
    expect(t.dataRows).toHaveLength(grid.length - 1);
    const s = suggestRoles(t.headers, tableColumns(grid, t));
    expect(s.map((x) => x.role)).toEqual([
      'date',
      'customer',
      'role',
      'referral_score',
      'comparison',
      'satisfaction',
      'comment',
      'comment',
    ]);
    expect(applyOverrides(s)).toMatchObject({
      date: 0,
      customer: 1,
      role: 2,
      referral_score: 3,
      comparison: 4,
      satisfaction: 5,
      comment: 7,
    });
  });
});

(have('reviews.csv') ? describe : describe.skip)('examples/data/reviews.csv', () => {
  it('finds the header on row 1 and suggests the review roles', () => {
    const grid = read('reviews.csv');
    const t = findTable(grid);
    expect(t.headerRow).toBe(0);
    expect(t.dataRows).toHaveLength(grid.length - 1);
    const s = suggestRoles(t.headers, tableColumns(grid, t));
    expect(s.map((x) => x.role)).toEqual(['date', 'stars', 'comment', 'responded']);
  });
});
