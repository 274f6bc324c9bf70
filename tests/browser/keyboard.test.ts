import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { MemoryWorkbook } from '../../src/server/adapters/memory/memoryWorkbook';
import { writeSidebar } from '../../scripts/build';
import { focused, openPreview, screenshot, sidebarReady, type Browser, type Opened } from './helpers';

/**
 * The whole wizard with the keyboard only: Tab, Shift+Tab, Enter, Space and arrow keys, never the mouse.
 * Every control that takes focus must show a focus ring. The data is the example data's first rows.
 */
jest.setTimeout(60_000);

const data = join(__dirname, '..', '..', 'examples', 'data');
const head = (file: string, lines: number) => readFileSync(join(data, file), 'utf8').split('\n').slice(0, lines).join('\n');

let opened: Opened;
let browser: Browser;
let page: Page;
const noRing: string[] = [];

beforeAll(async () => {
  await writeSidebar();
  const workbook = MemoryWorkbook.fromCsv({
    Sales: head('sales.csv', 1500),
    Feedback: head('feedback.csv', 400),
    Reviews: head('reviews.csv', 200),
  });
  opened = await openPreview({ workbook });
  ({ browser, page } = opened);
});

afterAll(() => opened?.close());

/** Presses Tab (or Shift+Tab) until the focused control in the frame is called `name`. */
async function tabTo(frame: Frame, name: string | RegExp, back = false, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const f = await focused(frame);
    if (!f) continue;
    if (['button', 'select', 'input'].includes(f.tag) && !f.ring) noRing.push(`${f.tag} "${f.name}"`);
    if (typeof name === 'string' ? f.name === name : name.test(f.name)) return;
  }
  throw new Error(`Tab never reached "${String(name)}"`);
}

async function pageTabTo(name: string): Promise<void> {
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press('Tab');
    const text = await page.evaluate(() => document.activeElement?.textContent?.trim());
    if (text === name) return;
  }
  throw new Error(`Tab never reached "${name}" on the page`);
}

test('the wizard from the menu to the built sheet, keyboard only', async () => {
  await pageTabTo('Build scorecard');
  await page.keyboard.press('Enter');
  let frame = await sidebarReady(page, 'wizard-1');
  await expect(focused(frame)).resolves.toMatchObject({ name: 'Step 1 of 4: Data' });

  // Step 1: the detected sheets are chosen; go on.
  await tabTo(frame, 'Sales');
  await tabTo(frame, 'Next');
  await page.keyboard.press('Enter');
  frame = await sidebarReady(page, 'wizard-2');
  await expect(focused(frame)).resolves.toMatchObject({ name: 'Step 2 of 4: Columns' });

  // Step 2: change a role with the arrow keys, then go back and forward again: nothing is lost.
  await tabTo(frame, 'Review');
  await page.keyboard.press('ArrowDown'); // Comment → Respondent's role
  await expect(frame.getByLabel('Review', { exact: true }).inputValue()).resolves.toBe('role');
  await page.keyboard.press('ArrowUp');
  await expect(frame.getByLabel('Review', { exact: true }).inputValue()).resolves.toBe('comment');
  await tabTo(frame, 'Back');
  await page.keyboard.press('Enter');
  frame = await sidebarReady(page, 'wizard-1');
  await tabTo(frame, 'Next');
  await page.keyboard.press('Space');
  frame = await sidebarReady(page, 'wizard-2');
  await expect(frame.getByLabel('Net Sales (£)').inputValue()).resolves.toBe('amount');
  await tabTo(frame, 'Next');
  await page.keyboard.press('Enter');

  // Step 3: period by arrow keys, a target typed in.
  frame = await sidebarReady(page, 'wizard-3');
  await tabTo(frame, 'Month');
  await page.keyboard.press('ArrowRight');
  await expect(frame.getByLabel('Quarter').isChecked()).resolves.toBe(true);
  await page.keyboard.press('ArrowLeft');
  await expect(frame.getByLabel('Month').isChecked()).resolves.toBe(true);
  await tabTo(frame, 'Target for Referral score (NPS)');
  await page.keyboard.type('35');
  await tabTo(frame, 'Next');
  await page.keyboard.press('Enter');

  // Step 4: Build, then open the new sheet.
  frame = await sidebarReady(page, 'wizard-4');
  await tabTo(frame, 'Build scorecard');
  await page.keyboard.press('Enter');
  frame = await sidebarReady(page, 'built', 30_000);
  await expect(focused(frame)).resolves.toMatchObject({ name: 'Scorecard built' });
  await tabTo(frame, 'Show “Scorecard”');
  await screenshot(page, 'keyboard-built');
  await page.keyboard.press('Enter');
  await page.waitForSelector('table.sheet[data-sheet="Scorecard"]');
  // The measure's row in the table (below its "Measure" header; the top band above names it too).
  const target = await page.evaluate(() => {
    const rows = [...document.querySelectorAll('table.sheet tr')];
    const header = rows.findIndex((tr) => tr.querySelector('td')?.textContent === 'Measure');
    return rows
      .slice(header + 1)
      .find((tr) => tr.querySelector('td')?.textContent === 'Referral score (NPS)')
      ?.querySelectorAll('td')[3]?.textContent;
  });
  expect(target).toBe('35');
  expect(noRing).toEqual([]);
  expect(browser.outside).toEqual([]);
});
