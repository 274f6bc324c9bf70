import { MemoryWorkbook } from '../../../src/server/adapters/memory/memoryWorkbook';
import { buildScorecard, DEFINITION_KEY, NeedsConfirmation } from '../../../src/server/scorecard/build';
import { detectSheets, suggestDefinition } from '../../../src/server/scorecard/detect';
import { COL } from '../../../src/server/scorecard/layout';
import { parseDefinition } from '../../../src/core/scorecard/definition';
import { columnLetter } from '../../../src/server/scorecard/references';
import { type Cell } from '../../../src/core/values/cell';

/** Six months of sales and feedback, small enough to build in a moment. */
function workbook(): MemoryWorkbook {
  const sales: Cell[][] = [['Order ID', 'Order Date', 'Net Sales', 'Cost', 'Promised Date', 'Delivered Date']];
  for (let i = 0; i < 120; i++) {
    const d = new Date(Date.UTC(2026, Math.floor(i / 20), 1 + (i % 20))).toISOString().slice(0, 10);
    sales.push([`SO-${i}`, d, 100 + (i % 7), 70, d, d]);
  }
  const feedback: Cell[][] = [['Timestamp', 'How likely are you to recommend us to a colleague?', 'How satisfied are you overall?']];
  for (let i = 0; i < 60; i++) {
    const d = new Date(Date.UTC(2026, Math.floor(i / 10), 2 + i)).toISOString().slice(0, 10);
    feedback.push([d, i % 11, i % 7 === 3 ? 'Great' : 'Satisfied']);
  }
  return MemoryWorkbook.fromGrids({ Sales: sales, Feedback: feedback });
}

const at = (col: number, row: number) => `${columnLetter(col)}${row}`;

describe('rebuilding keeps what a manager typed, and asks before it removes anything else', () => {
  test('typed targets and notes survive a rebuild, and are stored with the definition', () => {
    const wb = workbook();
    const def = suggestDefinition(detectSheets(wb));
    const first = buildScorecard(wb, def, 'first');
    const sheet = wb.sheet(first.sheetName)!;
    const npsRow = first.layout.measureRows.nps;
    const revenueRow = first.layout.measureRows.revenue;
    const notesCol = first.layout.notesCol;
    sheet.writeBlock(npsRow, COL.target + 1, [[30]]);
    sheet.writeBlock(revenueRow, COL.target + 1, [['£2,000']]);
    sheet.writeBlock(revenueRow, notesCol + 1, [['Price rise in March']]);
    const second = buildScorecard(wb, def, 'second');
    expect(wb.computedAt(second.sheetName, at(COL.target, second.layout.measureRows.nps))).toBe(30);
    expect(wb.computedAt(second.sheetName, at(COL.target, second.layout.measureRows.revenue))).toBe(2000);
    expect(wb.computedAt(second.sheetName, at(notesCol, second.layout.measureRows.revenue))).toBe('Price rise in March');
    const stored = parseDefinition(JSON.parse(wb.getSetting(DEFINITION_KEY)!));
    expect(stored.targets).toMatchObject({ nps: 30, revenue: 2000 });
    expect(stored.notes).toEqual({ revenue: 'Price rise in March' });
  });

  test('a target changed in the wizard wins over the one typed before', () => {
    const wb = workbook();
    const def = suggestDefinition(detectSheets(wb));
    const first = buildScorecard(wb, def, 'first');
    wb.sheet(first.sheetName)!.writeBlock(first.layout.measureRows.nps, COL.target + 1, [[30]]);
    const second = buildScorecard(wb, { ...def, targets: { nps: 40 } }, 'second');
    expect(wb.computedAt(second.sheetName, at(COL.target, second.layout.measureRows.nps))).toBe(40);
  });

  test('a cell the builder did not write stops the rebuild with a question; force rebuilds', () => {
    const wb = workbook();
    const def = suggestDefinition(detectSheets(wb));
    const first = buildScorecard(wb, def, 'first');
    wb.sheet(first.sheetName)!.writeBlock(3, 3, [['my own remark']]);
    let asked: NeedsConfirmation | null = null;
    try {
      buildScorecard(wb, def, 'second');
    } catch (e) {
      asked = e as NeedsConfirmation;
    }
    expect(asked).toBeInstanceOf(NeedsConfirmation);
    expect(asked!.cells).toEqual(['C3']);
    expect(asked!.message).toMatch(/^You added things to "Scorecard" \(C3\)\. Rebuilding replaces that sheet/);
    // Nothing was written: the remark is still there.
    expect(wb.computedAt(first.sheetName, 'C3')).toBe('my own remark');
    const forced = buildScorecard(wb, def, 'third', [], { force: true });
    expect(wb.computedAt(forced.sheetName, 'C3')).toBe('');
  });
});

describe('status tells the truth', () => {
  test('a value equal to its target at the precision shown is on track; the period of the latest value is named', () => {
    const wb = workbook();
    const def = suggestDefinition(detectSheets(wb));
    const built = buildScorecard(wb, def, 'now');
    const row = built.layout.measureRows.margin_pct;
    const latest = wb.computedAt(built.sheetName, at(COL.latest, row)) as number;
    // A target equal to the latest value as shown (0.0%), a hair above the value itself.
    const shown = Math.round(latest * 1000) / 1000;
    wb.sheet(built.sheetName)!.writeBlock(row, COL.target + 1, [[shown + 0.00004]]);
    expect(wb.computedAt(built.sheetName, at(COL.status, row))).toBe('On track');
    wb.sheet(built.sheetName)!.writeBlock(row, COL.target + 1, [[latest * 1.05]]);
    expect(wb.computedAt(built.sheetName, at(COL.status, row))).toBe('At risk');
    wb.sheet(built.sheetName)!.writeBlock(row, COL.target + 1, [[latest * 1.5]]);
    expect(wb.computedAt(built.sheetName, at(COL.status, row))).toBe('Off track');
    expect(wb.computedAt(built.sheetName, at(COL.period, row))).toBe('2026-06');
  });

  test('a cell that cannot be read fails its own measure, named with its sheet row; the rest is built', () => {
    const wb = workbook();
    const def = suggestDefinition(detectSheets(wb));
    const built = buildScorecard(wb, def, 'now');
    expect(built.problems).toEqual([
      {
        measure: 'csat',
        problem: expect.stringMatching(/^sheet row 5 of "Feedback" column "How satisfied are you overall\?" holds "Great"/),
      },
    ]);
    const row = built.layout.measureRows.csat;
    expect(wb.computedAt(built.sheetName, at(COL.status, row))).toBe('Check the data');
    expect(String(wb.computedAt(built.sheetName, at(COL.trend, row)))).toMatch(/^sheet row 5 of satisfaction holds "Great"/);
    expect(typeof wb.computedAt(built.sheetName, at(COL.latest, built.layout.measureRows.nps))).toBe('number');
  });
});
