import { MemoryWorkbook } from '../../../src/server/adapters/memory/memoryWorkbook';
import { shiftFormula } from '../../../src/server/adapters/memory/a1';
import { AppsScriptWorkbook } from '../../../src/server/adapters/appsscript/appsScriptWorkbook';

describe("the workbook port's drop-downs and formula rules", () => {
  test('relative references move with the cell, absolute ones and text stay', () => {
    expect(shiftFormula('=AND($I2<>"", $I2<TODAY(), B$1>0)', 3, 2)).toBe('=AND($I5<>"", $I5<TODAY(), D$1>0)');
    expect(shiftFormula('="A1"&A1&LOG10(A1)', 1, 0)).toBe('="A1"&A2&LOG10(A2)');
    expect(shiftFormula("='My sheet'!C3+Z9", 0, 1)).toBe("='My sheet'!D3+AA9");
  });

  test('in memory: a formula rule is checked for each cell, a text rule by the shown text; clear removes both and the drop-downs', () => {
    const wb = new MemoryWorkbook();
    const s = wb.insertSheet('S');
    s.writeBlock(1, 1, [
      ['n', 'status'],
      [5, 'late'],
      [1, 'ok'],
    ]);
    s.setConditionalRules([
      { a1: 'A2:B', formula: '=$A2>3', background: '#ff0000' },
      { a1: 'B2:B', textEquals: 'OK', background: '#00ff00' },
    ]);
    s.setValidation('B2:B', ['ok', 'late']);
    expect(wb.styleAt('S', 'A2').background).toBe('#ff0000');
    expect(wb.styleAt('S', 'B2').background).toBe('#ff0000');
    expect(wb.styleAt('S', 'A3').background).toBeUndefined();
    expect(wb.styleAt('S', 'B3').background).toBe('#00ff00');
    expect(wb.validationAt('S', 'B900')).toEqual(['ok', 'late']);
    expect(wb.layoutOf('S').validations).toEqual([{ a1: 'B2:B', allowed: ['ok', 'late'] }]);
    expect(() => s.setValidation('B2:B', [])).toThrow();
    s.clear();
    expect(wb.validationAt('S', 'B2')).toBeNull();
    expect(wb.layoutOf('S').rules).toEqual([]);
  });

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
