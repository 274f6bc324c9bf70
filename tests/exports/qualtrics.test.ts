import { findTable } from '../../src/core/tables/findTable';
import { tableOfFile } from '../../src/preview/workbook';
import { pathOf } from './helpers';
import { rolesOf, skippedOf, vendorSuite } from './suite';

vendorSuite('qualtrics', (v) => {
  test('three header rows: the ids name the columns, the question texts label them, the ImportId line is left out', () => {
    const t = findTable(tableOfFile(pathOf(v)));
    expect(t).toMatchObject({ headerRow: 0, headerRows: 3 });
    expect(t.labels?.[t.headers.indexOf('Q1')]).toBe('How likely are you to recommend Harbour & Kiln to a friend or colleague?');
    expect(
      skippedOf(v)
        .slice(0, 2)
        .map((s) => s.row),
    ).toEqual([2, 3]);
  });
  test('EndDate is the date, Q1 the score; the derived Q1_NPS_GROUP and RecordedDate are not used', () => {
    expect(rolesOf(v)).toMatchObject({ EndDate: 'date', Q1: 'referral_score', Q2: 'satisfaction', Q1_NPS_GROUP: null, RecordedDate: null });
  });
});
