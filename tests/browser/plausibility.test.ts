import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { MemoryWorkbook } from '../../src/server/adapters/memory/memoryWorkbook';
import { writeSidebar } from '../../scripts/build';
import { axe, openPreview, screenshot, serious, sidebarReady, type Opened } from './helpers';

/**
 * The wizard on vendor exports (issue 11): a Shopify orders export and a SurveyMonkey export are recognised
 * as such, step 2 shows what each measure will be for the latest month (computed by the server over the
 * whole sheets), an implausible column stops the step with what to do, and the right one builds.
 */
jest.setTimeout(90_000);

const fixture = (p: string) => readFileSync(join(__dirname, '..', 'fixtures', 'exports', p), 'utf8');

let opened: Opened;
let page: Page;

beforeAll(async () => {
  await writeSidebar();
  const workbook = MemoryWorkbook.fromCsv({
    Orders: fixture('shopify-orders/orders_export.csv'),
    Survey: fixture('surveymonkey/Customer Satisfaction Survey.csv'),
  });
  opened = await openPreview({ workbook }, '/?sidebar=wizard');
  ({ page } = opened);
});

afterAll(() => opened?.close());

test('recognised exports, their latest numbers before Build, and a check that stops an implausible column', async () => {
  let frame = await sidebarReady(page, 'wizard-1');
  await expect(frame.getByLabel('Sales', { exact: true }).inputValue()).resolves.toBe('Orders');
  await expect(frame.getByLabel('Customer feedback (survey answers)').inputValue()).resolves.toBe('Survey');
  await expect(frame.getByText('recognised as a Shopify orders export (sales data)').isVisible()).resolves.toBe(true);
  await frame.getByRole('button', { name: 'Next' }).click();

  frame = await sidebarReady(page, 'wizard-2');
  await expect(frame.getByText('Recognised as a Shopify orders export').isVisible()).resolves.toBe(true);
  const panel = frame.getByRole('region', { name: 'What the scorecard will show' });
  await panel.getByText('Revenue, 2025-01: $2,226 from 19 orders').waitFor();
  await expect(panel.getByText('Referral score (NPS), 2025-01: -7 from 14 answers').isVisible()).resolves.toBe(true);
  await expect(panel.getByText('Satisfaction (CSAT), 2025-01: 73% from 15 answers').isVisible()).resolves.toBe(true);
  await expect(panel.getByText('“Orders” is read as a Shopify orders export, amounts in USD.', { exact: false }).isVisible()).resolves.toBe(
    true,
  );

  // The mistake: Discount Amount as the revenue. The check names the column and what to do.
  await frame.getByLabel('Discount Amount', { exact: true }).selectOption('amount');
  await panel.getByText(/"Discount Amount" is 0 on 75% of the rows that have a value/).waitFor();
  await screenshot(page, 'plausibility-1-implausible');
  expect(serious(await axe(frame))).toEqual([]);
  await frame.getByRole('button', { name: 'Next' }).click();
  await frame.getByText('Sales: "Discount Amount" is 0 on 75% of the rows', { exact: false }).first().waitFor();
  await expect(frame.locator('#step-h').textContent()).resolves.toBe('Step 2 of 4: Columns');

  // The right column: the check is quiet again and the wizard goes on.
  await frame.getByLabel('Subtotal', { exact: true }).selectOption('amount');
  await panel.getByText('Revenue, 2025-01: $2,226 from 19 orders').waitFor();
  await expect(panel.getByText(/is 0 on 75%/).count()).resolves.toBe(0);
  await frame.getByRole('button', { name: 'Next' }).click();
  frame = await sidebarReady(page, 'wizard-3');
  await frame.getByRole('button', { name: 'Next' }).click();

  frame = await sidebarReady(page, 'wizard-4');
  const before = frame.getByRole('region', { name: 'What the scorecard will show' });
  await before.getByText('Orders, 2025-01: 19 from 19 orders').waitFor();
  await screenshot(page, 'plausibility-2-build');
  await frame.getByRole('button', { name: 'Build scorecard' }).click();
  frame = await sidebarReady(page, 'built');
  await expect(frame.getByRole('heading', { name: 'Scorecard built' }).isVisible()).resolves.toBe(true);
});
