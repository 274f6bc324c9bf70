import type { Arg, Result } from '../core/values/cell';
import type { DateOptions } from '../core/values/date';

/** What a formula needs from where it runs: the spreadsheet's zone and locale, and today. */
export interface FormulaContext {
  readonly dates: DateOptions;
  /** Today's day number in the spreadsheet's time zone. */
  today(): number;
}

/** How an argument is described in autocomplete and in the README. */
export interface ArgSpec {
  readonly name: string;
  readonly help: string;
  readonly type: 'range' | 'number' | 'text' | 'date';
  /** Optional arguments show their default, e.g. "month". */
  readonly default?: string;
}

/**
 * One formula: its metadata sits next to its implementation (like HyperFormula's function plugins).
 * The build generates the Apps Script declaration and its JSDoc from this, and the README's formula
 * reference too.
 */
export interface FormulaDef {
  readonly name: string;
  /** One or two sentences: what it returns, in a manager's words. */
  readonly summary: string;
  readonly args: readonly ArgSpec[];
  /** What comes back: a number, or a table with these columns. */
  readonly returns: string;
  /** A formula as typed in a cell, e.g. `=NPS(B2:B500)`. */
  readonly example: string;
  run(args: readonly Arg[], ctx: FormulaContext): Result;
}

export function defineFormula(def: FormulaDef): FormulaDef {
  return def;
}
