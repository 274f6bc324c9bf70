import type { Result } from '../core/values/cell';
import { InputError } from '../core/values/errors';
import { readArguments } from './params';
import type { FormulaContext, FormulaDef, RunResult } from './types';

/**
 * Runs one formula as Sheets calls it, from its declaration (found in the registry by runtime.ts, or by
 * src/appsscript/main.ts in the formula's own code, compiled on first use): its arguments read and checked
 * from the declaration (params.ts), and what goes back guarded: a formula never returns NaN,
 * Infinity, undefined or a ragged table, and no text longer than a Sheets cell holds (cut with "…(cut)"). Errors become `NAME: message`, which Sheets shows on #ERROR!.
 */
export function runDef(def: FormulaDef, name: string, args: readonly unknown[], ctx: FormulaContext): Result {
  try {
    const given = args.length;
    if (given > def.params.length) {
      throw new InputError(
        `takes at most ${def.params.length} argument${def.params.length === 1 ? '' : 's'} (${def.params.map((a) => a.name).join(', ')}) but got ${given}`,
      );
    }
    return checked(def.run(readArguments(def, args, ctx), ctx));
  } catch (e) {
    if (e instanceof InputError) throw withCause(`${name}: ${e.message}`, e);
    const why = e instanceof Error ? e.message : String(e);
    throw withCause(`${name}: Leadlag could not compute this (${why}). Please report it with the formula and a copy of the data.`, e);
  }
}

/** The Error Sheets shows (its message), keeping what caused it for a debugger. */
function withCause(message: string, cause: unknown): Error {
  const e = new Error(message) as Error & { cause?: unknown };
  e.cause = cause;
  return e;
}

/** Sheets holds at most 50,000 characters in a cell; a longer text returned by a formula is cut, visibly. */
export const CELL_TEXT_MAX = 50_000;
export const CUT_MARK = '…(cut)';

function checkedText(s: string): string {
  if (s.length <= CELL_TEXT_MAX) return s;
  let end = CELL_TEXT_MAX - CUT_MARK.length;
  // Never leave half of a surrogate pair (an emoji) before the mark.
  const c = s.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end--;
  return s.slice(0, end) + CUT_MARK;
}

function checkedCell(x: unknown): string | number | boolean {
  if (typeof x === 'number') {
    // Sums past ±1.8e308 (or a ratio over a vanishing denominator) cannot be shown honestly.
    if (x === Infinity || x === -Infinity)
      throw new InputError('the result is too large to show; check that the ranges hold the right numbers');
    if (x !== x) throw new Error('a result came out as not a number');
    return x === 0 ? 0 : x; // no -0
  }
  if (typeof x === 'string') return checkedText(x);
  if (typeof x === 'boolean') return x;
  if (x === null) return '';
  throw new Error(`a result came out as ${x === undefined ? 'nothing' : `a ${typeof x}`}, not a value`);
}

function checked(out: RunResult): Result {
  if (!Array.isArray(out)) return checkedCell(out);
  const width = out.length ? out[0].length : 0;
  return out.map((row) => {
    if (row.length !== width) throw new Error('a result table came out ragged');
    return row.map(checkedCell);
  });
}
