import { type Arg, type Cell, isBlank } from '../core/values/cell';
import { fail } from '../core/values/errors';
import { readNumber } from '../core/values/number';

/** A scalar option: a typed value or one cell. A range of several cells is a mistake worth naming. */
export function scalar(arg: Arg, name: string): Cell {
  if (!Array.isArray(arg)) return arg as Cell;
  const rows = arg as ReadonlyArray<ReadonlyArray<Cell>>;
  if (rows.length === 1 && rows[0].length === 1) return rows[0][0];
  return fail(`${name} must be a single value, not a range`);
}

export function optNumber(
  arg: Arg,
  name: string,
  fallback: number,
  rule?: { min?: number; max?: number; integer?: boolean; help: string },
): number {
  const c = scalar(arg, name);
  if (isBlank(c)) return fallback;
  const n = readNumber(c);
  if (n === null || n === undefined) return fail(`${name} must be a number${rule ? `; ${rule.help}` : ''}`);
  if (rule) {
    if ((rule.integer && !Number.isInteger(n)) || (rule.min !== undefined && n < rule.min) || (rule.max !== undefined && n > rule.max)) {
      fail(`${name} is ${n}; ${rule.help}`);
    }
  }
  return n;
}

export function optText(arg: Arg, name: string): string | undefined {
  const c = scalar(arg, name);
  if (isBlank(c)) return undefined;
  if (typeof c !== 'string') fail(`${name} must be text, e.g. "month"`);
  return c;
}

/** A required range argument: fail with the formula's usage when it is missing. */
export function required(arg: Arg, name: string): Arg {
  if (arg === undefined) fail(`${name} is missing; select the cells that hold it`);
  return arg;
}

/** Numbers to table cells: null becomes a blank cell. */
export function cell(x: number | null): number | string {
  return x === null ? '' : x;
}
