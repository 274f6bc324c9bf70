import { MemoryWorkbook, isDateFormat } from '../../src/server/adapters/memory/memoryWorkbook';
import { parseA1 } from '../../src/server/adapters/memory/a1';
import { parseCsv } from '../../src/server/adapters/memory/csv';
import { closeOpenRanges } from '../../src/server/adapters/memory/openRanges';
import { hyperFormulaPatched } from '../../src/server/adapters/memory/hfPatch';
import { ianaZone } from '../../src/server/adapters/memory/zone';
import { FUNCTIONS } from '../../src/functions/registry';
import { runFormula } from '../../src/functions/runtime';
import { contextFor } from '../../src/functions/context';
import { UTC_ZONE } from '../../src/core/time/zone';
import type { Block, SheetPort, WorkbookPort } from '../../src/server/ports/workbook';

const NOW = Date.UTC(2026, 5, 15, 12);
const ctx = contextFor({ zone: UTC_ZONE, locale: 'en_GB', now: () => NOW });
const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

let open: MemoryWorkbook[] = [];
function make(grids: Parameters<typeof MemoryWorkbook.fromGrids>[0] = {}): MemoryWorkbook {
  const wb = MemoryWorkbook.fromGrids(grids, { now: () => NOW });
  open.push(wb);
  return wb;
}
afterEach(() => {
  open.forEach((wb) => wb.destroy());
  open = [];
});

const SCORES = [['Score'], [10], [9], [3], [7], [0]];

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

  test('=NPS(A2:A6) over numbers computes the same as calling the registry directly', () => {
    const wb = make({ Data: SCORES });
    wb.sheet('Data')!.writeBlock(1, 3, [['=NPS(A2:A6)']]);
    const direct = runFormula('NPS', [SCORES.slice(1)], ctx);
    expect(direct).toBe(0); // 2 promoters, 2 detractors of 5
    expect(wb.computedAt('Data', 'C1')).toBe(direct);
  });

  test('NPS over messy text matches the registry as well', () => {
    const answers = [['10 - Extremely likely'], [''], [8], ['0 - Not at all likely'], [9], ['9']];
    const wb = make({ Data: answers });
    wb.sheet('Data')!.writeBlock(1, 2, [['=NPS(A1:A6)']]);
    expect(wb.computedAt('Data', 'B1')).toBe(runFormula('NPS', [answers], ctx));
  });

  test('every formula of the registry is registered (none is an unknown name)', () => {
    const wb = make();
    const s = wb.insertSheet('S');
    s.writeBlock(1, 1, [FUNCTIONS.map((f) => `=${f.name}()`)]);
    const row = wb.computedValues('S')[0];
    FUNCTIONS.forEach((f, i) => {
      expect(row[i]).not.toBe('#NAME?');
      const err = wb.errorAt('S', `${String.fromCharCode(65 + i)}1`);
      if (err !== null) expect(err.startsWith(`${f.name}:`)).toBe(true);
    });
  });

  test('an input error shows #ERROR! with the formula’s own message', () => {
    const wb = make({ Data: [['x'], ['soon']] });
    const s = wb.sheet('Data')!;
    s.writeBlock(1, 2, [['=NPS(A1:A2)', '=NPS(A1:A2, 1, 2)']]);
    expect(wb.computedAt('Data', 'B1')).toBe('#ERROR!');
    expect(wb.errorAt('Data', 'B1')).toMatch(/^NPS: /);
    expect(wb.errorAt('Data', 'C1')).toBe('NPS: takes at most 1 arguments (scores) but got 3');
  });
});

describe('open-ended ranges (B2:B), which Sheets has and HyperFormula lacks', () => {
  test('cover the grid, follow rows pasted past it, and read back as written', () => {
    const wb = make({ Data: SCORES });
    const out = wb.insertSheet('Out');
    out.writeBlock(1, 1, [['=SUM(Data!A2:A)', "=NPS('Data'!$A$2:$A)", '=COUNTIF(Data!A2:A, "A2:A")']]);
    expect(wb.computedValues('Out')).toEqual([[29, 0, 0]]);
    expect(wb.formulaAt('Out', 'A1')).toBe('=SUM(Data!A2:A)');
    expect(wb.formulaAt('Out', 'B1')).toBe("=NPS('Data'!$A$2:$A)");
    const data = wb.sheet('Data')!;
    data.writeBlock(500, 1, [[10]]);
    expect(wb.computedAt('Out', 'A1')).toBe(39);
    data.writeBlock(2500, 1, [[10]]); // past the 1000-row grid of a new sheet: the grid grows, as in Sheets
    expect(wb.computedValues('Out')[0]).toEqual([49, runFormula('NPS', [[[10], [9], [3], [7], [0], [10], [10]]], ctx), 0]);
    expect(wb.formulaAt('Out', 'A1')).toBe('=SUM(Data!A2:A)');
    out.writeBlock(1, 1, [[5]]);
    expect(wb.formulaAt('Out', 'A1')).toBeNull();
  });

  test('closeOpenRanges closes references, not text', () => {
    const grid = (sheet: string | null) => (sheet === "O'Neill" ? 2000 : 1000);
    expect(closeOpenRanges('=SUM(B4:B, C:C, D2:D9) & "E4:E"', grid)).toEqual({
      text: '=SUM(B4:B1000, C:C, D2:D9) & "E4:E"',
      sheets: [null],
    });
    expect(closeOpenRanges("=F('O''Neill'!$A$2:$C, Data!A5:A)", grid)).toEqual({
      text: "=F('O''Neill'!$A$2:$C$2000, Data!A5:A1000)",
      sheets: ["O'Neill", 'Data'],
    });
    expect(closeOpenRanges('=SUM(A1:B2)', grid)).toBeNull();
  });
});

describe('HyperFormula speed fix (memory/hfPatch.ts)', () => {
  test('formulas entered again and removed still leave a correct graph', () => {
    const wb = make({ D: Array.from({ length: 3000 }, (_, i) => [i + 1]) });
    const s = wb.insertSheet('S');
    expect(typeof hyperFormulaPatched()).toBe('boolean');
    s.writeBlock(1, 1, [['=SUM(D!A1:A3000)', '=SUM(D!A1:A3000)']]);
    s.writeBlock(1, 1, [['=SUM(D!A1:A3000)', 7]]); // enters one again, removes the other
    wb.sheet('D')!.writeBlock(1, 1, [[1001]]);
    expect(wb.computedValues('S')).toEqual([[4501500 + 1000, 7]]);
    s.writeBlock(1, 1, [[null, null]]);
    wb.sheet('D')!.writeBlock(2, 1, [[0]]);
    expect(s.readValues()).toEqual([]);
    s.writeBlock(1, 1, [['=SUM(D!A1:A2)']]);
    expect(wb.computedAt('S', 'A1')).toBe(1001);
  });
});

describe('array results', () => {
  const SALES = [
    ['Date', 'Amount'],
    ['2026-01-15', 5],
    ['2026-01-31', 7],
    ['2026-02-03', 1],
  ];

  test('=PERIOD_SERIES(...) spills a table the size of its result', () => {
    const wb = make({ Data: SALES });
    const out = wb.insertSheet('Out');
    out.writeBlock(1, 1, [['=PERIOD_SERIES(Data!A2:A4, Data!B2:B4, "month")']]);
    const direct = runFormula(
      'PERIOD_SERIES',
      [
        SALES.slice(1).map((r) => [utc(...(String(r[0]).split('-').map(Number) as [number, number, number]))]),
        SALES.slice(1).map((r) => [r[1]]),
        'month',
      ],
      ctx,
    );
    expect(wb.computedValues('Out')).toEqual(direct);
    expect(wb.computedValues('Out')).toEqual([
      ['Period', 'Value'],
      ['2026-01', 12],
      ['2026-02', 1],
    ]);
    expect(wb.formulaAt('Out', 'A1')).toMatch(/^=PERIOD_SERIES/);
    expect(wb.formulaAt('Out', 'B3')).toBeNull(); // a spilled cell holds no formula
  });

  test('the spill grows and shrinks with the data', () => {
    const wb = make({ Data: SALES });
    const out = wb.insertSheet('Out');
    out.writeBlock(2, 2, [['=PERIOD_SERIES(Data!A2:A100, Data!B2:B100, "month")']]);
    const data = wb.sheet('Data')!;
    data.writeBlock(5, 1, [[utc(2026, 5, 20), 4]]);
    expect(wb.computedValues('Out').map((r) => r.slice(1))).toEqual([
      ['', ''],
      ['Period', 'Value'],
      ['2026-01', 12],
      ['2026-02', 1],
      ['2026-03', 0],
      ['2026-04', 0],
      ['2026-05', 4],
    ]);
    data.writeBlock(5, 1, [[null, null]]);
    expect(wb.computedValues('Out')).toHaveLength(4);
    expect(wb.computedAt('Out', 'C4')).toBe(1);
  });

  test('a spill blocked by a value shows #REF! (as Sheets) and comes back once the way is clear', () => {
    const wb = make({ Data: SALES });
    const out = wb.insertSheet('Out');
    out.writeBlock(1, 1, [['=PERIOD_SERIES(Data!A2:A4, Data!B2:B4)']]);
    out.writeBlock(3, 2, [['in the way']]);
    expect(wb.computedAt('Out', 'A1')).toBe('#REF!');
    out.writeBlock(3, 2, [[null]]);
    expect(wb.computedAt('Out', 'A1')).toBe('Period');
    expect(wb.computedAt('Out', 'B3')).toBe(1);
  });

  test('IFERROR passes a spilled table through, as in Sheets', () => {
    const wb = make({ Data: SALES });
    const out = wb.insertSheet('Out');
    out.writeBlock(1, 1, [['=IFERROR(PERIOD_SERIES(Data!A2:A4, Data!B2:B4), "no data")']]);
    expect(wb.computedValues('Out')).toHaveLength(3);
    expect(wb.computedAt('Out', 'B2')).toBe(12);
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
    const wb = MemoryWorkbook.fromGrids({ Data: [['2026-07-01']] }, { zone: london });
    open.push(wb);
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
    expect(isDateFormat('d mmm yyyy')).toBe(true);
    expect(isDateFormat('[Red]0.0')).toBe(false);
    expect(isDateFormat('"days" 0')).toBe(false);
  });
});

describe('Sheets functions the scorecard uses', () => {
  test('HyperFormula has IFERROR, INDEX, FILTER, COUNTIFS, SUMIFS, ARRAYFORMULA, TEXT, EOMONTH, DATE', () => {
    const wb = make({
      D: [
        ['a', 1],
        ['b', 2],
        ['a', 3],
      ],
    });
    const s = wb.insertSheet('S');
    s.writeBlock(1, 1, [
      [
        '=IFERROR(1/0, "none")',
        '=INDEX(D!B1:B3, 2)',
        '=COUNTIFS(D!A1:A3, "a")',
        '=SUMIFS(D!B1:B3, D!A1:A3, "a")',
        '=TEXT(DATE(2026,1,31), "yyyy-mm-dd")',
        '=EOMONTH(DATE(2026,2,10), 0)',
        '=AVERAGEIFS(D!B1:B3, D!A1:A3, "a")',
        '=SPARKLINE(D!B1:B3)',
      ],
    ]);
    s.writeBlock(3, 1, [['=FILTER(D!B1:B3, D!A1:A3="a")', '=ARRAYFORMULA(D!B1:B3*10)']]);
    expect(wb.computedValues('S')[0]).toEqual(['none', 2, 2, 4, '2026-01-31', 46081, 2, '']);
    expect(
      wb
        .computedValues('S')
        .slice(2)
        .map((r) => r.slice(0, 2)),
    ).toEqual([
      [1, 10],
      [3, 20],
      ['', 30],
    ]);
  });

  test('stand-ins follow Sheets: TEXT format codes, TODAY from the workbook clock, TRUE and FALSE literals', () => {
    const wb = make({
      D: [
        ['a', 1],
        ['b', 2],
      ],
    });
    const s = wb.insertSheet('S');
    s.writeBlock(1, 1, [
      [
        '=TEXT(DATE(2026,1,31), "mmm yyyy")',
        '=TEXT(0.256, "0.0%")',
        '=TEXT(1234.5, "£#,##0.00")',
        '=TEXT(-5, "+0;-0;0")',
        '=TODAY()',
        '=VLOOKUP("b", D!A1:B2, 2, FALSE)',
        '=IF(TRUE, "yes", "no")',
      ],
    ]);
    expect(wb.computedValues('S')[0]).toEqual(['Jan 2026', '25.6%', '£1,234.50', '-5', 25569 + Math.floor(NOW / 86400000), 2, 'yes']);
    expect(wb.valueAt('S', 'E1')).toEqual(utc(2026, 6, 15));
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
    const wb = MemoryWorkbook.fromCsv({ Sales: csv });
    open.push(wb);
    expect(wb.sheet('Sales')!.readValues()).toEqual([
      ['Date', 'Customer', 'Amount', 'Note'],
      [utc(2026, 1, 31), 'Ashworth, Booth & Co', 12.5, "=cmd|' /C calc'!A0"],
      [utc(2026, 2, 1), "Gemma O'Neill", 1, 'two\nlines'],
    ]);
    expect(wb.formulaAt('Sales', 'D2')).toBeNull();
    expect(wb.callsByMethod).toEqual({ sheet: 1, readValues: 1 }); // seeding is not counted
  });

  test('parseCsv follows RFC 4180', () => {
    expect(parseCsv('a,"b ""q"", c",\r\n,,\n"x\r\ny"')).toEqual([['a', 'b "q", c', ''], ['', '', ''], ['x\r\ny']]);
    expect(parseCsv('\ufeffa\n')).toEqual([['a']]);
    expect(() => parseCsv('"open')).toThrow(/quoted/);
  });

  test('parseA1 reads cells, ranges and open ends', () => {
    expect(parseA1('B2')).toEqual({ row: 1, col: 1, endRow: 2, endCol: 2 });
    expect(parseA1('B2:D9')).toEqual({ row: 1, col: 1, endRow: 9, endCol: 4 });
    expect(parseA1('A2:A')).toEqual({ row: 1, col: 0, endRow: Infinity, endCol: 1 });
    expect(parseA1('C:C')).toEqual({ row: 0, col: 2, endRow: Infinity, endCol: 3 });
    expect(parseA1('AA10')).toEqual({ row: 9, col: 26, endRow: 10, endCol: 27 });
    expect(() => parseA1('Sheet1!A1')).toThrow();
  });
});
