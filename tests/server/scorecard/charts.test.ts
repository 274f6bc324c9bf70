import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MemoryWorkbook, type ChartData } from '../../../src/server/adapters/memory/memoryWorkbook';
import { parseA1 } from '../../../src/server/adapters/memory/a1';
import { buildScorecard } from '../../../src/server/scorecard/build';
import { detectSheets, suggestDefinition } from '../../../src/server/scorecard/detect';
import { COL } from '../../../src/server/scorecard/layout';
import { columnLetter } from '../../../src/server/scorecard/references';
import { run } from '../../../src/cli/main';
import { type ScorecardResult } from '../../../src/core/scorecard/compute';
import { HEALTH_RULES } from '../../../src/core/measures/targetHealth/rules';
import { sheetView } from '../../../src/preview/sheetView';

/**
 * The scorecard's charts (issue 15, "Charts"), built from the example data in the in-memory workbook: each
 * chart's numbers, read back from the cells its range covers (MemoryWorkbook.chartData, what the preview
 * draws and Sheets would plot), against what the command line computes from the same files on its own
 * path (the core, no sheet formulas).
 */
const dataDir = join(__dirname, '..', '..', '..', 'examples', 'data');
const csv = (name: string) => readFileSync(join(dataDir, name), 'utf8');

function cliJson(): ScorecardResult {
  let out = '';
  const files = ['sales', 'feedback', 'reviews'].flatMap((s) => [`--${s}`, join(dataDir, `${s}.csv`)]);
  const code = run(
    ['scorecard', ...files, '--json'],
    (s) => (out += s),
    (s) => {
      throw new Error(s);
    },
  );
  expect(code).toBe(0);
  return JSON.parse(out) as ScorecardResult;
}

/** Each value equal to the expected one to 9 places, or both missing (a gap in the line). */
function expectValues(got: readonly (number | null)[], want: readonly (number | null)[]): void {
  expect(got).toHaveLength(want.length);
  want.forEach((w, i) => {
    if (w === null) expect(got[i]).toBeNull();
    else expect(got[i]).toBeCloseTo(w, 9);
  });
}

describe('the charts of the scorecard built from the example data', () => {
  const wb = MemoryWorkbook.fromCsv({ Sales: csv('sales.csv'), Feedback: csv('feedback.csv'), Reviews: csv('reviews.csv') });
  const def = suggestDefinition(detectSheets(wb));
  const result = buildScorecard(wb, def, '2026-11-23 10:00', [], { dates: wb.dateOptions() });
  const sheet = result.sheetName;
  const cli = cliJson();
  const data = (key: string): ChartData => wb.chartData(sheet, key);
  const measure = (id: string) => cli.measures.find((m) => m.id === id)!;
  afterAll(() => wb.destroy());

  test('one trend per measure on the top band, the strongest link and target health', () => {
    expect(result.layout.band).toEqual(['nps', 'csat', 'revenue']);
    expect(wb.charts(sheet).map((c) => [c.key, c.kind])).toEqual([
      ['trend:nps', 'line'],
      ['trend:csat', 'line'],
      ['trend:revenue', 'line'],
      ['link', 'line'],
      ['health', 'column'],
    ]);
  });

  test('each trend reads its measure, period by period, and its target as a dashed line, in the row’s format', () => {
    for (const id of result.layout.band) {
      const m = measure(id);
      const spec = wb.charts(sheet).find((c) => c.key === `trend:${id}`)!;
      const d = data(spec.key);
      expect(d.domain).toEqual(cli.periods);
      expect(d.series.map((s) => s.name)).toEqual([m.label, 'Target']);
      expectValues(d.series[0].values, m.values);
      // The suggested target the command line suggests, in every period (no path: one target across the row).
      expect(m.target).not.toBeNull();
      expectValues(
        d.series[1].values,
        m.values.map(() => m.target),
      );
      expect(spec.dashed).toEqual([1]);
      const row = result.layout.measureRows[id];
      expect(spec.format).toBe(wb.styleAt(sheet, `${columnLetter(COL.latest)}${row}`).numberFormat);
    }
    expect(wb.charts(sheet).find((c) => c.key === 'trend:revenue')!.format).toBe('"£"#,##0');
  });

  test('the link chart reads the pair Connect the dots ranks first, its lag measure moved back by its lag', () => {
    const top = cli.connections[0];
    expect(top).toMatchObject({ lead: 'nps', lag: 'orders', lag_periods: 2 });
    const lead = measure(top.lead);
    const lag = measure(top.lag);
    const d = data('link');
    expect(d.domain).toEqual(cli.periods);
    expect(d.series.map((s) => s.name)).toEqual([lead.label, `${lag.label}, 2 periods later`]);
    expectValues(d.series[0].values, lead.values);
    // At each period the lag measure as it was `lag` periods later: the last two have no later value yet.
    const shifted = lag.values.map((_, j) => (j + top.lag_periods! < lag.values.length ? lag.values[j + top.lag_periods!] : null));
    expect(shifted.slice(-2)).toEqual([null, null]);
    expectValues(d.series[1].values, shifted);
    // Two scales: the lag measure on the right axis.
    expect(wb.charts(sheet).find((c) => c.key === 'link')!.rightAxis).toEqual([1]);
  });

  test('target health: a column per quarter for its spike ratio, partial quarters left out, the push threshold dashed', () => {
    const quarters = cli.target_health.filter((t) => t.rep === null);
    const d = data('health');
    expect(d.domain.slice(0, quarters.length)).toEqual(quarters.map((q) => q.period));
    expect(d.series.map((s) => s.name)).toEqual(['Spike ratio', `Push threshold (${HEALTH_RULES.spike})`]);
    expectValues(
      d.series[0].values.slice(0, quarters.length),
      quarters.map((q) => (q.partial ? null : q.spike_ratio)),
    );
    expect(quarters.filter((q) => q.partial).map((q) => q.period)).toEqual(['2024-Q4', '2026-Q4']);
    expect(d.series[1].values.slice(0, quarters.length)).toEqual(quarters.map(() => HEALTH_RULES.spike));
    // The flagged quarter stands above the threshold.
    const q3 = quarters.findIndex((q) => q.period === '2025-Q3');
    expect(d.series[0].values[q3]!).toBeGreaterThan(HEALTH_RULES.spike);
    // Rows kept for quarters still to come are empty: nothing is plotted there.
    for (let i = quarters.length; i < d.domain.length; i++) {
      expect(d.domain[i]).toBe('');
      expect(d.series.map((s) => s.values[i])).toEqual([null, null]);
    }
    const spec = wb.charts(sheet).find((c) => c.key === 'health')!;
    expect(spec).toMatchObject({ kind: 'column', lines: [1], dashed: [1] });
  });

  test('the charts sit in their own section, side by side, over no cell that holds anything and clear of each other', () => {
    const widths = new Map(wb.layoutOf(sheet).widths.map((w) => [w.col, w.width]));
    const left = (col: number) => Array.from({ length: col - 1 }, (_, c) => widths.get(c + 1) ?? 100).reduce((a, b) => a + b, 0);
    const ROW = 21;
    const boxes = wb.charts(sheet).map((c) => ({
      key: c.key,
      x0: left(c.anchor.col),
      x1: left(c.anchor.col) + c.width,
      y0: (c.anchor.row - 1) * ROW,
      y1: (c.anchor.row - 1) * ROW + c.height,
    }));
    for (const a of boxes)
      for (const b of boxes) if (a !== b) expect(a.x1 <= b.x0 || b.x1 <= a.x0 || a.y1 <= b.y0 || b.y1 <= a.y0).toBe(true);
    // Every cell a chart covers is empty (the charts section's blank rows), and the rows they read come after.
    const values = wb.computedValues(sheet);
    const firstRead = Math.min(...wb.charts(sheet).map((c) => parseA1(c.range).row + 1));
    for (const c of wb.charts(sheet)) {
      const rows = Math.ceil(c.height / ROW);
      expect(c.anchor.row).toBeGreaterThan(result.layout.chartsRow - 1);
      expect(c.anchor.row + rows).toBeLessThan(firstRead);
      for (let r = c.anchor.row; r < c.anchor.row + rows; r++) expect(values[r - 1].slice(0, 16).every((v) => v === '')).toBe(true);
    }
  });

  test('the preview gets every chart with the same data', () => {
    const view = sheetView(wb, sheet);
    expect(view.charts.map((c) => c.spec)).toEqual(wb.charts(sheet));
    for (const c of view.charts) expect(c.data).toEqual(data(c.spec.key));
  });

  test('a rebuild replaces the charts (still five), and they follow the data: a pasted sale moves the revenue trend', () => {
    const again = buildScorecard(wb, def, '2026-11-23 11:00', [], { dates: wb.dateOptions() });
    expect(again.sheetName).toBe(sheet);
    expect(wb.charts(sheet).map((c) => c.key)).toEqual(['trend:nps', 'trend:csat', 'trend:revenue', 'link', 'health']);
    const before = data('trend:revenue').series[0].values[11]!;
    const sales = wb.sheet('Sales')!;
    const [y, m] = cli.periods[cli.periods.length - 1].split('-');
    sales.writeBlock(sales.readValues().length + 1, 1, [
      ['NEW-1', `15/${m}/${y}`, 'Late Paste Ltd', 'Alex', '£1,000.00', '£600.00', 1, 0, `${y}-${m}-16`, `${y}-${m}-16`],
    ]);
    expect(data('trend:revenue').series[0].values[11]!).toBeCloseTo(before + 1000, 6);
  });
});
