import type { DateOptions } from '../../../core/values/date';
import type { HyperFormula, RawCellContent, SimpleCellAddress } from 'hyperformula';
import type { Cell } from '../../../core/values/cell';
import { UTC_ZONE, type TimeZone } from '../../../core/time/zone';
import {
  METADATA_KEYS,
  SHEETS_LIMITS,
  blockSize,
  checkAnchor,
  enteredValue,
  type Block,
  type CellStyle,
  type ChartSpec,
  type SheetPort,
  type WorkbookPort,
  type WriteCell,
} from '../../ports/workbook';
import { parseCell } from './a1';
import { CallCounter, type PortMethod } from './counter';
import { parseCsv } from './csv';
import { createEngine } from './engine';
import { cellStyle, computed, computedValues, errorMessage, validationOf, type ComputedValue } from './inspect';
import { layoutOf, newSheetState, numberFormatAt, type SheetLayout, type SheetState } from './layout';
import { type ChartData, chartRange, copyChart, readChartData } from './charts';
import { shownText } from './textFormat';
import { MemorySheet, type SheetHost } from './memorySheet';
import { MemoryMetadata, type MetadataEntry } from './metadata';
import { type Axis, type Remap, deleteRemap, insertRemap, moveRemap, remapLayout } from './structure';
import { OpenFormulas } from './openFormulas';
import { ArraySizes } from './plugins';
import { readSheet, sheetsValue } from './read';
import { Spills } from './spills';
import { dateEntry } from './values';
import { type PastedValue, pastedValues } from '../../../core/tables/paste';
import { isMonthFirstLocale } from '../../../core/values/locale';
import { civilFromDays } from '../../../core/time/days';

export type { PortMethod } from './counter';
export type { ComputedValue } from './inspect';
export type { ChartData, ChartSeries } from './charts';
export { isDateFormat, type SheetLayout, type Validation } from './layout';

/**
 * The workbook in memory, for tests, the local preview and the CLI: the same port as Google Sheets,
 * with formulas computed by HyperFormula (engine.ts; Node only, never in the Apps Script bundle) and the
 * add-on's own formulas registered as HyperFormula functions (plugins.ts). Formats, frozen panes, widths,
 * conditional rules, tags and settings are kept as plain data (layout.ts) for the preview to show and
 * tests to check (inspect.ts). Every call through the port is counted (counter.ts). Open-ended ranges
 * (openFormulas.ts) and array results (spills.ts) are settled after every change. Differences from
 * Sheets: docs/memory-workbook.md.
 */

export interface MemoryWorkbookOptions {
  /** The spreadsheet's time zone (default UTC). `ianaZone('Europe/London')` from ./zone gives a real one. */
  readonly zone?: TimeZone;
  /** The spreadsheet's locale (default en_GB); decides how 01/02/2026 is read. */
  readonly locale?: string;
  /** The clock formulas read "today" from (default Date.now). */
  readonly now?: () => number;
  /**
   * The Cloud project the script runs under (default "leadlag-dev"): PROJECT-visible developer metadata is
   * seen only by the project that wrote it (`switchProject` moves the script to another).
   */
  readonly project?: string;
}

/** Sheets' words when a write passes its limits (the Sheets API's; Apps Script's own text is not documented). */
export const LIMIT_MESSAGES = {
  cell: `Your input contains more than the maximum of ${SHEETS_LIMITS.cellChars} characters in a single cell.`,
  cells: `This action would increase the number of cells in the workbook above the limit of ${SHEETS_LIMITS.cells} cells.`,
  columns: `This action would increase the number of columns in the sheet above the limit of ${SHEETS_LIMITS.columns} columns.`,
} as const;

export class MemoryWorkbook implements WorkbookPort, SheetHost {
  /** The HyperFormula engine underneath, for tools that need more than the port. */
  readonly engine: HyperFormula;
  /** The spreadsheet's time zone: date cells are midnight in it, "today" is its day. */
  readonly zone: TimeZone;
  private readonly localeName: string;
  private readonly customCalls = { executions: 0, cells: 0 };
  private readonly sizes = new ArraySizes();
  private readonly states = new Map<number, SheetState>();
  private readonly metadata: MemoryMetadata;
  private readonly open: OpenFormulas;
  private readonly spills: Spills;
  private readonly counter = new CallCounter();

  constructor(options: MemoryWorkbookOptions = {}) {
    this.zone = options.zone ?? UTC_ZONE;
    this.metadata = new MemoryMetadata(options.project ?? 'leadlag-dev');
    this.localeName = options.locale ?? 'en_GB';
    this.engine = createEngine({
      zone: this.zone,
      locale: this.localeName,
      now: options.now ?? (() => Date.now()),
      sizes: this.sizes,
      calls: this.customCalls,
    });
    this.open = new OpenFormulas(this.engine);
    this.spills = new Spills(this.engine, this.sizes);
  }

  /**
   * A workbook seeded with data, one grid per sheet, entered as a paste would enter it: numbers, dates
   * and booleans are read from text (as HyperFormula reads typed text), Dates stay dates, and a string
   * starting with `=` stays text (seeded cells are data, never formulas). Seeding is not counted.
   */
  static fromGrids(sheets: Record<string, readonly (readonly Cell[])[]>, options?: MemoryWorkbookOptions): MemoryWorkbook {
    const wb = new MemoryWorkbook(options);
    for (const [name, rows] of Object.entries(sheets)) wb.seed(name, rows);
    wb.resetCalls();
    return wb;
  }

  /**
   * A workbook seeded from CSV texts (RFC 4180), one per sheet, held as Sheets holds a pasted CSV: see
   * fromPasted.
   */
  static fromCsv(sheets: Record<string, string>, options?: MemoryWorkbookOptions): MemoryWorkbook {
    return MemoryWorkbook.fromPasted(Object.fromEntries(Object.entries(sheets).map(([name, csv]) => [name, parseCsv(csv)])), options);
  }

  /**
   * A workbook seeded with tables of text (a parsed CSV or JSON export), one per sheet, each cell decided by
   * the formulas' own value readers (core/tables/paste.ts), column by column: a date column's order is
   * decided once by DOMAIN.md's column rule and its dates become date cells, numbers become numbers, TRUE
   * and FALSE booleans, everything else stays text (never a formula). So a sheet seeded from a file shows
   * the numbers the command line computes from that file.
   */
  static fromPasted(sheets: Record<string, readonly (readonly string[])[]>, options?: MemoryWorkbookOptions): MemoryWorkbook {
    const wb = new MemoryWorkbook(options);
    const dates = { zone: wb.zone, monthFirst: isMonthFirstLocale(wb.localeName) };
    for (const [name, rows] of Object.entries(sheets))
      wb.seed(
        name,
        pastedValues(rows, dates).map((r) => r.map(pastedCell)),
      );
    wb.resetCalls();
    return wb;
  }

  private seed(name: string, rows: readonly (readonly (Cell | WriteCell)[])[]): void {
    const sheet = this.insertSheet(name);
    const width = Math.max(0, ...rows.map((r) => r.length));
    if (!rows.length || !width) return;
    sheet.writeBlock(
      1,
      1,
      rows.map((r) => Array.from({ length: width }, (_, i) => seedCell(r[i]))),
    );
  }

  // ---- counting ----

  /** Calls made through the port since the workbook was made (or resetCalls). */
  get calls(): number {
    return this.counter.total;
  }

  /** The same, per port method. */
  get callsByMethod(): Partial<Record<PortMethod, number>> {
    return this.counter.byMethod;
  }

  resetCalls(): void {
    this.counter.reset();
  }

  /** @internal */
  count(method: PortMethod): void {
    this.counter.add(method);
  }

  // ---- WorkbookPort ----

  sheetNames(): string[] {
    this.count('sheetNames');
    return this.engine.getSheetNames();
  }

  sheet(name: string): SheetPort | null {
    this.count('sheet');
    const id = this.engine.getSheetId(name);
    return id === undefined ? null : new MemorySheet(this, id);
  }

  insertSheet(name: string): SheetPort {
    this.count('insertSheet');
    if (!name.trim()) throw new Error('A sheet needs a name');
    if (this.engine.getSheetId(name) !== undefined) {
      throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
    if (this.cellCount() + 1000 * 26 > SHEETS_LIMITS.cells) throw new Error(LIMIT_MESSAGES.cells);
    const realName = this.engine.addSheet(name);
    const id = this.engine.getSheetId(realName)!;
    this.sizes.forgetSheet(id);
    this.states.set(id, newSheetState());
    this.open.addSheet(id);
    return new MemorySheet(this, id);
  }

  deleteSheet(name: string): void {
    this.count('deleteSheet');
    const id = this.idOf(name);
    this.spills.track(this.engine.removeSheet(id));
    this.states.delete(id);
    this.metadata.forgetSheet(id);
    this.open.removeSheet(id);
    this.sizes.forgetSheet(id);
    this.spills.settle();
  }

  getSheetTag(name: string): string | null {
    this.count('getSheetTag');
    const id = this.engine.getSheetId(name);
    return id === undefined ? null : this.metadata.get(id, METADATA_KEYS.sheetTag);
  }

  setSheetTag(name: string, tag: string): void {
    this.count('setSheetTag');
    this.metadata.set(this.idOf(name), METADATA_KEYS.sheetTag, tag);
  }

  getSetting(key: string): string | null {
    this.count('getSetting');
    return this.metadata.get(null, METADATA_KEYS.settingPrefix + key);
  }

  setSetting(key: string, value: string): void {
    this.count('setSetting');
    this.metadata.set(null, METADATA_KEYS.settingPrefix + key, value);
  }

  settingRoom(key: string): number {
    return this.metadata.room(null, METADATA_KEYS.settingPrefix + key);
  }

  /** The sheet last brought to the front (the preview shows it). */
  activeSheet: string | null = null;

  activate(name: string): void {
    this.count('activate');
    this.activeSheet = name;
  }

  timeZone(): string {
    this.count('timeZone');
    return this.zone.name;
  }

  /** Custom-function executions since the last reset, and the argument cells they were shipped (plugins.ts). */
  customFunctionCalls(): { executions: number; cells: number } {
    return { ...this.customCalls };
  }

  resetCustomFunctionCalls(): void {
    this.customCalls.executions = 0;
    this.customCalls.cells = 0;
  }

  /** How this spreadsheet's dates read (its zone and locale), as the formulas see them; not a port call. */
  dateOptions(): DateOptions {
    return { zone: this.zone, monthFirst: isMonthFirstLocale(this.localeName) };
  }

  locale(): string {
    this.count('locale');
    return this.localeName;
  }

  // ---- reading back (not counted: these are for tests, the preview and the CLI; see inspect.ts) ----

  /** Computed values of a sheet's used range: numbers (dates as serial numbers), text, booleans, '' for empty, errors as `#DIV/0!`. */
  computedValues(sheetName: string): ComputedValue[][] {
    return computedValues(this.engine, this.idOf(sheetName));
  }

  /** One computed value, as computedValues gives it. */
  computedAt(sheetName: string, a1: string): ComputedValue {
    return computed(this.engine.getCellValue(this.address(sheetName, a1)));
  }

  /** One value as Sheets' getValues gives it (a Date for a date cell). */
  valueAt(sheetName: string, a1: string): Cell {
    const at = this.address(sheetName, a1);
    return sheetsValue(this.engine, this.zone, at, this.engine.getCellValue(at), this.state(at.sheet).formats);
  }

  /** A cell as it shows: its computed value with its number format applied (textFormat.ts shownText). */
  shownAt(sheetName: string, a1: string): string {
    const at = this.address(sheetName, a1);
    return this.shown(at);
  }

  /** The charts over a sheet, as the last setCharts gave them (copies). clear() keeps them, as Sheets does; only setCharts replaces them. */
  charts(sheetName: string): readonly ChartSpec[] {
    return this.state(this.idOf(sheetName)).charts.map(copyChart);
  }

  /**
   * A chart's data read from the computed cells of its range: the domain labels as shown, and per series its
   * name and one number per label (null for a blank, text, boolean or error cell: a gap in the line). Throws
   * when the sheet has no chart with that key.
   */
  chartData(sheetName: string, key: string): ChartData {
    const id = this.idOf(sheetName);
    const spec = this.state(id).charts.find((c) => c.key === key);
    if (!spec) throw new Error(`There is no chart "${key}" on "${sheetName}"`);
    return readChartData(
      chartRange(spec),
      (row, col) => computed(this.engine.getCellValue({ sheet: id, row, col })),
      (row, col) => this.shown({ sheet: id, row, col }),
    );
  }

  /** The message of an error cell (what Sheets shows when hovering #ERROR!), or null. */
  errorAt(sheetName: string, a1: string): string | null {
    return errorMessage(this.engine.getCellValue(this.address(sheetName, a1)));
  }

  /** The formula in a cell as entered (`=NPS(A2:A6)`), or null for a value, an empty cell or a cell an array spilled into. */
  formulaAt(sheetName: string, a1: string): string | null {
    const at = this.address(sheetName, a1);
    const f = this.engine.getCellFormula(at);
    if (f === undefined) return null;
    return this.open.original(at) ?? f;
  }

  /**
   * How a cell looks: the styles and number formats applied to it (later ones win), then the
   * conditional rule matching its computed text, as Sheets draws it.
   */
  styleAt(sheetName: string, a1: string): CellStyle {
    const at = this.address(sheetName, a1);
    return cellStyle(this.engine, this.state(at.sheet), at);
  }

  /** Frozen panes, widths, conditional rules and the styled ranges of a sheet. */
  layoutOf(sheetName: string): SheetLayout {
    return layoutOf(this.state(this.idOf(sheetName)));
  }

  /** The values a cell's drop-down allows, or null when it has none (the last one set on it wins). */
  validationAt(sheetName: string, a1: string): readonly string[] | null {
    const at = this.address(sheetName, a1);
    return validationOf(this.state(at.sheet), at);
  }

  // ---- the Cloud project and developer metadata (tests of where settings live) ----

  /** Moves the script to another Cloud project: PROJECT-visible metadata of the old one is no longer seen. */
  switchProject(project: string): void {
    this.metadata.project = project;
  }

  /** Developer metadata as an older version wrote it (`sheet`: on that sheet, else on the spreadsheet). */
  seedMetadata(entry: { key: string; value: string; visibility: 'DOCUMENT' | 'PROJECT'; project?: string; sheet?: string }): void {
    this.metadata.seed({ ...entry, sheet: entry.sheet === undefined ? null : this.idOf(entry.sheet) });
  }

  /** Turns every developer metadata entry into what versions before DOCUMENT visibility wrote (PROJECT, this project). */
  asWrittenByOlderVersion(): void {
    this.metadata.asOlderVersion();
  }

  /** Every developer metadata entry, whoever wrote it, with the sheet's name. */
  metadataEntries(): (Omit<MetadataEntry, 'sheet'> & { sheet: string | null })[] {
    return this.metadata.all().map((e) => ({ ...e, sheet: e.sheet === null ? null : (this.engine.getSheetName(e.sheet) ?? '?') }));
  }

  // ---- what a user does by hand (tests of what the add-on survives; not counted as port calls) ----

  /** Inserts `n` empty columns before column `before` (1-based), as Insert › Column left does. */
  insertColumns(sheet: string, before: number, n = 1): void {
    this.restructure(sheet, 'col', insertRemap(before - 1, n), (id) => this.engine.addColumns(id, [before - 1, n]));
  }

  /** Deletes `n` columns from column `at` (1-based). */
  deleteColumns(sheet: string, at: number, n = 1): void {
    this.restructure(sheet, 'col', deleteRemap(at - 1, n), (id) => this.engine.removeColumns(id, [at - 1, n]));
  }

  /** Moves `n` columns from column `from` to before column `before` (1-based, in the old order), as dragging them does. */
  moveColumns(sheet: string, from: number, n: number, before: number): void {
    this.restructure(sheet, 'col', moveRemap(from - 1, n, before - 1), (id) => this.engine.moveColumns(id, from - 1, n, before - 1));
  }

  insertRows(sheet: string, before: number, n = 1): void {
    this.restructure(sheet, 'row', insertRemap(before - 1, n), (id) => this.engine.addRows(id, [before - 1, n]));
  }

  deleteRows(sheet: string, at: number, n = 1): void {
    this.restructure(sheet, 'row', deleteRemap(at - 1, n), (id) => this.engine.removeRows(id, [at - 1, n]));
  }

  /**
   * Sorts the rows from `fromRow` (1-based) down to the last used one by the computed values of column `by`,
   * as Data › Sort range does (blanks last). Rows move whole, by HyperFormula's moveRows.
   */
  sortRows(sheet: string, fromRow: number, by: number, descending = false): void {
    const id = this.idOf(sheet);
    const height = this.engine.getSheetDimensions(id).height;
    const value = (row: number) => computed(this.engine.getCellValue({ sheet: id, row, col: by - 1 }));
    const before = (a: ComputedValue, b: ComputedValue) => {
      if (a === '' || b === '') return a !== '' && b === '';
      if (typeof a === typeof b) return descending ? a > b : a < b;
      return (typeof a === 'number') !== descending; // numbers before text, as Sheets sorts
    };
    for (let i = fromRow - 1; i < height; i++) {
      let best = i;
      for (let j = i + 1; j < height; j++) if (before(value(j), value(best))) best = j;
      if (best !== i) this.restructure(sheet, 'row', moveRemap(best, 1, i), () => this.engine.moveRows(id, best, 1, i));
    }
  }

  /** Renames a sheet, as double-clicking its tab does. */
  renameSheet(from: string, to: string): void {
    if (this.engine.getSheetId(to) !== undefined) throw new Error(`A sheet with the name "${to}" already exists.`);
    this.engine.renameSheet(this.idOf(from), to);
  }

  /** Types into one cell, as a user does (`=...` becomes a formula, '' clears it). */
  typeInto(sheet: string, a1: string, value: string | number | boolean | null): void {
    const at = this.address(sheet, a1);
    this.write(at.sheet, at.row + 1, at.col + 1, [[value]]);
  }

  private restructure(sheet: string, axis: Axis, remap: Remap, edit: (id: number) => unknown): void {
    const id = this.idOf(sheet);
    this.spills.track(edit(id) as never);
    remapLayout(this.state(id), axis, remap);
    // Formulas entered with open-ended ranges read back closed after a structural edit (see docs/memory-workbook.md).
    this.open.forget(id);
    this.spills.settle();
  }

  /** Frees the engine. */
  destroy(): void {
    this.engine.destroy();
  }

  // ---- used by MemorySheet (SheetHost) ----

  /** @internal */
  nameOf(id: number): string {
    const name = this.engine.getSheetName(id);
    if (name === undefined) throw new Error('This sheet has been deleted');
    return name;
  }

  /** @internal */
  state(id: number): SheetState {
    const s = this.states.get(id);
    if (!s) throw new Error('This sheet has been deleted');
    return s;
  }

  /** @internal */
  valuesOf(id: number): Cell[][] {
    this.nameOf(id);
    return readSheet(this.engine, this.zone, id, this.state(id).formats);
  }

  /**
   * Forms writes its own rows. The 50,000-character limit is not applied to them here: what Forms does with a
   * longer answer is not documented, and the add-on must cope with whatever its response sheet holds.
   * @internal
   */
  formsWrite(sheet: string, row: number, col: number, block: Block): void {
    this.write(this.idOf(sheet), row, col, block, false);
  }

  /** Cells of every sheet's grid. */
  private cellCount(): number {
    let n = 0;
    for (const st of this.states.values()) n += st.grid.rows * st.grid.cols;
    return n;
  }

  /** Throws as Sheets does when a block passes its limits; grows the grid to hold it. Nothing is written on a throw. */
  private fit(id: number, lastRow: number, lastCol: number, block: Block, checkChars: boolean): void {
    if (checkChars) {
      for (const r of block)
        for (const c of r) {
          const v = enteredValue(c);
          if (typeof v === 'string' && v.length > SHEETS_LIMITS.cellChars) throw new Error(LIMIT_MESSAGES.cell);
        }
    }
    if (lastCol > SHEETS_LIMITS.columns) throw new Error(LIMIT_MESSAGES.columns);
    const grid = this.state(id).grid;
    const rows = Math.max(grid.rows, lastRow);
    const cols = Math.max(grid.cols, lastCol);
    if (this.cellCount() - grid.rows * grid.cols + rows * cols > SHEETS_LIMITS.cells) throw new Error(LIMIT_MESSAGES.cells);
    grid.rows = rows;
    grid.cols = cols;
  }

  /** @internal */
  write(id: number, row: number, col: number, block: Block, checkChars = true): void {
    this.nameOf(id);
    checkAnchor(row, col);
    const { rows, cols } = blockSize(block);
    this.fit(id, row + rows - 1, col + cols - 1, block, checkChars);
    const grown = this.open.grow(id, row + rows - 1);
    const data: RawCellContent[][] = block.map((r, i) =>
      r.map((c, j) => this.open.close({ sheet: id, row: row - 1 + i, col: col - 1 + j }, this.entered(c))),
    );
    const at = { sheet: id, row: row - 1, col: col - 1 };
    this.spills.track(
      grown
        ? this.engine.batch(() => {
            this.engine.setCellContents(at, data);
            this.open.reenterNow(id);
          })
        : this.engine.setCellContents(at, data),
    );
    this.spills.settle();
  }

  /** @internal */
  clearSheet(id: number): void {
    this.nameOf(id);
    this.spills.track(this.engine.clearSheet(id));
    this.open.forget(id);
    const state = this.state(id);
    state.formats = [];
    state.rules = [];
    state.validations = [];
    this.spills.settle();
  }

  private entered(c: WriteCell): RawCellContent {
    const v = enteredValue(c);
    return v instanceof Date ? dateEntry(v, this.zone) : v;
  }

  private shown(at: SimpleCellAddress): string {
    const v = this.engine.getCellValue(at);
    const formats = this.state(at.sheet).formats;
    return shownText(
      computed(v),
      numberFormatAt(formats, at.row, at.col),
      sheetsValue(this.engine, this.zone, at, v, formats) instanceof Date,
    );
  }

  private idOf(name: string): number {
    const id = this.engine.getSheetId(name);
    if (id === undefined) throw new Error(`There is no sheet called "${name}"`);
    return id;
  }

  private address(sheetName: string, a1: string): SimpleCellAddress {
    const { row, col } = parseCell(a1);
    return { sheet: this.idOf(sheetName), row, col };
  }
}

function seedCell(c: Cell | WriteCell): WriteCell {
  if (c === undefined || c === '') return null;
  return typeof c === 'string' && c.startsWith('=') ? { text: c } : c;
}

/** A pasted value as the cell it is entered as: a date as ISO text the engine reads as a date, text as text. */
function pastedCell(v: PastedValue): WriteCell {
  if (typeof v === 'object') {
    const { year, month, day } = civilFromDays(v.day);
    return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  }
  if (typeof v === 'string') return v.trim() === '' && v === '' ? null : { text: v };
  return v;
}
