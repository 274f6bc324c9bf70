/**
 * The Apps Script bundle's entry: esbuild turns this module into the global `Leadlag`
 * (an IIFE, no module system). The generated top-level functions call into it.
 */
import type { Result } from '../core/values/cell';
import { runFormula } from '../functions/runtime';
import { contextFor } from '../functions/context';
import { currentHost } from './host';

export function formula(name: string, args: ArrayLike<unknown>): Result {
  return runFormula(name, Array.prototype.slice.call(args), contextFor(currentHost()));
}

export { onOpen, onInstall, open, buildFromMenu, rebuildFromMenu, help, rpc, surveyFromMenu, uninstallFromMenu } from './server';
export { formSubmit, weekly } from './survey';
