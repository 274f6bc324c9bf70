import { AppsScriptWorkbook } from '../../../../src/server/adapters/appsscript/appsScriptWorkbook';
import { SettingsTooLarge } from '../../../../src/server/ports/workbook';

/** The workbook port over SpreadsheetApp (src/server/adapters/appsscript/appsScriptWorkbook.ts), against a stand-in that records the calls. */
describe("the workbook port's drop-downs and formula rules", () => {
  test('in Sheets: a list validation and a formula rule, in one call each', () => {
    const calls: string[] = [];
    const rule = { build: () => 'rule' } as Record<string, unknown>;
    const chain = new Proxy(rule, {
      get: (t, k) =>
        k in t ? t[k as string] : (...a: unknown[]) => (calls.push(`${String(k)}(${a.map((x) => JSON.stringify(x)).join(',')})`), chain),
    });
    const range = { setDataValidation: (r: unknown) => calls.push(`setDataValidation(${String(r)})`) };
    const sheet = {
      getRange: (a1: string) => (calls.push(`getRange(${a1})`), range),
      setConditionalFormatRules: (r: unknown[]) => calls.push(`setConditionalFormatRules(${r.length})`),
      getName: () => 'S',
    };
    const g = globalThis as Record<string, unknown>;
    g.SpreadsheetApp = { newDataValidation: () => chain, newConditionalFormatRule: () => chain };
    const ss = { getSheetByName: () => sheet };
    try {
      const s = new AppsScriptWorkbook(ss as never).sheet('S')!;
      s.setValidation('J2:J', ['open', 'done']);
      s.setConditionalRules([{ a1: 'A2:L', formula: 'AND($I2<TODAY())', background: '#fce8e6' }]);
    } finally {
      delete g.SpreadsheetApp;
    }
    expect(calls).toEqual([
      'getRange(J2:J)',
      'requireValueInList(["open","done"],true)',
      'setAllowInvalid(false)',
      'setDataValidation(rule)',
      'setBackground("#fce8e6")',
      'whenFormulaSatisfied("=AND($I2<TODAY())")',
      'getRange(A2:L)',
      'setRanges([{}])',
      'setConditionalFormatRules(1)',
    ]);
  });
});

/** Developer metadata stand-ins: key, value, visibility, and what is done to them. */
function meta(key: string, value: string, visibility: 'DOCUMENT' | 'PROJECT', log: string[], list: unknown[]) {
  const m = {
    getKey: () => key,
    getValue: () => value,
    getVisibility: () => visibility,
    setValue: (v: string) => (log.push(`setValue ${key}=${v}`), (value = v), m),
    setVisibility: (v: 'DOCUMENT' | 'PROJECT') => (log.push(`setVisibility ${key} ${v}`), (visibility = v), m),
    remove: () => (log.push(`remove ${key} ${visibility}`), list.splice(list.indexOf(m), 1)),
  };
  return m;
}

describe('settings and tags in developer metadata with DOCUMENT visibility', () => {
  const g = globalThis as Record<string, unknown>;
  afterEach(() => {
    delete g.SpreadsheetApp;
  });

  function spreadsheet(entries: [string, string, 'DOCUMENT' | 'PROJECT'][]) {
    const log: string[] = [];
    const list: ReturnType<typeof meta>[] = [];
    for (const [k, v, vis] of entries) list.push(meta(k, v, vis, log, list));
    g.SpreadsheetApp = { DeveloperMetadataVisibility: { DOCUMENT: 'DOCUMENT', PROJECT: 'PROJECT' } };
    const ss = {
      getDeveloperMetadata: () => [...list],
      addDeveloperMetadata: (k: string, v: string, vis: string) => (
        log.push(`add ${k}=${v} ${vis}`),
        list.push(meta(k, v, vis as 'DOCUMENT', log, list))
      ),
    };
    return { wb: new AppsScriptWorkbook(ss as never), log, list };
  }

  test('new settings are written DOCUMENT-visible, so that another Cloud project still reads them', () => {
    const { wb, log } = spreadsheet([]);
    wb.setSetting('scorecard.sheet', 'Scorecard');
    expect(log).toEqual(['add leadlag.setting.scorecard.sheet=Scorecard DOCUMENT']);
  });

  test('one an older version wrote PROJECT-visible is moved to DOCUMENT when read (the migration); a PROJECT duplicate of a DOCUMENT one goes', () => {
    const a = spreadsheet([['leadlag.setting.k', 'old', 'PROJECT']]);
    expect(a.wb.getSetting('k')).toBe('old');
    expect(a.log).toEqual(['setVisibility leadlag.setting.k DOCUMENT']);
    const b = spreadsheet([
      ['leadlag.setting.k', 'stale', 'PROJECT'],
      ['leadlag.setting.k', 'current', 'DOCUMENT'],
    ]);
    expect(b.wb.getSetting('k')).toBe('current');
    expect(b.log).toEqual(['remove leadlag.setting.k PROJECT']);
  });

  test('a value that would pass the spreadsheet’s 30,000 characters of metadata is refused before anything is written', () => {
    const { wb, log } = spreadsheet([['leadlag.setting.big', 'x'.repeat(20000), 'DOCUMENT']]);
    expect(wb.settingRoom('other')).toBe(30000 - 'leadlag.setting.big'.length - 20000 - 'leadlag.setting.other'.length);
    expect(() => wb.setSetting('other', 'y'.repeat(10000))).toThrow(SettingsTooLarge);
    expect(log).toEqual([]);
    wb.setSetting('big', 'z'.repeat(29000)); // its own old value counts as free
    expect(log).toEqual([`setValue leadlag.setting.big=${'z'.repeat(29000)}`]);
  });
});
