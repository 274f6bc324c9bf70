import * as z from 'zod/mini';
import { DefinitionShape, ScorecardDefinition } from '../server/scorecard/definition';

/**
 * The calls the sidebar may make to the server: one name, one zod schema for its arguments, one result
 * type. Both sides import this file, so they cannot drift apart. Results carry no Date objects (dates
 * cross as ISO text) and no undefined (google.script.run turns it into null).
 */
/**
 * A sheet as the server found it: the table (header row, rows left out) and a sample of each column.
 * Column roles are guessed in the sidebar (core/tables/suggestRoles runs in the browser), which keeps
 * the Apps Script bundle small and lets the wizard re-guess instantly when the user changes one.
 */
export interface SheetTable {
  readonly sheet: string;
  /** 1-based row of the header, null when no table was found (then `problem` says why). */
  readonly headerRow: number | null;
  readonly headers: readonly string[];
  /** Up to SAMPLE_ROWS data cells per column; dates as ISO text. */
  readonly columns: readonly (readonly (string | number | boolean)[])[];
  readonly dataRows: number;
  readonly skipped: readonly { row: number; reason: string }[];
  readonly problem: string | null;
}

export const SAMPLE_ROWS = 400;

export interface HomeInfo {
  readonly spreadsheet: string;
  /** The sheets the add-on did not make. */
  readonly sheets: readonly string[];
  readonly scorecard: { sheet: string } | null;
  readonly hasDefinition: boolean;
}

export interface BuildSummary {
  readonly sheet: string;
  readonly measures: readonly string[];
  readonly missing: readonly string[];
  readonly skipped: number;
}

const NoArgs = z.object({});

export const CALLS = {
  home: { args: NoArgs },
  readTables: { args: NoArgs },
  getDefinition: { args: NoArgs },
  buildScorecard: { args: z.object({ definition: DefinitionShape }) },
  rebuildScorecard: { args: NoArgs },
} as const;

export interface Results {
  home: HomeInfo;
  readTables: SheetTable[];
  /** The stored definition, or null before the first build. */
  getDefinition: ScorecardDefinition | null;
  buildScorecard: BuildSummary;
  rebuildScorecard: BuildSummary;
}

export type CallName = keyof typeof CALLS;
export type CallArgs<N extends CallName> = z.input<(typeof CALLS)[N]['args']>;

/** What crosses back when a call fails: a message for the user and what to do, never a stack trace. */
export interface RpcFailure {
  readonly error: string;
}
