import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { run } from '../../src/cli/main';
import type { ScorecardResult } from '../../src/core/scorecard/compute';
import { writeSidebar } from '../../scripts/build';
import { axe, openPreview, recordMetrics, screenshot, serious, sidebarReady, type AxeFinding, type Browser, type Opened } from './helpers';

/**
 * The scorecard wizard end to end in the local preview, with the example data: the numbers the
 * Scorecard tab shows must be the command line's numbers on the same CSV files.
 */
jest.setTimeout(60_000);

const data = join(__dirname, '..', '..', 'examples', 'data');

function cli(): ScorecardResult {
  let out = '';
  const code = run(
    [
      'scorecard',
      '--sales',
      join(data, 'sales.csv'),
      '--feedback',
      join(data, 'feedback.csv'),
      '--reviews',
      join(data, 'reviews.csv'),
      '--json',
    ],
    (s) => (out += s),
    (s) => {
      throw new Error(s);
    },
  );
  expect(code).toBe(0);
  return JSON.parse(out) as ScorecardResult;
}

let opened: Opened;
let browser: Browser;
let page: Page;
let sidebarBytes = 0;
const axeBySidebarView: Record<string, AxeFinding[]> = {};

beforeAll(async () => {
  sidebarBytes = await writeSidebar();
  // A build waits 800 ms before it runs, as a round trip to Google would, so the test sees its progress.
  opened = await openPreview({ latency: (call) => (call === 'buildScorecard' ? 800 : 0) });
  ({ browser, page } = opened);
});

afterAll(() => opened?.close());

async function checkAxe(frame: Frame, view: string): Promise<void> {
  const found = await axe(frame);
  axeBySidebarView[view] = found;
  expect(serious(found)).toEqual([]);
}

const step = (frame: Frame) => frame.locator('#step-h').textContent();

test('the sidebar is one self-contained file under 150 KB', () => {
  const html = readFileSync(join(__dirname, '..', '..', 'dist', 'sidebar.html'), 'utf8');
  expect(sidebarBytes).toBeLessThanOrEqual(150 * 1024);
  expect(html).not.toMatch(/\b(src|href)\s*=\s*["']?(https?:)?\/\//i);
  expect(html).not.toMatch(/@import|url\(\s*["']?https?:/i);
  expect(html).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
  expect(html.split('data-start="home"')).toHaveLength(2);
});

test('Open Leadlag shows what was found and the next step, quickly', async () => {
  await page.getByRole('button', { name: 'Open Leadlag' }).click();
  const frame = await sidebarReady(page, 'home');
  // Measured in the browser, from the menu click to the home view's buttons working: this process
  // also runs the preview server, so its own clock would count the server's work for other calls.
  const openedAt = Number(await page.locator('body').getAttribute('data-sidebar-opened-at'));
  const readyAt = Number(await frame.locator('body').getAttribute('data-ready-at'));
  const openToInteractive = readyAt - openedAt;
  const inFrame = Number(await frame.locator('body').getAttribute('data-ready-ms'));
  expect(openToInteractive).toBeGreaterThan(0);
  await frame.getByText('sales data · 8,025 rows').waitFor();
  const tablesAt = Number(await frame.locator('body').getAttribute('data-tables-at'));
  await expect(frame.getByRole('heading', { name: 'In “Example spreadsheet”' }).isVisible()).resolves.toBe(true);
  await expect(frame.getByText('customer feedback · 2,073 rows').isVisible()).resolves.toBe(true);
  await expect(frame.getByText('not built yet').isVisible()).resolves.toBe(true);
  await screenshot(page, '1-home');
  await checkAxe(frame, 'home');
  recordMetrics({
    sidebarBytes,
    sidebarOpenToInteractiveMs: openToInteractive,
    sidebarReadyInFrameMs: inFrame,
    sidebarTablesShownMs: tablesAt - openedAt,
  });
});

test('the wizard builds the scorecard, and its NPS and revenue equal the command line', async () => {
  let frame = await sidebarReady(page, 'home');
  await frame.getByRole('button', { name: 'Build scorecard' }).click();
  frame = await sidebarReady(page, 'wizard-1');
  // 1) the detected sheets are chosen already
  await expect(frame.getByLabel('Sales', { exact: true }).inputValue()).resolves.toBe('Sales');
  await expect(frame.getByLabel('Customer feedback (survey answers)').inputValue()).resolves.toBe('Feedback');
  await expect(frame.getByLabel('Online reviews').inputValue()).resolves.toBe('Reviews');
  await screenshot(page, '2-wizard-sources');
  await checkAxe(frame, 'wizard-1');
  await frame.getByRole('button', { name: 'Next' }).click();

  // 2) column roles, a preview of rows, and the rows left out with why
  frame = await sidebarReady(page, 'wizard-2');
  await expect(step(frame)).resolves.toBe('Step 2 of 4: Columns');
  await expect(frame.getByLabel('Net Sales (£)').inputValue()).resolves.toBe('amount');
  await expect(frame.getByRole('region', { name: 'First rows of “Sales”' }).getByText('SO-104201').isVisible()).resolves.toBe(true);
  await expect(frame.getByText('8,025 rows will be read; 7 left out:').isVisible()).resolves.toBe(true);
  await expect(frame.getByText(/Row 8,033: a totals row/).isVisible()).resolves.toBe(true);
  await screenshot(page, '3-wizard-columns');
  await checkAxe(frame, 'wizard-2');
  // Back keeps the choices
  await frame.getByRole('button', { name: 'Back' }).click();
  frame = await sidebarReady(page, 'wizard-1');
  await expect(frame.getByLabel('Sales', { exact: true }).inputValue()).resolves.toBe('Sales');
  await frame.getByRole('button', { name: 'Next' }).click();
  frame = await sidebarReady(page, 'wizard-2');
  await frame.getByRole('button', { name: 'Next' }).click();

  // 3) period, measures, targets
  frame = await sidebarReady(page, 'wizard-3');
  await expect(frame.getByLabel('Month').isChecked()).resolves.toBe(true);
  await expect(frame.getByRole('checkbox', { name: 'Referral score (NPS)' }).isChecked()).resolves.toBe(true);
  await expect(frame.getByRole('checkbox', { name: 'Revenue', exact: true }).isChecked()).resolves.toBe(true);
  await frame.getByLabel('Target for Referral score (NPS)').fill('40');
  // Blank targets show the suggestion the server computes from the history, with its reason.
  const csat = frame.getByLabel('Target for Satisfaction (CSAT), in percent');
  await frame.locator('input.target.suggested').first().waitFor({ timeout: 15_000 });
  await expect(csat.getAttribute('placeholder')).resolves.toMatch(/^\d+(\.\d)?$/);
  await expect(
    frame
      .getByText(/^If blank, suggested: \d+(\.\d)?%\. Suggested from the history/)
      .first()
      .isVisible(),
  ).resolves.toBe(true);
  // Up to three measures are marked for the big numbers at the top; a fourth is refused.
  const star = (label: string) => frame.getByRole('button', { name: `Show ${label} in the big numbers at the top` });
  for (const label of ['Revenue', 'Referral score (NPS)', 'Satisfaction (CSAT)']) await star(label).click();
  await expect(star('Revenue').getAttribute('aria-pressed')).resolves.toBe('true');
  await expect(star('Delivered on time').isDisabled()).resolves.toBe(true);
  await star('Satisfaction (CSAT)').click();
  await expect(star('Delivered on time').isDisabled()).resolves.toBe(false);
  // From X to Y by when: a path for revenue.
  await frame.getByText('Path for Revenue: from X to Y by when').click();
  await frame.locator('details.path[open]').getByLabel(/^From/).fill('250000');
  await frame.locator('details.path[open]').getByLabel(/^To/).fill('300000');
  await frame.locator('details.path[open]').getByLabel('Starting').fill('2025-07');
  await frame.locator('details.path[open]').getByLabel('Due by').fill('2026-12');
  await screenshot(page, '4-wizard-measures');
  await checkAxe(frame, 'wizard-3');
  await frame.getByRole('button', { name: 'Next' }).click();

  // 4) build, with progress, then the new sheet
  frame = await sidebarReady(page, 'wizard-4');
  await screenshot(page, '5-wizard-build');
  await checkAxe(frame, 'wizard-4');
  const started = Date.now();
  await frame.getByRole('button', { name: 'Build scorecard' }).click();
  await frame.getByRole('progressbar', { name: 'Building the scorecard' }).waitFor();
  await expect(frame.getByRole('button', { name: 'Build scorecard' }).isDisabled()).resolves.toBe(true);
  await screenshot(page, '6-building');
  frame = await sidebarReady(page, 'built', 30_000);
  const buildMs = Date.now() - started;
  await expect(frame.getByRole('heading', { name: 'Scorecard built' }).isVisible()).resolves.toBe(true);
  await checkAxe(frame, 'built');
  await page.waitForSelector('table.sheet[data-sheet="Scorecard"]');
  await expect(page.getByRole('tab', { name: 'Scorecard' }).getAttribute('aria-selected')).resolves.toBe('true');
  await screenshot(page, '7-scorecard');
  // The glance at 1280×800 with the sidebar open: the marked measures' big numbers, targets and statuses.
  const band = await page.evaluate(() => {
    const sidebar = document.querySelector('iframe')?.getBoundingClientRect();
    return [...document.querySelectorAll('table.sheet tbody td')]
      .filter((td) => /^(Revenue|Referral score \(NPS\)|Target [£\d]|On track|At risk|Off track|As of )/.test(td.textContent ?? ''))
      .slice(0, 12)
      .map((td) => {
        const r = td.getBoundingClientRect();
        return { t: td.textContent ?? '', visible: r.bottom <= window.innerHeight && r.top >= 0 && (!sidebar || r.left < sidebar.left) };
      });
  });
  expect(band.slice(0, 2).map((c) => c.t)).toEqual(['Revenue', 'Referral score (NPS)']);
  expect(band.filter((c) => c.t.startsWith('Target ')).length).toBeGreaterThanOrEqual(2);
  expect(band.filter((c) => !c.visible)).toEqual([]);
  // And every measure's latest value, target, status and trend, without scrolling.
  const unseen = await page.evaluate(() => {
    const sidebar = document.querySelector('iframe')?.getBoundingClientRect();
    const rows = [...document.querySelectorAll('table.sheet tbody tr')];
    const header = rows.findIndex((tr) => tr.querySelector('td')?.textContent === 'Measure');
    const out: string[] = [];
    let measures = 0;
    for (const tr of rows.slice(header + 1)) {
      const tds = [...tr.querySelectorAll('td')];
      const name = tds[0]?.textContent ?? '';
      if (name.startsWith('Target health')) break;
      if (!tds[1]?.dataset.value) continue; // section titles
      measures++;
      for (const k of [0, 1, 3, 4, 5]) {
        const r = tds[k].getBoundingClientRect();
        const inView = r.top >= 0 && r.bottom <= window.innerHeight && r.left >= 0 && (!sidebar || r.right <= sidebar.left + 1);
        if (!inView) out.push(`${name}: column ${k}`);
      }
    }
    return { measures, out };
  });
  expect(unseen.measures).toBe(11);
  expect(unseen.out).toEqual([]);
  recordMetrics({ buildInPreviewMs: buildMs, axe: axeBySidebarView });

  // The tab's cells against the command line's numbers
  const expected = cli();
  const grid = await page.evaluate(() =>
    [...document.querySelectorAll('table.sheet tbody tr')].map((tr) =>
      [...tr.querySelectorAll('td')].map((td) => ({ t: td.textContent ?? '', v: td.dataset.value })),
    ),
  );
  const header = grid.find((r) => r[0]?.t === 'Measure')!;
  const body = grid.slice(grid.indexOf(header) + 1);
  // Name, latest, period, target, status, trend, signal, sample, a gap; then the periods.
  const H = 9;
  expect(header.slice(1, 8).map((c) => c.t)).toEqual(['Latest', 'As of', 'Target', 'Status', 'Trend', 'Signal', 'Sample']);
  expect(header.slice(H, H + 12).map((c) => c.t)).toEqual(expected.periods);
  for (const [id, label, shown] of [
    ['nps', 'Referral score (NPS)', (v: number) => String(Math.round(v))],
    // Rounded as Sheets shows it: to 15 significant digits first (a sum of 307,976.5 added in another order is
    // 307,976.49999999994, and shows as 307,977).
    // Money in the sales' currency (the amount header says £).
    ['revenue', 'Revenue', (v: number) => `£${Math.round(Number(v.toPrecision(15))).toLocaleString('en-GB')}`],
  ] as const) {
    const row = body.find((r) => r[0]?.t === label)!;
    const m = expected.measures.find((x) => x.id === id)!;
    m.values.forEach((v, i) => {
      const cell = row[H + i];
      if (v === null) return expect(cell.t).toBe('');
      expect(Number(cell.v)).toBeCloseTo(v, 9);
      expect(cell.t).toBe(shown(v));
    });
  }
  // The NPS target typed in the wizard is on the sheet, with a status.
  const nps = body.find((r) => r[0]?.t === 'Referral score (NPS)')!;
  expect(nps[3].t).toBe('40');
  expect(['On track', 'At risk', 'Off track']).toContain(nps[4].t);
});

test('Show scorecard, Rebuild and Help from the menu', async () => {
  let frame = await sidebarReady(page, 'built');
  await page.getByRole('tab', { name: 'Sales' }).click();
  await page.waitForSelector('table.sheet[data-sheet="Sales"]');
  await frame.getByRole('button', { name: 'Show “Scorecard”' }).click();
  await page.waitForSelector('table.sheet[data-sheet="Scorecard"]');
  await frame.getByRole('button', { name: 'Done' }).click();
  frame = await sidebarReady(page, 'home');
  await frame.getByText('on the sheet “Scorecard”', { exact: true }).waitFor();

  await page.getByRole('button', { name: 'Rebuild scorecard' }).click();
  await page.getByText('Rebuilt Scorecard.').waitFor({ timeout: 20_000 });
  await page.getByRole('button', { name: 'Help' }).click();
  await expect(
    page
      .getByRole('dialog')
      .getByText(/Type =NPS\( in a cell/)
      .isVisible(),
  ).resolves.toBe(true);
  await screenshot(page, '8-help');
  const pageAxe = await axe(page);
  recordMetrics({ axePreviewPage: pageAxe });
  expect(serious(pageAxe)).toEqual([]);
  await page.getByRole('button', { name: 'OK' }).click();

  // Closing the sidebar loses nothing saved: the wizard opens again with the choices of the build.
  await page.getByRole('button', { name: 'Close the sidebar' }).click();
  await expect(page.locator('#sidebar').isHidden()).resolves.toBe(true);
  await page.getByRole('button', { name: 'Build scorecard', exact: true }).click();
  frame = await sidebarReady(page, 'wizard-1');
  await frame.getByRole('button', { name: 'Next' }).click();
  frame = await sidebarReady(page, 'wizard-2');
  await frame.getByRole('button', { name: 'Next' }).click();
  frame = await sidebarReady(page, 'wizard-3');
  await expect(frame.getByLabel('Target for Referral score (NPS)').inputValue()).resolves.toBe('40');
  expect(browser.outside).toEqual([]);
  expect(browser.dialogs).toEqual([]);
});
