import type { ChartSpec, SheetPort } from '../../../../src/server/ports/workbook';
import type { MemoryWorkbook } from '../../../../src/server/adapters/memory/memoryWorkbook';
import { workbooks } from '../../../helpers/memoryWorkbook';

/**
 * Charts in the in-memory workbook (src/server/adapters/memory/charts.ts, MemorySheet.setCharts,
 * MemoryWorkbook.charts / chartData): specifications recorded per sheet and checked, and their data read
 * back from the computed cells as the preview draws it.
 */
const { make } = workbooks();

const TREND: ChartSpec = {
  key: 'trend:nps',
  title: 'NPS against its target',
  kind: 'line',
  range: 'A10:E12',
  dashed: [1],
  format: '0',
  colors: ['#1a73e8', '#9aa0a6'],
  anchor: { row: 14, col: 2 },
  width: 480,
  height: 280,
};

/** A sheet "Card" with a chart's data at A10:E12: four periods, NPS with a blank and a text cell, a target. */
function card(): { wb: MemoryWorkbook; sheet: SheetPort } {
  const wb = make();
  const sheet = wb.insertSheet('Card');
  sheet.writeBlock(10, 1, [
    [null, { text: '2026-01' }, { text: '2026-02' }, { text: '2026-03' }, { text: '2026-04' }],
    [{ text: 'NPS' }, 12, null, { text: 'n/a' }, '=20+1'],
    [{ text: 'Target' }, 15, 15, 18, 18],
  ]);
  return { wb, sheet };
}

describe('setCharts records the specifications of a sheet', () => {
  test('in one counted call, replacing what was there; copies go out, so nothing outside changes them', () => {
    const { wb, sheet } = card();
    wb.resetCalls();
    sheet.setCharts!([TREND, { ...TREND, key: 'trend:target', anchor: { row: 30, col: 2 } }]);
    expect(wb.callsByMethod.setCharts).toBe(1);
    expect(wb.charts('Card').map((c) => c.key)).toEqual(['trend:nps', 'trend:target']);
    expect(wb.charts('Card')[0]).toEqual(TREND);
    sheet.setCharts!([{ ...TREND, title: 'Only one' }]);
    expect(wb.charts('Card').map((c) => c.title)).toEqual(['Only one']);
    const got = wb.charts('Card')[0] as unknown as { dashed: number[]; anchor: { row: number } };
    got.dashed.push(0);
    got.anchor.row = 99;
    expect(wb.charts('Card')[0].dashed).toEqual([1]);
    expect(wb.charts('Card')[0].anchor.row).toBe(14);
    expect(wb.layoutOf('Card').charts).toEqual(wb.charts('Card'));
    sheet.setCharts!([]);
    expect(wb.charts('Card')).toEqual([]);
  });

  test('clear() keeps the charts, as Sheets keeps them; only setCharts replaces them', () => {
    const { wb, sheet } = card();
    sheet.setCharts!([TREND]);
    sheet.clear();
    expect(wb.charts('Card')).toEqual([TREND]);
    expect(wb.charts('Card')).not.toBe(wb.charts('Card'));
  });

  test('each sheet has its own', () => {
    const { wb, sheet } = card();
    const other = wb.insertSheet('Other');
    other.writeBlock(10, 1, [
      [null, 'a', 'b', 'c', 'd'],
      ['x', 1, 2, 3, 4],
      ['y', 1, 2, 3, 4],
    ]);
    sheet.setCharts!([TREND]);
    other.setCharts!([{ ...TREND, key: 'other' }]);
    expect(wb.charts('Card').map((c) => c.key)).toEqual(['trend:nps']);
    expect(wb.charts('Other').map((c) => c.key)).toEqual(['other']);
  });
});

describe('a bad specification is refused with what to change, and the charts stay as they were', () => {
  const cases: [string, Partial<ChartSpec> | ((c: ChartSpec) => ChartSpec[]), RegExp][] = [
    ['no key', { key: ' ' }, /has no key: give each chart a stable name/],
    ['a key twice', (c) => [c, { ...c, title: 'again' }], /Two charts on "Card" have the key "trend:nps"/],
    ['not a range', { range: 'A10:E12:F1' }, /"A10:E12:F1" is not a range/],
    ['an open-ended range', { range: 'A10:E' }, /"A10:E" is open-ended/],
    ['a single row: no series', { range: 'A10:E10' }, /A10:E10 is 1 × 5 cells.*at least 2 rows and 2 columns/],
    ['a single column: no period', { range: 'A10:A12' }, /is 3 × 1 cells/],
    ['past the grid', { range: 'A998:E1001' }, /reaches E1001, past the sheet's grid \(1000 rows, 26 columns\)/],
    ['past the last column', { range: 'Y10:AB12' }, /reaches AB12, past the sheet's grid/],
    ['a series that does not exist', { dashed: [2] }, /dashed names series 2, and A10:E12 holds 2 series \(numbered 0 to 1/],
    ['a negative index', { rightAxis: [-1] }, /rightAxis names series -1/],
    ['a fractional index', { lines: [0.5] }, /lines names series 0.5/],
    ['a dashed column', { kind: 'column', dashed: [1] }, /series 1 is dashed but drawn as a column/],
    ['every series on the right', { rightAxis: [0, 1] }, /every series is on the right axis/],
    ['an unknown kind', { kind: 'pie' as never }, /kind "pie" is not one of line, column/],
    ['a colour by name', { colors: ['red'] }, /the colour of series 0, "red", is not #rrggbb/],
    ['more colours than series', { colors: ['#000000', '#111111', '#222222'] }, /3 colours for 2 series/],
    ['anchor row 0', { anchor: { row: 0, col: 2 } }, /its anchor must be a cell, row and column counted from 1 \(got row 0, column 2\)/],
    ['anchor past the grid', { anchor: { row: 1001, col: 1 } }, /its anchor A1001 is past the sheet's grid/],
    ['no width', { width: 0 }, /its width must be a whole number of pixels above 0 \(got 0\)/],
    ['a fractional height', { height: 280.5 }, /its height must be a whole number/],
    ['an empty format', { format: ' ' }, /format must be a number format/],
  ];
  test.each(cases)('%s', (_name, change, message) => {
    const { wb, sheet } = card();
    const before: ChartSpec = { ...TREND, key: 'before' };
    sheet.setCharts!([before]);
    const charts = typeof change === 'function' ? change(TREND) : [{ ...TREND, ...change }];
    expect(() => sheet.setCharts!(charts)).toThrow(message);
    expect(wb.charts('Card')).toEqual([before]);
  });

  test('the message names the chart and the sheet', () => {
    const { sheet } = card();
    expect(() => sheet.setCharts!([{ ...TREND, dashed: [5] }])).toThrow(/^Chart "trend:nps" on "Card": /);
  });

  test('a range past the grid is fine once the data has grown it', () => {
    const { wb, sheet } = card();
    sheet.writeBlock(1200, 1, [
      [null, 'a', 'b'],
      ['x', 1, 2],
    ]);
    sheet.setCharts!([{ ...TREND, range: 'A1200:C1201', dashed: [], colors: [], anchor: { row: 1199, col: 1 } }]);
    expect(wb.charts('Card')[0].range).toBe('A1200:C1201');
  });
});

describe('chartData reads a chart from the computed cells', () => {
  test('the domain as shown, each series by name, a number per period and null where a line has a gap', () => {
    const { wb, sheet } = card();
    sheet.setCharts!([TREND]);
    expect(wb.chartData('Card', 'trend:nps')).toEqual({
      domain: ['2026-01', '2026-02', '2026-03', '2026-04'],
      series: [
        { name: 'NPS', values: [12, null, null, 21] },
        { name: 'Target', values: [15, 15, 18, 18] },
      ],
    });
  });

  test('dates in the domain read as the cells show them; errors and booleans are gaps; values follow the data', () => {
    const wb = make();
    const s = wb.insertSheet('S');
    s.writeBlock(1, 1, [
      [{ text: 'Period' }, '2026-01-01', '2026-02-01', '2026-03-01'],
      [{ text: 'Margin' }, 0.3, '=1/0', true],
      [{ text: '<img src=x onerror=alert(1)>' }, '=B2*2', '=NA()', 0.5],
    ]);
    s.setNumberFormats(1, 2, [['mmm yyyy', 'mmm yyyy', 'mmm yyyy']]);
    s.setCharts!([{ ...TREND, key: 'k', range: 'A1:D3', colors: undefined }]);
    expect(wb.chartData('S', 'k')).toEqual({
      domain: ['Jan 2026', 'Feb 2026', 'Mar 2026'],
      series: [
        { name: 'Margin', values: [0.3, null, null] },
        { name: '<img src=x onerror=alert(1)>', values: [0.6, null, 0.5] },
      ],
    });
    s.writeBlock(2, 2, [[0.25]]);
    expect(wb.chartData('S', 'k').series[1].values[0]).toBe(0.5);
    expect(wb.shownAt('S', 'B1')).toBe('Jan 2026');
  });

  test('an unknown key is an error naming it', () => {
    const { wb } = card();
    expect(() => wb.chartData('Card', 'nope')).toThrow('There is no chart "nope" on "Card"');
  });
});

describe('charts move with their cells, as in Sheets', () => {
  test('rows inserted above move the range and the anchor; a deleted period column shrinks the range', () => {
    const { wb, sheet } = card();
    sheet.setCharts!([TREND]);
    wb.insertRows('Card', 2, 3);
    expect(wb.charts('Card')[0]).toMatchObject({ range: 'A13:E15', anchor: { row: 17, col: 2 } });
    expect(wb.chartData('Card', 'trend:nps').series[0].values).toEqual([12, null, null, 21]);
    wb.deleteColumns('Card', 3);
    expect(wb.charts('Card')[0]).toMatchObject({ range: 'A13:D15', anchor: { row: 17, col: 2 } });
    expect(wb.chartData('Card', 'trend:nps')).toEqual({
      domain: ['2026-01', '2026-03', '2026-04'],
      series: [
        { name: 'NPS', values: [12, null, 21] },
        { name: 'Target', values: [15, 18, 18] },
      ],
    });
  });

  test('deleting the anchor column moves the chart to where it was; deleting the whole range drops the chart', () => {
    const { wb, sheet } = card();
    sheet.setCharts!([{ ...TREND, anchor: { row: 14, col: 8 } }]);
    wb.deleteColumns('Card', 7, 3);
    expect(wb.charts('Card')[0].anchor).toEqual({ row: 14, col: 7 });
    wb.deleteRows('Card', 10, 3);
    expect(wb.charts('Card')).toEqual([]);
  });

  test('rows or columns inserted inside the range grow it (an empty series, an empty period); those after it change nothing', () => {
    const { wb, sheet } = card();
    sheet.setCharts!([TREND]);
    wb.insertRows('Card', 20, 4); // below the range and the anchor
    wb.insertColumns('Card', 10, 2); // right of both
    expect(wb.charts('Card')[0]).toMatchObject({ range: 'A10:E12', anchor: { row: 14, col: 2 } });
    wb.insertRows('Card', 11); // between the periods and the first series
    expect(wb.charts('Card')[0]).toMatchObject({ range: 'A10:E13', anchor: { row: 15, col: 2 } });
    wb.insertColumns('Card', 3); // between 2026-01 and 2026-02
    expect(wb.charts('Card')[0]).toMatchObject({ range: 'A10:F13', anchor: { row: 15, col: 2 } });
    expect(wb.chartData('Card', 'trend:nps')).toEqual({
      domain: ['2026-01', '', '2026-02', '2026-03', '2026-04'],
      series: [
        { name: '', values: [null, null, null, null, null] },
        { name: 'NPS', values: [12, null, null, null, 21] },
        { name: 'Target', values: [15, null, 15, 18, 18] },
      ],
    });
    // Each series keeps its options, as in Sheets: the target is still the dashed grey one, now series 2; the
    // new series has none of its own (Sheets' default colour for its place).
    expect(wb.charts('Card')[0]).toMatchObject({ dashed: [2], colors: ['#4285f4', '#1a73e8', '#9aa0a6'] });
  });

  test('a deleted series takes its options with it; the next ones keep theirs', () => {
    const { wb, sheet } = card();
    sheet.setCharts!([{ ...TREND, kind: 'column', lines: [1], dashed: [1], rightAxis: [1], colors: ['#1a73e8', '#9aa0a6'] }]);
    wb.deleteRows('Card', 11); // the NPS row
    expect(wb.charts('Card')[0]).toMatchObject({ range: 'A10:E11', lines: [0], dashed: [0], rightAxis: [0], colors: ['#9aa0a6'] });
    expect(wb.chartData('Card', 'trend:nps').series).toEqual([{ name: 'Target', values: [15, 15, 18, 18] }]);
  });

  test('a column inserted before the anchor moves it; rows deleted over the anchor alone move it up to where they were', () => {
    const { wb, sheet } = card();
    sheet.setCharts!([{ ...TREND, anchor: { row: 20, col: 2 } }]);
    wb.insertColumns('Card', 1);
    expect(wb.charts('Card')[0]).toMatchObject({ range: 'B10:F12', anchor: { row: 20, col: 3 } });
    wb.deleteRows('Card', 18, 5);
    expect(wb.charts('Card')[0]).toMatchObject({ range: 'B10:F12', anchor: { row: 18, col: 3 } });
    expect(wb.chartData('Card', 'trend:nps').series[1].values).toEqual([15, 15, 18, 18]);
  });
});
