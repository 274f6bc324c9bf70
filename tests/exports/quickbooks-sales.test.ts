import { skippedOf, vendorSuite } from './suite';

vendorSuite('quickbooks-sales', (v) => {
  test('the report’s title lines, customer headings, "Total for …" and TOTAL rows are left out, so nothing counts twice', () => {
    const skipped = skippedOf(v);
    expect(skipped.filter((s) => /above the header row/.test(s.reason)).map((s) => s.row)).toEqual([1, 2, 3]);
    const totals = skipped.filter((s) => /"Total for|"TOTAL"|totals row/.test(s.reason));
    expect(totals.length).toBeGreaterThanOrEqual(10);
    expect(skipped.find((s) => s.reason.includes('"$45,820.00"') || s.reason.includes('TOTAL'))).toBeDefined();
  });
});
