import { runFormula } from '../../../../src/functions/runtime';
import { ctx, utc, workbooks } from '../../../helpers/memoryWorkbook';

/** Array results that spill, grow, shrink and come back once unblocked (src/server/adapters/memory/spills.ts). */
const { make } = workbooks();

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
