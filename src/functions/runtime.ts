import type { Result } from '../core/values/cell';
import { findFormula } from './registry';
import { runDef } from './run';
import type { FormulaContext } from './types';

export { CELL_TEXT_MAX, CUT_MARK, runDef } from './run';

/** Runs the formula called `name` from the registry (run.ts runDef: its arguments read and checked, what goes back guarded). */
export function runFormula(name: string, args: readonly unknown[], ctx: FormulaContext): Result {
  const def = findFormula(name);
  if (!def) throw new Error(`Leadlag has no formula called ${name}`);
  return runDef(def, name, args, ctx);
}
