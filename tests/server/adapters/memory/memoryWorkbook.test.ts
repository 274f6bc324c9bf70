import { MemoryWorkbook } from '../../../../src/server/adapters/memory/memoryWorkbook';
import { ianaZone } from '../../../../src/server/adapters/memory/zone';
import type { Block, SheetPort, WorkbookPort } from '../../../../src/server/ports/workbook';
import { SCORES, utc, workbooks } from '../../../helpers/memoryWorkbook';

/**
 * The memory workbook through its port (src/server/adapters/memory/memoryWorkbook.ts and memorySheet.ts):
 * values in and out as Sheets gives them, layout kept per sheet, every call counted. The parts with files of
 * their own are tested beside them: plugins, openFormulas, openRanges, spills, hfPatch, layout, a1, csv.
 */
const { make, keep } = workbooks();

describe('values and formulas', () => {
  test('writes a mixed block in one call and reads computed values back', () => {
    const wb = make({ Data: SCORES });
    const out = wb.insertSheet('Out');
    out.writeBlock(1, 1, [
      ['Total', '=SUM(Data!A2:A6)', { formula: 'AVERAGE(Data!A2:A6)' }],
      [{ text: 'Max' }, '=MAX(Data!A2:A6)', null],
    ]);
    expect(wb.computedValues('Out')).toEqual([
      ['Total', 29, 5.8],
      ['Max', 10, ''],
    ]);
    expect(wb.formulaAt('Out', 'B1')).toBe('=SUM(Data!A2:A6)');
    expect(wb.formulaAt('Out', 'C1')).toBe('=AVERAGE(Data!A2:A6)');
    expect(wb.formulaAt('Out', 'A1')).toBeNull();
    expect(wb.callsByMethod.writeBlock).toBe(1);
  });

  test('formulas follow new data, as Sheets recalculates', () => {
    const wb = make({ Data: SCORES });
    const out = wb.insertSheet('Out');
    out.writeBlock(1, 1, [['=SUM(Data!A2:A100)']]);
    wb.sheet('Data')!.writeBlock(7, 1, [[1], [2]]);
    expect(wb.computedAt('Out', 'A1')).toBe(32);
  });
});

describe('text stays text', () => {
  test('{ text } is never a formula, number, date or boolean', () => {
    const wb = make();
    const s = wb.insertSheet('S');
    const texts = [
      '=HYPERLINK("x")',
      "'quoted",
      '00123',
      'TRUE',
      '+44 20 7946 0000',
      '-',
      '@home',
      '1/2',
      '50%',
      '$5',
      '2026-01-31',
      '#N/A',
    ];
    s.writeBlock(1, 1, [texts.map((text) => ({ text }))]);
    expect(s.readValues()).toEqual([texts]);
    expect(wb.formulaAt('S', 'A1')).toBeNull();
  });

  test('plain strings are entered as typed, as Sheets setValues does', () => {
    const wb = make();
    const s = wb.insertSheet('S');
    s.writeBlock(1, 1, [['00123', 'TRUE', '=1+2', "'=1+2", '2026-01-31']]);
    expect(s.readValues()).toEqual([[123, true, 3, '=1+2', utc(2026, 1, 31)]]);
  });
});

describe('dates', () => {
  test('date cells read back as Dates at midnight in the spreadsheet zone; formulas get Dates too', () => {
    const wb = make({ Data: [['Date'], ['31/01/2026'], [utc(2026, 2, 1)], ['2026-02-20 14:02:11'], [46053]] });
    const rows = wb.sheet('Data')!.readValues();
    expect(rows.slice(1)).toEqual([[utc(2026, 1, 31)], [utc(2026, 2, 1)], [new Date(Date.UTC(2026, 1, 20, 14, 2, 11))], [46053]]);
    expect(wb.computedAt('Data', 'A2')).toBe(46053); // HyperFormula's own serial number
  });

  test('a non-UTC zone: dates are midnight there, and the port reports the zone', () => {
    const london = ianaZone('Europe/London');
    const wb = keep(MemoryWorkbook.fromGrids({ Data: [['2026-07-01']] }, { zone: london }));
    wb.sheet('Data')!.writeBlock(2, 1, [['=DATE(2026,1,1)']]);
    expect(wb.timeZone()).toBe('Europe/London');
    expect(wb.valueAt('Data', 'A1')).toEqual(new Date(Date.UTC(2026, 5, 30, 23))); // BST: UTC+1
    expect(wb.valueAt('Data', 'A2')).toEqual(utc(2026, 1, 1)); // GMT
    wb.sheet('Data')!.writeBlock(3, 1, [[new Date(Date.UTC(2026, 5, 30, 23))]]);
    expect(wb.computedAt('Data', 'A3')).toBe(wb.computedAt('Data', 'A1'));
  });

  test('a date number format makes a number read back as a Date', () => {
    const wb = make({ S: [[46053, 46053]] });
    wb.sheet('S')!.setNumberFormats(1, 1, [['yyyy-mm-dd', '0']]);
    expect(wb.sheet('S')!.readValues()).toEqual([[utc(2026, 1, 31), 46053]]);
  });
});

describe('formats and layout', () => {
  test('styles, number formats and conditional rules are kept and resolved per cell', () => {
    const wb = make({ S: [['Status'], ['On track'], ['Behind']] });
    const s = wb.sheet('S')!;
    s.applyStyles([
      { a1: 'A1:B1', bold: true, background: '#eeeeee' },
      { a1: 'A2:A', numberFormat: '0.0' },
    ]);
    s.setConditionalRules([
      { a1: 'A2:A', textEquals: 'on track', background: '#b7e1cd' },
      { a1: 'A2:A', textEquals: 'Behind', background: '#f4c7c3', bold: true },
    ]);
    s.setFrozen(1, 0);
    s.setColumnWidths([{ col: 1, width: 120 }]);
    expect(wb.styleAt('S', 'B1')).toEqual({ bold: true, background: '#eeeeee' });
    expect(wb.styleAt('S', 'A2')).toEqual({ numberFormat: '0.0', background: '#b7e1cd' });
    expect(wb.styleAt('S', 'A3')).toEqual({ numberFormat: '0.0', background: '#f4c7c3', bold: true });
    expect(wb.layoutOf('S')).toMatchObject({ frozen: { rows: 1, cols: 0 }, widths: [{ col: 1, width: 120 }] });
    expect(wb.layoutOf('S').rules).toHaveLength(2);
    s.clear();
    expect(s.readValues()).toEqual([]);
    expect(wb.styleAt('S', 'A2')).toEqual({});
    expect(wb.layoutOf('S').frozen).toEqual({ rows: 1, cols: 0 });
  });

  test('a formula rule is checked for each cell, a text rule by the shown text; clear removes both and the drop-downs', () => {
    const wb = keep(new MemoryWorkbook());
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

  test('blocks must be rectangles and anchors start at 1', () => {
    const wb = make();
    const s = wb.insertSheet('S');
    expect(() => s.writeBlock(1, 1, [[1, 2], [3]])).toThrow(/ragged/);
    expect(() => s.writeBlock(0, 1, [[1]])).toThrow(/start at 1/);
    expect(() => s.writeBlock(1, 1, [])).toThrow(/empty/);
  });
});

describe('call counting', () => {
  /** What a scorecard builder does: a fixed number of block writes whatever the number of data rows. */
  function build(wb: WorkbookPort, dataRows: number): void {
    const data = wb.sheet('Data')!;
    const n = data.readValues().length;
    const sc = wb.insertSheet('Scorecard');
    wb.setSheetTag('Scorecard', 'leadlag:scorecard');
    const last = Math.max(n, 2);
    const block: Block = [
      [{ text: 'Measure' }, { text: 'Value' }],
      [{ text: 'NPS' }, `=NPS(Data!A2:A${last})`],
      [{ text: 'Responses' }, `=COUNT(Data!A2:A${last})`],
    ];
    sc.writeBlock(1, 1, block);
    sc.setNumberFormats(2, 2, [['0'], ['0']]);
    sc.applyStyles([{ a1: 'A1:B1', bold: true }]);
    sc.setFrozen(1, 0);
    sc.setColumnWidths([
      { col: 1, width: 160 },
      { col: 2, width: 80 },
    ]);
    sc.setConditionalRules([]);
    expect(n).toBe(dataRows + 1);
  }

  function seeded(rows: number): MemoryWorkbook {
    return make({ Data: [['Score'], ...Array.from({ length: rows }, (_, i) => [i % 11])] });
  }

  test('every port call is counted, per method; seeding is not', () => {
    const wb = seeded(3);
    expect(wb.calls).toBe(0);
    build(wb, 3);
    expect(wb.callsByMethod).toEqual({
      sheet: 1,
      readValues: 1,
      insertSheet: 1,
      setSheetTag: 1,
      writeBlock: 1,
      setNumberFormats: 1,
      applyStyles: 1,
      setFrozen: 1,
      setColumnWidths: 1,
      setConditionalRules: 1,
    });
    expect(wb.calls).toBe(10);
    wb.resetCalls();
    expect(wb.calls).toBe(0);
  });

  test('the number of calls does not grow with the data rows', () => {
    const small = seeded(10);
    const large = seeded(2000);
    build(small, 10);
    build(large, 2000);
    expect(large.calls).toBe(small.calls);
    expect(large.callsByMethod).toEqual(small.callsByMethod);
    expect(typeof large.computedAt('Scorecard', 'B2')).toBe('number');
  });
});

describe('sheets, tags and settings', () => {
  test('insert, list, find and delete sheets', () => {
    const wb = make({ Data: [[1]] });
    wb.insertSheet('Scorecard');
    expect(wb.sheetNames()).toEqual(['Data', 'Scorecard']);
    expect(() => wb.insertSheet('Scorecard')).toThrow(/already exists/);
    expect(wb.sheet('Nope')).toBeNull();
    const sc: SheetPort = wb.sheet('Scorecard')!;
    expect(sc.name).toBe('Scorecard');
    wb.deleteSheet('Scorecard');
    expect(wb.sheetNames()).toEqual(['Data']);
    expect(() => sc.readValues()).toThrow(/deleted/);
    expect(() => wb.deleteSheet('Scorecard')).toThrow(/no sheet/);
  });

  test('tags mark the sheets the add-on made; settings are document-wide', () => {
    const wb = make({ Data: [[1]] });
    wb.insertSheet('Scorecard');
    expect(wb.getSheetTag('Scorecard')).toBeNull();
    wb.setSheetTag('Scorecard', 'leadlag:scorecard:v1');
    expect(wb.getSheetTag('Scorecard')).toBe('leadlag:scorecard:v1');
    expect(wb.getSheetTag('Data')).toBeNull();
    expect(wb.getSheetTag('Missing')).toBeNull();
    wb.deleteSheet('Scorecard');
    wb.insertSheet('Scorecard');
    expect(wb.getSheetTag('Scorecard')).toBeNull(); // a new sheet of the same name is not the add-on's
    expect(wb.getSetting('roles')).toBeNull();
    wb.setSetting('roles', '{"A":"date"}');
    expect(wb.getSetting('roles')).toBe('{"A":"date"}');
    expect(wb.locale()).toBe('en_GB');
    expect(wb.timeZone()).toBe('UTC');
  });
});

describe('seeding from CSV', () => {
  test('fromGrids enters data as a paste would, and never as a formula', () => {
    const wb = make({ S: [['=HYPERLINK("x")', '12', '2026-01-31', 'TRUE', utc(2026, 2, 1), '', undefined, null]] });
    expect(wb.sheet('S')!.readValues()).toEqual([['=HYPERLINK("x")', 12, utc(2026, 1, 31), true, utc(2026, 2, 1)]]);
    expect(wb.formulaAt('S', 'A1')).toBeNull();
  });

  test('fromCsv reads quoted fields, dates and numbers; formula-like text stays text', () => {
    const csv =
      'Date,Customer,Amount,Note\r\n31/01/2026,"Ashworth, Booth & Co",12.5,"=cmd|\' /C calc\'!A0"\n2026-02-01,Gemma O\'Neill,£1,"two\nlines"\n';
    const wb = keep(MemoryWorkbook.fromCsv({ Sales: csv }));
    expect(wb.sheet('Sales')!.readValues()).toEqual([
      ['Date', 'Customer', 'Amount', 'Note'],
      [utc(2026, 1, 31), 'Ashworth, Booth & Co', 12.5, "=cmd|' /C calc'!A0"],
      [utc(2026, 2, 1), "Gemma O'Neill", 1, 'two\nlines'],
    ]);
    expect(wb.formulaAt('Sales', 'D2')).toBeNull();
    expect(wb.callsByMethod).toEqual({ sheet: 1, readValues: 1 }); // seeding is not counted
  });
});
