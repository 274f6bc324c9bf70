import { MemoryWorkbook } from '../../../../src/server/adapters/memory/memoryWorkbook';
import { METADATA_KEYS, METADATA_MAX_CHARS, SettingsTooLarge } from '../../../../src/server/ports/workbook';
import { FOOTPRINT_KEY, buildScorecard, DEFINITION_KEY, SCORECARD_TAG } from '../../../../src/server/scorecard/build';
import { detectSheets, suggestDefinition } from '../../../../src/server/scorecard/detect';
import { createHandlers, dispatch } from '../../../../src/server/handlers';
import { parseDefinition } from '../../../../src/core/scorecard/definition';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Where settings live: developer metadata with DOCUMENT visibility, which every Cloud project that opens
 * the spreadsheet sees, so that moving the script to a standard Cloud project loses no tag and builds no
 * second scorecard; entries older versions wrote with PROJECT visibility are moved to DOCUMENT when read;
 * and a setting too large for the spreadsheet is refused before anything is written.
 */
const csv = (name: string) => readFileSync(join(__dirname, '..', '..', '..', '..', 'examples', 'data', name), 'utf8');
const examples = () => MemoryWorkbook.fromCsv({ Sales: csv('sales.csv'), Feedback: csv('feedback.csv') });
const scorecards = (wb: MemoryWorkbook) => wb.sheetNames().filter((n) => wb.getSheetTag(n) === SCORECARD_TAG);

describe('settings that survive a change of Cloud project', () => {
  test('written with DOCUMENT visibility: after the script moves to another project, the rebuild finds its scorecard (one, not two)', () => {
    const wb = examples();
    const def = suggestDefinition(detectSheets(wb));
    buildScorecard(wb, def, 'x');
    expect(wb.metadataEntries().every((e) => e.visibility === 'DOCUMENT')).toBe(true);
    wb.switchProject('leadlag-prod');
    expect(wb.getSetting(DEFINITION_KEY)).toBe(JSON.stringify(def));
    buildScorecard(wb, def, 'y');
    expect(scorecards(wb)).toEqual(['Scorecard']);
  });

  test('what older versions wrote (PROJECT visibility) is moved to DOCUMENT when read, before the move; unread, it is lost to the new project', () => {
    const migrated = examples();
    const def = suggestDefinition(detectSheets(migrated));
    buildScorecard(migrated, def, 'x');
    migrated.asWrittenByOlderVersion();
    // The new version runs once under the old project (any call that reads the settings and tags):
    const h = createHandlers({ wb: migrated, spreadsheetName: () => 'x', timestamp: () => 'x', withLock: (f) => f() });
    expect(dispatch(h, 'home', {})).toMatchObject({ scorecard: { sheet: 'Scorecard' }, hasDefinition: true });
    // (The rebuild's footprint came after the older versions: they never wrote it, so nothing needs to move it.)
    expect(
      migrated
        .metadataEntries()
        .filter((e) => e.visibility === 'PROJECT' && !e.key.endsWith(FOOTPRINT_KEY))
        .map((e) => e.key),
    ).toEqual([]);
    migrated.switchProject('leadlag-prod');
    buildScorecard(migrated, def, 'y');
    expect(scorecards(migrated)).toEqual(['Scorecard']);

    // The same spreadsheet moved without a run of this version in between: the old entries are invisible.
    const lost = examples();
    buildScorecard(lost, def, 'x');
    lost.asWrittenByOlderVersion();
    lost.switchProject('leadlag-prod');
    expect(lost.getSetting(DEFINITION_KEY)).toBeNull();
    expect(lost.getSheetTag('Scorecard')).toBeNull();
  });

  test('an old PROJECT entry beside a new DOCUMENT one: the DOCUMENT one wins and the old one goes', () => {
    const wb = MemoryWorkbook.fromGrids({ S: [['a']] });
    wb.seedMetadata({ key: METADATA_KEYS.settingPrefix + 'k', value: 'old', visibility: 'PROJECT' });
    wb.setSetting('k', 'new');
    expect(wb.getSetting('k')).toBe('new');
    expect(wb.metadataEntries()).toEqual([
      expect.objectContaining({ key: METADATA_KEYS.settingPrefix + 'k', value: 'new', visibility: 'DOCUMENT' }),
    ]);
    wb.seedMetadata({ key: METADATA_KEYS.sheetTag, value: 'leadlag:tracker', visibility: 'PROJECT', project: 'someone-else', sheet: 'S' });
    expect(wb.getSheetTag('S')).toBeNull(); // another project's PROJECT entry is never seen
  });
});

describe('sizes checked against what Sheets keeps', () => {
  test(`a setting over the ${METADATA_MAX_CHARS} characters of a spreadsheet's metadata is refused, and the room says how much is left`, () => {
    const wb = new MemoryWorkbook();
    const key = 'leadlag.scorecard.definition';
    const room = wb.settingRoom(key);
    expect(room).toBe(METADATA_MAX_CHARS - (METADATA_KEYS.settingPrefix + key).length);
    wb.setSetting(key, 'x'.repeat(room));
    expect(() => wb.setSetting(key, 'x'.repeat(room + 1))).toThrow(SettingsTooLarge);
    expect(() => wb.setSetting('other', 'y')).toThrow(SettingsTooLarge); // the spreadsheet is full
    expect(wb.getSetting(key)).toHaveLength(room);
  });

  test('the stored definition’s size is checked before the scorecard is built: a definition that could not be kept builds nothing', () => {
    const long = (s: string) => `${s} ${'(as exported from the shop, with every detail the export adds) '.repeat(170)}`;
    const wb = MemoryWorkbook.fromGrids({
      Sales: [
        [long('Order date'), long('Customer'), long('Amount')],
        ['2026-01-05', 'Acme', 120],
        ['2026-02-05', 'Brill', 80],
      ],
    });
    const def = parseDefinition({
      version: 1,
      sources: { sales: { sheet: 'Sales', columns: { date: long('Order date'), customer: long('Customer'), amount: long('Amount') } } },
    });
    expect(JSON.stringify(def).length).toBeGreaterThan(METADATA_MAX_CHARS);
    expect(() => buildScorecard(wb, def, 'x')).toThrow(
      /The scorecard needs [\d,]+ characters of settings, and this spreadsheet has room for [\d,]+/,
    );
    expect(wb.sheetNames()).toEqual(['Sales']);
    const h = createHandlers({ wb, spreadsheetName: () => 'x', timestamp: () => 'x', withLock: (f) => f() });
    expect(() => dispatch(h, 'buildScorecard', { definition: def })).toThrow(
      /Nothing was changed: choose fewer measures or shorter column headers/,
    );
  });
});
