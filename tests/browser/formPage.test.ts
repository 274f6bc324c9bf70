import type { Preview } from '../../src/preview/server';
import { axe, openPreview, screenshot, serious, type Browser, type Opened } from './helpers';
import { defaultSetup } from '../../src/core/survey/setup';
import type { SurveyCreated } from '../../src/rpc/contract';
import type { Page } from 'playwright-core';

/**
 * The preview's stand-in for Google Forms: the survey wizard's forms served at their links, fillable, and
 * every submission going through the add-on's form-submit trigger into the tracker. Also the page menu's
 * "Simulate responses" and "Uninstall automation". The survey is created through /rpc, as the sidebar does.
 */
jest.setTimeout(120_000);

let opened: Opened;
let preview: Preview;
let browser: Browser;
let page: Page;

async function rpc<T>(name: string, args: unknown): Promise<T> {
  const res = await fetch(`${preview.url}/rpc`, { method: 'POST', body: JSON.stringify({ name, args }) });
  const answer = (await res.json()) as { ok: T } | { error: string };
  if ('error' in answer) throw new Error(answer.error);
  return answer.ok;
}

const rows = (sheet: string) => preview.workbook.sheet(sheet)?.readValues() ?? [];

beforeAll(async () => {
  opened = await openPreview();
  ({ preview, browser, page } = opened);
});

afterAll(() => opened?.close());

describe('the preview’s form pages', () => {
  let made: SurveyCreated;

  test('a branching form: only the chosen role’s section shows; required questions are enforced; a submission lands once, as text', async () => {
    const hostileRole = '<img src=x onerror=alert(1)>';
    made = await rpc<SurveyCreated>('createSurvey', {
      setup: { ...defaultSetup(), layout: 'branching', roles: ['Decision maker', hostileRole], owner: 'ana@example.com' },
    });
    expect(made.forms).toHaveLength(1);
    const form = made.forms[0];
    await page.goto(`${preview.url}${form.publishedUrl}`);
    await page.waitForSelector('form');
    expect(await page.locator('h1').textContent()).toBe('How are we doing?');
    // The role's name is text: no element was made from it, and it shows as typed.
    expect(await page.locator('img').count()).toBe(0);
    await page.getByLabel(hostileRole, { exact: true }).waitFor();
    // Before a role is chosen no role section shows.
    expect(await page.getByRole('heading', { name: 'Decision maker' }).isVisible()).toBe(false);
    await page.getByLabel('Which company are you with?').fill('=HYPERLINK("http://evil.example","click")');
    await page.getByLabel('Decision maker', { exact: true }).check();
    expect(await page.getByRole('heading', { name: 'Decision maker' }).isVisible()).toBe(true);
    expect(await page.getByRole('heading', { name: hostileRole }).isVisible()).toBe(false);
    expect(serious(await axe(page))).toEqual([]);
    await screenshot(page, 'form-page');

    // The referral and comparison questions are required.
    await page.getByRole('button', { name: 'Submit' }).click();
    await page.getByRole('alert').filter({ hasText: 'Answer the required questions' }).waitFor();
    expect(rows(form.responseSheet)).toHaveLength(1);

    // Each role's section asks the same questions; only the chosen role's is visible.
    const shown = (label: string) => page.getByLabel(label, { exact: true }).locator('visible=true');
    await shown('3').check();
    await shown('Worse').check();
    await shown('What dissatisfies you, or what should we do better?').fill('@SUM(A1) invoices are wrong');
    await page.getByRole('button', { name: 'Submit' }).click();
    await page.locator('[data-confirmation]').waitFor();
    expect(await page.locator('[data-confirmation]').textContent()).toContain('each problem you raise becomes an action');

    const responses = rows(form.responseSheet);
    expect(responses).toHaveLength(2);
    const tracker = rows(made.trackerSheet);
    const at = (h: string) => tracker[0].indexOf(h);
    // A detractor, a "worse" and a complaint: one action for the one response, listing the three, the customer kept as text.
    expect(tracker.slice(1).map((r) => r[at('Lead measure')])).toEqual(['Referral score']);
    expect(tracker[1][at('What was wrong')]).toBe(
      'Reasons: referral score 3 of 10; worse than others in our industry; a complaint (Decision maker). Said: "@SUM(A1) invoices are wrong"',
    );
    expect(tracker[1][at('Customer')]).toBe('=HYPERLINK("http://evil.example","click")');
    for (const a1 of ['D2', 'E2', 'F2']) expect(preview.workbook.formulaAt(made.trackerSheet, a1)).toBeNull();
    expect(browser.dialogs).toEqual([]);
    expect(browser.outside).toEqual([]);
  });

  test('a customer’s pre-filled link opens the form with their company (and role) filled in; the e-mail field takes only an address', async () => {
    const link = preview.automation.forms.prefilled(made.forms[0].id, [{ customer: 'Acme & Sons Ltd', role: 'Decision maker' }], {})[0];
    await page.goto(`${preview.url}${link}`);
    await page.waitForSelector('form');
    expect(await page.getByLabel('Which company are you with?').inputValue()).toBe('Acme & Sons Ltd');
    expect(await page.getByLabel('Decision maker', { exact: true }).isChecked()).toBe(true);
    const shown = (label: string) => page.getByLabel(label, { exact: true }).locator('visible=true');
    await shown('9').check();
    await shown('Better').check();
    const contact = page.getByLabel(/^May we contact you about your answer\?/).locator('visible=true');
    expect(await contact.getAttribute('type')).toBe('email');
    await contact.fill('not an address');
    await page.getByRole('button', { name: 'Submit' }).click();
    await page.getByRole('alert').filter({ hasText: 'takes an e-mail address' }).waitFor();
    await contact.fill('ana@acme.example');
    await page.getByRole('button', { name: 'Submit' }).click();
    await page.locator('[data-confirmation]').waitFor();
    expect(await page.locator('[data-confirmation]').textContent()).toContain(
      'if you left your e-mail address we will tell you what we changed',
    );
    const fb = rows(made.responsesSheet);
    const last = fb[fb.length - 1];
    expect([last[fb[0].indexOf('Customer')], last[fb[0].indexOf('Contact e-mail')]]).toEqual(['Acme & Sons Ltd', 'ana@acme.example']);
    expect(serious(await axe(page))).toEqual([]);
  });

  test('a form that no longer accepts responses says so, and cannot be submitted', async () => {
    preview.automation.forms.setAccepting(made.forms[0].id, false);
    await page.goto(`${preview.url}${made.forms[0].publishedUrl}`);
    await page.waitForSelector('form');
    expect(await page.locator('.banner').textContent()).toContain('not accepting responses');
    expect(await page.getByRole('button', { name: 'Submit' }).isDisabled()).toBe(true);
    preview.automation.forms.setAccepting(made.forms[0].id, true);
  });

  test('the edit link shows the questions and cannot submit', async () => {
    await page.goto(`${preview.url}${made.forms[0].editUrl}`);
    await page.waitForSelector('form');
    expect(await page.getByRole('button', { name: 'Submit' }).isDisabled()).toBe(true);
    expect(await page.locator('.banner').textContent()).toContain('editor');
  });

  test('an unknown form says so', async () => {
    await page.goto(`${preview.url}/forms/form-99`);
    await page.getByRole('heading', { name: 'Form not found' }).waitFor();
  });

  test('the page menu simulates responses through the trigger, and "Uninstall automation" stops it', async () => {
    await page.goto(preview.url);
    await page.waitForSelector('body[data-ready="true"]');
    const before = rows(made.responsesSheet).length;
    await page.getByRole('button', { name: 'Simulate responses' }).click();
    await page.locator('#status', { hasText: 'Submitted 5 simulated responses' }).waitFor();
    expect(rows(made.responsesSheet).length).toBe(before + 5);
    expect(await page.locator('#tabs [role="tab"]', { hasText: 'Improvement tracker' }).count()).toBe(1);

    await page.getByRole('button', { name: 'Uninstall automation' }).click();
    await page.locator('#status', { hasText: 'Removed 2 of your trigger(s)' }).waitFor();
    expect(preview.automation.triggers.list()).toEqual([]);
    // Responses still land in the form's sheet, but nothing processes them any more.
    const processed = rows(made.responsesSheet).length;
    await page.getByRole('button', { name: 'Simulate responses' }).click();
    await page.locator('#status', { hasText: 'the form-submit trigger is uninstalled' }).waitFor();
    expect(rows(made.responsesSheet).length).toBe(processed);
    expect(browser.dialogs).toEqual([]);
  });

  test('a submission for a form that does not exist, or with a wrong answer, is refused with the reason', async () => {
    const post = async (body: unknown) =>
      (await (await fetch(`${preview.url}/api/form`, { method: 'POST', body: JSON.stringify(body) })).json()) as { error?: string };
    expect((await post({ id: 'form-99', answers: {} })).error).toContain('no such form');
    const id = made.forms[0].id;
    expect((await post({ id, answers: { customer: 'Acme', role: 'Decision maker', referral: 11, comparison: 'Better' } })).error).toContain(
      'whole number from 0 to 10',
    );
    expect((await post({ id, answers: { customer: 'Acme', role: 'Decision maker', referral: 9, comparison: 'Great' } })).error).toContain(
      'one of: Better, About the same, Worse',
    );
    expect((await post({ id, answers: 'nope' })).error).toContain('could not read');
  });
});
