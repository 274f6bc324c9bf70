/**
 * The formulas' entry: esbuild turns this module into the global `Leadlag` (an IIFE, no module system) in
 * dist/Code.js. The generated top-level formula functions call `Leadlag.formula`; the menu, the sidebar's
 * RPC and the triggers call `Leadlag.server()`, which compiles the server on first use (loader.ts).
 */
import type { Result } from '../core/values/cell';
import { runFormula } from '../functions/runtime';
import { contextFor } from '../functions/context';
import { currentHost } from './host';

export function formula(name: string, args: ArrayLike<unknown>): Result {
  return runFormula(name, Array.prototype.slice.call(args), contextFor(currentHost()));
}

export { server } from './loader';
