import { runFormula } from '../../../../src/functions/runtime';
import { ctx, SCORES, workbooks } from '../../../helpers/memoryWorkbook';

/** Formulas with open-ended ranges in the memory workbook (src/server/adapters/memory/openFormulas.ts). */
const { make } = workbooks();

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
});
