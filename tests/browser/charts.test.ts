import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { MemoryWorkbook } from '../../src/server/adapters/memory/memoryWorkbook';
import { buildScorecard } from '../../src/server/scorecard/build';
import { detectSheets, suggestDefinition } from '../../src/server/scorecard/detect';
import { axe, openPreview, screenshot, serious, type Opened } from './helpers';

/**
 * The scorecard's charts in the local preview (issue 15, "Charts"): the example scorecard built in the
 * in-memory workbook, drawn by the page as inline SVG from the same specifications the workbook recorded
 * (tests/server/scorecard/charts.test.ts checks their numbers). Screenshots of the section and of each chart.
 */
jest.setTimeout(90_000);

const data = join(__dirname, '..', '..', 'examples', 'data');
const csv = (name: string) => readFileSync(join(data, name), 'utf8');

let opened: Opened;
let page: Page;
let wb: MemoryWorkbook;
let sheet: string;

beforeAll(async () => {
  wb = MemoryWorkbook.fromCsv({ Sales: csv('sales.csv'), Feedback: csv('feedback.csv'), Reviews: csv('reviews.csv') });
  sheet = buildScorecard(wb, suggestDefinition(detectSheets(wb)), '2026-11-23 10:00', [], { dates: wb.dateOptions() }).sheetName;
  opened = await openPreview({ workbook: wb });
  ({ page } = opened);
  await page.getByRole('tab', { name: sheet }).click();
  await page.waitForSelector(`table.sheet[data-sheet="${sheet}"]`);
});

afterAll(() => opened?.close());

interface Drawn {
  key: string;
  kind: string | null;
  title: string;
  box: { x: number; y: number; width: number; height: number };
  legend: string[];
  lines: { d: string; dashed: boolean; axis: string | null }[];
  bars: number;
  rightTicks: string[];
  leftTicks: string[];
  labels: string[];
}

const drawn = (p: Page) =>
  p.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.chart-box')].map((box): Drawn => {
      const svg = box.querySelector('svg.chart')!;
      const r = box.getBoundingClientRect();
      const texts = (sel: string) => [...svg.querySelectorAll(sel)].map((e) => e.textContent ?? '');
      return {
        key: box.dataset.chart ?? '',
        kind: svg.getAttribute('data-kind'),
        title: svg.querySelector('title')?.textContent ?? '',
        box: { x: r.x, y: r.y, width: r.width, height: r.height },
        legend: texts('.legend-label'),
        lines: [...svg.querySelectorAll('path.line')].map((e) => ({
          d: e.getAttribute('d') ?? '',
          dashed: e.hasAttribute('stroke-dasharray'),
          axis: e.parentElement!.getAttribute('data-axis'),
        })),
        bars: svg.querySelectorAll('rect.bar').length,
        rightTicks: texts('.tick-right'),
        leftTicks: texts('.tick-left'),
        labels: texts('.x-label'),
      };
    }),
  );

test('the five charts the workbook recorded, each over its anchor, drawn from its data', async () => {
  const charts = await drawn(page);
  const specs = wb.charts(sheet);
  expect(charts.map((c) => [c.key, c.kind])).toEqual(specs.map((s) => [s.key, s.kind]));
  for (const c of charts) {
    const spec = specs.find((s) => s.key === c.key)!;
    const d = wb.chartData(sheet, c.key);
    expect(c.title).toBe(spec.title);
    expect([c.box.width, c.box.height]).toEqual([spec.width, spec.height]);
    expect(c.legend).toEqual(d.series.map((s) => s.name));
    expect(c.labels.filter((l) => l !== '').every((l) => d.domain.includes(l))).toBe(true);
    // The box stands on its anchor cell.
    const cell = await page.locator(`td[data-cell="${String.fromCharCode(64 + spec.anchor.col)}${spec.anchor.row}"]`).boundingBox();
    expect(Math.abs(c.box.y - cell!.y)).toBeLessThan(2);
  }
  const byKey = Object.fromEntries(charts.map((c) => [c.key, c]));
  for (const key of ['trend:nps', 'trend:csat', 'trend:revenue']) {
    expect(byKey[key].lines.map((l) => l.dashed)).toEqual([false, true]);
    expect(byKey[key].labels).toContain('2026-10');
  }
  expect(byKey['trend:revenue'].leftTicks.every((t) => /^£[\d,]+$/.test(t))).toBe(true);
  expect(byKey['trend:csat'].leftTicks.every((t) => /^\d+%$/.test(t))).toBe(true);
  // The lag measure on its own axis at the right; the link's two lines.
  expect(byKey.link.lines.map((l) => l.axis)).toEqual(['0', '1']);
  expect(byKey.link.rightTicks.length).toBeGreaterThan(1);
  // Target health: a column per full quarter (7 of the 9: the two partial ones left out), the threshold dashed.
  expect(byKey.health.bars).toBe(7);
  expect(byKey.health.lines.map((l) => l.dashed)).toEqual([true]);
  // Side by side, none over another.
  for (const a of charts)
    for (const b of charts)
      if (a !== b) {
        const apart =
          a.box.x + a.box.width <= b.box.x + 1 ||
          b.box.x + b.box.width <= a.box.x + 1 ||
          a.box.y + a.box.height <= b.box.y + 1 ||
          b.box.y + b.box.height <= a.box.y + 1;
        expect(apart).toBe(true);
      }
});

test('a chart anchored in the frozen name column stays put, over it, when the sheet scrolls right; the others scroll', async () => {
  const specs = wb.charts(sheet);
  expect(wb.layoutOf(sheet).frozen.cols).toBe(1);
  const pinned = specs.filter((c) => c.anchor.col === 1).map((c) => c.key);
  const moving = specs.filter((c) => c.anchor.col > 1).map((c) => c.key);
  expect(pinned.length).toBeGreaterThan(0);
  expect(moving.length).toBeGreaterThan(0);
  const at = (key: string) => page.locator(`.chart-box[data-chart="${key}"]`);
  await at(pinned[0]).scrollIntoViewIfNeeded();
  const xs = async (keys: string[]) => Promise.all(keys.map(async (k) => (await at(k).boundingBox())!.x));
  const before = { pinned: await xs(pinned), moving: await xs(moving) };
  await page.locator('.grid-area').evaluate((g) => (g.scrollLeft = 300));
  await page.waitForTimeout(50);
  const after = { pinned: await xs(pinned), moving: await xs(moving) };
  after.pinned.forEach((x, i) => expect(Math.abs(x - before.pinned[i])).toBeLessThan(1));
  after.moving.forEach((x, i) => expect(before.moving[i] - x).toBeGreaterThan(250));
  // Drawn over the frozen column's cells, not under them.
  const b = (await at(pinned[0]).boundingBox())!;
  const hit = await page.evaluate(
    ([x, y]) => document.elementFromPoint(x, y)?.closest('.chart-box')?.getAttribute('data-chart'),
    [b.x + 40, b.y + b.height / 2],
  );
  expect(hit).toBe(pinned[0]);
  await page.locator('.grid-area').evaluate((g) => (g.scrollLeft = 0));
});

test('screenshots of the charts section and of each chart; nothing left the page, no serious accessibility finding', async () => {
  // The charts section at the top of the screen, under the frozen header.
  const top = await page
    .locator('.chart-box')
    .first()
    .evaluate((b) => (b as HTMLElement).offsetTop);
  await page.locator('.grid-area').evaluate((g, y) => (g.scrollTop = y), top - 300);
  await screenshot(page, 'charts-section');
  for (const spec of wb.charts(sheet)) {
    const box = page.locator(`.chart-box[data-chart="${spec.key}"]`);
    // Under the frozen header, not behind it.
    const y = await box.evaluate((b) => (b as HTMLElement).offsetTop);
    await page.locator('.grid-area').evaluate((g, to) => (g.scrollTop = to), y - 300);
    await box.screenshot({ path: join(__dirname, 'screenshots', `chart-${spec.key.replace(':', '-')}.png`) });
  }
  expect(opened.browser.outside).toEqual([]);
  expect(opened.browser.dialogs).toEqual([]);
  // The charts' own markup (the sheet's cell colours are the layout's); axe() injects axe-core first.
  await axe(page);
  const found = await page.evaluate(async () => {
    const w = window as unknown as {
      axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string; impact: string | null; nodes: unknown[] }[] }> };
    };
    const r = await w.axe.run({ include: [['.chart-box']] }, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: '', nodes: v.nodes.length }));
  });
  expect(serious(found)).toEqual([]);
});
