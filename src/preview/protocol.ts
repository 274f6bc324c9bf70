import type { FormSpec } from '../core/survey/forms';
import type { ChartSpec } from '../server/ports/workbook';
import type { ChartData } from '../server/adapters/memory/charts';

/**
 * What the preview page and the preview server say to each other (the sidebar does not use these:
 * it talks to the server only through `google.script.run.rpc`, which the shim posts to /rpc).
 */

/** One cell as the page draws it: the text Sheets would show, never HTML. */
export interface CellView {
  /** The shown text (number formats applied). */
  readonly t: string;
  /** The computed number, when the cell holds one (for tests and tooltips). */
  readonly v?: number;
  readonly s?: CellLook;
  /** Values of a SPARKLINE cell's range, drawn as a line. */
  readonly spark?: readonly (number | null)[];
  /** Text runs into the next cells when they are empty, as in Sheets. */
  readonly spill?: boolean;
}

export interface CellLook {
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly fontSize?: number;
  readonly color?: string;
  readonly background?: string;
  readonly align?: 'left' | 'center' | 'right';
  readonly wrap?: boolean;
}

export interface SheetView {
  readonly name: string;
  /** Rows and columns holding anything. */
  readonly rows: number;
  readonly cols: number;
  /** The first `cells.length` rows are sent (the page shows a note for the rest). */
  readonly cells: readonly (readonly (CellView | null)[])[];
  /** Pixels per column (null: default width). */
  readonly widths: readonly (number | null)[];
  /** Frozen panes as setFrozen set them: these rows stay at the top and these columns at the left while the grid scrolls. */
  readonly frozenRows: number;
  readonly frozenCols: number;
  /** The charts floating over the sheet, each as its specification and the data read from its cells. */
  readonly charts: readonly ChartView[];
}

/**
 * One chart as the page draws it (page/chart.ts): the same specification Sheets gets (EmbeddedChartBuilder in
 * the Apps Script adapter) and its data as the in-memory workbook reads it from the computed cells
 * (MemoryWorkbook.chartData). Names and labels are data: the page sets them as text only.
 */
export interface ChartView {
  readonly spec: ChartSpec;
  readonly data: ChartData;
}

export interface SheetList {
  readonly spreadsheet: string;
  readonly sheets: readonly { readonly name: string; readonly own: boolean }[];
}

/** Answer of POST /rpc and POST /api/rebuild. */
export type Answer = { readonly ok: unknown } | { readonly error: string };

/** Messages the shim posts from the sidebar frame to the page. */
export type SidebarMessage =
  | { readonly type: 'leadlag:showSheet'; readonly sheet: string }
  | { readonly type: 'leadlag:close' }
  /** A call added or changed sheets (a survey made, responses processed): the page shows the sheets as they are now. */
  | { readonly type: 'leadlag:refresh' };

/** GET /api/form?id=…: a form the survey wizard made, as the preview's stand-in for Google Forms shows it. */
export interface FormView {
  readonly id: string;
  readonly spec: FormSpec;
  /** The sheet its responses land in ('' when it has none: the response stays in the form). */
  readonly responseSheet: string;
  /** False when the form takes no responses (unpublished, or closed): the page says so. */
  readonly accepting: boolean;
  /** Answers a customer's pre-filled link fills in, by question id. */
  readonly prefill: Readonly<Record<string, string | number>>;
}

/** POST /api/form: one respondent's answers by question id (a scale's answer as a number). */
export interface FormSubmission {
  readonly id: string;
  readonly answers: Readonly<Record<string, string | number>>;
}
