/**
 * Every execution, each custom-function recalculation included, compiles the whole script. The formulas
 * need only the core; the menu, the sidebar's calls and the survey triggers need the server too (zod, the
 * scorecard builder, forms, triggers, the tracker), about twice as much code. So the server ships as the one
 * comment of a function that does nothing (dist/Server.js: `function leadlagServer_() {/*...*\/}`): V8 skips
 * a comment faster than it scans a string literal of the same text (0.6 ms against 1.0 ms for this file;
 * preparsing it as code would cost about 8 ms; scripts/build.ts serverFileOf). It is read back with
 * Function.prototype.toString (the language keeps a function's source text exactly) and compiled here, once
 * per execution, by the entries that need it.
 */
import type * as ServerEntries from './serverMain';

export type Server = typeof ServerEntries;

/** The global name of the server's IIFE inside the comment (scripts/build.ts). */
export const SERVER_GLOBAL = 'LeadlagServer';

/** The global function in dist/Server.js whose body is the comment (private: its name ends with `_`). */
export const SERVER_FUNCTION = 'leadlagServer_';

/**
 * Code as the text of a block comment: `*\/` would end it, so it is written `*~1`, and `~` is written `~0`
 * so that the code's own `*~1` stays itself (JSON Pointer's escapes for `/` and `~`).
 */
export function commentOf(code: string): string {
  return code.replace(/~/g, '~0').replace(/\*\//g, '*~1');
}

/** Between two codes in one comment (dist/Formulas.js's chunks): commentOf never writes two `~` in a row. */
export const COMMENT_SEPARATOR = '~~';

/** The code back from commentOf's text. */
export function codeOfComment(text: string): string {
  return text.replace(/\*~1|~0/g, (m) => (m === '~0' ? '~' : '*/'));
}

/** The server's code, read from the comment in SERVER_FUNCTION's source. */
export function serverCode(fn: unknown): string {
  const missing = 'Leadlag is missing its Server file. Reinstall the add-on, or push dist/ again (npm run push).';
  if (typeof fn !== 'function') throw new Error(missing);
  const text = Function.prototype.toString.call(fn);
  const start = text.indexOf('/*') + 2;
  const end = text.indexOf('*/', start);
  if (start < 2 || end < 0) throw new Error(missing);
  return codeOfComment(text.slice(start, end));
}

let loaded: Server | null = null;

export function server(): Server {
  if (loaded) return loaded;
  const code = serverCode((globalThis as Record<string, unknown>)[SERVER_FUNCTION]);
  // Our own bundled code, never data: compiled in the global scope, its name kept local.
  const make = new Function(`${code}\nreturn ${SERVER_GLOBAL};\n//# sourceURL=Server.js`) as () => Server;
  return (loaded = make());
}
