/// <reference lib="dom" />
/**
 * The local preview's `google.script.run`, injected into the served sidebar ahead of its own script.
 * It keeps Apps Script's calling style (withSuccessHandler / withFailureHandler / withUserObject, then
 * the server function) and its rules (no Date or function in the arguments; undefined in arrays turns
 * into null), and posts each call to the preview server's /rpc, which runs the same handlers against
 * the in-memory workbook. The sidebar's code is the same as in Google Sheets; only this transport differs.
 *
 * After a call that shows a sheet (a build, a rebuild, showSheet) it tells the page, which switches
 * tabs, as Sheets would bring the sheet to the front.
 */
import type { Answer, SidebarMessage } from './protocol';

type Handler = (value: unknown, userObject?: unknown) => void;

interface Runner {
  withSuccessHandler(fn: Handler): Runner;
  withFailureHandler(fn: Handler): Runner;
  withUserObject(o: unknown): Runner;
  [fn: string]: unknown;
}

/** Apps Script refuses these in arguments ("Failed due to illegal value"); so does the preview. */
function illegal(value: unknown, path: string): string | null {
  if (value instanceof Date) return `${path} is a Date (send dates as ISO text)`;
  if (typeof value === 'function') return `${path} is a function`;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const p = illegal(value[i], `${path}[${i}]`);
      if (p) return p;
    }
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const p = illegal(v, `${path}.${k}`);
      if (p) return p;
    }
  }
  return null;
}

function tellPage(message: SidebarMessage): void {
  if (window.parent !== window) window.parent.postMessage(message, window.location.origin);
}

const SHOWS_SHEET = new Set(['buildScorecard', 'rebuildScorecard', 'showSheet']);
/** Calls that add or change sheets without bringing one to the front. */
const CHANGES_SHEETS = new Set(['createSurvey', 'simulateResponses', 'syncFeedback', 'closeAction']);
/** Calls that send mail: the page opens its mail twin on what was sent, as the customer would get it. */
const SENDS_MAIL = new Set(['sendReply']);

async function post(name: string, args: unknown): Promise<Answer> {
  const res = await fetch('/rpc', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, args }),
  });
  return (await res.json()) as Answer;
}

function runner(success?: Handler, failure?: Handler, userObject?: unknown): Runner {
  const base = {
    withSuccessHandler: (fn: Handler) => runner(fn, failure, userObject),
    withFailureHandler: (fn: Handler) => runner(success, fn, userObject),
    withUserObject: (o: unknown) => runner(success, failure, o),
  };
  return new Proxy(base as Runner, {
    get(target, prop) {
      if (typeof prop !== 'string' || prop in target) return (target as Record<string, unknown>)[prop as string];
      if (prop !== 'rpc') return undefined;
      return (name: unknown, args: unknown) => {
        const fail = (message: string) => setTimeout(() => failure?.(new Error(message), userObject));
        const bad = illegal(args, 'args');
        if (bad) return fail(`Failed due to illegal value in property: ${bad}`);
        const sent = JSON.parse(JSON.stringify(args ?? null)) as unknown;
        post(String(name), sent).then(
          (answer) => {
            if ('error' in answer) return failure?.(new Error(answer.error), userObject);
            const sheet = (answer.ok as { sheet?: unknown } | null)?.sheet ?? (sent as { sheet?: unknown } | null)?.sheet;
            if (SHOWS_SHEET.has(String(name)) && typeof sheet === 'string') tellPage({ type: 'leadlag:showSheet', sheet });
            else if (CHANGES_SHEETS.has(String(name))) tellPage({ type: 'leadlag:refresh' });
            else if (SENDS_MAIL.has(String(name))) tellPage({ type: 'leadlag:mail' });
            success?.(answer.ok, userObject);
          },
          () => fail('NetworkError: Connection failure due to HTTP 0'),
        );
      };
    },
  });
}

const w = window as unknown as { google?: unknown };
w.google = {
  script: {
    run: runner(),
    host: {
      close: () => tellPage({ type: 'leadlag:close' }),
      setHeight: () => undefined,
      setWidth: () => undefined,
      editor: { focus: () => undefined },
    },
  },
};
