import type { HyperFormula, RawCellContent, SimpleCellAddress } from 'hyperformula';
import type { Cell } from '../../../core/values/cell';
import { UTC_ZONE, type TimeZone } from '../../../core/time/zone';
import {
  blockSize,
  checkAnchor,
  enteredValue,
  type Block,
  type CellStyle,
  type SheetPort,
  type WorkbookPort,
  type WriteCell,
} from '../../ports/workbook';
import { parseCell } from './a1';
import { CallCounter, type PortMethod } from './counter';
import { parseCsv } from './csv';
import { createEngine } from './engine';
import { cellStyle, computed, computedValues, errorMessage, validationOf, type ComputedValue } from './inspect';
import { layoutOf, newSheetState, type SheetLayout, type SheetState } from './layout';
import { MemorySheet, type SheetHost } from './memorySheet';
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
}

export class MemoryWorkbook implements WorkbookPort, SheetHost {
  /** The HyperFormula engine underneath, for tools that need more than the port. */
  readonly engine: HyperFormula;
  private readonly zone: TimeZone;
  private readonly localeName: string;
  private readonly sizes = new ArraySizes();
  private readonly states = new Map<number, SheetState>();
  private readonly settings = new Map<string, string>();
  private readonly open: OpenFormulas;
  private readonly spills: Spills;
  private readonly counter = new CallCounter();

  constructor(options: MemoryWorkbookOptions = {}) {
    this.zone = options.zone ?? UTC_ZONE;
    this.localeName = options.locale ?? 'en_GB';
    this.engine = createEngine({ zone: this.zone, locale: this.localeName, now: options.now ?? (() => Date.now()), sizes: this.sizes });
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
    this.open.removeSheet(id);
    this.sizes.forgetSheet(id);
    this.spills.settle();
  }

  getSheetTag(name: string): string | null {
    this.count('getSheetTag');
    const id = this.engine.getSheetId(name);
    return id === undefined ? null : this.state(id).tag;
  }

  setSheetTag(name: string, tag: string): void {
    this.count('setSheetTag');
    this.state(this.idOf(name)).tag = tag;
  }

  getSetting(key: string): string | null {
    this.count('getSetting');
    return this.settings.get(key) ?? null;
  }

  setSetting(key: string, value: string): void {
    this.count('setSetting');
    this.settings.set(key, value);
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

  /** @internal */
  write(id: number, row: number, col: number, block: Block): void {
    this.nameOf(id);
    checkAnchor(row, col);
    const { rows } = blockSize(block);
    const grown = this.open.grow(id, row + rows - 1);
    const data: RawCellContent[][] = block.map((r, i) =>
      r.map((c, j) => this.open.close({ sheet: id, row: row - 1 + i, col: col - 1 + j }, this.entered(c))),
    );
    this.spills.track(this.engine.setCellContents({ sheet: id, row: row - 1, col: col - 1 }, data));
    if (grown) this.spills.track(this.open.reenter(id));
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
