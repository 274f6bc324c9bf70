import { type Arg, type Cell, isBlank, showCell } from '../core/values/cell';
import { toColumn } from '../core/values/column';
import { readBoolean } from '../core/values/boolean';
import { readDay } from '../core/values/date';
import { fail } from '../core/values/errors';
import { readNumber } from '../core/values/number';
import { PERIOD_HELP, calendarSpec, readPeriodWords } from '../core/time/periods';
import type { ArgValues, Earlier, FormulaContext, FormulaDef, Limit, NumberParam, Param, TextParam } from './types';

/**
 * Every formula argument is read and checked here, from its declaration, before the formula's `run`
 * sees it; an argument that does not fit gives one message format:
 *   `argument max_lag is 61; give a whole number from 0 to 24`
 * (the runtime puts the formula's name in front). Errors inside the data keep the readers'
 * "row 7 holds …" style.
 */
export function readArguments<Ps extends readonly Param[]>(
  def: FormulaDef<Ps>,
  given: readonly unknown[],
  ctx: FormulaContext,
): ArgValues<Ps> {
  let ranges = 0;
  for (const p of def.params) if (p.kind === 'range' || p.kind === 'grid') ranges++;
  const out: Record<string, unknown> = {};
  for (let i = 0; i < def.params.length; i++) {
    const p = def.params[i];
    out[p.name] = readArgument(p, given[i] as Arg | undefined, out, ctx, ranges > 1);
  }
  return out as ArgValues<Ps>;
}

/** The help an argument error ends with: the declaration's own, or made from its kind and limits. */
export function hintOf(p: Param, earlier: Earlier = {}): string {
  if (p.hint !== undefined) return p.hint;
  switch (p.kind) {
    case 'range':
      return 'select the cells that hold it';
    case 'grid':
      return 'give a number or a rectangular range';
    case 'number':
      return numberHint(p, earlier);
    case 'text':
      return p.words ? `give ${orList(Object.keys(p.words).map((w) => `"${w}"`))}` : 'give text';
    case 'date':
      return 'give a date, e.g. TODAY() or 2026-06-30';
    case 'boolean':
      return 'give TRUE or FALSE';
    case 'period':
      return PERIOD_HELP;
  }
}

function orList(items: readonly string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

function limit(l: Limit | undefined, earlier: Earlier): number | undefined {
  return typeof l === 'function' ? l(earlier) : l;
}

function numberHint(p: NumberParam, earlier: Earlier): string {
  const lo = limit(p.min, earlier);
  const hi = limit(p.max, earlier);
  const range =
    lo !== undefined && hi !== undefined
      ? ` from ${lo} to ${hi}`
      : lo !== undefined
        ? ` of at least ${lo}`
        : hi !== undefined
          ? ` up to ${hi}`
          : '';
  return `give ${p.integer ? 'a whole number' : 'a number'}${range}`;
}

/** How a given argument reads in a message: a value as the readers show cells, a range by its size. */
function shown(arg: unknown): string {
  if (!Array.isArray(arg)) return showCell(arg as Cell);
  let cells = 0;
  for (const row of arg) cells += Array.isArray(row) ? row.length : 1;
  return cells === 0 ? 'an empty range' : `a range of ${cells} cell${cells === 1 ? '' : 's'}`;
}

function bad(p: Param, what: string, earlier: Earlier): never {
  return fail(`argument ${p.name} is ${what}; ${hintOf(p, earlier)}`);
}

function readArgument(p: Param, arg: Arg | undefined, earlier: Earlier, ctx: FormulaContext, named: boolean): unknown {
  if (p.kind === 'range' || p.kind === 'grid') {
    if (arg === undefined) return p.optional ? undefined : bad(p, 'missing', earlier);
    if (p.optional && !Array.isArray(arg) && isBlank(arg as Cell)) return undefined;
    return p.kind === 'range' ? toColumn(arg, p.name, named) : grid(p, arg, earlier);
  }
  // A scalar: a value, or a range of one cell.
  let c: Cell;
  if (Array.isArray(arg)) {
    const rows = arg as readonly (readonly Cell[])[];
    if (rows.length !== 1 || !Array.isArray(rows[0]) || rows[0].length !== 1) return bad(p, shown(arg), earlier);
    c = rows[0][0];
  } else c = arg as Cell;
  if (isBlank(c)) {
    if (p.default !== undefined) return p.kind === 'date' ? ctx.today() : p.kind === 'period' ? calendarSpec(p.default) : p.default;
    return p.optional ? undefined : bad(p, 'missing', earlier);
  }
  switch (p.kind) {
    case 'number': {
      const n = readNumber(c);
      if (n === null || n === undefined) return bad(p, shown(c), earlier);
      const lo = limit(p.min, earlier);
      const hi = limit(p.max, earlier);
      if ((p.integer && !Number.isInteger(n)) || (lo !== undefined && n < lo) || (hi !== undefined && n > hi))
        return bad(p, shown(n), earlier);
      return n;
    }
    case 'text':
      if (typeof c !== 'string') return bad(p, shown(c), earlier);
      return p.words ? (word(p, c) ?? bad(p, shown(c), earlier)) : c;
    case 'period': {
      if (typeof c !== 'string') return bad(p, shown(c), earlier);
      const spec = readPeriodWords(c);
      return 'hint' in spec ? fail(`argument ${p.name} is ${shown(c)}; ${spec.hint}`) : spec;
    }
    case 'date':
      return readDay(c, ctx.dates) ?? bad(p, shown(c), earlier);
    case 'boolean':
      return readBoolean(c) ?? bad(p, shown(c), earlier);
  }
}

function word(p: TextParam, text: string): string | undefined {
  const t = text.trim().toLowerCase();
  for (const [canonical, aliases] of Object.entries(p.words!)) if (canonical === t || aliases.includes(t)) return canonical;
  return undefined;
}

function grid(p: Param, arg: Arg, earlier: Earlier): Cell[][] {
  if (!Array.isArray(arg)) return [[arg as Cell]];
  const rows = arg as Cell[][];
  const width = rows.length && Array.isArray(rows[0]) ? rows[0].length : 0;
  if (width === 0 || rows.some((r) => !Array.isArray(r) || r.length !== width)) return bad(p, shown(arg), earlier);
  return rows;
}
