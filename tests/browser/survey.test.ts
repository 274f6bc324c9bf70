import type { Frame, Page } from 'playwright-core';
import { writeSidebar } from '../../scripts/build';
import type { Preview } from '../../src/preview/server';
import { TEXTS } from '../../src/core/survey/texts';
import { RESPONSES, TRACKER } from '../../src/server/tracker/sheets';
import { readRecord } from '../../src/server/survey/automation';
import { readAnswers } from '../../src/core/survey/normalise';
import { axe, focused, openPreview, recordMetrics, screenshot, sidebarReady, type AxeFinding, type Browser, type Opened } from './helpers';

/**
 * The customer survey wizard in the local preview: roles, questions, create, the automation panel, with
 * hostile role names, failures from the server, the keyboard only and axe-core on every step. What the
 * sidebar shows is checked against the preview's in-memory workbook and automation twin.
 */
jest.setTimeout(90_000);

const IMG = '<img src=x onerror=alert(1)>';
const FORMULA = '=HYPERLINK("http://x.test","click")';
const OWNER = 'owner@example.com';
const REFERRAL = TEXTS.referral;
const COMPARISON = TEXTS.comparison;
const CSAT = TEXTS.csat;
const RESPONSES_SHEET = RESPONSES.names[0];
const TRACKER_SHEET = TRACKER.names[0];

let opened: Opened;
let preview: Preview;
let browser: Browser;
let page: Page;
const axeByView: Record<string, AxeFinding[]> = {};
const noRing: string[] = [];

beforeAll(async () => {
  await writeSidebar();
  // Creating waits 600 ms, as a round trip to Google would: time to see the progress and double-click.
  opened = await openPreview({ latency: (call) => (call === 'createSurvey' ? 600 : 0) });
  ({ preview, browser, page } = opened);
});

afterAll(() => opened?.close());

/** axe-core finds nothing at all (not only nothing serious) in the sidebar. */
async function checkAxe(frame: Frame, view: string): Promise<void> {
  const found = await axe(frame);
  axeByView[view] = found;
  if (found.length) {
    // Which elements, to say what to fix.
    const where = await frame.evaluate(async () => {
      const w = window as unknown as {
        axe: { run(ctx: unknown): Promise<{ violations: { id: string; nodes: { target: unknown; failureSummary?: string }[] }[] }> };
      };
      const r = await w.axe.run(document);
      return r.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => `${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`) }));
    });
    expect({ view, where }).toEqual({ view, where: [] });
  }
  expect(found).toEqual([]);
}

const stepTitle = (frame: Frame) => frame.locator('#survey-step-h').textContent();
const roleInputs = (frame: Frame) => frame.locator('.role-list input');
const roleValues = (frame: Frame) => roleInputs(frame).evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
const triggerKinds = () =>
  preview.automation.triggers
    .list()
    .map((t) => t.kind)
    .sort();
/** The forms of the latest run, as the server counts them (runs in the same minute count as one). */
const latestCount = () => {
  const record = readRecord(preview.automation.props)!;
  return record.forms.filter((f) => f.run === record.run).length;
};
const imgCount = (frame: Frame) => frame.locator('img').count();

/** Waits until `read` gives `want` (the preview updates after a pause in typing). */
async function until<T>(read: () => Promise<T>, want: T, timeout = 10_000): Promise<void> {
  const deadline = Date.now() + timeout;
  let got = await read();
  while (got !== want && Date.now() < deadline) {
    await page.waitForTimeout(50);
    got = await read();
  }
  expect(got).toBe(want);
}

/** Presses Tab (or Shift+Tab) until the focused control in the frame is called `name`. */
async function tabTo(frame: Frame, name: string | RegExp, back = false, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const f = await focused(frame);
    if (!f) continue;
    if (['button', 'select', 'input', 'textarea', 'a'].includes(f.tag) && !f.ring) noRing.push(`${f.tag} "${f.name}"`);
    if (typeof name === 'string' ? f.name === name : name.test(f.name)) return;
  }
  throw new Error(`Tab never reached "${String(name)}"`);
}

test('Home offers a customer survey', async () => {
  await page.getByRole('button', { name: 'Open Leadlag' }).click();
  const frame = await sidebarReady(page, 'home');
  await frame.getByRole('heading', { name: 'Customer survey' }).waitFor();
  await frame.getByRole('button', { name: 'Set up a customer survey' }).waitFor();
  await expect(frame.getByText('none set up yet').count()).resolves.toBe(2);
  await checkAxe(frame, 'home');
  await screenshot(page, 'survey-0-home');
});

test('the roles step with the keyboard only', async () => {
  let frame = await sidebarReady(page, 'home');
  await frame.getByRole('button', { name: 'Set up a customer survey' }).focus();
  await page.keyboard.press('Enter');
  frame = await sidebarReady(page, 'survey-1');
  await expect(focused(frame)).resolves.toMatchObject({ name: 'Step 1 of 3: Roles' });
  await expect(roleValues(frame)).resolves.toEqual(['Decision maker', 'Day-to-day user', 'Purchasing', 'Technical']);

  // The title, then a role renamed, all by typing.
  await tabTo(frame, 'Survey title');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('Tell us how we are doing');
  await tabTo(frame, 'Role 2');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('Daily user');
  // Add a role: focus lands in its new, empty box.
  await tabTo(frame, 'Add a role');
  await page.keyboard.press('Enter');
  await expect(focused(frame)).resolves.toMatchObject({ tag: 'input', name: 'Role 5' });
  await page.keyboard.type('Finance');
  // Remove it again with its own button: focus moves to the role before it.
  await tabTo(frame, 'Remove role 5');
  await page.keyboard.press('Space');
  await expect(roleValues(frame)).resolves.toEqual(['Decision maker', 'Daily user', 'Purchasing', 'Technical']);
  await expect(focused(frame)).resolves.toMatchObject({ tag: 'input', name: 'Role 4' });
  // The layout with the arrow keys.
  await tabTo(frame, 'One form per role');
  await page.keyboard.press('ArrowDown');
  await expect(frame.getByLabel('One form that asks the role and branches').isChecked()).resolves.toBe(true);
  await page.keyboard.press('ArrowUp');
  await expect(frame.getByLabel('One form per role').isChecked()).resolves.toBe(true);
  await tabTo(frame, 'Next');
  await page.keyboard.press('Enter');
  frame = await sidebarReady(page, 'survey-2');
  await expect(focused(frame)).resolves.toMatchObject({ name: 'Step 2 of 3: Questions' });
  await frame.getByText('4 forms, one per role.').waitFor();
  // Back keeps every change.
  await tabTo(frame, 'Back');
  await page.keyboard.press('Enter');
  frame = await sidebarReady(page, 'survey-1');
  await expect(roleValues(frame)).resolves.toEqual(['Decision maker', 'Daily user', 'Purchasing', 'Technical']);
  await expect(frame.getByLabel('Survey title').inputValue()).resolves.toBe('Tell us how we are doing');
  expect(noRing).toEqual([]);
});

test('roles: rename, add up to six (then blocked), remove, hostile names, layout', async () => {
  const frame = await sidebarReady(page, 'survey-1');
  await frame.getByLabel('Role 4').fill('IT lead');
  const add = frame.getByRole('button', { name: 'Add a role' });
  await add.click();
  await frame.getByLabel('Role 5').fill('Finance');
  await add.click();
  await frame.getByLabel('Role 6').fill(IMG);
  // Six is the most: the button is disabled and says why.
  await expect(add.isDisabled()).resolves.toBe(true);
  await expect(frame.getByText('6 roles at most: remove one to add another.').isVisible()).resolves.toBe(true);
  await expect(add.getAttribute('aria-describedby')).resolves.toBeTruthy();
  await add.click({ force: true }).catch(() => undefined);
  await expect(roleInputs(frame).count()).resolves.toBe(6);
  await checkAxe(frame, 'survey-1-full');
  await screenshot(page, 'survey-1-roles-full');
  // Remove one, add a formula-looking name instead.
  await frame.getByRole('button', { name: 'Remove role 5' }).click();
  await expect(add.isEnabled()).resolves.toBe(true);
  await add.click();
  await frame.getByLabel('Role 6').fill(FORMULA);
  await expect(roleValues(frame)).resolves.toEqual(['Decision maker', 'Daily user', 'Purchasing', 'IT lead', IMG, FORMULA]);
  // Removing down to one role: the last one cannot go.
  for (let i = 0; i < 5; i++) await frame.getByRole('button', { name: 'Remove role 2' }).click();
  await expect(roleValues(frame)).resolves.toEqual(['Decision maker']);
  await expect(frame.getByRole('button', { name: 'Remove role 1' }).isDisabled()).resolves.toBe(true);
  await expect(frame.getByText('A survey asks at least one role. Up to 6.').isVisible()).resolves.toBe(true);
  for (const name of ['Daily user', 'Purchasing', 'IT lead', IMG, FORMULA]) {
    await add.click();
    await roleInputs(frame).last().fill(name);
  }
  await expect(roleValues(frame)).resolves.toEqual(['Decision maker', 'Daily user', 'Purchasing', 'IT lead', IMG, FORMULA]);
  // One form that branches.
  await frame.getByLabel('One form that asks the role and branches').check();
  await checkAxe(frame, 'survey-1');
  await screenshot(page, 'survey-1-roles');
  expect(await imgCount(frame)).toBe(0);
  await frame.getByRole('button', { name: 'Next' }).click();
});

test('questions: one branching form, then one form per role; CSAT, role questions and wording', async () => {
  let frame = await sidebarReady(page, 'survey-2');
  await expect(stepTitle(frame)).resolves.toBe('Step 2 of 3: Questions');
  // One form: the role question branches to each role's section.
  await frame.getByText('One form: it asks the role, then shows that role’s questions.').waitFor();
  const card = frame.locator('details.form-card');
  await expect(card.count()).resolves.toBe(1);
  await expect(card.locator('.q-title', { hasText: REFERRAL }).count()).resolves.toBe(6);
  await expect(card.locator('.q-title', { hasText: COMPARISON }).count()).resolves.toBe(6);
  await expect(card.getByText(`Section: ${IMG}`, { exact: true }).isVisible()).resolves.toBe(true);
  await expect(card.getByText(`Section: ${FORMULA}`, { exact: true }).isVisible()).resolves.toBe(true);
  await expect(card.getByText(`→ section ${IMG}`).first().isVisible()).resolves.toBe(true);
  await expect(card.getByText('What would make it easier to decide to buy more from us?').isVisible()).resolves.toBe(true);
  await expect(card.getByText(`In your role (${IMG}), what one thing should we improve for you?`).isVisible()).resolves.toBe(true);
  await expect(card.getByText('Scale 0–10: 0 Not at all likely, 10 Extremely likely').first().isVisible()).resolves.toBe(true);
  await expect(card.getByText(TEXTS.closing).isVisible()).resolves.toBe(true);
  expect(await imgCount(frame)).toBe(0);
  expect(browser.dialogs).toEqual([]);
  await checkAxe(frame, 'survey-2-branching');
  await screenshot(page, 'survey-2-questions-branching');

  // Back to one form per role: a form per role, each with the referral and comparison questions.
  await frame.getByRole('button', { name: 'Back' }).click();
  frame = await sidebarReady(page, 'survey-1');
  await frame.getByLabel('One form per role').check();
  await frame.getByRole('button', { name: 'Next' }).click();
  frame = await sidebarReady(page, 'survey-2');
  await frame.getByText('6 forms, one per role.').waitFor();
  const cards = frame.locator('details.form-card');
  await expect(cards.count()).resolves.toBe(6);
  await expect(cards.locator('summary').allTextContents()).resolves.toEqual(
    ['Decision maker', 'Daily user', 'Purchasing', 'IT lead', IMG, FORMULA].map((r) => `${r} · 8 questions`),
  );
  for (let i = 0; i < 6; i++) {
    await expect(cards.nth(i).locator('.q-title', { hasText: REFERRAL }).count()).resolves.toBe(1);
    await expect(cards.nth(i).locator('.q-title', { hasText: COMPARISON }).count()).resolves.toBe(1);
  }
  await expect(cards.nth(4).locator('.form-title').textContent()).resolves.toBe(`Tell us how we are doing (${IMG})`);
  await cards.nth(3).locator('summary').click();
  await expect(cards.nth(3).getByText('In your role (IT lead), what one thing should we improve for you?').isVisible()).resolves.toBe(true);

  // CSAT: it appears in every form.
  await expect(frame.locator('.q-title', { hasText: CSAT }).count()).resolves.toBe(0);
  await frame.getByLabel('Ask satisfaction (CSAT 1–5)').check();
  await until(() => frame.locator('.q-title', { hasText: CSAT }).count(), 6);
  await expect(cards.first().getByText('Scale 1–5: 1 Very dissatisfied, 5 Very satisfied').isVisible()).resolves.toBe(true);
  // No role questions, then back on.
  await frame.getByLabel('Ask each role its own question').uncheck();
  await until(() => frame.getByText('What would make it easier to decide to buy more from us?').count(), 0);
  await frame.getByLabel('Ask each role its own question').check();
  await until(() => frame.getByText('What would make it easier to decide to buy more from us?').count(), 1);

  // The wording: the closing line and one role's own question, shown in the preview as typed.
  await frame.getByText('Edit wording').click();
  await frame.getByLabel('Closing line, shown after sending').fill('Thanks! Every problem becomes an action.');
  await frame.getByLabel(`Role 5: ${IMG}`).fill('What should we fix for you first?');
  await until(() => frame.getByText('Thanks! Every problem becomes an action.').count(), 6);
  await cards.nth(4).locator('summary').click();
  await expect(cards.nth(4).getByText('What should we fix for you first?').isVisible()).resolves.toBe(true);
  expect(await imgCount(frame)).toBe(0);
  await checkAxe(frame, 'survey-2');
  await screenshot(page, 'survey-2-questions');

  // Two questions worded alike: the server's problem shows, and Next stays on this step.
  const comparison = frame.getByLabel('Comparison question');
  await comparison.fill(REFERRAL);
  await frame.getByRole('button', { name: 'Update preview' }).click();
  await frame.getByText('One thing to fix first').waitFor();
  await expect(frame.getByText(`"${REFERRAL}" is there twice`, { exact: false }).isVisible()).resolves.toBe(true);
  await frame.getByRole('button', { name: 'Next' }).click();
  await expect(stepTitle(frame)).resolves.toBe('Step 2 of 3: Questions');
  await comparison.fill('');
  await frame.getByRole('button', { name: 'Next' }).click();
  frame = await sidebarReady(page, 'survey-3');
});

test('an empty title is refused with the server’s words', async () => {
  let frame = await sidebarReady(page, 'survey-3');
  await frame.getByRole('button', { name: 'Back' }).click();
  frame = await sidebarReady(page, 'survey-2');
  await frame.getByRole('button', { name: 'Back' }).click();
  frame = await sidebarReady(page, 'survey-1');
  await frame.getByLabel('Survey title').fill('   ');
  await frame.getByRole('button', { name: 'Next' }).click();
  frame = await sidebarReady(page, 'survey-2');
  await frame.getByText('Give the survey a title of up to 100 characters.').waitFor();
  await checkAxe(frame, 'survey-2-problems');
  await screenshot(page, 'survey-2-problems');
  await frame.getByRole('button', { name: 'Next' }).click();
  await expect(stepTitle(frame)).resolves.toBe('Step 2 of 3: Questions');
  await expect(frame.evaluate(() => document.activeElement?.classList.contains('error-box'))).resolves.toBe(true);
  await frame.getByRole('button', { name: 'Back to the roles' }).click();
  frame = await sidebarReady(page, 'survey-1');
  await frame.getByLabel('Survey title').fill('Tell us how we are doing');
  await frame.getByRole('button', { name: 'Next' }).click();
  frame = await sidebarReady(page, 'survey-2');
  await frame.getByText('6 forms, one per role.').waitFor();
  await frame.getByRole('button', { name: 'Next' }).click();
  await sidebarReady(page, 'survey-3');
});

test('create: no reminder until an owner is given; a problem shows under its own field, with the focus; then the survey is made once', async () => {
  const frame = await sidebarReady(page, 'survey-3');
  await expect(stepTitle(frame)).resolves.toBe('Step 3 of 3: Create');
  // Apps Script gave no address here: the reminder starts off, so the defaults create as they are.
  await expect(frame.getByLabel('None').isChecked()).resolves.toBe(true);
  await expect(frame.getByLabel('Owner’s email (optional)').inputValue()).resolves.toBe('');
  await checkAxe(frame, 'survey-3');
  await screenshot(page, 'survey-3-create');
  const create = frame.getByRole('button', { name: 'Create survey' });
  const owner = frame.getByLabel('Owner’s email (optional)');
  // Days to act are checked here first: the problem shows under the field, which gets the focus.
  await frame.getByLabel('Days to act on each action').fill('0');
  await create.click();
  await frame.getByText('Days to act must be a whole number from 1 to 365.').waitFor();
  await expect(focused(frame)).resolves.toMatchObject({ tag: 'input', name: 'Days to act on each action' });
  await expect(frame.getByLabel('Days to act on each action').getAttribute('aria-invalid')).resolves.toBe('true');
  await frame.getByLabel('Days to act on each action').fill('14');
  // A reminder with nobody to send it to: said under the owner's field, in view, with the focus there.
  await frame.getByLabel('Quarterly').check();
  await create.click();
  await frame.getByText('Enter the email address that gets the reminders and the digest. Or choose no reminder and no digest.').waitFor();
  await expect(focused(frame)).resolves.toMatchObject({ tag: 'input', name: 'Owner’s email (optional)' });
  await expect(owner.getAttribute('aria-invalid')).resolves.toBe('true');
  const described = (await owner.getAttribute('aria-describedby')) ?? '';
  await expect(frame.locator(`[id="${described.split(' ').pop()}"]`).textContent()).resolves.toContain('Enter the email address');
  const box = await frame.locator('.field-error .error-box').boundingBox();
  const vp = page.viewportSize()!;
  expect(box && box.y >= 0 && box.y + box.height <= vp.height).toBe(true); // in view, not below the button
  await expect(create.isEnabled()).resolves.toBe(true);
  expect(preview.automation.forms.forms.size).toBe(0);
  await checkAxe(frame, 'survey-3-error');
  await screenshot(page, 'survey-3-error');
  await owner.fill('not an email');
  await create.click();
  await frame.getByText('“not an email” is not an email address.', { exact: false }).waitFor();

  await owner.fill(OWNER);
  await expect(owner.getAttribute('aria-invalid')).resolves.toBeNull(); // typing clears it
  await frame.getByLabel('Mail a weekly digest of open and overdue actions').check();
  const before = preview.calls.filter((c) => c === 'createSurvey').length;
  await create.click();
  await create.click({ force: true, timeout: 500 }).catch(() => undefined); // a double click does nothing more
  await frame.getByRole('progressbar', { name: 'Creating the survey' }).waitFor();
  await expect(create.isDisabled()).resolves.toBe(true);
  await screenshot(page, 'survey-3-creating');
  await sidebarReady(page, 'survey-created', 20_000);
  expect(preview.calls.filter((c) => c === 'createSurvey').length - before).toBe(1);
});

test('the result matches what the preview made: forms, links, sheets, one trigger of each kind', async () => {
  const frame = await sidebarReady(page, 'survey-created');
  await expect(frame.getByRole('heading', { name: 'Survey created' }).isVisible()).resolves.toBe(true);
  await expect(frame.getByText('This is the local preview: the forms are form descriptions here').isVisible()).resolves.toBe(true);
  const made = [...preview.automation.forms.forms.values()];
  expect(made.map((f) => f.spec.role)).toEqual(['Decision maker', 'Daily user', 'Purchasing', 'IT lead', IMG, FORMULA]);
  const items = frame.locator('.form-links li');
  await expect(items.count()).resolves.toBe(6);
  for (let i = 0; i < made.length; i++) {
    const f = made[i];
    await expect(items.nth(i).locator('.found-name').textContent()).resolves.toBe(f.spec.role);
    const share = items.nth(i).getByRole('link', { name: /^Share link/ });
    const edit = items.nth(i).getByRole('link', { name: /^Edit form/ });
    await expect(share.getAttribute('href')).resolves.toBe(f.publishedUrl);
    await expect(edit.getAttribute('href')).resolves.toBe(f.editUrl);
    await expect(share.getAttribute('target')).resolves.toBe('_blank');
    await expect(share.getAttribute('rel')).resolves.toContain('noopener');
    expect(preview.workbook.sheetNames()).toContain(f.responseSheet);
  }
  expect(preview.workbook.sheetNames()).toEqual(expect.arrayContaining([RESPONSES_SHEET, TRACKER_SHEET]));
  await expect(frame.locator('.sheet-line .found-what').allTextContents()).resolves.toEqual([
    '“Survey links”',
    `“${RESPONSES_SHEET}”`,
    `“${TRACKER_SHEET}”`,
  ]);
  await expect(frame.getByText(/^On: each response is processed as it arrives/).isVisible()).resolves.toBe(true);
  await expect(frame.getByText('Nothing needs an action yet.').isVisible()).resolves.toBe(true);
  // Every form published and accepting, as Google Forms says; and why there are no customer links yet.
  await until(() => frame.getByText('Published, accepting responses.', { exact: false }).count(), 6);
  await expect(frame.locator('[data-links]').textContent()).resolves.toContain('Build the scorecard from your sales data first');
  expect(triggerKinds()).toEqual(['formSubmit', 'weekly']);
  expect(await imgCount(frame)).toBe(0);
  await checkAxe(frame, 'survey-created');
  await screenshot(page, 'survey-4-created');

  // Show sheet brings the tracker to the front on the page.
  await frame.getByRole('button', { name: `Show sheet “${TRACKER_SHEET}”` }).click();
  await page.waitForSelector(`table.sheet[data-sheet="${TRACKER_SHEET}"]`);
  await frame.getByText(`“${TRACKER_SHEET}” is open.`).waitFor();
});

test('simulated responses land in the responses sheet and become actions on the tracker', async () => {
  const frame = await sidebarReady(page, 'survey-created');
  const rows = (sheet: string) =>
    preview.workbook
      .sheet(sheet)!
      .readValues()
      .filter((r) => r.some((c) => c !== '' && c !== null)).length - 1;
  expect(rows(TRACKER_SHEET)).toBe(0);
  await frame.getByRole('button', { name: 'Simulate 5 responses' }).click();
  await frame.getByText('5 simulated responses submitted and processed.').waitFor();
  expect(rows(RESPONSES_SHEET)).toBe(5);
  const actions = rows(TRACKER_SHEET);
  expect(actions).toBeGreaterThan(0);
  const tracker = preview.workbook.sheet(TRACKER_SHEET)!.readValues();
  expect(tracker[0].slice(0, 6)).toEqual(['ID', 'Opened', 'Source', 'Customer', 'Contact', 'What was wrong']);
  expect(actions).toBeLessThanOrEqual(5); // one action per unhappy response, every reason in it
  await expect(frame.locator('dd[data-trigger="formSubmit"]').textContent()).resolves.toBe('on');
  await checkAxe(frame, 'survey-simulated');
  await screenshot(page, 'survey-5-simulated');

  // The automation panel: the same forms, the triggers, and processing now finds nothing new.
  await frame.getByRole('button', { name: 'Manage the survey' }).click();
  await sidebarReady(page, 'survey-status');
  await expect(frame.getByRole('heading', { name: '“Tell us how we are doing”' }).isVisible()).resolves.toBe(true);
  await expect(frame.locator('.form-links li').count()).resolves.toBe(6);
  // The tracker's counts: every action is new and open, none overdue yet.
  await expect(frame.locator('[data-actions]').textContent()).resolves.toBe(
    `${actions} open action${actions === 1 ? '' : 's'}, 0 overdue, 0 done`,
  );
  // The preview page shows the tracker's tab without a reload.
  await page.locator('#tabs [role="tab"]', { hasText: TRACKER_SHEET }).waitFor();
  await frame.getByRole('button', { name: 'Process responses now' }).click();
  await frame.getByText('Processed: 0 responses processed, 0 new actions.').waitFor();
  // Five more, from the panel: the responses sheet grows by five.
  await frame.getByRole('button', { name: 'Simulate 5 responses' }).click();
  await frame.getByText('5 simulated responses submitted and processed.').waitFor();
  expect(rows(RESPONSES_SHEET)).toBe(10);
  expect(rows(TRACKER_SHEET)).toBeGreaterThanOrEqual(actions);
  await checkAxe(frame, 'survey-status');
  await screenshot(page, 'survey-6-status');
});

test('the wizard a second time makes new forms but no second trigger', async () => {
  let frame = await sidebarReady(page, 'survey-status');
  await frame.getByRole('button', { name: 'Set up the survey again' }).click();
  frame = await sidebarReady(page, 'survey-1');
  await expect(frame.getByLabel('Survey title').inputValue()).resolves.toBe('Tell us how we are doing');
  await expect(roleValues(frame)).resolves.toEqual(['Decision maker', 'Daily user', 'Purchasing', 'IT lead', IMG, FORMULA]);
  await frame.getByRole('button', { name: 'Remove role 6' }).click();
  await frame.getByRole('button', { name: 'Next' }).click();
  frame = await sidebarReady(page, 'survey-2');
  await frame.getByText('5 forms, one per role.').waitFor();
  await frame.getByRole('button', { name: 'Next' }).click();
  frame = await sidebarReady(page, 'survey-3');
  await expect(frame.getByLabel('Owner’s email (optional)').inputValue()).resolves.toBe(OWNER);
  await frame.getByRole('button', { name: 'Create survey' }).click();
  await sidebarReady(page, 'survey-created', 20_000);
  await expect(frame.locator('.form-links li').count()).resolves.toBe(5);
  expect(preview.automation.forms.forms.size).toBe(11);
  expect(triggerKinds()).toEqual(['formSubmit', 'weekly']);

  await frame.getByRole('button', { name: 'Manage the survey' }).click();
  await sidebarReady(page, 'survey-status');
  await expect(frame.locator('dd[data-trigger="formSubmit"]').textContent()).resolves.toBe('on');
  await expect(frame.locator('dd[data-trigger="weekly"]').textContent()).resolves.toBe('on');
  // Every form is listed: the latest run's 5 first, the first run's 6 folded away (even within one minute).
  expect(latestCount()).toBe(5);
  await expect(frame.locator('.form-links li').count()).resolves.toBe(11);
  await expect(
    frame.getByText(`Created ${readRecord(preview.automation.props)!.createdAt} · 5 forms · automation on`).isVisible(),
  ).resolves.toBe(true);
  await frame.getByText('Earlier forms (6)').click();
});

test('reminders and digest are saved; uninstall asks first, then the triggers are off', async () => {
  const frame = await sidebarReady(page, 'survey-status');
  await frame.getByLabel('Monthly').check();
  await frame.getByRole('button', { name: 'Save', exact: true }).click();
  await frame.getByText('Saved. The automation is on.').waitFor();
  expect(triggerKinds()).toEqual(['formSubmit', 'weekly']);
  await expect(frame.getByLabel('Monthly').isChecked()).resolves.toBe(true);

  // A bad owner: said under the owner's field, which gets the focus; nothing saved.
  const calls = preview.calls.filter((c) => c === 'setAutomation').length;
  await frame.getByLabel('Owner’s email (optional)').fill('not an email');
  await frame.getByRole('button', { name: 'Save', exact: true }).click();
  await frame.getByText('“not an email” is not an email address.', { exact: false }).waitFor();
  await expect(focused(frame)).resolves.toMatchObject({ tag: 'input', name: 'Owner’s email (optional)' });
  expect(preview.calls.filter((c) => c === 'setAutomation').length).toBe(calls);
  await frame.getByLabel('Owner’s email (optional)').fill(OWNER);

  // Uninstall: a confirmation in the sidebar first; Cancel keeps everything.
  await frame.getByRole('button', { name: 'Uninstall automation' }).click();
  const confirm = frame.getByRole('group', { name: /^Uninstall the automation\?/ });
  await expect(confirm.getByText(/The forms, the sheets and the actions stay\./).isVisible()).resolves.toBe(true);
  await expect(focused(frame)).resolves.toMatchObject({ tag: 'button', name: 'Uninstall' });
  await checkAxe(frame, 'survey-uninstall-confirm');
  await screenshot(page, 'survey-7-uninstall-confirm');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  expect(triggerKinds()).toEqual(['formSubmit', 'weekly']);
  await frame.getByRole('button', { name: 'Uninstall automation' }).click();
  await frame
    .getByRole('group', { name: /^Uninstall the automation\?/ })
    .getByRole('button', { name: 'Uninstall' })
    .click();
  await frame.getByText('Automation uninstalled: 2 triggers removed. The forms, the sheets and the actions stay.').waitFor();
  expect(triggerKinds()).toEqual([]);
  await expect(frame.locator('dd[data-trigger="formSubmit"]').textContent()).resolves.toBe('off');
  await expect(frame.locator('dd[data-trigger="weekly"]').textContent()).resolves.toBe('off');
  await expect(frame.getByRole('button', { name: 'Uninstall automation' }).count()).resolves.toBe(0);
  expect(preview.workbook.sheetNames()).toEqual(expect.arrayContaining([RESPONSES_SHEET, TRACKER_SHEET]));
  await checkAxe(frame, 'survey-uninstalled');
  await screenshot(page, 'survey-8-uninstalled');

  // Home shows the survey with the automation off.
  await frame.getByRole('button', { name: 'Back to home' }).click();
  await sidebarReady(page, 'home');
  await frame.getByText(new RegExp(`· ${latestCount()} forms · automation off$`)).waitFor();
  await expect(frame.getByText(`“Tell us how we are doing” · ${latestCount()} forms`).isVisible()).resolves.toBe(true);
  await checkAxe(frame, 'home-with-survey');
  await screenshot(page, 'survey-9-home');

  // Turning it back on from the panel installs one of each again.
  await frame.getByRole('button', { name: 'Manage survey' }).click();
  await sidebarReady(page, 'survey-status');
  await frame.getByRole('button', { name: 'Save and turn automation on' }).click();
  await frame.getByText('Saved. The automation is on.').waitFor();
  expect(triggerKinds()).toEqual(['formSubmit', 'weekly']);

  // The sidebar served with data-start="survey" opens on the survey (here: its automation panel).
  await page.goto(`${preview.url}/?sidebar=survey`);
  const again = await sidebarReady(page, 'survey-status');
  await expect(again.getByRole('heading', { name: '“Tell us how we are doing”' }).isVisible()).resolves.toBe(true);
  expect(browser.dialogs).toEqual([]);
  expect(browser.outside).toEqual([]);
  recordMetrics({ axeSurvey: axeByView });
});

test('the panel shows what stops answers: a form whose sheet is gone, a form not accepting, a response that could not be written (with Retry)', async () => {
  const frame = await sidebarReady(page, 'survey-status');
  const record = readRecord(preview.automation.props)!;
  const latest = record.forms.filter((f) => f.run === record.run);
  // The owner deletes one form's response sheet, and closes another form in Google Forms.
  preview.workbook.deleteSheet(latest[0].responseSheet);
  preview.automation.forms.setAccepting(latest[1].id, false);
  // A response that Sheets would not take, recorded by an earlier run and skipped since.
  preview.automation.lock.timeOut = true;
  preview.automation.submit(latest[2].id, { customer: 'Stuck & Co', referral: 3 });
  preview.automation.lock.timeOut = false;
  const stuck = latest[2];
  const columns = record.forms.find((f) => f.id === stuck.id)!.columns;
  const read = readAnswers(preview.workbook.sheet(stuck.responseSheet)!.readValues(), columns, stuck.id, stuck.role);
  const key = read.find((a) => a.customer === 'Stuck & Co')!.key;
  preview.automation.props.set(
    'leadlag.failed',
    JSON.stringify([
      {
        key,
        form: stuck.title,
        sheet: stuck.responseSheet,
        row: 2,
        customer: 'Stuck & Co',
        stage: 'response',
        reason: 'Service error: Spreadsheets',
        at: '2026-11-23 10:00',
        attempts: 1,
        skip: true,
      },
    ]),
  );
  await frame.getByRole('button', { name: 'Process responses now' }).click();
  await frame.getByText(/^Processed: /).waitFor();
  const fed = () =>
    preview.workbook
      .sheet(RESPONSES_SHEET)!
      .readValues()
      .some((r) => r.includes('Stuck & Co'));
  expect(fed()).toBe(false); // skipped until retried
  // The deleted sheet: an error under that form, in words that say what to do.
  const gone = frame.locator(`li[data-form="${latest[0].id}"] [data-problem]`);
  await expect(gone.textContent()).resolves.toMatch(/response sheet “.+” is gone.*Link to Sheets/);
  // The closed form: Google Forms' state under it.
  await until(() => frame.locator(`li[data-form="${latest[1].id}"] .error-box`).count(), 1);
  await expect(frame.locator(`li[data-form="${latest[1].id}"]`).textContent()).resolves.toContain('does not accept responses');
  // The failed response: listed with its reason, and Retry.
  const failed = frame.locator('[data-failed]');
  await expect(failed.textContent()).resolves.toContain('Stuck & Co');
  await expect(failed.textContent()).resolves.toContain('Service error: Spreadsheets');
  await checkAxe(frame, 'survey-problems');
  await screenshot(page, 'survey-10-problems');
  await failed.getByRole('button', { name: 'Retry the response of Stuck & Co' }).click();
  await frame.getByText(/^Tried again: /).waitFor();
  await expect(frame.locator('[data-failed]').count()).resolves.toBe(0);
  expect(fed()).toBe(true);
  preview.automation.forms.setAccepting(latest[1].id, true);
});

test('older low-star reviews are offered once, as a choice with their count; the links go to every customer of the sales data', async () => {
  // A scorecard from the example data: its reviews and its customers.
  const res = await fetch(`${preview.url}/rpc`, { method: 'POST', body: JSON.stringify({ name: 'readTables', args: {} }) });
  expect(res.ok).toBe(true);
  const { detectSheets, suggestDefinition } = await import('../../src/server/scorecard/detect');
  const def = suggestDefinition(detectSheets(preview.workbook));
  const built = await fetch(`${preview.url}/rpc`, {
    method: 'POST',
    body: JSON.stringify({ name: 'buildScorecard', args: { definition: def } }),
  });
  expect(((await built.json()) as { ok?: unknown }).ok).toBeTruthy();
  await page.goto(`${preview.url}/?sidebar=survey`);
  let frame = await sidebarReady(page, 'survey-status');
  await frame.getByRole('button', { name: 'Process responses now' }).click();
  await frame.getByText(/^Processed: /).waitFor();
  const choice = frame.locator('[data-old-reviews]');
  await expect(choice.textContent()).resolves.toMatch(/^\d+ unanswered low-star reviews are older than the survey/);
  const actionsBefore = preview.workbook.sheet(TRACKER_SHEET)!.readValues().length;
  await checkAxe(frame, 'survey-old-reviews');
  await screenshot(page, 'survey-11-old-reviews');
  await choice.getByRole('button', { name: 'Leave them' }).click();
  await frame.getByText('The older reviews are left as they are.', { exact: false }).waitFor();
  await expect(frame.locator('[data-old-reviews]').count()).resolves.toBe(0);
  expect(preview.workbook.sheet(TRACKER_SHEET)!.readValues().length).toBe(actionsBefore);
  // The links: written again for the customers of the sales data.
  await frame.getByRole('button', { name: 'Update links' }).click();
  frame = await sidebarReady(page, 'survey-status');
  await frame.getByText(/^The links are written: [\d,]+ links on “Survey links”\.$/).waitFor();
  await expect(frame.locator('[data-links]').textContent()).resolves.toMatch(
    /[\d,]+ pre-filled links for [\d,]+ customers of your sales data/,
  );
  expect(preview.workbook.sheetNames()).toContain('Survey links');
  await checkAxe(frame, 'survey-links');
  expect(browser.dialogs).toEqual([]);
  expect(browser.outside).toEqual([]);
  recordMetrics({ axeSurvey: axeByView });
});
