import { AppsScriptWorkbook } from '../../../../src/server/adapters/appsscript/appsScriptWorkbook';

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
