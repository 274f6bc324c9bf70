import fc from 'fast-check';
import {
  PALETTE,
  TITLE_CHAR_WIDTH,
  fitTitle,
  formatResolution,
  layoutChart,
  linePath,
  niceScale,
  textWidth,
  thinLabels,
  tickLabel,
} from '../../../src/preview/page/chartGeometry';
import type { ChartView } from '../../../src/preview/protocol';
import type { ChartSpec } from '../../../src/server/ports/workbook';

/** The preview's chart geometry (src/preview/page/chartGeometry.ts): scales, ticks, labels, paths, bars, axes, legend. */

const MONTHS = Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`);

function view(
  spec: Partial<ChartSpec>,
  series: { name: string; values: (number | null)[] }[],
  domain = MONTHS.slice(0, series[0].values.length),
): ChartView {
  return {
    spec: { key: 'k', title: 'A chart', kind: 'line', range: 'A1:M3', anchor: { row: 1, col: 1 }, width: 480, height: 300, ...spec },
    data: { domain, series },
  };
}

describe('number formats on the axes', () => {
  test.each([
    ['0%', 0.01],
    ['0.0%', 0.001],
    ['0', 1],
    ['0.0', 0.1],
    ['#,##0.00', 0.01],
    ['£#,##0', 1],
    ['"£"#,##0.0', 0.1],
    ['0.0,,"M"', 100000],
    ['#,##0;(#,##0)', 1],
    ['yyyy-mm-dd', 0],
    ['General', 0],
    [undefined, 0],
  ])('%s tells values apart from %s', (format, step) => {
    expect(formatResolution(format)).toBeCloseTo(step, 12);
  });

  test('tick labels as the cells show them: percent, currency, thousands; no format: general with thousands', () => {
    expect(tickLabel(0.25, '0%')).toBe('25%');
    expect(tickLabel(12500, '£#,##0')).toBe('£12,500');
    expect(tickLabel(-1500, '#,##0')).toBe('-1,500');
    expect(tickLabel(1234567.5, undefined)).toBe('1,234,567.5');
    expect(tickLabel(0.1 + 0.2, undefined)).toBe('0.3');
    expect(tickLabel(-0, undefined)).toBe('0');
  });
});

describe('scales and ticks', () => {
  test('steps of 1, 2, 2.5 or 5 times a power of ten around the values', () => {
    expect(niceScale([12, 21], { intervals: 5 })).toEqual({ min: 12, max: 22, step: 2, ticks: [12, 14, 16, 18, 20, 22] });
    expect(niceScale([0.31, 0.47], { intervals: 4 }).ticks).toEqual([0.3, 0.35, 0.4, 0.45, 0.5]);
  });

  test('columns stand on zero, negative values included', () => {
    const s = niceScale([-35, 80], { includeZero: true, intervals: 5 });
    expect(s).toMatchObject({ min: -50, max: 100, step: 25 });
    expect(s.ticks).toContain(0);
    expect(niceScale([400, 900], { includeZero: true, intervals: 5 }).min).toBe(0);
    expect(niceScale([400, 900], { intervals: 5 }).min).toBe(400);
  });

  test('flat or missing data still gets a scale', () => {
    expect(niceScale([], {})).toMatchObject({ min: 0, max: 1 });
    expect(niceScale([0, 0], { includeZero: true }).ticks[0]).toBe(0);
    const flat = niceScale([50, 50], { intervals: 4 });
    expect(flat.min).toBeLessThan(50);
    expect(flat.max).toBeGreaterThan(50);
  });

  test('a 30.0% target among 29.5%–30.5% values: the ticks never read the same at the format’s precision', () => {
    const s = niceScale([0.295, 0.3, 0.305], { intervals: 5, resolution: formatResolution('0%') });
    const labels = s.ticks.map((t) => tickLabel(t, '0%'));
    expect(labels).toEqual(['29%', '30%', '31%']);
    // Without the format's resolution they would repeat:
    const loose = niceScale([0.295, 0.3, 0.305], { intervals: 5 }).ticks.map((t) => tickLabel(t, '0%'));
    expect(new Set(loose).size).toBeLessThan(loose.length);
  });

  test('property: the ticks cover every value, are evenly spaced and read differently in the format', () => {
    const formats = ['0%', '0.0%', '0', '0.0', '£#,##0', '#,##0.00', undefined] as const;
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }), { minLength: 1, maxLength: 30 }),
        fc.constantFrom(...formats),
        fc.boolean(),
        fc.integer({ min: 2, max: 8 }),
        (values, format, includeZero, intervals) => {
          const s = niceScale(values, { includeZero, intervals, resolution: formatResolution(format) });
          // (within a millionth of a step: float noise such as 0.30000000000000004 does not buy another tick)
          for (const v of values) {
            expect(s.min).toBeLessThanOrEqual(v + s.step * 1e-6);
            expect(s.max).toBeGreaterThanOrEqual(v - s.step * 1e-6);
          }
          if (includeZero) expect(s.min <= 0 && s.max >= 0).toBe(true);
          expect(s.ticks.length).toBeGreaterThanOrEqual(2);
          expect(s.ticks.length).toBeLessThanOrEqual(intervals + 2);
          expect(s.ticks[0]).toBe(s.min);
          expect(s.ticks[s.ticks.length - 1]).toBeCloseTo(s.max, 6);
          for (let i = 1; i < s.ticks.length; i++) expect(s.ticks[i] - s.ticks[i - 1]).toBeCloseTo(s.step, 6);
          const labels = s.ticks.map((t) => tickLabel(t, format));
          expect(new Set(labels).size).toBe(labels.length);
        },
      ),
    );
  });
});

describe('domain labels', () => {
  test('all shown when they fit; thinned to every k-th when they crowd, never overlapping, the latest always shown', () => {
    expect(thinLabels(MONTHS.slice(0, 6), 600)).toEqual([0, 1, 2, 3, 4, 5]);
    // A year of months in a 470 px plot: every other one, counted back from the latest.
    expect(thinLabels(MONTHS, 470)).toEqual([1, 3, 5, 7, 9, 11]);
    const labels = Array.from({ length: 36 }, (_, i) => `${2024 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
    const shown = thinLabels(labels, 400);
    expect(shown[shown.length - 1]).toBe(35);
    expect(shown.length).toBeLessThan(labels.length);
    const slot = 400 / labels.length;
    for (let i = 1; i < shown.length; i++) expect((shown[i] - shown[i - 1]) * slot).toBeGreaterThanOrEqual(textWidth(labels[0]));
  });
});

describe('lines', () => {
  const p = (x: number) => ({ x, y: x * 2 });
  test('a missing value breaks the path; a value with no neighbour is a dot', () => {
    expect(linePath([p(1), p(2), null, p(4), p(5)]).d).toBe('M1 2 L2 4 M4 8 L5 10');
    expect(linePath([p(1), null, p(3), null])).toEqual({ d: '', isolated: [p(1), p(3)] });
    expect(linePath([null, null]).d).toBe('');
  });
});

describe('a whole chart', () => {
  test('a line chart with a dashed target: a path per series inside the plot, a gap at the blank period, a legend', () => {
    const g = layoutChart(
      view({ title: 'NPS against its target', dashed: [1], format: '0', colors: ['#1a73e8', '#9aa0a6'] }, [
        { name: 'NPS', values: [12, 18, null, 21, 25, 23] },
        { name: 'Target', values: [20, 20, 20, 25, 25, 25] },
      ]),
    );
    expect(g.bars).toEqual([]);
    expect(g.lines.map((l) => [l.name, l.dashed, l.color])).toEqual([
      ['NPS', false, '#1a73e8'],
      ['Target', true, '#9aa0a6'],
    ]);
    expect(g.lines[0].d.match(/M/g)).toHaveLength(2);
    for (const l of g.lines) {
      for (const [, x, y] of l.d.matchAll(/[ML]([\d.]+) ([\d.]+)/g)) {
        expect(Number(x)).toBeGreaterThanOrEqual(g.plot.left);
        expect(Number(x)).toBeLessThanOrEqual(g.plot.right);
        expect(Number(y)).toBeGreaterThanOrEqual(g.plot.top - 0.1);
        expect(Number(y)).toBeLessThanOrEqual(g.plot.bottom + 0.1);
      }
    }
    expect(g.legend.map((i) => [i.text, i.kind, i.dashed])).toEqual([
      ['NPS', 'line', false],
      ['Target', 'line', true],
    ]);
    expect(g.title?.text).toBe('NPS against its target');
    expect(g.right).toBeNull();
    expect(g.xLabels.map((l) => l.text)).toEqual(MONTHS.slice(0, 6));
    expect(g.left.ticks.every((t) => /^\d+$/.test(t.label))).toBe(true);
  });

  test('columns with a line on the right axis: each on its own scale, ticks in their own formats', () => {
    const g = layoutChart(
      view({ kind: 'column', lines: [1], rightAxis: [1], format: '£#,##0', rightFormat: '0%' }, [
        { name: 'Net sales', values: [12000, 15000, null, 9000] },
        { name: 'Promoters', values: [0.3, 0.45, 0.4, 0.5] },
      ]),
    );
    expect(g.bars).toHaveLength(1);
    expect(g.bars[0].rects.map((r) => r.index)).toEqual([0, 1, 3]);
    expect(g.lines.map((l) => [l.series, l.axis])).toEqual([[1, 1]]);
    expect(g.left.ticks.every((t) => t.label.startsWith('£'))).toBe(true);
    expect(g.right!.ticks.every((t) => t.label.endsWith('%'))).toBe(true);
    expect(g.right!.x).toBeGreaterThan(g.plot.right);
    // The line's highest point is near the top of the plot: it is read on its own axis, not squashed at zero.
    const ys = [...g.lines[0].d.matchAll(/[ML][\d.]+ ([\d.]+)/g)].map((m) => Number(m[1]));
    expect(Math.min(...ys)).toBeLessThan(g.plot.top + (g.plot.bottom - g.plot.top) * 0.25);
    // Columns stand on zero (the baseline): each ends at its value on the left scale.
    const s = g.left.scale;
    const y = (v: number) => g.plot.bottom - ((v - s.min) / (s.max - s.min)) * (g.plot.bottom - g.plot.top);
    expect(g.baseline).toBeCloseTo(y(0), 0);
    expect(g.bars[0].rects[1].y).toBeCloseTo(y(15000), 0);
    expect(g.legend.map((i) => i.kind)).toEqual(['column', 'line']);
  });

  test('a negative column hangs below the baseline; colours fall back to Sheets’ palette', () => {
    const g = layoutChart(view({ kind: 'column', colors: ['not-a-colour'] }, [{ name: 'Change', values: [-20, 40] }], ['Q1', 'Q2']));
    const [neg, pos] = g.bars[0].rects;
    expect(neg.y).toBeCloseTo(g.baseline!, 0);
    expect(neg.height).toBeGreaterThan(0);
    expect(pos.y + pos.height).toBeCloseTo(g.baseline!, 0);
    expect(g.left.scale.min).toBeLessThan(0);
    expect(g.bars[0].color).toBe(PALETTE[0]);
  });

  test('a long legend wraps inside the chart; a very long name is cut, its full text kept', () => {
    const long = 'x'.repeat(60);
    const g = layoutChart(
      view(
        { width: 300 },
        [
          { name: 'Unhappy reviews answered', values: [1, 2] },
          { name: 'Customers who say better', values: [2, 3] },
          { name: long, values: [3, 4] },
        ],
        ['a', 'b'],
      ),
    );
    expect(new Set(g.legend.map((i) => i.y)).size).toBeGreaterThan(1);
    for (const i of g.legend) expect(i.x + 20 + textWidth(i.text)).toBeLessThanOrEqual(300);
    expect(g.legend[2].name).toBe(long);
    expect(g.legend[2].text).toHaveLength(40);
    expect(g.legend[2].text.endsWith('…')).toBe(true);
    expect(g.plot.bottom).toBeLessThan(Math.min(...g.legend.map((i) => i.y)) - 12);
  });
});

describe('the scorecard’s own charts', () => {
  test('a title wider than the chart is cut with …, and one that fits is whole', () => {
    const long = 'The strongest link: a lead measure beside the lag measure it moves, shifted by its lag';
    const cut = fitTitle(long, 520);
    expect(cut.endsWith('…')).toBe(true);
    expect(long.startsWith(cut.slice(0, -1))).toBe(true);
    expect(10 + cut.length * TITLE_CHAR_WIDTH).toBeLessThanOrEqual(520 - 10);
    expect(fitTitle('Revenue: each period against its target', 520)).toBe('Revenue: each period against its target');
    expect(layoutChart(view({ title: long, width: 520 }, [{ name: 'a', values: [1, 2] }])).title!.text).toBe(cut);
  });

  test('money in the sales’ currency on the axis: "£"#,##0 ticks in whole pounds with separators', () => {
    expect(formatResolution('"£"#,##0')).toBe(1);
    expect(formatResolution('"£"#,##0.00')).toBeCloseTo(0.01, 12);
    const g = layoutChart(
      view({ format: '"£"#,##0', dashed: [1] }, [
        { name: 'Revenue', values: [106292.53, 159165.5, 177179.48, 246916.72, 281009.4] },
        { name: 'Target', values: [276000, 276000, 276000, 276000, 276000] },
      ]),
    );
    const labels = g.left.ticks.map((t) => t.label);
    expect(labels.every((l) => /^£\d{1,3}(,\d{3})*$/.test(l))).toBe(true);
    expect(g.left.scale.min).toBeLessThanOrEqual(106292.53);
    expect(g.left.scale.max).toBeGreaterThanOrEqual(281009.4);
  });

  test('quarters still to come (blank labels, no values) take their place but draw nothing', () => {
    const g = layoutChart(
      view(
        { kind: 'column', lines: [1], dashed: [1], format: '0.00' },
        [
          { name: 'Spike ratio', values: [null, 0.95, 2.45, null, null] },
          { name: 'Push threshold (1.5)', values: [1.5, 1.5, 1.5, null, null] },
        ],
        ['2024-Q4', '2025-Q1', '2025-Q2', '', ''],
      ),
    );
    expect(g.bars[0].rects.map((r) => r.index)).toEqual([1, 2]);
    expect(g.lines[0].d.match(/[ML]/g)).toHaveLength(3);
    expect(g.xLabels.filter((l) => l.text !== '').map((l) => l.text)).toEqual(['2024-Q4', '2025-Q1', '2025-Q2']);
    // The flagged quarter's column rises above the dashed threshold.
    const threshold = Number(/M[\d.]+ ([\d.]+)/.exec(g.lines[0].d)![1]);
    expect(g.bars[0].rects[1].y).toBeLessThan(threshold);
    expect(g.bars[0].rects[0].y).toBeGreaterThan(threshold);
  });

  test('property: whatever the data, everything is drawn inside the chart and the plot, labels apart', () => {
    const value = fc.option(fc.double({ min: -1e5, max: 1e5, noNaN: true, noDefaultInfinity: true }), { nil: null, freq: 4 });
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 24 }).chain((n) =>
          fc.record({
            n: fc.constant(n),
            series: fc.array(fc.array(value, { minLength: n, maxLength: n }), { minLength: 1, maxLength: 4 }),
            kind: fc.constantFrom('line' as const, 'column' as const),
            width: fc.integer({ min: 240, max: 900 }),
            height: fc.integer({ min: 180, max: 500 }),
            format: fc.constantFrom(undefined, '0', '0%', '"£"#,##0', '0.00'),
            right: fc.boolean(),
          }),
        ),
        ({ n, series, kind, width, height, format, right }) => {
          const rightAxis = right && series.length > 1 ? [series.length - 1] : [];
          const g = layoutChart(
            view(
              { kind, width, height, format, rightAxis, lines: kind === 'column' ? [0] : [], rightFormat: '0.0' },
              series.map((values, i) => ({ name: `Series ${i}`, values })),
              Array.from({ length: n }, (_, i) => `P${i + 1}`),
            ),
          );
          const inPlot = (x: number, y: number) =>
            x >= g.plot.left - 0.1 && x <= g.plot.right + 0.1 && y >= g.plot.top - 0.1 && y <= g.plot.bottom + 0.1;
          for (const l of g.lines) {
            for (const [, x, y] of l.d.matchAll(/[ML](-?[\d.]+) (-?[\d.]+)/g)) expect(inPlot(Number(x), Number(y))).toBe(true);
            for (const p of l.isolated) expect(inPlot(p.x, p.y)).toBe(true);
          }
          for (const b of g.bars)
            for (const r of b.rects) {
              expect(inPlot(r.x, r.y)).toBe(true);
              expect(inPlot(r.x + r.width, r.y + r.height)).toBe(true);
            }
          // Every value that is there is drawn: as a point of a line or as a column.
          const drawn =
            g.lines.reduce((k, l) => k + (l.d.match(/[ML]/g)?.length ?? 0) + l.isolated.length, 0) +
            g.bars.reduce((k, b) => k + b.rects.length, 0);
          expect(drawn).toBe(series.flat().filter((v) => v !== null).length);
          for (let i = 1; i < g.xLabels.length; i++)
            expect(g.xLabels[i].x - g.xLabels[i - 1].x).toBeGreaterThanOrEqual(textWidth(g.xLabels[i - 1].text) - 0.5);
          for (const item of g.legend) expect(item.x + 20 + textWidth(item.text)).toBeLessThanOrEqual(width + 0.1);
          expect(g.plot.right).toBeLessThanOrEqual(width);
          expect(g.plot.bottom).toBeLessThanOrEqual(height);
        },
      ),
      { numRuns: 150 },
    );
  });
});
