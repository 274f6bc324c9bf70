/**
 * The formulas' entry. esbuild splits it and each formula's declaration into chunks, and dist/Formulas.js
 * compiles them on first use (scripts/build.ts formulasFileOf): this module and what it imports on the first
 * formula call of an execution, each formula's own code on that formula's first call. The generated top-level
 * formula functions call `Leadlag.formula`; the menu, the sidebar's RPC and the triggers call
 * `Leadlag.server()`, which compiles the server on first use (loader.ts).
 */
import type { Result } from '../core/values/cell';
import type { FormulaDef } from '../functions/types';
import { runDef } from '../functions/run';
import { contextFor } from '../functions/context';
import { currentHost } from './host';

type Lookup = (name: string) => FormulaDef | undefined;

let find: Lookup = () => undefined;

/** Given once by dist/Formulas.js: a formula's declaration by its name, its code compiled on first use. */
export function useFormulas(lookup: Lookup): void {
  find = lookup;
}

/** The formula called `name` (any case) with its code loaded, as its first call loads it before reading an argument. */
export function formulaDef(name: string): FormulaDef | undefined {
  return find(name.toUpperCase());
}

export function formula(name: string, args: ArrayLike<unknown>): Result {
  const def = formulaDef(name);
  if (!def) throw new Error(`Leadlag has no formula called ${name}`);
  return runDef(def, name, Array.prototype.slice.call(args), contextFor(currentHost()));
}

export { server } from './loader';
