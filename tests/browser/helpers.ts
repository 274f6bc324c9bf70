import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Frame, type Page } from 'playwright-core';
import { startPreview, type Preview, type PreviewOptions } from '../../src/preview/server';

/**
 * Browser-test plumbing: Debian's Chromium driven by playwright-core (no browser download), a fresh
 * profile per run, axe-core injected from node_modules (no network), screenshots and metrics files.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = join(__dirname, 'screenshots');
export const METRICS = join(__dirname, 'metrics.json');

export interface Browser {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Requests that left the preview server (must stay empty: the preview works offline). */
  readonly outside: string[];
  /** Dialogs the page opened (alert() from injected markup would land here). */
  readonly dialogs: string[];
  close(): Promise<void>;
}

export async function launch(origin: string): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (.ci/run does)`);
  const profile = mkdtempSync(join(tmpdir(), 'leadlag-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-dev-shm-usage',
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const outside: string[] = [];
  const dialogs: string[] = [];
  context.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(origin) && !url.startsWith('about:') && !url.startsWith('data:')) outside.push(url);
  });
  page.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  return {
    context,
    page,
    outside,
    dialogs,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export interface Opened {
  readonly preview: Preview;
  readonly browser: Browser;
  readonly page: Page;
  close(): Promise<void>;
}

/**
 * The preview on a free port and Chromium on its page (`path`, e.g. "/?sidebar=home"), once the page is
 * ready (body[data-ready]). `close` stops both.
 */
export async function openPreview(options: PreviewOptions = {}, path = '/'): Promise<Opened> {
  const preview = await startPreview({ port: 0, ...options });
  let browser: Browser;
  try {
    browser = await launch(preview.url);
  } catch (e) {
    await preview.close();
    throw e;
  }
  const { page } = browser;
  await page.goto(`${preview.url}${path}`);
  await page.waitForSelector('body[data-ready]');
  return {
    preview,
    browser,
    page,
    close: async () => {
      await browser.close();
      await preview.close();
    },
  };
}

/** The sidebar's frame once it has loaded `view` (body[data-ready]). */
export async function sidebarReady(page: Page, view: string, timeout = 15_000): Promise<Frame> {
  const handle = await page.waitForSelector('#sidebar-frame', { state: 'attached' });
  const deadline = Date.now() + timeout;
  for (;;) {
    const frame = await handle.contentFrame();
    if (frame && frame.url().includes('/sidebar')) {
      try {
        await frame.waitForSelector(`body[data-ready="${view}"]`, { timeout: Math.max(1, deadline - Date.now()) });
        return frame;
      } catch (e) {
        if (Date.now() >= deadline) throw e;
      }
    }
    if (Date.now() >= deadline) throw new Error(`the sidebar did not reach "${view}"`);
    await page.waitForTimeout(20);
  }
}

const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeFinding {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: number;
  readonly where?: readonly string[];
}

/** axe-core's violations in a frame or page (WCAG 2 A/AA and best practices). */
export async function axe(target: Frame | Page): Promise<AxeFinding[]> {
  const has = await target.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
  if (!has) await target.addScriptTag({ content: AXE });
  return target.evaluate(async () => {
    const w = window as unknown as {
      axe: {
        run(
          ctx: unknown,
          opts: unknown,
        ): Promise<{
          violations: { id: string; impact: string | null; help: string; nodes: { target: unknown; failureSummary?: string }[] }[];
        }>;
      };
    };
    const r = await w.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.length,
      // Where, so a failure says which element to fix.
      where: v.nodes.slice(0, 5).map((n) => `${JSON.stringify(n.target)} ${(n.failureSummary ?? '').split('\n').slice(1, 2).join('')}`),
    }));
  });
}

export const serious = (found: readonly AxeFinding[]) => found.filter((f) => f.impact === 'serious' || f.impact === 'critical');

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

/** Adds to tests/browser/metrics.json (read by `npm run bench`). */
export function recordMetrics(values: Record<string, unknown>): void {
  let current: Record<string, unknown> = {};
  try {
    current = JSON.parse(readFileSync(METRICS, 'utf8')) as Record<string, unknown>;
  } catch {
    // first run
  }
  writeFileSync(METRICS, `${JSON.stringify({ ...current, ...values, measuredAt: new Date().toISOString() }, null, 2)}\n`);
}

/** What the focused element in a frame is: its tag, text or label, and whether a focus ring shows. */
export async function focused(frame: Frame): Promise<{ tag: string; name: string; ring: boolean } | null> {
  return frame.evaluate(() => {
    const a = document.activeElement as HTMLElement | null;
    if (!a || a === document.body) return null;
    const label = a.id ? document.querySelector(`label[for="${a.id}"]`)?.textContent : null;
    const name = (a.getAttribute('aria-label') ?? label ?? a.textContent ?? '').trim();
    const style = getComputedStyle(a);
    return { tag: a.tagName.toLowerCase(), name, ring: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 };
  });
}
