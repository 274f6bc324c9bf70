import { type Column, toColumn } from '../../src/core/values/column';
import type { Cell } from '../../src/core/values/cell';
import type { DateOptions } from '../../src/core/values/date';
import { UTC_ZONE } from '../../src/core/time/zone';
import { daysFromCivil } from '../../src/core/time/days';

/** A one-column range as Sheets passes it: rows of one cell. */
export const rows = (cells: Cell[]): Cell[][] => cells.map((c) => [c]);
export const col = (cells: Cell[], name = 'values', named = false): Column => toColumn(rows(cells), name, named);
export const day = (iso: string): number => {
  const [y, m, d] = iso.split('-').map(Number);
  return daysFromCivil(y, m, d);
};
/** Day numbers of ISO dates; '' is a row without a date (NaN). */
export const days = (...isos: string[]): Float64Array => Float64Array.from(isos, (s) => (s === '' ? NaN : day(s)));

/** Dates read in UTC, day first when a column leaves it open (an en_GB spreadsheet). */
export const DATES: DateOptions = { zone: UTC_ZONE, monthFirst: false };

export function errorOf(f: () => unknown): Error {
  try {
    f();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected an error');
}
