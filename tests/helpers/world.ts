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

/** 2026-11-23 10:00 UTC, a Monday. */
export const NOW = Date.UTC(2026, 10, 23, 10, 0);

const dataDir = join(__dirname, '..', '..', 'examples', 'data');
export const csv = (name: string) => readFileSync(join(dataDir, name), 'utf8');

export function setupWith(change: Partial<SurveySetup> = {}): SurveySetup {
  return { ...defaultSetup(), owner: 'owner@example.com', ...change };
}

/** A workbook, its automation twin and the sidebar's handlers over them, as the preview wires them. */
export function world(
  sheets: Record<string, readonly (readonly Cell[])[]> = {},
  options: Partial<MemoryAutomationOptions> = {},
  given?: MemoryWorkbook,
) {
  let now = options.now ?? (() => NOW);
  const clock = { set: (ms: number) => (now = () => ms) };
  const wb = given ?? MemoryWorkbook.fromGrids(sheets, { now: () => now() });
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
  });
  const call = <N extends CallName>(name: N, args: unknown = {}): Results[N] => dispatch(handlers, name, args) as Results[N];
  return { wb, twin, handlers, call, clock };
}

/** A sheet's used range as Sheets' getValues gives it. */
export const values = (wb: MemoryWorkbook, sheet: string): Cell[][] => wb.sheet(sheet)!.readValues();
