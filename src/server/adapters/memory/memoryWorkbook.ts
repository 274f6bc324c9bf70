import {
  DetailedCellError,
  ErrorType,
  ExportedCellChange,
  HyperFormula,
  type ExportedChange,
  type RawCellContent,
  type SimpleCellAddress,
} from 'hyperformula';
import type { Cell } from '../../../core/values/cell';
import { UTC_ZONE, type TimeZone } from '../../../core/time/zone';
import { isMonthFirstLocale } from '../../../core/values/locale';
import { contextFor } from '../../../functions/context';
import {
  blockSize,
  checkAnchor,
  enteredValue,
  type Block,
  type CellStyle,
  type ColumnWidth,
  type ConditionalRule,
  type SheetPort,
  type StyledRange,
  type WorkbookPort,
  type WriteCell,
} from '../../ports/workbook';
import { contains, parseA1, parseCell, shiftFormula, type GridRange } from './a1';
import { parseCsv } from './csv';
import { closeOpenRanges, type SheetRef } from './openRanges';
import { patchHyperFormula } from './hfPatch';
import { ArraySizes, registerPlugins, type EngineContext } from './plugins';
import { dateEntry, errorText, serialToDate } from './values';

/**
 * The workbook in memory, for tests, the local preview and the CLI: the same port as Google Sheets,
 * with formulas computed by HyperFormula (GPL v3 licence key, Node only, never in the Apps Script
 * bundle) and the add-on's own formulas registered as HyperFormula functions. Formats, frozen panes,
 * widths, conditional rules, tags and settings are kept as plain data for the preview to show and
 * tests to check. Every call through the port is counted. Differences from Sheets: docs/memory-workbook.md.
 */

export interface MemoryWorkbookOptions {
  /** The spreadsheet's time zone (default UTC). `ianaZone('Europe/London')` from ./zone gives a real one. */
  readonly zone?: TimeZone;
  /** The spreadsheet's locale (default en_GB); decides how 01/02/2026 is read. */
  readonly locale?: string;
  /** The clock formulas read "today" from (default Date.now). */
  readonly now?: () => number;
}

export type PortMethod =
  | 'sheetNames'
  | 'sheet'
  | 'insertSheet'
  | 'deleteSheet'
  | 'getSheetTag'
  | 'setSheetTag'
  | 'getSetting'
  | 'setSetting'
  | 'timeZone'
  | 'locale'
  | 'activate'
  | 'readValues'
  | 'writeBlock'
  | 'setNumberFormats'
  | 'applyStyles'
  | 'setFrozen'
  | 'setColumnWidths'
  | 'setConditionalRules'
  | 'setValidation'
  | 'clear';

/** A computed value as HyperFormula holds it: dates as serial numbers, errors as their text, '' for empty. */
export type ComputedValue = string | number | boolean;

type FormatOp =
  | { readonly kind: 'style'; readonly a1: string; readonly range: GridRange; readonly style: CellStyle }
  | { readonly kind: 'formats'; readonly row: number; readonly col: number; readonly formats: readonly (readonly string[])[] };

/** A drop-down: only these values may be chosen in the range. */
export interface Validation {
  readonly a1: string;
  readonly allowed: readonly string[];
}

interface SheetState {
  formats: FormatOp[];
  rules: ConditionalRule[];
  validations: Validation[];
  frozen: { rows: number; cols: number };
  widths: Map<number, number>;
  tag: string | null;
}

/** What the preview and tests can read about a sheet's layout. */
export interface SheetLayout {
  readonly frozen: { readonly rows: number; readonly cols: number };
  readonly widths: readonly ColumnWidth[];
  readonly rules: readonly ConditionalRule[];
  readonly styles: readonly StyledRange[];
  readonly validations: readonly Validation[];
}

/** Rows of a new sheet in Sheets. */
const NEW_SHEET_ROWS = 1000;

const STYLE_KEYS = ['bold', 'italic', 'fontSize', 'color', 'background', 'numberFormat', 'wrap', 'align'] as const;

/** True for number formats that show a date (Sheets then reads the cell back as a Date). */
export function isDateFormat(format: string): boolean {
  const bare = format.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '');
  return /[dy]|mmm/i.test(bare);
}

export class MemoryWorkbook implements WorkbookPort {
  /** The HyperFormula engine underneath, for tools that need more than the port. */
  readonly engine: HyperFormula;
  private readonly zone: TimeZone;
  private readonly localeName: string;
  private readonly sizes = new ArraySizes();
  private readonly states = new Map<number, SheetState>();
  private readonly settings = new Map<string, string>();
  /** Rows of each sheet's grid: 1000 for a new sheet, as in Sheets; grows with the blocks written below it. */
  private readonly gridRows = new Map<number, number>();
  /** Formulas with open-ended ranges (`B4:B`), entered closed at the grid's height: what was written, by cell. */
  private readonly openFormulas = new Map<
    string,
    { readonly at: SimpleCellAddress; readonly original: string; readonly sheets: readonly SheetRef[] }
  >();
  /** Array formulas that had no room to spill, by cell. */
  private readonly blocked = new Map<string, SimpleCellAddress>();
  private readonly counts = new Map<PortMethod, number>();
  private total = 0;

  constructor(options: MemoryWorkbookOptions = {}) {
    registerPlugins();
    this.zone = options.zone ?? UTC_ZONE;
    this.localeName = options.locale ?? 'en_GB';
    const monthFirst = isMonthFirstLocale(this.localeName);
    const now = options.now ?? (() => Date.now());
    const context: EngineContext = {
      zone: this.zone,
      formula: contextFor({ zone: this.zone, locale: this.localeName, now }),
      now,
      sizes: this.sizes,
    };
    this.engine = HyperFormula.buildEmpty({
      licenseKey: 'gpl-v3',
      context,
      // Sheets functions such as IFERROR pass an array through; HyperFormula does so only with array arithmetic on.
      useArrayArithmetic: true,
      dateFormats: monthFirst ? ['MM/DD/YYYY', 'MM/DD/YY', 'YYYY-MM-DD'] : ['DD/MM/YYYY', 'DD/MM/YY', 'YYYY-MM-DD'],
      timeFormats: ['hh:mm', 'hh:mm:ss', 'hh:mm:ss.sss'],
      currencySymbol: ['$', '£', '€'],
      // Sheets allows 10 million cells in a spreadsheet; HyperFormula's default stops at 40,000 rows.
      maxRows: 10_000_000,
      // Sheets' getValues gives full doubles; HyperFormula would round what it returns to 10 digits.
      smartRounding: false,
    });
    patchHyperFormula(this.engine);
    // Sheets reads TRUE and FALSE in a formula as booleans; HyperFormula only knows TRUE() and FALSE().
    this.engine.addNamedExpression('TRUE', '=TRUE()');
    this.engine.addNamedExpression('FALSE', '=FALSE()');
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

  /** A workbook seeded from CSV texts (RFC 4180), one per sheet, entered as fromGrids enters grids. */
  static fromCsv(sheets: Record<string, string>, options?: MemoryWorkbookOptions): MemoryWorkbook {
    const wb = new MemoryWorkbook(options);
    for (const [name, csv] of Object.entries(sheets)) wb.seed(name, parseCsv(csv));
    wb.resetCalls();
    return wb;
  }

  private seed(name: string, rows: readonly (readonly Cell[])[]): void {
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
    return this.total;
  }

  /** The same, per port method. */
  get callsByMethod(): Partial<Record<PortMethod, number>> {
    return Object.fromEntries(this.counts);
  }

  resetCalls(): void {
    this.total = 0;
    this.counts.clear();
  }

  /** @internal */
  count(method: PortMethod): void {
    this.total++;
    this.counts.set(method, (this.counts.get(method) ?? 0) + 1);
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
    this.states.set(id, { formats: [], rules: [], validations: [], frozen: { rows: 0, cols: 0 }, widths: new Map(), tag: null });
    this.gridRows.set(id, NEW_SHEET_ROWS);
    return new MemorySheet(this, id);
  }

  deleteSheet(name: string): void {
    this.count('deleteSheet');
    const id = this.idOf(name);
    this.track(this.engine.removeSheet(id));
    this.states.delete(id);
    this.gridRows.delete(id);
    this.forgetOpenFormulas(id);
    this.sizes.forgetSheet(id);
    this.settle();
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

  // ---- reading back (not counted: these are for tests, the preview and the CLI) ----

  /** Computed values of a sheet's used range: numbers (dates as serial numbers), text, booleans, '' for empty, errors as `#DIV/0!`. */
  computedValues(sheetName: string): ComputedValue[][] {
    const id = this.idOf(sheetName);
    const values = this.engine.getSheetValues(id);
    const { width, height } = usedSize(values);
    const out: ComputedValue[][] = [];
    for (let r = 0; r < height; r++) {
      const row: ComputedValue[] = [];
      for (let c = 0; c < width; c++) row.push(computed(values[r]?.[c]));
      out.push(row);
    }
    return out;
  }

  /** One computed value, as computedValues gives it. */
  computedAt(sheetName: string, a1: string): ComputedValue {
    return computed(this.engine.getCellValue(this.address(sheetName, a1)));
  }

  /** One value as Sheets' getValues gives it (a Date for a date cell). */
  valueAt(sheetName: string, a1: string): Cell {
    const at = this.address(sheetName, a1);
    return this.toSheetsValue(at, this.engine.getCellValue(at), this.state(at.sheet).formats);
  }

  /** The message of an error cell (what Sheets shows when hovering #ERROR!), or null. */
  errorAt(sheetName: string, a1: string): string | null {
    const v = this.engine.getCellValue(this.address(sheetName, a1));
    return v instanceof DetailedCellError ? v.message || v.value : null;
  }

  /** The formula in a cell as entered (`=NPS(A2:A6)`), or null for a value, an empty cell or a cell an array spilled into. */
  formulaAt(sheetName: string, a1: string): string | null {
    const at = this.address(sheetName, a1);
    const f = this.engine.getCellFormula(at);
    if (f === undefined) return null;
    return this.openFormulas.get(cellKey(at))?.original ?? f;
  }

  /**
   * How a cell looks: the styles and number formats applied to it (later ones win), then the
   * conditional rule matching its computed text, as Sheets draws it.
   */
  styleAt(sheetName: string, a1: string): CellStyle {
    const at = this.address(sheetName, a1);
    const state = this.state(at.sheet);
    let style: CellStyle = {};
    for (const op of state.formats) {
      if (op.kind === 'style') {
        if (contains(op.range, at.row, at.col)) style = { ...style, ...definedOnly(op.style) };
      } else {
        const f = op.formats[at.row - op.row]?.[at.col - op.col];
        if (f !== undefined) style = { ...style, numberFormat: f };
      }
    }
    const shown = computed(this.engine.getCellValue(at));
    const text = String(shown).toLowerCase();
    for (const rule of state.rules) {
      const range = parseA1(rule.a1);
      if (!contains(range, at.row, at.col)) continue;
      const hit =
        rule.formula !== undefined
          ? this.engine.calculateFormula(
              `=${shiftFormula(rule.formula.replace(/^=/, ''), at.row - range.row, at.col - range.col)}`,
              at.sheet,
            ) === true
          : (rule.textEquals ?? '').toLowerCase() === text;
      if (hit) {
        style = {
          ...style,
          background: rule.background,
          ...(rule.color ? { color: rule.color } : {}),
          ...(rule.bold !== undefined ? { bold: rule.bold } : {}),
        };
        break;
      }
    }
    return style;
  }

  /** Frozen panes, widths, conditional rules and the styled ranges of a sheet. */
  layoutOf(sheetName: string): SheetLayout {
    const state = this.state(this.idOf(sheetName));
    return {
      frozen: { ...state.frozen },
      widths: [...state.widths].sort((a, b) => a[0] - b[0]).map(([col, width]) => ({ col, width })),
      rules: [...state.rules],
      styles: state.formats.flatMap((op) => (op.kind === 'style' ? [{ a1: op.a1, ...op.style }] : [])),
      validations: state.validations.map((v) => ({ a1: v.a1, allowed: [...v.allowed] })),
    };
  }

  /** The values a cell's drop-down allows, or null when it has none (the last one set on it wins). */
  validationAt(sheetName: string, a1: string): readonly string[] | null {
    const at = this.address(sheetName, a1);
    const list = this.state(at.sheet).validations.filter((v) => contains(parseA1(v.a1), at.row, at.col));
    return list.length ? list[list.length - 1].allowed : null;
  }

  /** Frees the engine. */
  destroy(): void {
    this.engine.destroy();
  }

  // ---- used by MemorySheet ----

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
    const values = this.engine.getSheetValues(id);
    const { width, height } = usedSize(values);
    const formats = this.state(id).formats;
    const out: Cell[][] = [];
    for (let r = 0; r < height; r++) {
      const row: Cell[] = [];
      for (let c = 0; c < width; c++) row.push(this.toSheetsValue({ sheet: id, row: r, col: c }, values[r]?.[c] ?? null, formats));
      out.push(row);
    }
    return out;
  }

  /** @internal */
  write(id: number, row: number, col: number, block: Block): void {
    this.nameOf(id);
    checkAnchor(row, col);
    const { rows } = blockSize(block);
    const grown = row + rows - 1 > (this.gridRows.get(id) ?? NEW_SHEET_ROWS);
    if (grown) this.gridRows.set(id, row + rows - 1);
    const data: RawCellContent[][] = block.map((r, i) =>
      r.map((c, j) => this.closeRanges({ sheet: id, row: row - 1 + i, col: col - 1 + j }, this.entered(c))),
    );
    this.track(this.engine.setCellContents({ sheet: id, row: row - 1, col: col - 1 }, data));
    if (grown) this.reopen(id);
    this.settle();
  }

  /** Enters a formula with open-ended ranges closed at the grids' heights, and remembers what was written. */
  private closeRanges(at: SimpleCellAddress, v: RawCellContent): RawCellContent {
    const key = cellKey(at);
    const closed = typeof v === 'string' && v.startsWith('=') ? closeOpenRanges(v, (ref) => this.gridOf(ref, at.sheet)) : null;
    if (!closed) {
      this.openFormulas.delete(key);
      return v;
    }
    this.openFormulas.set(key, { at, original: v as string, sheets: closed.sheets });
    return closed.text;
  }

  private gridOf(ref: SheetRef, own: number): number {
    const id = ref === null ? own : this.engine.getSheetId(ref);
    return (id !== undefined && this.gridRows.get(id)) || NEW_SHEET_ROWS;
  }

  /** The grid of a sheet grew: enters again the formulas whose open-ended ranges point to it. */
  private reopen(sheet: number): void {
    const name = this.engine.getSheetName(sheet)?.toLowerCase();
    const todo = [...this.openFormulas.values()].filter((f) =>
      f.sheets.some((ref) => (ref === null ? f.at.sheet === sheet : ref.toLowerCase() === name)),
    );
    if (!todo.length) return;
    this.track(
      this.engine.batch(() => {
        for (const f of todo) {
          if (this.engine.getSheetName(f.at.sheet) === undefined) continue;
          this.engine.setCellContents(f.at, [[this.closeRanges(f.at, f.original)]]);
        }
      }),
    );
  }

  private forgetOpenFormulas(sheet: number): void {
    for (const [k, f] of this.openFormulas) if (f.at.sheet === sheet) this.openFormulas.delete(k);
  }

  /** @internal */
  clearSheet(id: number): void {
    this.nameOf(id);
    this.track(this.engine.clearSheet(id));
    this.forgetOpenFormulas(id);
    const state = this.state(id);
    state.formats = [];
    state.rules = [];
    state.validations = [];
    this.settle();
  }

  private entered(c: WriteCell): RawCellContent {
    const v = enteredValue(c);
    return v instanceof Date ? dateEntry(v, this.zone) : v;
  }

  /**
   * Two things HyperFormula does not do by itself, done after every change:
   * - it fixes the size of an array result when it parses the formula, so a formula whose result came
   *   out with another size is entered again, to be parsed with the size now known (see plugins.ts);
   * - it does not retry an array formula that had no room to spill (#REF! in Sheets) once the cells in
   *   its way are cleared, so those are entered again too.
   */
  private settle(): void {
    for (let round = 0; round < 8; round++) {
      const todo = new Map<string, SimpleCellAddress>();
      for (const at of this.sizes.takeStale()) todo.set(cellKey(at), at);
      if (round === 0) {
        for (const [k, at] of this.blocked) todo.set(k, at);
        this.blocked.clear();
      }
      if (!todo.size) return;
      this.track(
        this.engine.batch(() => {
          for (const at of todo.values()) {
            if (this.engine.getSheetName(at.sheet) === undefined) continue;
            const f = this.engine.getCellFormula(at);
            if (f !== undefined) this.engine.setCellContents(at, [[f]]);
          }
        }),
      );
    }
  }

  /** Notes the array formulas a change left without room to spill. */
  private track(changes: ExportedChange[]): void {
    for (const ch of changes) {
      if (!(ch instanceof ExportedCellChange)) continue;
      const k = cellKey(ch.address);
      if (ch.newValue instanceof DetailedCellError && ch.newValue.type === ErrorType.SPILL) this.blocked.set(k, ch.address);
      else this.blocked.delete(k);
    }
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

  private toSheetsValue(at: SimpleCellAddress, v: unknown, formats: readonly FormatOp[]): Cell {
    if (v === null || v === undefined) return '';
    if (v instanceof DetailedCellError) return errorText(v.type);
    if (typeof v !== 'number') return v as string | boolean;
    const format = numberFormatAt(formats, at.row, at.col);
    const isDate = format !== undefined ? isDateFormat(format) : /DATE/.test(this.engine.getCellValueDetailedType(at));
    return isDate ? serialToDate(v, this.zone) : v;
  }
}

class MemorySheet implements SheetPort {
  constructor(
    private readonly wb: MemoryWorkbook,
    private readonly id: number,
  ) {}

  get name(): string {
    return this.wb.nameOf(this.id);
  }

  readValues(): Cell[][] {
    this.wb.count('readValues');
    return this.wb.valuesOf(this.id);
  }

  writeBlock(row: number, col: number, block: Block): void {
    this.wb.count('writeBlock');
    this.wb.write(this.id, row, col, block);
  }

  setNumberFormats(row: number, col: number, formats: readonly (readonly string[])[]): void {
    this.wb.count('setNumberFormats');
    checkAnchor(row, col);
    blockSize(formats, 'number formats');
    this.wb.state(this.id).formats.push({ kind: 'formats', row: row - 1, col: col - 1, formats: formats.map((r) => [...r]) });
  }

  applyStyles(styles: readonly StyledRange[]): void {
    this.wb.count('applyStyles');
    const state = this.wb.state(this.id);
    for (const { a1, ...style } of styles) state.formats.push({ kind: 'style', a1, range: parseA1(a1), style: definedOnly(style) });
  }

  setFrozen(rows: number, cols: number): void {
    this.wb.count('setFrozen');
    this.wb.state(this.id).frozen = { rows, cols };
  }

  setColumnWidths(widths: readonly ColumnWidth[]): void {
    this.wb.count('setColumnWidths');
    const state = this.wb.state(this.id);
    for (const { col, width } of widths) state.widths.set(col, width);
  }

  setConditionalRules(rules: readonly ConditionalRule[]): void {
    this.wb.count('setConditionalRules');
    for (const r of rules) parseA1(r.a1);
    this.wb.state(this.id).rules = rules.map((r) => ({ ...r }));
  }

  setValidation(a1: string, allowed: readonly string[]): void {
    this.wb.count('setValidation');
    parseA1(a1);
    if (!allowed.length) throw new Error('a drop-down needs at least one value');
    this.wb.state(this.id).validations.push({ a1, allowed: [...allowed] });
  }

  clear(): void {
    this.wb.count('clear');
    this.wb.clearSheet(this.id);
  }
}

function cellKey(at: SimpleCellAddress): string {
  return `${at.sheet}:${at.row}:${at.col}`;
}

/** The used range, as Sheets' getDataRange sees it: up to the last row and column holding anything. */
function usedSize(values: readonly (readonly unknown[])[]): { width: number; height: number } {
  let width = 0;
  let height = 0;
  values.forEach((row, r) => {
    for (let c = row.length - 1; c >= 0; c--) {
      if (row[c] !== null && row[c] !== undefined) {
        height = r + 1;
        if (c + 1 > width) width = c + 1;
        break;
      }
    }
  });
  return { width, height };
}

function seedCell(c: Cell): WriteCell {
  if (c === undefined || c === '') return null;
  return typeof c === 'string' && c.startsWith('=') ? { text: c } : c;
}

function computed(v: unknown): ComputedValue {
  if (v === null || v === undefined) return '';
  if (v instanceof DetailedCellError) return errorText(v.type);
  return v as ComputedValue;
}

function definedOnly(style: CellStyle): CellStyle {
  const out: Record<string, unknown> = {};
  for (const k of STYLE_KEYS) if (style[k] !== undefined) out[k] = style[k];
  return out as CellStyle;
}

function numberFormatAt(formats: readonly FormatOp[], row: number, col: number): string | undefined {
  let f: string | undefined;
  for (const op of formats) {
    if (op.kind === 'style') {
      if (op.style.numberFormat !== undefined && contains(op.range, row, col)) f = op.style.numberFormat;
    } else {
      const g = op.formats[row - op.row]?.[col - op.col];
      if (g !== undefined) f = g;
    }
  }
  return f;
}
