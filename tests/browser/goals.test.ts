import type { Frame, Page } from 'playwright-core';
import { writeSidebar } from '../../scripts/build';
import { createHandlers, dispatch } from '../../src/server/handlers';
import { detectSheets, suggestDefinition } from '../../src/server/scorecard/detect';
import { workbookFromFolder } from '../../src/preview/workbook';
import { GOAL_COL } from '../../src/server/goals/layout';
import { PLAN_COL } from '../../src/server/accounts/layout';
import { axe, focused, openPreview, recordMetrics, screenshot, serious, sidebarReady, type AxeFinding, type Opened } from './helpers';

/**
 * Goals that connect and the key-account plan, both wizards end to end in the local preview on the example
 * data (its goals file among the sheets), with the keyboard only: Tab, Shift+Tab, Enter, Space and the arrow
 * keys, every control showing a focus ring, axe clean on every view, and screenshots of both sheets.
 */
jest.setTimeout(120_000);

const TURNED = ['Brookfield Construction Ltd', 'Pioneer Catering Ltd', 'Humber Fabrication & Co', 'Marlow Electrical plc'];

let opened: Opened;
let page: Page;
const noRing: string[] = [];
const axeByView: Record<string, AxeFinding[]> = {};

beforeAll(async () => {
  await writeSidebar();
  // The example spreadsheet with its scorecard built (as the scorecard wizard's own tests do), so key results tied to it are live.
  const workbook = workbookFromFolder();
  const h = createHandlers({
    wb: workbook,
    spreadsheetName: () => 'Example',
    timestamp: () => '2026-12-01 09:00',
    withLock: (fn) => fn(),
    dates: () => workbook.dateOptions(),
  });
  dispatch(h, 'buildScorecard', { definition: suggestDefinition(detectSheets(workbook)) });
  opened = await openPreview({ workbook });
  ({ page } = opened);
});

afterAll(() => opened?.close());

async function checkAxe(frame: Frame, view: string): Promise<void> {
  const found = await axe(frame);
  axeByView[view] = found;
  expect(serious(found)).toEqual([]);
}

/** Presses Tab (or Shift+Tab) until the focused control in the frame is called `name`. */
async function tabTo(frame: Frame, name: string | RegExp, back = false, max = 80): Promise<void> {
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
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press('Tab');
    const text = await page.evaluate(() => document.activeElement?.textContent?.trim());
    if (text === name) return;
  }
  throw new Error(`Tab never reached "${name}" on the page`);
}

/** A screenshot of a whole sheet's width beside the sidebar: a wider window for the moment. */
async function sheetShot(name: string): Promise<void> {
  await page.setViewportSize({ width: 2200, height: 900 });
  await screenshot(page, name);
  await page.setViewportSize({ width: 1280, height: 800 });
}

/** The shown sheet's cells, row by row (text as drawn, and the value behind it). */
function grid(): Promise<{ t: string; v?: string }[][]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('table.sheet tbody tr')].map((tr) =>
      [...tr.querySelectorAll('td')].map((td) => ({ t: td.textContent ?? '', v: td.dataset.value })),
    ),
  );
}

test('the goals wizard from Home to the built sheet, keyboard only; a check-in recorded', async () => {
  await pageTabTo('Open Leadlag');
  await page.keyboard.press('Enter');
  let frame = await sidebarReady(page, 'home');
  await frame.getByRole('button', { name: 'Set up goals' }).waitFor();
  await frame.getByRole('button', { name: 'Build a key-account plan' }).waitFor();
  await checkAxe(frame, 'home');
  await tabTo(frame, 'Set up goals');
  await page.keyboard.press('Enter');

  // 1) the goals table: the example's Goals sheet is chosen.
  frame = await sidebarReady(page, 'goals-1');
  await expect(focused(frame)).resolves.toMatchObject({ name: 'Step 1 of 3: Goals table' });
  await expect(frame.getByLabel('Your goals table').inputValue()).resolves.toBe('Goals');
  await checkAxe(frame, 'goals-1');
  await screenshot(page, 'goals-1-table');
  await tabTo(frame, 'Next');
  await page.keyboard.press('Enter');

  // 2) the columns, guessed from the headers; a role changed with the arrow keys and changed back.
  frame = await sidebarReady(page, 'goals-2');
  await expect(frame.getByLabel('Parent', { exact: true }).inputValue()).resolves.toBe('parent');
  await expect(frame.getByLabel('Measure', { exact: true }).inputValue()).resolves.toBe('measure');
  await tabTo(frame, 'Weight');
  await page.keyboard.press('ArrowUp');
  await expect(frame.getByLabel('Weight', { exact: true }).inputValue()).resolves.toBe('due');
  await expect(frame.getByLabel('Due', { exact: true }).inputValue()).resolves.toBe('');
  await page.keyboard.press('ArrowDown');
  await expect(frame.getByLabel('Weight', { exact: true }).inputValue()).resolves.toBe('weight');
  // Due went to Not used when Weight took its role: typing the role's name picks it again.
  await tabTo(frame, 'Due', true);
  await page.keyboard.type('Due date');
  await expect(frame.getByLabel('Due', { exact: true }).inputValue()).resolves.toBe('due');
  await expect(frame.getByLabel('Weight', { exact: true }).inputValue()).resolves.toBe('weight');
  await checkAxe(frame, 'goals-2');
  await screenshot(page, 'goals-2-columns');
  await tabTo(frame, 'Next');
  await page.keyboard.press('Enter');

  // 3) the tree the server read, then Build.
  frame = await sidebarReady(page, 'goals-3');
  await expect(frame.getByText('7 objectives and 13 key results; 7 key results tied to a scorecard measure.').isVisible()).resolves.toBe(
    true,
  );
  await expect(frame.getByText('Referral score (NPS) (live)').isVisible()).resolves.toBe(true);
  await checkAxe(frame, 'goals-3');
  await tabTo(frame, 'Build goals sheet');
  await page.keyboard.press('Enter');
  frame = await sidebarReady(page, 'goals-built', 60_000);
  await expect(focused(frame)).resolves.toMatchObject({ name: 'Goals sheet built' });
  await page.waitForSelector('table.sheet[data-sheet="Goals that connect"]');
  await checkAxe(frame, 'goals-built');
  await sheetShot('goals-sheet');

  const rows = await grid();
  const row = (id: string) => rows.find((r) => r[GOAL_COL.id]?.t === id)!;
  expect(row('O1')[GOAL_COL.goal].t).toBe('Grow revenue 15%');
  expect(row('O5')[GOAL_COL.chain].t).toBe(
    'Reply to every 1–2 star review within 2 days → Referral score from 30 to 70 → Grow revenue 15%',
  );
  const kr2 = row('KR2');
  const nps = Number(kr2[GOAL_COL.current].v);
  expect(nps).toBeGreaterThan(30);
  expect(Number(kr2[GOAL_COL.score].v)).toBeCloseTo((nps - 30) / 40, 9);
  expect(row('O4')[GOAL_COL.flags].t).toBe('No key result tied to a lead measure');
  expect(row('KR13')[GOAL_COL.flags].t).toMatch(/^No update for 3 weeks/);

  await tabTo(frame, 'Record this week’s check-in');
  await page.keyboard.press('Enter');
  await frame.getByText(/^Recorded 20 goals for \d{4}-W\d\d on “Goal check-ins”/).waitFor();
  await checkAxe(frame, 'goals-checked-in');
  await tabTo(frame, 'Done');
  await page.keyboard.press('Enter');
  frame = await sidebarReady(page, 'home');
  await frame.getByText('Your goals are scored on “Goals that connect”.', { exact: false }).waitFor();
});

test('the key-account plan wizard, keyboard only: the four accounts that turned detractor are at risk', async () => {
  let frame = await sidebarReady(page, 'home');
  await frame.getByRole('button', { name: 'Build a key-account plan' }).waitFor();
  await tabTo(frame, 'Build a key-account plan');
  await page.keyboard.press('Enter');

  // 1) sales and answers, from the scorecard's choices.
  frame = await sidebarReady(page, 'accounts-1');
  await expect(focused(frame)).resolves.toMatchObject({ name: 'Step 1 of 3: Sales and answers' });
  await expect(frame.getByLabel('Sales sheet').inputValue()).resolves.toBe('Sales');
  await expect(frame.getByLabel('Customer (sales)').inputValue()).resolves.toBe('Customer');
  await expect(frame.getByLabel('Survey answers sheet').inputValue()).resolves.toBe('Feedback');
  await expect(frame.getByLabel('Comment shown beside a risk (answers)').inputValue()).resolves.toBe('What dissatisfies you?');
  await checkAxe(frame, 'accounts-1');
  await screenshot(page, 'accounts-1-sources');
  await tabTo(frame, 'Next');
  await page.keyboard.press('Enter');

  // 2) attention: survey responses (chosen); the arrow keys move among the choices; the trend by month.
  frame = await sidebarReady(page, 'accounts-2');
  await expect(frame.getByLabel('Survey responses').isChecked()).resolves.toBe(true);
  await expect(frame.getByLabel('Actions on the improvement tracker').isDisabled()).resolves.toBe(true);
  await tabTo(frame, 'Survey responses');
  await page.keyboard.press('ArrowDown');
  await expect(frame.getByLabel('Hours or visits you type on the plan').isChecked()).resolves.toBe(true);
  await page.keyboard.press('ArrowUp');
  await expect(frame.getByLabel('Survey responses').isChecked()).resolves.toBe(true);
  await checkAxe(frame, 'accounts-2');
  await screenshot(page, 'accounts-2-attention');
  await tabTo(frame, 'Next');
  await page.keyboard.press('Enter');

  // 3) Build.
  frame = await sidebarReady(page, 'accounts-3');
  await checkAxe(frame, 'accounts-3');
  await tabTo(frame, 'Build the plan');
  await page.keyboard.press('Enter');
  frame = await sidebarReady(page, 'accounts-built', 60_000);
  await expect(focused(frame)).resolves.toMatchObject({ name: 'Key-account plan built' });
  await page.waitForSelector('table.sheet[data-sheet="Key-account plan"]');
  await checkAxe(frame, 'accounts-built');
  await sheetShot('accounts-sheet');
  for (const name of TURNED) await frame.getByText(name, { exact: true }).waitFor();

  const rows = await grid();
  for (const name of TURNED) {
    const r = rows.find((x) => x[PLAN_COL.customer]?.t === name)!;
    expect(r[PLAN_COL.tier].t).toBe('A');
    expect(r[PLAN_COL.atRisk].t).toBe('TRUE');
    expect(r[PLAN_COL.why].t).toMatch(/latest referral score [2-6] of 10 \(2026-/);
    // Its attention share against its revenue share.
    expect(Number(r[PLAN_COL.attentionShare].v)).toBeLessThan(Number(r[PLAN_COL.share].v));
  }
  await tabTo(frame, 'Done');
  await page.keyboard.press('Enter');
  frame = await sidebarReady(page, 'home');
  await frame.getByText('Your key-account plan is on “Key-account plan”.', { exact: false }).waitFor();
  await checkAxe(frame, 'home-after');
  expect(noRing).toEqual([]);
  expect(opened.browser.outside).toEqual([]);
  expect(opened.browser.dialogs).toEqual([]);
  recordMetrics({ axeGoalsAndAccounts: axeByView });
});

test('a key result tied to the referral score updates on the sheet when feedback rows are pasted', async () => {
  const wb = opened.preview.workbook;
  const before = wb.computedValues('Goals that connect').find((r) => r[GOAL_COL.id] === 'KR2')!;
  const feedback = wb.sheet('Feedback')!;
  const n = feedback.readValues().length;
  feedback.writeBlock(
    n + 1,
    1,
    Array.from({ length: 40 }, (_, i) => [
      `2026-10-${String(5 + (i % 20)).padStart(2, '0')} 10:00:00`,
      '',
      'Purchasing',
      0,
      'Worse',
      '',
      '',
      '',
    ]),
  );
  await page.getByRole('tab', { name: 'Goals that connect' }).click();
  await page.waitForSelector('table.sheet[data-sheet="Goals that connect"]');
  const rows = await grid();
  const kr2 = rows.find((r) => r[GOAL_COL.id]?.t === 'KR2')!;
  expect(Number(kr2[GOAL_COL.current].v)).toBeLessThan(before[GOAL_COL.current] as number);
  expect(Number(kr2[GOAL_COL.score].v)).toBeLessThan(before[GOAL_COL.score] as number);
  await sheetShot('goals-sheet-after-paste');
});
