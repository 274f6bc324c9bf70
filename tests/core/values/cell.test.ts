import { dateCellText, showCell, showDatesIn } from '../../../src/core/values/cell';
import { cellText } from '../../../src/core/tables/kinds';
import { keyAccounts } from '../../../src/core/measures/keyAccounts';
import { RUNTIME_ZONE } from '../../../src/core/time/zone';
import { fixedZone } from '../time/testZones';
import { toColumn } from '../../../src/core/values/column';

/**
 * Date cells shown as text in the spreadsheet's zone: Sheets hands them over as the instant of their
 * midnight there, so east of UTC `toISOString()` shows the day before (a Tokyo 2026-01-31 is 2026-01-30T15:00Z).
 */
const TOKYO = fixedZone(9 * 60);
const WEST = fixedZone(-8 * 60);
const midnight = (zone: typeof TOKYO, y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d) - zone.offsetMinutes(0) * 60000);

afterEach(() => showDatesIn(RUNTIME_ZONE));

test('a date cell reads as its own day east and west of UTC, with its time when asked and it has one', () => {
  for (const zone of [TOKYO, WEST, fixedZone(13 * 60), fixedZone(-11 * 60)]) {
    const d = midnight(zone, 2026, 1, 31);
    expect(dateCellText(d, zone)).toBe('2026-01-31');
    expect(dateCellText(d, zone, true)).toBe('2026-01-31');
    expect(dateCellText(new Date(d.getTime() + 9.5 * 3600000), zone, true)).toBe('2026-01-31T09:30:00');
  }
  expect(midnight(TOKYO, 2026, 1, 31).toISOString().slice(0, 10)).toBe('2026-01-30'); // what older versions showed
});

test('messages, headers and customer names quote the day in the zone the entry set', () => {
  showDatesIn(TOKYO);
  const d = midnight(TOKYO, 2026, 1, 31);
  expect(showCell(d)).toBe('the date 2026-01-31');
  expect(cellText(d)).toBe('2026-01-31');
  const accounts = keyAccounts(toColumn([[d], [d]], 'customers'), toColumn([[10], [5]], 'revenue'));
  expect(accounts.map((a) => a.customer)).toEqual(['2026-01-31']);
});
