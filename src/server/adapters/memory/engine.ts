import { HyperFormula } from 'hyperformula';
import type { TimeZone } from '../../../core/time/zone';
import { isMonthFirstLocale } from '../../../core/values/locale';
import { contextFor } from '../../../functions/context';
import { patchHyperFormula } from './hfPatch';
import { type ArraySizes, type EngineContext, registerPlugins } from './plugins';

/** What the engine computes with: the spreadsheet's zone, locale and clock, and the array sizes it learns. */
export interface EngineOptions {
  readonly zone: TimeZone;
  readonly locale: string;
  readonly now: () => number;
  readonly sizes: ArraySizes;
  /** Where custom-function executions are counted (plugins.ts). */
  readonly calls: { executions: number; cells: number };
}

/**
 * The HyperFormula engine underneath the memory workbook (GPL v3 licence key, Node only, never in the Apps
 * Script bundle), configured to read and compute as Sheets does, with the add-on's formulas and the Sheets
 * stand-ins registered (plugins.ts) and the speed fix applied (hfPatch.ts).
 */
export function createEngine(options: EngineOptions): HyperFormula {
  registerPlugins();
  const { zone, locale, now, sizes } = options;
  const monthFirst = isMonthFirstLocale(locale);
  const context: EngineContext = { zone, formula: contextFor({ zone, locale, now }), now, sizes, calls: options.calls };
  const engine = HyperFormula.buildEmpty({
    licenseKey: 'gpl-v3',
    context,
    // Sheets functions such as IFERROR pass an array through; HyperFormula does so only with array arithmetic on.
    useArrayArithmetic: true,
    dateFormats: monthFirst ? ['MM/DD/YYYY', 'MM/DD/YY', 'YYYY-MM-DD'] : ['DD/MM/YYYY', 'DD/MM/YY', 'YYYY-MM-DD'],
    timeFormats: ['hh:mm', 'hh:mm:ss', 'hh:mm:ss.sss'],
    currencySymbol: ['$', '£', '€'],
    // Sheets allows 10 million cells in a spreadsheet; HyperFormula's default stops at 40,000 rows.
    maxRows: 10_000_000,
    // Sheets' getValues gives full doubles; HyperFormula would round what it returns to 10 digits.
    smartRounding: false,
  });
  patchHyperFormula(engine);
  // Sheets reads TRUE and FALSE in a formula as booleans; HyperFormula only knows TRUE() and FALSE().
  engine.addNamedExpression('TRUE', '=TRUE()');
  engine.addNamedExpression('FALSE', '=FALSE()');
  return engine;
}
