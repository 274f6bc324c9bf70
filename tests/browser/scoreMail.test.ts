import type { Page } from 'playwright-core';
import { writeSidebar } from '../../scripts/build';
import type { Preview } from '../../src/preview/server';
import { detectSheets, suggestDefinition } from '../../src/server/scorecard/detect';
import { defaultSetup } from '../../src/core/survey/setup';
import { openPreview, screenshot, sidebarReady, type Opened } from './helpers';

/**
 * The weekly scorecard mail (issue 15) in the preview: switched on in the sidebar's automation panel, sent by
 * the weekly trigger, shown as a mail program shows its HTML body. Its screenshot is saved.
 */
jest.setTimeout(120_000);

let opened: Opened;
let preview: Preview;
let page: Page;

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

beforeAll(async () => {
  await writeSidebar();
  opened = await openPreview();
  ({ preview, page } = opened);
  await rpc('createSurvey', { setup: { ...defaultSetup('owner@example.com'), roles: ['Purchasing'] } });
  const definition = { ...suggestDefinition(detectSheets(preview.workbook)), marked: ['revenue', 'nps', 'review_response'] };
  await rpc('buildScorecard', { definition });
});

afterAll(() => opened?.close());

test('switched on in the sidebar, the weekly run mails the scorecard as the sheet shows it', async () => {
  await page.goto(`${preview.url}/?sidebar=survey`);
  await page.waitForSelector('body[data-ready]');
  const frame = await sidebarReady(page, 'survey-status');
  const box = frame.getByLabel('Mail the weekly scorecard: are we winning?');
  await expect(box.isChecked()).resolves.toBe(false);
  await box.check();
  await frame.getByRole('button', { name: /^Save/ }).click();
  await frame.getByText(/^Saved\./).waitFor();
  preview.automation.fire('weekly');
  const sent = preview.automation.mail.sent;
  const i = sent.findIndex((m) => /^Leadlag: \d of \d on track in /.test(m.subject));
  expect(i).toBeGreaterThanOrEqual(0);
  const m = sent[i];
  expect(m.to).toBe('owner@example.com');
  expect(m.body).toMatch(/^Are we winning\? ".+", 2026-10\n\nRevenue: £[\d,]+ \(target £[\d,]+ \(suggested\)\) — /);
  expect(m.body).toMatch(/Unhappy reviews answered: \d+% \(target \d+% \(suggested\)\) — \w+ \w+ as of 2026-05/);
  await page.goto(`${preview.url}/mail/${i}`);
  await expect(page.locator('h2').textContent()).resolves.toMatch(/^Are we winning\?/);
  for (const name of ['Brookfield Construction Ltd', 'Pioneer Catering Ltd', 'Humber Fabrication & Co', 'Marlow Electrical plc'])
    await expect(page.getByText(name, { exact: true }).count()).resolves.toBe(1);
  expect(await page.locator('script, img').count()).toBe(0);
  await page.setViewportSize({ width: 760, height: 900 });
  await screenshot(page, 'scorecard-mail');
});
