import { MemoryWorkbook } from '../../src/server/adapters/memory/memoryWorkbook';
import { contextFor } from '../../src/functions/context';
import { UTC_ZONE } from '../../src/core/time/zone';

/** The clock of the memory workbook's tests: 2026-06-15 12:00 UTC. */
export const NOW = Date.UTC(2026, 5, 15, 12);
/** What the formulas see in those workbooks, for calling the registry directly. */
export const ctx = contextFor({ zone: UTC_ZONE, locale: 'en_GB', now: () => NOW });
export const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

export const SCORES = [['Score'], [10], [9], [3], [7], [0]];

/**
 * `make` seeds a workbook on the clock NOW; `keep` takes one made otherwise. Call at the top of a test
 * file: every workbook made or kept is destroyed after each test.
 */
export function workbooks() {
  let open: MemoryWorkbook[] = [];
  afterEach(() => {
    open.forEach((wb) => wb.destroy());
    open = [];
  });
  const keep = (wb: MemoryWorkbook): MemoryWorkbook => {
    open.push(wb);
    return wb;
  };
  const make = (grids: Parameters<typeof MemoryWorkbook.fromGrids>[0] = {}): MemoryWorkbook =>
    keep(MemoryWorkbook.fromGrids(grids, { now: () => NOW }));
  return { make, keep };
}
