import {
  ArraySize,
  CellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
  type FunctionMetadata,
  type ImplementedFunctions,
} from 'hyperformula';
import { type Arg, type Out, type Result, showDatesIn } from '../../../core/values/cell';
import type { TimeZone } from '../../../core/time/zone';
import { SERIAL_EPOCH_OFFSET } from '../../../core/time/days';
import { FUNCTIONS } from '../../../functions/registry';
import { runFormula } from '../../../functions/runtime';
import type { FormulaContext } from '../../../functions/types';
import { formatText } from './textFormat';
import { dateToSerial, toArg } from './values';

/**
 * The add-on's custom functions (every entry of FUNCTIONS) and stand-ins for Sheets functions that
 * HyperFormula lacks, as HyperFormula function plugins.
 *
 * Array results. HyperFormula fixes the size of a formula's result when it parses the formula (each
 * function that can return an array declares a `sizeOfResultArrayMethod`, called at parse time with no
 * values), while Sheets sizes a spill when it evaluates. The plugin bridges this with a size cache:
 * the size method answers the size this formula's result had the last time it was evaluated (1x1 the
 * first time); when an evaluation comes out with another size, the result is cut to the parsed size
 * (a larger array would make HyperFormula throw) and the cell is marked; `MemoryWorkbook` then enters
 * the same formula again, which re-parses it with the new size (see `ArraySizes.settle`).
 */

/** What each HyperFormula engine passes to the plugins through its `context` config. */
export interface EngineContext {
  readonly zone: TimeZone;
  readonly formula: FormulaContext;
  /** The workbook's clock (ms since 1970), for TODAY and NOW. */
  readonly now: () => number;
  readonly sizes: ArraySizes;
  /**
   * Custom-function executions and the cells their arguments carried, as Sheets would ship them to Apps
   * Script: what a recalculation costs (tests count them after a paste).
   */
  readonly calls: { executions: number; cells: number };
}

interface Address {
  readonly sheet: number;
  readonly row: number;
  readonly col: number;
}

/** The parts of HyperFormula's ProcedureAst and InterpreterState the plugins read. */
interface CallAst {
  readonly procedureName: string;
  readonly args: readonly unknown[];
}
interface CallState {
  readonly formulaAddress: Address;
}

interface Dim {
  readonly width: number;
  readonly height: number;
}

/** Result sizes of array formulas: what the parser was told, and what evaluation produced. */
export class ArraySizes {
  private readonly predicted = new Map<string, Dim>();
  private readonly actual = new Map<string, Dim>();
  /** Cells whose formula must be entered again because its result changed size. */
  private readonly stale = new Map<string, Address>();

  /** Called at parse time: the size to reserve for this call. */
  predict(key: string): Dim {
    const dim = this.actual.get(key) ?? { width: 1, height: 1 };
    this.predicted.set(key, dim);
    return dim;
  }

  /** Called after evaluating: records the real size; returns the size the result must be cut to, if any. */
  evaluated(key: string, at: Address, dim: Dim): Dim | undefined {
    this.actual.set(key, dim);
    const parsed = this.predicted.get(key);
    if (!parsed) return undefined; // called inside another function that sized itself without asking
    if (parsed.width !== dim.width || parsed.height !== dim.height) this.stale.set(`${at.sheet}:${at.row}:${at.col}`, at);
    return parsed;
  }

  /** Takes the cells to enter again. */
  takeStale(): Address[] {
    const out = [...this.stale.values()];
    this.stale.clear();
    return out;
  }

  /** Forgets a sheet (its id may be reused by a new sheet). */
  forgetSheet(sheet: number): void {
    const prefix = `${sheet}:`;
    for (const m of [this.predicted, this.actual, this.stale] as Map<string, unknown>[]) {
      for (const k of [...m.keys()]) if (k.startsWith(prefix)) m.delete(k);
    }
  }
}

/** A key for one call inside one formula cell: the cell, the function and the shape of its arguments. */
function callKey(ast: CallAst, at: Address): string {
  let args: string;
  try {
    // A range's end moves when an open-ended range is closed lower after a paste (openFormulas.ts): the
    // call is the same, and so is the size its result had, so the end is not part of the key.
    args = JSON.stringify(ast.args, (k, v) => (k === 'leadingWhitespace' || k === 'internalWhitespace' || k === 'end' ? undefined : v));
  } catch {
    args = String(ast.args.length);
  }
  return `${at.sheet}:${at.row}:${at.col}:${ast.procedureName}:${args}`;
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** A Leadlag result as a HyperFormula value, cut to `size` when given. */
function toValue(out: Result, size: Dim | undefined): Out | SimpleRangeValue {
  if (!Array.isArray(out)) return out;
  if (size && size.width === 1 && size.height === 1) return out[0][0];
  if (out.length === 1 && out[0].length === 1 && !size) return out[0][0];
  const rows = size ? out.slice(0, size.height).map((r) => r.slice(0, size.width)) : out;
  return SimpleRangeValue.onlyValues(rows);
}

type PluginMethod = (this: LeadlagPlugin, ast: CallAst, state: CallState) => unknown;

/** Every formula of the registry, run exactly as Apps Script runs it (via runFormula). */
export class LeadlagPlugin extends FunctionPlugin {
  static override implementedFunctions: ImplementedFunctions = {};

  protected get engine(): EngineContext {
    return this.config.context as EngineContext;
  }

  protected runLeadlag(name: string, ast: CallAst, state: CallState): unknown {
    const engine = this.engine;
    const at = state.formulaAddress;
    const key = callKey(ast, at);
    const run = (...given: unknown[]) => {
      const args: (Arg | undefined)[] = given.map((a) => (a === undefined ? undefined : toArg(a, engine.zone)));
      while (args.length && args[args.length - 1] === undefined) args.pop();
      engine.calls.executions++;
      for (const a of args)
        engine.calls.cells += Array.isArray(a) ? a.reduce((n: number, r) => n + (Array.isArray(r) ? r.length : 1), 0) : 1;
      let out: Result;
      try {
        // Error messages quote date cells in the spreadsheet's zone, as in Sheets (src/appsscript/host.ts).
        showDatesIn(engine.zone);
        out = runFormula(name, args, engine.formula);
      } catch (e) {
        engine.sizes.evaluated(key, at, { width: 1, height: 1 });
        return new CellError(ErrorType.ERROR, messageOf(e));
      }
      if (Array.isArray(out) && (out.length === 0 || out[0].length === 0)) out = '';
      const dim = Array.isArray(out) ? { width: out[0].length, height: out.length } : { width: 1, height: 1 };
      return toValue(out, engine.sizes.evaluated(key, at, dim));
    };
    return this.runFunction(ast.args as never, state as never, this.metadata(name), run);
  }

  protected sizeLeadlag(ast: CallAst, state: CallState): ArraySize {
    const dim = this.engine.sizes.predict(callKey(ast, state.formulaAddress));
    return new ArraySize(dim.width, dim.height);
  }
}

for (const def of FUNCTIONS) {
  const method = `leadlag_${def.name}`;
  const sizeMethod = `leadlagSize_${def.name}`;
  const any = { argumentType: FunctionArgumentType.ANY, optionalArg: true, passSubtype: true };
  const meta: FunctionMetadata = {
    method,
    sizeOfResultArrayMethod: sizeMethod,
    // One more optional argument than declared, repeated, so that extra arguments reach runFormula,
    // which explains them as Sheets would show it (HyperFormula alone would answer #N/A).
    parameters: [...def.params.map(() => any), any],
    repeatLastArgs: 1,
    vectorizationForbidden: true,
  };
  LeadlagPlugin.implementedFunctions[def.name] = meta;
  const proto = LeadlagPlugin.prototype as unknown as Record<string, PluginMethod>;
  proto[method] = function (ast, state) {
    return this.runLeadlag(def.name, ast, state);
  };
  proto[sizeMethod] = function (ast, state) {
    return this.sizeLeadlag(ast, state);
  };
}

/** What the conditional-aggregation plugin (SUMIFS, COUNTIFS...) offers its subclasses. */
interface ConditionalAggregation {
  computeConditionalAggregationFunction<T>(
    values: unknown,
    conditions: unknown[],
    functionName: string,
    initial: T,
    compose: (a: T, b: T) => T,
    map: (v: unknown) => T,
  ): T | CellError;
}

// HyperFormula's own SUMIFS plugin, to reuse its criteria matching for AVERAGEIFS.
const ConditionalBase = HyperFormula.getFunctionPlugin('SUMIFS') as unknown as typeof FunctionPlugin;

interface Mean {
  readonly sum: number;
  readonly count: number;
}

/** Sheets functions HyperFormula lacks (SPARKLINE, AVERAGEIFS) or computes otherwise (TEXT, TODAY, NOW); see docs/memory-workbook.md. */
export class SheetsStandInsPlugin extends ConditionalBase {
  static override implementedFunctions: ImplementedFunctions = {
    TEXT: {
      method: 'text',
      parameters: [{ argumentType: FunctionArgumentType.SCALAR, passSubtype: true }, { argumentType: FunctionArgumentType.STRING }],
    },
    TODAY: { method: 'today', parameters: [], isVolatile: true, returnNumberType: 'NUMBER_DATE' as never },
    NOW: { method: 'now', parameters: [], isVolatile: true, returnNumberType: 'NUMBER_DATETIME' as never },
    // Sheets draws a chart inside the cell; getValues reads such a cell as ''. So does the stand-in.
    SPARKLINE: {
      method: 'sparkline',
      parameters: [{ argumentType: FunctionArgumentType.ANY }, { argumentType: FunctionArgumentType.ANY, optionalArg: true }],
      vectorizationForbidden: true,
    },
    // AVERAGEIFS(average_range, criteria_range1, criterion1, ...): the mean of the numbers whose rows meet every criterion.
    AVERAGEIFS: {
      method: 'averageifs',
      parameters: [
        { argumentType: FunctionArgumentType.RANGE },
        { argumentType: FunctionArgumentType.RANGE },
        { argumentType: FunctionArgumentType.NOERROR },
      ],
      repeatLastArgs: 2,
    },
  };

  /** HyperFormula's TEXT knows few format codes; this one follows Sheets for the common ones (textFormat.ts). */
  text(ast: CallAst, state: CallState): unknown {
    return this.runFunction(ast.args as never, state as never, this.metadata('TEXT'), (value: unknown, format: string) => {
      const v =
        typeof value === 'object' && value !== null && typeof (value as { val?: unknown }).val === 'number'
          ? (value as { val: number }).val
          : value;
      if (v === EmptyValue || v === undefined || v === null) return formatText(0, format);
      return formatText(v as number | string | boolean, format);
    });
  }

  /** TODAY and NOW read the workbook's clock in the workbook's zone (HyperFormula's read the runtime's). */
  today(ast: CallAst, state: CallState): unknown {
    return this.runFunction(
      ast.args as never,
      state as never,
      this.metadata('TODAY'),
      () => this.context().formula.today() + SERIAL_EPOCH_OFFSET,
    );
  }

  now(ast: CallAst, state: CallState): unknown {
    return this.runFunction(ast.args as never, state as never, this.metadata('NOW'), () => {
      const ctx = this.context();
      return dateToSerial(new Date(ctx.now()), ctx.zone);
    });
  }

  private context(): EngineContext {
    return this.config.context as EngineContext;
  }

  sparkline(ast: CallAst, state: CallState): unknown {
    return this.runFunction(ast.args as never, state as never, this.metadata('SPARKLINE'), () => '');
  }

  averageifs(ast: CallAst, state: CallState): unknown {
    const self = this as unknown as ConditionalAggregation;
    return this.runFunction(ast.args as never, state as never, this.metadata('AVERAGEIFS'), (values: unknown, ...conditions: unknown[]) => {
      const mean = self.computeConditionalAggregationFunction<Mean | CellError>(
        values,
        conditions,
        'AVERAGEIFS',
        { sum: 0, count: 0 },
        (a, b) => (a instanceof CellError ? a : b instanceof CellError ? b : { sum: a.sum + b.sum, count: a.count + b.count }),
        (v) => {
          if (v instanceof CellError) return v;
          const n =
            typeof v === 'number'
              ? v
              : typeof v === 'object' && v !== null && typeof (v as { val?: unknown }).val === 'number'
                ? (v as { val: number }).val
                : NaN;
          return Number.isFinite(n) ? { sum: n, count: 1 } : { sum: 0, count: 0 };
        },
      );
      if (mean instanceof CellError) return mean;
      if (mean.count === 0) return new CellError(ErrorType.DIV_BY_ZERO, 'AVERAGEIFS: no numbers meet the criteria');
      return mean.sum / mean.count;
    });
  }
}

let registered = false;

/** Registers both plugins with HyperFormula, once per process (registration is global; engines built later see them). */
export function registerPlugins(): void {
  if (registered) return;
  const names = (plugin: { implementedFunctions: ImplementedFunctions }) =>
    Object.fromEntries(Object.keys(plugin.implementedFunctions).map((n) => [n, n]));
  HyperFormula.registerFunctionPlugin(LeadlagPlugin, { enGB: names(LeadlagPlugin) });
  HyperFormula.registerFunctionPlugin(SheetsStandInsPlugin, { enGB: names(SheetsStandInsPlugin) });
  registered = true;
}
