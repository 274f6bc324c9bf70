import { FUNCTIONS } from '../../../../src/functions/registry';
import { runFormula } from '../../../../src/functions/runtime';
import { columnLetter } from '../../../../src/core/tables/kinds';
import { NOW, ctx, SCORES, utc, workbooks } from '../../../helpers/memoryWorkbook';

/**
 * The HyperFormula plugins (src/server/adapters/memory/plugins.ts): every formula of the registry runs in
 * a cell exactly as Apps Script runs it, and the stand-ins for the Sheets functions HyperFormula lacks or
 * computes otherwise, with HyperFormula's own functions the scorecard uses beside them.
 */
const { make } = workbooks();

describe('the add-on’s formulas in cells', () => {
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
      const err = wb.errorAt('S', `${columnLetter(i)}1`);
      if (err !== null) expect(err.startsWith(`${f.name}:`)).toBe(true);
    });
  });

  test('an input error shows #ERROR! with the formula’s own message', () => {
    const wb = make({ Data: [['x'], ['soon']] });
    const s = wb.sheet('Data')!;
    s.writeBlock(1, 2, [['=NPS(A1:A2)', '=NPS(A1:A2, 1, 2)']]);
    expect(wb.computedAt('Data', 'B1')).toBe('#ERROR!');
    expect(wb.errorAt('Data', 'B1')).toMatch(/^NPS: /);
    expect(wb.errorAt('Data', 'C1')).toBe('NPS: takes at most 1 argument (scores) but got 3');
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
