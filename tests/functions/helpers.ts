import { contextFor } from '../../src/functions/context';
import { runFormula } from '../../src/functions/runtime';
import type { FormulaContext } from '../../src/functions/types';
import type { Result } from '../../src/core/values/cell';
import { UTC_ZONE } from '../../src/core/time/zone';

export { col, day, errorOf, rows } from '../core/helpers';

/** A spreadsheet in UTC, en_GB, on 15 May 2026 at noon. */
export const CTX: FormulaContext = contextFor({ zone: UTC_ZONE, locale: 'en_GB', now: () => Date.UTC(2026, 4, 15, 12) });

/** A formula as Sheets runs it: through the runtime, which reads and checks the arguments first. */
export const run = (name: string, ...args: unknown[]): Result => runFormula(name, args, CTX);
