import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';

export const CODE_PATH = join(__dirname, '..', '..', 'dist', 'Code.js');
export const FORMULAS_PATH = join(__dirname, '..', '..', 'dist', 'Formulas.js');
export const SERVER_PATH = join(__dirname, '..', '..', 'dist', 'Server.js');

/** dist/Code.js: the loader `Leadlag` and the top-level declarations. */
export function bundleText(): string {
  return readFileSync(CODE_PATH, 'utf8');
}

/** dist/Formulas.js as pushed: `function leadlagFormulas_() { "use strict";var Leadlag=(()=>{...})(); return Leadlag; }`. */
export function formulasFileText(): string {
  return readFileSync(FORMULAS_PATH, 'utf8');
}

/** dist/Server.js as pushed: `var LEADLAG_SERVER_SOURCE = "...";`. */
export function serverFileText(): string {
  return readFileSync(SERVER_PATH, 'utf8');
}

/** The server's code inside dist/Server.js (what Leadlag.server() compiles). */
export function serverSource(): string {
  const file = serverFileText();
  const m = /^var LEADLAG_SERVER_SOURCE = (".*");$/m.exec(file);
  if (!m) throw new Error('dist/Server.js does not hold `var LEADLAG_SERVER_SOURCE = "...";`');
  return JSON.parse(m[1]) as string;
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
