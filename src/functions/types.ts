import type { Cell, Out } from '../core/values/cell';
import type { Column } from '../core/values/column';
import type { DateOptions } from '../core/values/date';
import type { PeriodKind, PeriodSpec } from '../core/time/periods';

/** What a formula needs from where it runs: the spreadsheet's zone and locale, and today. */
export interface FormulaContext {
  readonly dates: DateOptions;
  /** Today's day number in the spreadsheet's time zone. */
  today(): number;
}

// ------------------------------------------------------------------------------------------------
// Parameters as data (like HyperFormula's plugins declare `parameters`): the runtime (params.ts) reads
// and checks every argument from its declaration before `run` sees it.
// ------------------------------------------------------------------------------------------------

/** The earlier arguments, as read, for a limit that depends on them (CSAT: top_box ≤ scale − 1). */
export type Earlier = Readonly<Record<string, unknown>>;
export type Limit = number | ((earlier: Earlier) => number);

interface ParamBase {
  /** As autocomplete shows it, e.g. "max_lag". */
  readonly name: string;
  /** Left out or blank, the argument takes its default, or comes to `run` as undefined without one. */
  readonly optional?: boolean;
  /** What an argument error ends with ("give …"): generated from the kind and limits when left out. */
  readonly hint?: string;
}

/** A range, read as the core's Column (a single cell is a 1×1 range). */
export interface RangeParam extends ParamBase {
  readonly kind: 'range';
}
/** A rectangular range kept as rows of cells (a single value is a 1×1 grid), for formulas whose shape matters. */
export interface GridParam extends ParamBase {
  readonly kind: 'grid';
}
export interface NumberParam extends ParamBase {
  readonly kind: 'number';
  readonly default?: number;
  readonly integer?: boolean;
  readonly min?: Limit;
  readonly max?: Limit;
}
/** Text; with `words`, one of them: canonical word → its aliases (matched ignoring case and spaces around). */
export interface TextParam extends ParamBase {
  readonly kind: 'text';
  readonly default?: string;
  readonly words?: Readonly<Record<string, readonly string[]>>;
}
/** A date, as a day number (core/time/days.ts); "today" is the spreadsheet's today. */
export interface DateParam extends ParamBase {
  readonly kind: 'date';
  readonly default?: 'today';
}
export interface BooleanParam extends ParamBase {
  readonly kind: 'boolean';
  readonly default?: boolean;
}
/** Period words ("month", "quarter:jul"), read by core/time/periods.ts into a PeriodSpec. */
export interface PeriodParam extends ParamBase {
  readonly kind: 'period';
  readonly default?: PeriodKind;
}

export type Param = RangeParam | GridParam | NumberParam | TextParam | DateParam | BooleanParam | PeriodParam;
export type ParamKind = Param['kind'];

/** What `run` receives for a declared parameter. */
type Present<P> = P extends RangeParam
  ? Column
  : P extends GridParam
    ? Cell[][]
    : P extends NumberParam
      ? number
      : P extends { readonly kind: 'text'; readonly words: infer W }
        ? keyof W & string
        : P extends TextParam
          ? string
          : P extends DateParam
            ? number
            : P extends BooleanParam
              ? boolean
              : P extends PeriodParam
                ? PeriodSpec
                : never;
type ValueOf<P> = P extends { readonly default: unknown }
  ? Present<P>
  : P extends { readonly optional: true }
    ? Present<P> | undefined
    : Present<P>;

/** The arguments of a formula by name, read and checked. */
export type ArgValues<Ps extends readonly Param[]> = { readonly [P in Ps[number] as P['name']]: ValueOf<P> };

/** What `run` returns: a value or a table; null is a blank cell (the runtime writes it as ""). */
export type RunResult = Out | null | (Out | null)[][];

/** One formula's run-time part: what ships in dist/Code.js. Its docs live beside it in `<name>.docs.ts`. */
export interface FormulaDef<Ps extends readonly Param[] = readonly Param[]> {
  readonly name: string;
  readonly params: Ps;
  run(args: ArgValues<Ps>, ctx: FormulaContext): RunResult;
}

export function defineFormula<const Ps extends readonly Param[]>(def: FormulaDef<Ps>): FormulaDef<Ps> {
  return def;
}

// ------------------------------------------------------------------------------------------------
// Docs: Node only (the build's JSDoc, the README). src/appsscript/main.ts never imports a docs module.
// ------------------------------------------------------------------------------------------------

export interface FormulaDocs {
  /** One or two sentences: what it returns, in a manager's words. */
  readonly summary: string;
  /** What comes back: a number, or a table with these columns. */
  readonly returns: string;
  /** A formula as typed in a cell, e.g. `=NPS(B2:B500)`. */
  readonly example: string;
  /** Each argument's help, as autocomplete and the README show it. */
  readonly args: Readonly<Record<string, string>>;
}

export interface DocumentedFormula {
  readonly def: FormulaDef;
  readonly docs: FormulaDocs;
}

/** A formula's docs: the types ask for the help of every parameter it declares, and of no other. */
export function documentFormula<Ps extends readonly Param[]>(
  def: FormulaDef<Ps>,
  docs: Omit<FormulaDocs, 'args'> & { readonly args: { readonly [K in Ps[number]['name']]: string } },
): DocumentedFormula {
  return { def: def as unknown as FormulaDef, docs };
}
