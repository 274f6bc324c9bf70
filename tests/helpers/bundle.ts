import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { COMMENT_SEPARATOR, SERVER_FUNCTION, codeOfComment, serverCode } from '../../src/appsscript/loader';

export const CODE_PATH = join(__dirname, '..', '..', 'dist', 'Code.js');
export const FORMULAS_PATH = join(__dirname, '..', '..', 'dist', 'Formulas.js');
export const SERVER_PATH = join(__dirname, '..', '..', 'dist', 'Server.js');

/** dist/Code.js: the loader `Leadlag` and the top-level declarations. */
export function bundleText(): string {
  return readFileSync(CODE_PATH, 'utf8');
}

/** dist/Formulas.js as pushed: `var leadlagFormulas_ = (function leadlagFormulas() {/*chunks*\/ loader });`. */
export function formulasFileText(): string {
  return readFileSync(FORMULAS_PATH, 'utf8');
}

/** The formulas' chunks in dist/Formulas.js's comment, as its loader compiles them (each the body of a function). */
export function formulasChunks(): string[] {
  const file = formulasFileText();
  const start = file.indexOf('/*') + 2;
  return file.slice(start, file.indexOf('*/', start)).split(COMMENT_SEPARATOR).map(codeOfComment);
}

/** dist/Server.js as pushed: `function leadlagServer_() {/*...*\/}`, the server's code in the comment. */
export function serverFileText(): string {
  return readFileSync(SERVER_PATH, 'utf8');
}

/** The server's code inside dist/Server.js (what Leadlag.server() compiles). */
export function serverSource(): string {
  const ctx = vm.createContext({});
  vm.runInContext(serverFileText(), ctx, { filename: 'Server.js' });
  return serverCode((ctx as Record<string, unknown>)[SERVER_FUNCTION]);
}

/**
 * A bundle's text with its `\uXXXX` escapes read back: esbuild writes every non-ASCII character so (an ASCII
 * file is scanned faster), and the checks below look for the texts as the code holds them.
 */
export function unescaped(code: string): string {
  return code.replace(/\\u([0-9a-fA-F]{4})|\\u\{([0-9a-fA-F]+)\}/g, (_, h: string | undefined, cp: string | undefined) =>
    String.fromCodePoint(parseInt(h ?? cp!, 16)),
  );
}

/**
 * Loads the pushed scripts the way Apps Script does: Code.js, Formulas.js and Server.js in one fresh V8 context with
 * only the language's own globals (no require, process, setTimeout, URL, TextEncoder...).
 */
export function loadBundle(extraGlobals: Record<string, unknown> = {}): vm.Context {
  const context = vm.createContext({ ...extraGlobals });
  vm.runInContext(bundleText(), context, { filename: 'Code.js' });
  vm.runInContext(formulasFileText(), context, { filename: 'Formulas.js' });
  vm.runInContext(serverFileText(), context, { filename: 'Server.js' });
  return context;
}

/** Calls a top-level function of the loaded script; values cross realms, so compare with toEqual. */
export function call(context: vm.Context, name: string, ...args: unknown[]): unknown {
  const fn = (context as Record<string, unknown>)[name];
  if (typeof fn !== 'function') throw new Error(`${name} is not a top-level function of Code.js`);
  return (fn as (...a: unknown[]) => unknown)(...args);
}
