import { surveyModule } from '../../src/server/survey/handlers';
import { trackerSummary } from '../../src/server/tracker/sheets';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MemoryWorkbook } from '../../src/server/adapters/memory/memoryWorkbook';
import { MemoryAutomation, type MemoryAutomationOptions } from '../../src/server/adapters/memory/automation';
import { createHandlers, dispatch } from '../../src/server/handlers';
import { defaultSetup, type SurveySetup } from '../../src/core/survey/setup';
import type { CallName, Results } from '../../src/rpc/contract';
import type { Cell } from '../../src/core/values/cell';
import { ianaZone } from '../../src/server/adapters/memory/zone';
import type { TimeZone } from '../../src/core/time/zone';

/** 2026-11-23 10:00 UTC, a Monday: 19:00 the same day in the spreadsheet's zone. */
export const NOW = Date.UTC(2026, 10, 23, 10, 0);

/**
 * The spreadsheet's zone in these tests: east of UTC, where a date cell (midnight there) is the day before
 * in UTC, so that anything reading a date cell in UTC (toISOString) shows the wrong day and a test sees it.
 */
export const ZONE: TimeZone = ianaZone('Asia/Tokyo');

/** Midnight of a day in the spreadsheet's zone: what getValues gives for a date cell. */
export const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d) - 9 * 3600000);

const dataDir = join(__dirname, '..', '..', 'examples', 'data');
export const csv = (name: string) => readFileSync(join(dataDir, name), 'utf8');

export function setupWith(change: Partial<SurveySetup> = {}): SurveySetup {
  return { ...defaultSetup('owner@example.com'), ...change };
}

/**
 * A workbook (in ZONE unless told), its automation twin and the sidebar's handlers over them, as the
 * preview wires them. A workbook given must be in the zone the test means.
 */
export function world(
  sheets: Record<string, readonly (readonly Cell[])[]> = {},
  options: Partial<MemoryAutomationOptions> = {},
  given?: MemoryWorkbook,
) {
  let now = options.now ?? (() => NOW);
  const clock = { set: (ms: number) => (now = () => ms) };
  const wb = given ?? MemoryWorkbook.fromGrids(sheets, { now: () => now(), zone: options.zone ?? ZONE });
  const twin = new MemoryAutomation(wb, { ...options, now: () => now() });
  let building = false;
  const handlers = createHandlers({
    wb: options.port ?? wb,
    spreadsheetName: () => 'Example spreadsheet',
    timestamp: () => '2026-11-23 10:00',
    withLock: (fn) => {
      if (building) throw new Error('busy');
      building = true;
      try {
        return fn();
      } finally {
        building = false;
      }
    },
    survey: surveyModule(twin.automation),
    scorecardExtras: [trackerSummary],
    zone: wb.zone,
  });
  const call = <N extends CallName>(name: N, args: unknown = {}): Results[N] => dispatch(handlers, name, args) as Results[N];
  return { wb, twin, handlers, call, clock };
}

/** A sheet's used range as Sheets' getValues gives it. */
export const values = (wb: MemoryWorkbook, sheet: string): Cell[][] => wb.sheet(sheet)!.readValues();
