import { type Column, toColumn } from '../../../src/core/values/column';
import { contextFor } from '../../../src/functions/context';
import { runFormula } from '../../../src/functions/runtime';
import type { FormulaContext } from '../../../src/functions/types';
import type { Result, Cell } from '../../../src/core/values/cell';
import { UTC_ZONE } from '../../../src/core/time/zone';
import { daysFromCivil } from '../../../src/core/time/days';

/** A one-column range as Sheets passes it: rows of one cell. */
export const rows = (cells: Cell[]): Cell[][] => cells.map((c) => [c]);
export const col = (cells: Cell[], name = 'values', named = false): Column => toColumn(rows(cells), name, named);
export const day = (iso: string): number => {
  const [y, m, d] = iso.split('-').map(Number);
  return daysFromCivil(y, m, d);
};

/** A spreadsheet in London, en_GB, on 15 May 2026 at noon. */
export const CTX: FormulaContext = contextFor({ zone: UTC_ZONE, locale: 'en_GB', now: () => Date.UTC(2026, 4, 15, 12) });

export const run = (name: string, ...args: unknown[]): Result => runFormula(name, args, CTX);

export function errorOf(f: () => unknown): Error {
  try {
    f();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected an error');
}
