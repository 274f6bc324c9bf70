import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';

export const CODE_PATH = join(__dirname, '..', '..', 'dist', 'Code.js');

export function bundleText(): string {
  return readFileSync(CODE_PATH, 'utf8');
}

/**
 * Loads dist/Code.js the way Apps Script does: one script in a fresh V8 context with only the
 * language's own globals (no require, process, setTimeout, URL, TextEncoder...).
 */
export function loadBundle(extraGlobals: Record<string, unknown> = {}): vm.Context {
  const context = vm.createContext({ ...extraGlobals });
  vm.runInContext(bundleText(), context, { filename: 'Code.js' });
  return context;
}

/** Calls a top-level function of the loaded script; values cross realms, so compare with toEqual. */
export function call(context: vm.Context, name: string, ...args: unknown[]): unknown {
  const fn = (context as Record<string, unknown>)[name];
  if (typeof fn !== 'function') throw new Error(`${name} is not a top-level function of Code.js`);
  return (fn as (...a: unknown[]) => unknown)(...args);
}
