import { parseJsonTable } from '../../src/core/tables/json';
import { text, vendorSuite } from './suite';

vendorSuite('delighted', (v) => {
  test('created_at in Unix seconds is read as the UTC day (31 Oct 23:41 is October, 1 Nov 00:00:05 is November)', () => {
    const [header, ...rows] = parseJsonTable(text(v));
    const at = header.indexOf('created_at');
    const shown = rows.map((r) => r[at]);
    expect(shown).toContain('2024-10-31 23:41:00');
    expect(shown).toContain('2024-11-01 00:00:05');
    expect(header).toContain('person_properties.Order ID');
  });
});
