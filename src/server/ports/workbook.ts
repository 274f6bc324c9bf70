import type { Cell } from '../../core/values/cell';

/**
 * The spreadsheet as the server sees it: a few block-oriented calls, so that building a sheet
 * costs a number of calls that does not grow with the number of data rows (Apps Script charges
 * for every call into the spreadsheet). Two implementations:
 * - `adapters/appsscript/appsScriptWorkbook.ts` over SpreadsheetApp (one batch call per block);
 * - `adapters/memory/memoryWorkbook.ts` over HyperFormula, for tests, the local preview and the CLI.
 *
 * Rows and columns are 1-based, as in Sheets. A1 notation is relative to the sheet (`B2:D9`,
 * `A2:A` for an open-ended column, `C:C` for a whole column), never with a sheet name.
 */

/** A plain value, written as if typed: `null` (or '') leaves the cell empty, a string starting with `=` is a formula. */
export type WriteValue = string | number | boolean | Date | null;

/**
 * One cell of a block.
 * - `{ text }` stays text whatever it holds (`=HYPERLINK(...)`, `+44 20...`, `-`, `@home`, `00123`, `TRUE`,
 *   `1/2`): use it for anything that comes from data (names, comments, column headers).
 *   Written with a leading apostrophe, which Sheets (and HyperFormula) read as "this is text" and do not
 *   keep as part of the value.
 * - `{ formula }` is a formula; the leading `=` may be omitted.
 */
export type WriteCell = WriteValue | { readonly text: string } | { readonly formula: string };

export type Block = readonly (readonly WriteCell[])[];

/** How a range looks. Unset fields are left as they are. Colours are `#rrggbb`. */
export interface CellStyle {
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly fontSize?: number;
  readonly color?: string;
  readonly background?: string;
  /** A Sheets number format, e.g. `0.0`, `0%`, `£#,##0`, `yyyy-mm-dd`, `@` (plain text). */
  readonly numberFormat?: string;
  readonly wrap?: boolean;
  readonly align?: 'left' | 'center' | 'right';
}

/** One style applied to one range (A1 notation). */
export interface StyledRange extends CellStyle {
  readonly a1: string;
}

/**
 * A conditional format: when the cell's shown text equals `textEquals` (case-insensitive in Sheets), or
 * when `formula` is true, the cell gets these colours. Give one of the two. The formula is written for the
 * range's top-left cell and its relative references move along for the other cells, as in Sheets
 * (`=AND($I2<>"", $I2<TODAY())` on `A2:M` checks each row's own I cell).
 */
export interface ConditionalRule {
  readonly a1: string;
  readonly textEquals?: string;
  readonly formula?: string;
  readonly background: string;
  readonly color?: string;
  readonly bold?: boolean;
}

export interface ColumnWidth {
  readonly col: number;
  /** Pixels. */
  readonly width: number;
}

/**
 * A chart the add-on floats over one of its own sheets (Sheets: EmbeddedChartBuilder; the in-memory twin
 * records it and the preview draws it from the same specification). Its data is one rectangle of the sheet,
 * series in rows: the first row holds the domain (period labels; its first cell is blank or a caption), and
 * each row below is one series, its name in the first cell. Formulas fill the rectangle, so the chart moves
 * with the data.
 */
export interface ChartSpec {
  /** A stable name such as "trend:nps": tests and the preview find a chart by it. */
  readonly key: string;
  readonly title: string;
  /** 'line': every series a line. 'column': series as columns, those in `lines` drawn as lines over them (a combo chart). */
  readonly kind: 'line' | 'column';
  /** The data rectangle, A1 on this sheet (`A90:M93`). */
  readonly range: string;
  /** 0-based series drawn as lines in a column chart. */
  readonly lines?: readonly number[];
  /** 0-based series drawn dashed: a target, a threshold. */
  readonly dashed?: readonly number[];
  /** 0-based series read on a second vertical axis, at the right (a lag measure beside the lead measure it follows). */
  readonly rightAxis?: readonly number[];
  /** Number format of the left axis and of the right one, as the cells' (`0%`, `£#,##0`). */
  readonly format?: string;
  readonly rightFormat?: string;
  /** One colour per series (#rrggbb). */
  readonly colors?: readonly string[];
  /** The cell its top-left corner sits on (1-based) and its size in pixels. */
  readonly anchor: { readonly row: number; readonly col: number };
  readonly width: number;
  readonly height: number;
}

export interface SheetPort {
  readonly name: string;
  /**
   * Computed values of the used range (from A1 to the last row and column holding anything), rows of cells,
   * like `getDataRange().getValues()`: '' for empty, numbers, booleans, text, Date for date cells,
   * and error cells as their error text (`#N/A`).
   */
  readValues(): Cell[][];
  /** Writes one rectangular block of values and formulas, top-left at (row, col), in one call. */
  writeBlock(row: number, col: number, block: Block): void;
  /** One number format per cell of a block at (row, col), in one call. */
  setNumberFormats(row: number, col: number, formats: readonly (readonly string[])[]): void;
  /** A batch of ranges, each with one style. The cost grows with the number of distinct styles, not cells. */
  applyStyles(styles: readonly StyledRange[]): void;
  setFrozen(rows: number, cols: number): void;
  setColumnWidths(widths: readonly ColumnWidth[]): void;
  /** Replaces every conditional format rule of the sheet with these. */
  setConditionalRules(rules: readonly ConditionalRule[]): void;
  /** Replaces every chart on the sheet with these (only ever called on a sheet the add-on made). Optional: a workbook without charts ignores them. */
  setCharts?(charts: readonly ChartSpec[]): void;
  /** A drop-down on a range (A1, open-ended allowed): only these values may be chosen. */
  setValidation(a1: string, allowed: readonly string[]): void;
  /** Removes contents, formats, conditional rules and drop-downs; keeps the sheet, its frozen panes and widths. */
  clear(): void;
  /**
   * The add-on's tags on whole columns, tag → 1-based column (Sheets: developer metadata on the column, which
   * stays with it when columns are inserted before it, moved, or renamed, and goes when it is deleted). How
   * the add-on finds its columns again whatever the user did to the headers. Optional: a workbook without
   * it finds columns by their header only.
   */
  columnTags?(): ReadonlyMap<string, number>;
  /** Tags these columns (a tag already on another column moves here). */
  setColumnTags?(tags: readonly { readonly col: number; readonly tag: string }[]): void;
}

export interface WorkbookPort {
  sheetNames(): string[];
  sheet(name: string): SheetPort | null;
  /** Adds a sheet at the end; throws if the name is taken. */
  insertSheet(name: string): SheetPort;
  /** Throws if there is no such sheet. */
  deleteSheet(name: string): void;
  /**
   * Marks the sheets the add-on created (Sheets: developer metadata on the sheet with DOCUMENT visibility, so
   * that it survives the script's move to another Cloud project; README "Where settings live").
   */
  getSheetTag(name: string): string | null;
  setSheetTag(name: string, tag: string): void;
  /**
   * Document-level settings (Sheets: developer metadata on the spreadsheet, DOCUMENT visibility, so they
   * travel with a copy and survive a change of Cloud project). `setSetting` throws a SettingsTooLarge when
   * the spreadsheet's metadata would pass METADATA_MAX_CHARS.
   */
  getSetting(key: string): string | null;
  setSetting(key: string, value: string): void;
  /** Characters a setting's value may have now (what the spreadsheet's metadata has left, this key's old value counted free). */
  settingRoom?(key: string): number;
  /** Brings a sheet to the front (after a build); optional: a workbook without a screen ignores it. */
  activate?(name: string): void;
  /** The spreadsheet's IANA time zone, e.g. `Europe/London`. */
  timeZone(): string;
  /** The spreadsheet's locale, e.g. `en_GB`. */
  locale(): string;
}

/**
 * Google Sheets' limits, which the in-memory twin enforces too: 50,000 characters in a cell ("Your input
 * contains more than the maximum of 50000 characters in a single cell"), 10 million cells in a spreadsheet
 * (https://developers.google.com/apps-script/guides/sheets), 18,278 columns (ZZZ) in a sheet.
 */
export const SHEETS_LIMITS = { cellChars: 50000, cells: 10_000_000, columns: 18278 } as const;

/**
 * Characters of developer metadata (keys and values) Sheets keeps per spreadsheet and per sheet. Google's
 * own text for the figure was not found (/work/scratch/google-reference.md §9); 30,000 is the limit the
 * Sheets API has been known to enforce, and the twin enforces it.
 */
export const METADATA_MAX_CHARS = 30000;

/**
 * The developer-metadata keys both workbook implementations use: the tag on a sheet the add-on made, the
 * prefix of a document setting, and the tag on one of its columns. Written with DOCUMENT visibility; read
 * back whatever the visibility, so that those an older version wrote with PROJECT visibility are found and
 * moved to DOCUMENT (the migration).
 */
export const METADATA_KEYS = { sheetTag: 'leadlag.sheet', settingPrefix: 'leadlag.setting.', column: 'leadlag.column' } as const;

/** What ends a text cut to fit a cell. */
export const CUT_MARK = '…(cut)';

/**
 * Text cut to fit one cell with room for the apostrophe that keeps it text, ending with CUT_MARK when cut:
 * a 60,000-character complaint must not stop every later write (the full text stays in the form's own
 * response sheet).
 */
export function fitCell(s: string, max: number = SHEETS_LIMITS.cellChars - 1): string {
  if (s.length <= max) return s;
  let end = max - CUT_MARK.length;
  // Never split a surrogate pair.
  const c = s.charCodeAt(end - 1);
  if (c >= 0xd800 && c < 0xdc00) end--;
  return s.slice(0, end) + CUT_MARK;
}

/** 30000 → "30,000" (Apps Script's Intl support is not relied on). */
export function grouped(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** A setting that does not fit the spreadsheet's developer metadata: the message says what and what to do. */
export class SettingsTooLarge extends Error {}

/** Throws SettingsTooLarge before anything is written when a setting's value could not be stored. */
export function checkSettingFits(wb: WorkbookPort, key: string, value: string, what: string): void {
  const room = wb.settingRoom?.(key);
  if (room !== undefined && value.length > room) {
    throw new SettingsTooLarge(
      `${what} needs ${grouped(value.length)} characters of settings, and this spreadsheet has room for ${grouped(Math.max(0, room))} ` +
        `(Sheets keeps at most ${grouped(METADATA_MAX_CHARS)} characters of developer metadata per spreadsheet). Nothing was changed: choose fewer measures or shorter column headers, then try again.`,
    );
  }
}

/** True for the `{ text }` cell form. */
export function isTextCell(c: WriteCell): c is { readonly text: string } {
  return typeof c === 'object' && c !== null && !(c instanceof Date) && 'text' in c;
}

/** True for the `{ formula }` cell form. */
export function isFormulaCell(c: WriteCell): c is { readonly formula: string } {
  return typeof c === 'object' && c !== null && !(c instanceof Date) && 'formula' in c;
}

/**
 * The value both implementations hand to the spreadsheet for one cell, as if typed:
 * text is prefixed with an apostrophe so that it can never turn into a formula, a number, a date or a
 * boolean (Sheets and HyperFormula both drop that apostrophe from the stored value); formulas get their `=`.
 */
export function enteredValue(c: WriteCell): string | number | boolean | Date | null {
  if (isTextCell(c)) return `'${c.text}`;
  if (isFormulaCell(c)) {
    const f = c.formula.trim();
    return f.startsWith('=') ? f : `=${f}`;
  }
  if (c === '') return null;
  return c;
}

/** Checks that a block is a non-empty rectangle and returns its size. */
export function blockSize(block: readonly (readonly unknown[])[], what = 'block'): { rows: number; cols: number } {
  const rows = block.length;
  const cols = rows ? block[0].length : 0;
  if (!rows || !cols) throw new Error(`${what} is empty`);
  for (let r = 1; r < rows; r++) {
    if (block[r].length !== cols) throw new Error(`${what} is ragged: row ${r + 1} has ${block[r].length} cells, row 1 has ${cols}`);
  }
  return { rows, cols };
}

export function checkAnchor(row: number, col: number): void {
  if (!Number.isInteger(row) || !Number.isInteger(col) || row < 1 || col < 1) {
    throw new Error(`rows and columns start at 1 (got row ${row}, column ${col})`);
  }
}
