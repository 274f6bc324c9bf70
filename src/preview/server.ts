/**
 * The local preview: `npm start` builds the add-on and runs this. It serves a spreadsheet-like page with
 * the sheet tabs of an in-memory workbook (seeded with examples/data), the menu's commands as buttons,
 * and the real sidebar from dist/sidebar.html, whose google.script.run posts to /rpc here. /rpc runs the
 * same server handlers (src/server/handlers.ts) against the in-memory workbook, where formulas compute
 * with the add-on's own functions. Node's http only; nothing is fetched from the network.
 *
 *   npm start                      # http://localhost:8080 (or a free port when it is taken)
 *   npm start -- --port 3000
 *   npm start -- --seed DIR        # one sheet per CSV file of DIR instead of the example data
 *   npm start -- --zone Asia/Tokyo # the spreadsheet's time zone (default: the machine's)
 *
 * On the example data, setting up a survey also puts the example improvement actions on the tracker
 * (exampleActions.ts), and the page's Mail sent shows what the mail twin "sent".
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { calls as contractCalls } from '../rpc/contract';
import { createHandlers, dispatch, UserError } from '../server/handlers';
import { isOwnTag } from '../server/scorecard/detect';
import type { MemoryWorkbook } from '../server/adapters/memory/memoryWorkbook';
import { MemoryAutomation } from '../server/adapters/memory/automation';
import { surveyModule } from '../server/survey/handlers';
import { trackerSummary } from '../server/tracker/section';
import { formHtml, pageHtml, readBuiltSidebar, sidebarHtml } from './assets';
import type { Answer, FormView, MailList, SheetList } from './protocol';
import { seedExampleActions } from './exampleActions';
import { escapeHtml } from '../core/values/html';
import { formSubmission } from './formSubmission';
import { sheetView } from './sheetView';
import { workbookFromFolder } from './workbook';

export interface PreviewOptions {
  /** 0 picks a free port (tests); default 8080. */
  readonly port?: number;
  /** The workbook to serve; default: the example data. */
  readonly workbook?: MemoryWorkbook;
  readonly spreadsheetName?: string;
  /** Each call, e.g. "rpc buildScorecard 3120 ms". */
  readonly log?: (line: string) => void;
  /**
   * Milliseconds to wait before answering a call, like the round trip to Google's servers (default none).
   * The handlers run synchronously, as in Apps Script, so a test driving the browser from the same
   * process sees the sidebar during a call only while this wait lasts.
   */
  readonly latency?: (call: string) => number;
  /**
   * Once the survey wizard has made the improvement tracker, put the example actions on it
   * (examples/tracker/actions.csv: closed ones whose measures did and did not move). `npm start` does on the
   * example data; tests ask for it.
   */
  readonly exampleActions?: boolean;
}

export interface Preview {
  readonly url: string;
  readonly workbook: MemoryWorkbook;
  /** Forms, triggers, lock, mail and properties in memory: what the survey wizard made and sent. */
  readonly automation: MemoryAutomation;
  /** Names of the calls /rpc has answered, in order (tests count builds with it). */
  readonly calls: readonly string[];
  close(): Promise<void>;
}

const BODY_LIMIT = 2 * 1024 * 1024;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > BODY_LIMIT) reject(new Error('request too large'));
      else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, {
    'content-type': `${type}; charset=utf-8`,
    'cache-control': 'no-store',
    // The page and the sidebar are self-contained: nothing may load from elsewhere.
    'content-security-policy':
      "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; frame-src 'self'; img-src 'self' data:",
    'x-content-type-options': 'nosniff',
  });
  res.end(body);
}

const json = (res: ServerResponse, value: unknown, status = 200) => send(res, status, 'application/json', JSON.stringify(value));

/**
 * A mail's HTML body as the customer's mail program would show it, in the page's sandboxed frame: no script,
 * no request anywhere (a mail program blocks both too), only inline styles.
 */
function sendMail(res: ServerResponse, html: string): void {
  res.writeHead(200, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'self'",
    'x-content-type-options': 'nosniff',
  });
  res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Mail</title></head><body>${html}</body></html>`);
}

/** What google.script.run cannot carry back (a Date, a function): the preview fails such a call as Apps Script would. */
function untransferable(value: unknown, path: string): string | null {
  if (value instanceof Date) return `${path} is a Date`;
  if (typeof value === 'function') return `${path} is a function`;
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const p = untransferable(v, `${path}.${k}`);
      if (p) return p;
    }
  }
  return null;
}

/** "2026-11-23 10:04", the machine's clock in the spreadsheet's zone. */
function timestamp(zone: MemoryWorkbook['zone']): string {
  const t = Date.now();
  const local = new Date(t + zone.offsetMinutes(t) * 60000).toISOString();
  return `${local.slice(0, 10)} ${local.slice(11, 16)}`;
}

export async function startPreview(options: PreviewOptions = {}): Promise<Preview> {
  const wb = options.workbook ?? workbookFromFolder();
  const name = options.spreadsheetName ?? 'Example spreadsheet';
  const log = options.log ?? (() => undefined);
  let building = false;
  const automation = new MemoryAutomation(wb, { spreadsheetName: name });
  const handlers = createHandlers({
    wb,
    survey: surveyModule(automation.automation),
    scorecardExtras: [trackerSummary],
    spreadsheetName: () => name,
    timestamp: () => timestamp(wb.zone),
    zone: wb.zone,
    dates: () => wb.dateOptions(),
    withLock: (fn) => {
      if (building) throw new UserError('A scorecard is being built already. Wait for it to finish, then try again.');
      building = true;
      try {
        return fn();
      } finally {
        building = false;
      }
    },
  });
  const calls: string[] = [];
  let seeded = false;

  /** Runs one call as Apps Script's rpc() would, and answers { ok } or { error } (a message, never a stack). */
  const run = (callName: unknown, args: unknown): Answer => {
    const started = Date.now();
    calls.push(String(callName));
    try {
      let result: unknown;
      if (callName === 'showSheet' && !('showSheet' in contractCalls())) {
        // The sidebar's "Show sheet" (see docs/preview.md): here it only checks the sheet is there.
        const sheet = (args as { sheet?: unknown } | null)?.sheet;
        if (typeof sheet !== 'string' || !wb.sheetNames().includes(sheet))
          throw new UserError(`There is no sheet called "${String(sheet)}" any more.`);
        result = null;
      } else {
        result = dispatch(handlers, callName, args);
        if (callName === 'createSurvey' && options.exampleActions && !seeded) {
          seeded = true;
          log(`seeded ${seedExampleActions(wb)} example actions on the tracker`);
        }
      }
      const bad = untransferable(result, 'result');
      if (bad) throw new UserError(`Leadlag preview: google.script.run cannot carry this result (${bad}); send dates as ISO text.`);
      log(`rpc ${String(callName)} ${Date.now() - started} ms`);
      return { ok: result ?? null };
    } catch (e) {
      const message =
        e instanceof UserError ? e.message : `Something went wrong in the preview (${e instanceof Error ? e.message : String(e)}).`;
      log(`rpc ${String(callName)} failed: ${message}`);
      return { error: message };
    }
  };

  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const method = req.method ?? 'GET';
    if (method === 'GET' && url.pathname === '/') return send(res, 200, 'text/html', pageHtml());
    if (method === 'GET' && url.pathname === '/sidebar') {
      const asked = url.searchParams.get('start');
      const start = asked === 'wizard' || asked === 'survey' ? asked : 'home';
      return send(res, 200, 'text/html', sidebarHtml(readBuiltSidebar(), start));
    }
    if (method === 'POST' && url.pathname === '/rpc') {
      let body: { name?: unknown; args?: unknown };
      try {
        body = JSON.parse(await readBody(req)) as typeof body;
      } catch {
        return json(res, { error: 'The preview could not read that call.' }, 400);
      }
      const wait = options.latency?.(String(body.name)) ?? 0;
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      return json(res, run(body.name, body.args));
    }
    if (method === 'POST' && url.pathname === '/api/rebuild') return json(res, run('rebuildScorecard', {}));
    if (method === 'GET' && /^\/forms\/[^/]+(\/edit)?$/.test(url.pathname)) return send(res, 200, 'text/html', formHtml());
    if (method === 'GET' && url.pathname === '/api/form') {
      const form = automation.forms.forms.get(url.searchParams.get('id') ?? '');
      if (!form) return json(res, { error: 'There is no such form in this preview. Create a survey from the sidebar first.' }, 404);
      const view: FormView = {
        id: form.id,
        spec: form.spec,
        responseSheet: automation.forms.responseSheet(form.id) ?? '',
        accepting: form.accepting,
        // A customer's link from the "Survey links" sheet: its answers filled in.
        prefill: automation.forms.prefillOf(`?${(url.searchParams.get('prefill') ?? '').replace(/^\?/, '')}`),
      };
      return json(res, view);
    }
    if (method === 'POST' && url.pathname === '/api/form') {
      let answer: Answer;
      try {
        const { id, answers } = formSubmission(JSON.parse(await readBody(req)), automation.forms.forms);
        automation.submit(id, answers);
        log(`form ${id}: a response arrived`);
        answer = { ok: null };
      } catch (e) {
        answer = { error: (e as Error).message };
      }
      return json(res, answer);
    }
    if (method === 'GET' && url.pathname === '/api/mail') {
      const list: MailList = {
        mails: automation.mail.sent.map((m, i) => ({
          index: i,
          to: m.to,
          subject: m.subject,
          body: m.body,
          html: m.htmlBody !== undefined,
          from: m.senderName ?? 'You',
        })),
      };
      return json(res, list);
    }
    const mail = /^\/mail\/(\d+)$/.exec(url.pathname);
    if (method === 'GET' && mail) {
      const m = automation.mail.sent[Number(mail[1])];
      if (!m) return send(res, 404, 'text/plain', 'There is no such mail in this preview.');
      return sendMail(res, m.htmlBody ?? `<pre>${escapeHtml(m.body)}</pre>`);
    }
    if (method === 'POST' && url.pathname === '/api/uninstall') return json(res, run('uninstallAutomation', {}));
    if (method === 'POST' && url.pathname === '/api/simulate') return json(res, run('simulateResponses', { count: 5 }));
    if (method === 'GET' && url.pathname === '/api/sheets') {
      const list: SheetList = { spreadsheet: name, sheets: wb.sheetNames().map((n) => ({ name: n, own: isOwnTag(wb.getSheetTag(n)) })) };
      return json(res, list);
    }
    if (method === 'GET' && url.pathname === '/api/sheet') {
      const sheet = url.searchParams.get('name') ?? '';
      if (!wb.sheetNames().includes(sheet)) return json(res, { error: `There is no sheet called "${sheet}".` }, 404);
      return json(res, sheetView(wb, sheet));
    }
    if (url.pathname === '/favicon.ico') {
      res.writeHead(204);
      return void res.end();
    }
    send(res, 404, 'text/plain', 'Not found');
  };

  const server = createServer((req, res) => {
    route(req, res).catch((e: Error) => {
      log(`${req.method} ${req.url} failed: ${e.message}`);
      if (!res.headersSent) send(res, 500, 'text/plain', e.message);
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8080, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}`,
    workbook: wb,
    automation,
    calls,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function argValue(argv: readonly string[], flag: string): string | undefined {
  const at = argv.indexOf(flag);
  return at >= 0 ? argv[at + 1] : undefined;
}

async function main(argv: readonly string[]): Promise<void> {
  const seed = argValue(argv, '--seed');
  const zone = argValue(argv, '--zone');
  const asked = argValue(argv, '--port') ?? process.env.PORT;
  const port = asked === undefined ? 8080 : Number(asked);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port takes a port number, not "${asked}"`);
  readBuiltSidebar(); // fail early with the fix when dist/ is missing
  console.log(`Seeding the in-memory workbook from ${seed ?? 'examples/data'}…`);
  const workbook = workbookFromFolder(seed, zone);
  const log = (line: string) => console.log(`  ${line}`);
  let preview: Preview;
  try {
    preview = await startPreview({ port, workbook, log, exampleActions: !seed });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EADDRINUSE' || asked !== undefined) throw e;
    console.log(`Port ${port} is taken; using a free one.`);
    preview = await startPreview({ port: 0, workbook, log, exampleActions: !seed });
  }
  console.log(`Leadlag preview: ${preview.url} (time zone ${workbook.zone.name})`);
  console.log('Press Ctrl+C to stop.');
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((e: Error) => {
    console.error(`leadlag preview: ${e.message}`);
    process.exit(1);
  });
}
