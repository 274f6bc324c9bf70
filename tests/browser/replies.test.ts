import type { Frame, Page } from 'playwright-core';
import { writeSidebar } from '../../scripts/build';
import type { Preview } from '../../src/preview/server';
import { buildScorecard } from '../../src/server/scorecard/build';
import { detectSheets, suggestDefinition } from '../../src/server/scorecard/detect';
import { TRACKER } from '../../src/server/tracker/sheets';
import { trackerSummary } from '../../src/server/tracker/section';
import { READING } from '../../src/core/results/actionResults';
import { defaultSetup } from '../../src/core/survey/setup';
import { readRecord } from '../../src/server/survey/automation';
import { axe, focused, openPreview, screenshot, serious, sidebarReady, type Browser, type Opened } from './helpers';

/**
 * "Did it work?" in the local preview, on the example data: the example actions on the tracker read moved, no
 * change and too few answers; an action is closed from the sidebar, its reply drafted, reviewed and sent
 * through the mail twin, which the page opens; the action records the reply. Hostile text in the
 * customer's comment stays text all the way into the mail.
 */
jest.setTimeout(120_000);

const IMG = '<img src=x onerror=alert(1)>';
const SAID = `Invoices arrive wrong ${IMG} "quoted" & more`;
const TRACKER_SHEET = TRACKER.names[0];

let opened: Opened;
let preview: Preview;
let browser: Browser;
let page: Page;

/** A call to the preview's server as the sidebar makes it (the survey set up without clicking through its wizard). */
async function rpc(name: string, args: unknown): Promise<unknown> {
  const res = await fetch(`${preview.url}/rpc`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, args }),
  });
  const answer = (await res.json()) as { ok?: unknown; error?: string };
  if (answer.error) throw new Error(answer.error);
  return answer.ok;
}

const tracker = () => preview.workbook.sheet(TRACKER_SHEET)!.readValues();
const column = (header: string) => {
  const grid = tracker();
  const j = grid[0].indexOf(header);
  return grid.slice(1).map((r) => r[j]);
};

async function checkAxe(frame: Frame): Promise<void> {
  expect(await axe(frame)).toEqual([]);
}

beforeAll(async () => {
  await writeSidebar();
  opened = await openPreview({ exampleActions: true });
  ({ preview, browser, page } = opened);
  // The scorecard first, as the preview's wizard would build it from the example data: the tracker's results read its sources.
  const wb = preview.workbook;
  buildScorecard(wb, suggestDefinition(detectSheets(wb)), '2026-11-23 10:00', [trackerSummary], { dates: wb.dateOptions() });
  await rpc('createSurvey', { setup: { ...defaultSetup('owner@example.com'), roles: ['Purchasing'] } });
  // A customer who left an address, with a comment that is hostile text.
  const record = readRecord(preview.automation.props)!;
  preview.automation.submit(record.forms[0].id, { customer: 'Acme Ltd', referral: 3, dissatisfies: SAID, contact: 'buyer@acme.example' });
});

afterAll(() => opened?.close());

test('the example actions show each reading: moved, no change, too few answers', async () => {
  const results = column('Measured result').map(String);
  expect(results.some((r) => r.startsWith(READING.better))).toBe(true);
  expect(results.some((r) => r.startsWith(READING.same))).toBe(true);
  expect(results.some((r) => r.startsWith(READING.few))).toBe(true);
  // The page shows them on the tracker's tab (made after the page loaded: read the tabs again).
  await page.reload();
  await page.waitForSelector('body[data-ready]');
  await page.locator('#tabs [role="tab"]', { hasText: TRACKER_SHEET }).click();
  await page.waitForSelector(`table.sheet[data-sheet="${TRACKER_SHEET}"]`);
  await page
    .getByText(/^Moved beyond routine variation \(better\)/)
    .first()
    .waitFor();
  await page
    .getByText(/^Too few answers to tell/)
    .first()
    .waitFor();
  await screenshot(page, 'replies-0-tracker');
});

test('close an action in the sidebar, review the draft, send it through the mail twin; the action records the reply', async () => {
  await page.goto(`${preview.url}/?sidebar=survey`);
  await page.waitForSelector('body[data-ready]');
  let frame = await sidebarReady(page, 'survey-status');
  await frame.getByRole('button', { name: /^Close actions and send/ }).click();
  frame = await sidebarReady(page, 'survey-actions');
  // The example's improved customer waits for a reply already; Acme's action is open.
  await frame.locator('[data-replies] li').first().waitFor();
  await checkAxe(frame);
  await screenshot(page, 'replies-1-actions');

  // Keyboard only: to Acme's Close, type what changed, close it.
  const closeName = 'Close the action of Acme Ltd';
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    if ((await focused(frame))?.name === closeName) break;
  }
  await expect(focused(frame)).resolves.toMatchObject({ name: closeName, ring: true });
  await page.keyboard.press('Enter');
  await expect(focused(frame)).resolves.toMatchObject({ tag: 'textarea', name: 'What was changed' });
  // Nothing typed: the problem shows under the field, which keeps the focus.
  await frame.getByRole('button', { name: 'Close the action', exact: true }).click();
  await frame.getByText('Say what was changed: the customer reads it.').waitFor();
  await page.keyboard.type(`We check every invoice before it goes out. ${IMG}`);
  await frame.getByRole('button', { name: 'Close the action', exact: true }).click();

  // The draft: to whom, their words as text, the message to review.
  frame = await sidebarReady(page, 'survey-reply');
  await expect(frame.locator('[data-to]').textContent()).resolves.toBe('buyer@acme.example');
  await expect(frame.locator('[data-said]').textContent()).resolves.toBe(SAID);
  expect(await frame.locator('img').count()).toBe(0);
  const message = frame.getByLabel('Message');
  await expect(message.inputValue()).resolves.toContain(`> ${SAID}`);
  await expect(message.inputValue()).resolves.toContain(`What we changed: We check every invoice before it goes out. ${IMG}`);
  await expect(frame.getByLabel('Subject').inputValue()).resolves.toBe('What we changed after your feedback');
  expect(preview.automation.mail.sent.filter((m) => m.to === 'buyer@acme.example')).toEqual([]); // nothing sent without the click
  await checkAxe(frame);
  await screenshot(page, 'replies-2-draft');

  // The owner adds a line, then sends: the page opens the mail twin on it.
  await message.press('End');
  await message.press('Control+End');
  await page.keyboard.type('\nAna, Northwind');
  await frame.getByRole('button', { name: 'Send reply' }).click();
  await page.locator('#mail-dialog[open]').waitFor();
  const sent = preview.automation.mail.sent.filter((m) => m.to === 'buyer@acme.example');
  expect(sent).toHaveLength(1);
  expect(sent[0].body.endsWith('Ana, Northwind')).toBe(true);
  await expect(page.locator('[data-mail-to]').textContent()).resolves.toBe('buyer@acme.example');
  await expect(page.locator('[data-mail-text]').textContent()).resolves.toContain(SAID);
  // The HTML body as a mail program shows it: the hostile comment is text, nothing ran, nothing was fetched.
  const mailFrame = page.frameLocator('iframe[data-mail]');
  await mailFrame.locator('blockquote').waitFor();
  await expect(mailFrame.locator('blockquote').textContent()).resolves.toBe(SAID);
  expect(await mailFrame.locator('img, script').count()).toBe(0);
  await expect(mailFrame.locator('a').count()).resolves.toBe(1); // their own survey link, nothing else
  const found = serious(await axe(page));
  const where = await page
    .evaluate(async () => {
      const w = window as unknown as {
        axe: { run(ctx: unknown): Promise<{ violations: { id: string; nodes: { target: unknown; failureSummary?: string }[] }[] }> };
      };
      const r = await w.axe.run(document);
      return r.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => `${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`) }));
    })
    .catch(() => []);
  expect({ where: found.length ? where : [], found }).toEqual({ where: [], found: [] });
  await screenshot(page, 'replies-3-mail');
  await page.keyboard.press('Escape');

  // The sidebar says it went, and the action records it.
  frame = await sidebarReady(page, 'survey-actions');
  await frame.getByText(/^Sent to buyer@acme\.example \(/).waitFor();
  const row = tracker().findIndex((r) => r.includes('Acme Ltd'));
  const grid = tracker();
  expect(grid[row][grid[0].indexOf('Reply sent')]).toMatch(/ to buyer@acme\.example$/);
  expect(grid[row][grid[0].indexOf('Status')]).toBe('done');
  expect(grid[row][grid[0].indexOf('Note to the customer')]).toBe(`We check every invoice before it goes out. ${IMG}`);
  expect(await frame.locator('[data-replies] li', { hasText: 'Acme Ltd' }).count()).toBe(0);
  expect(browser.dialogs).toEqual([]);
  expect(browser.outside).toEqual([]);
});

test('the owner chooses how long before and after an action is compared; the tracker’s results are measured again', async () => {
  await page.goto(`${preview.url}/?sidebar=survey`);
  await page.waitForSelector('body[data-ready]');
  let frame = await sidebarReady(page, 'survey-status');
  await frame.getByRole('button', { name: /^Close actions and send/ }).click();
  frame = await sidebarReady(page, 'survey-actions');
  const length = frame.getByLabel('Before and after');
  await expect(length.inputValue()).resolves.toBe('8 weeks');
  await frame.getByText(/compared over the 8 weeks before it was opened and the 8 weeks after it was closed/).waitFor();
  // The scorecard's period is offered by name (the example scorecard is monthly).
  await expect(frame.locator('option[value="period"]').textContent()).resolves.toBe('The scorecard’s period (month)');
  await length.selectOption('quarter');
  await frame.getByRole('button', { name: 'Measure again' }).click();
  frame = await sidebarReady(page, 'survey-actions');
  await frame.getByText('Each done action is now measured over 3 months before and after.').waitFor();
  await expect(frame.getByLabel('Before and after').inputValue()).resolves.toBe('quarter');
  const head = tracker()[0];
  const formula = preview.workbook.formulaAt(TRACKER_SHEET, `${String.fromCharCode(65 + head.indexOf('Before'))}1`);
  expect(formula).toMatch(/, "quarter", "/);
  // A quarter each side still reads every done action.
  expect(
    column('Measured result').filter((r) => String(r).startsWith('Moved') || String(r).startsWith('No change')).length,
  ).toBeGreaterThan(0);
  await checkAxe(frame);
  await screenshot(page, 'replies-4-window');
});
