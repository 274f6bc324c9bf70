/// <reference types="google-apps-script" />
import type { Cell } from '../../../core/values/cell';
import { columnLetter } from '../../../core/tables/kinds';
import {
  METADATA_KEYS,
  METADATA_MAX_CHARS,
  SettingsTooLarge,
  blockSize,
  checkAnchor,
  enteredValue,
  type Block,
  type CellStyle,
  type ChartSpec,
  type ColumnWidth,
  type ConditionalRule,
  type SheetPort,
  type StyledRange,
  type WorkbookPort,
} from '../../ports/workbook';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type DeveloperMetadata = GoogleAppsScript.Spreadsheet.DeveloperMetadata;

/**
 * The workbook port over SpreadsheetApp. Thin on purpose: each port call is one batch call into the
 * spreadsheet (`setValues`, `setNumberFormats` once per block; one RangeList call per distinct style and
 * property), so building a sheet costs the same number of calls for 100 rows as for 100,000.
 *
 * - Text: a `{ text }` cell is written with a leading apostrophe. Sheets parses setValues strings as if
 *   typed (`=...` becomes a formula, `0123` a number, `1/2` a date); a leading apostrophe makes the rest
 *   literal text and is not part of the value (getValues returns the text without it). This needs no
 *   extra call, unlike formatting the cells as plain text (`@`) first.
 * - Tags and settings: developer metadata with DOCUMENT visibility, on the sheet for tags, on the
 *   spreadsheet for settings and on whole columns for column tags, so they need no scope beyond
 *   `spreadsheets.currentonly`, travel with a copy of the file, and stay readable when the script moves to
 *   another Cloud project. PROJECT visibility, which older versions used, "is only visible to and
 *   accessible by the developer project that created the metadata"
 *   (https://developers.google.com/apps-script/reference/spreadsheet/developer-metadata-visibility): a
 *   script switched to a standard Cloud project lost its tags and built a second scorecard. An entry found
 *   with PROJECT visibility is moved to DOCUMENT when read (the migration). Sheets limits developer metadata
 *   to METADATA_MAX_CHARS per sheet and per spreadsheet: a setting that would pass it is refused before
 *   anything is written (SettingsTooLarge).
 * - A new sheet's grid is 1000 rows by 26 columns; blocks that reach past it grow the grid first.
 * - Charts: one EmbeddedChartBuilder chain per chart (`setCharts`), so their cost does not grow with the data
 *   either; the options and why each is set are in `chartOptions` (Google's text, and what is unconfirmed: docs/smoke.md, "Charts").
 *
 * Nothing here runs at load time: build it inside a server function (`AppsScriptWorkbook.active()`).
 */

const TAG_KEY = METADATA_KEYS.sheetTag;
const SETTING_PREFIX = METADATA_KEYS.settingPrefix;

/**
 * The entry of a key among those this project sees: a DOCUMENT one, else a PROJECT one an older version
 * wrote, moved to DOCUMENT now (DeveloperMetadata.setVisibility). A PROJECT duplicate of a DOCUMENT entry goes.
 */
function findMeta(list: DeveloperMetadata[], key: string): DeveloperMetadata | undefined {
  const mine = list.filter((m) => m.getKey() === key);
  if (!mine.length) return undefined;
  const DOCUMENT = SpreadsheetApp.DeveloperMetadataVisibility.DOCUMENT;
  const doc = mine.find((m) => m.getVisibility() === DOCUMENT);
  for (const m of mine) {
    if (m === doc) continue;
    if (doc) m.remove();
    else {
      m.setVisibility(DOCUMENT);
      return m;
    }
  }
  return doc;
}

/** Characters the entries of a location hold, keys and values, one key left out. */
const used = (list: DeveloperMetadata[], except: string) =>
  list.reduce((n, m) => (m.getKey() === except ? n : n + m.getKey().length + (m.getValue() ?? '').length), 0);

export class AppsScriptWorkbook implements WorkbookPort {
  constructor(private readonly ss: Spreadsheet) {}

  /** The spreadsheet the add-on is open in. */
  static active(): AppsScriptWorkbook {
    const ss = SpreadsheetApp.getActive();
    if (!ss) throw new Error('Leadlag needs an open spreadsheet');
    return new AppsScriptWorkbook(ss);
  }

  sheetNames(): string[] {
    return this.ss.getSheets().map((s) => s.getName());
  }

  sheet(name: string): SheetPort | null {
    const s = this.ss.getSheetByName(name);
    return s ? new AppsScriptSheet(s) : null;
  }

  insertSheet(name: string): SheetPort {
    return new AppsScriptSheet(this.ss.insertSheet(name, this.ss.getNumSheets()));
  }

  deleteSheet(name: string): void {
    this.ss.deleteSheet(this.required(name));
  }

  getSheetTag(name: string): string | null {
    const s = this.ss.getSheetByName(name);
    return s ? (findMeta(s.getDeveloperMetadata(), TAG_KEY)?.getValue() ?? null) : null;
  }

  setSheetTag(name: string, tag: string): void {
    const s = this.required(name);
    const m = findMeta(s.getDeveloperMetadata(), TAG_KEY);
    if (m) m.setValue(tag);
    else s.addDeveloperMetadata(TAG_KEY, tag, SpreadsheetApp.DeveloperMetadataVisibility.DOCUMENT);
  }

  getSetting(key: string): string | null {
    return findMeta(this.ss.getDeveloperMetadata(), SETTING_PREFIX + key)?.getValue() ?? null;
  }

  setSetting(key: string, value: string): void {
    const list = this.ss.getDeveloperMetadata();
    const k = SETTING_PREFIX + key;
    if (value.length > METADATA_MAX_CHARS - used(list, k) - k.length)
      throw new SettingsTooLarge(
        `Leadlag's setting "${key}" (${value.length} characters) does not fit this spreadsheet's developer metadata.`,
      );
    const m = findMeta(list, k);
    if (m) m.setValue(value);
    else this.ss.addDeveloperMetadata(k, value, SpreadsheetApp.DeveloperMetadataVisibility.DOCUMENT);
  }

  settingRoom(key: string): number {
    const k = SETTING_PREFIX + key;
    return METADATA_MAX_CHARS - used(this.ss.getDeveloperMetadata(), k) - k.length;
  }

  activate(name: string): void {
    this.ss.getSheetByName(name)?.activate();
  }

  timeZone(): string {
    return this.ss.getSpreadsheetTimeZone();
  }

  locale(): string {
    return this.ss.getSpreadsheetLocale();
  }

  private required(name: string): Sheet {
    const s = this.ss.getSheetByName(name);
    if (!s) throw new Error(`There is no sheet called "${name}"`);
    return s;
  }
}

/** The last row and column a closed A1 rectangle (`A90:M93`, `B2`) reaches, to grow the grid before a chart is set on it. */
function rectangleEnd(a1: string): { row: number; col: number } {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/i.exec(a1.trim());
  if (!m) throw new Error(`A chart reads a closed range such as A90:M93, not "${a1}"`);
  const col = (letters: string) => [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return { row: Math.max(Number(m[2]), Number(m[4] ?? m[2])), col: Math.max(col(m[1]), col(m[3] ?? m[1])) };
}

/** Characters with a meaning in an ICU decimal pattern: literal text holding one is quoted ('…'). */
const ICU_SPECIAL = /[0-9#.,%\u2030\u00a4'E;@*+-]/;

/**
 * A cell number format as an axis format for Google Charts, which reads a subset of ICU decimal patterns, not
 * Sheets' formats: the first section only; Sheets' quoted text (`"£"`), escapes (`\£`) and currency tags
 * (`[$£-809]`) become plain literal text, quoted the ICU way ('…') only when it holds a pattern character;
 * colours, conditions, padding (`_x`) and fills (`*x`) go. Undefined for General, text, date and scaled
 * (`0,,"M"`) formats, which leave the axis to Sheets (it then follows the source cells). `"£"#,##0` → `£#,##0`, `0.0%` stays.
 */
export function chartAxisFormat(format: string | undefined): string | undefined {
  if (!format || /^\s*general\s*$/i.test(format)) return undefined;
  let out = '';
  let digits = false;
  const literal = (text: string) => {
    if (text) out += ICU_SPECIAL.test(text) ? `'${text.replace(/'/g, "''")}'` : text;
  };
  for (let i = 0; i < format.length; i++) {
    const ch = format[i];
    if (ch === ';') break;
    if (ch === '"') {
      const end = format.indexOf('"', i + 1);
      literal(format.slice(i + 1, end < 0 ? format.length : end));
      i = end < 0 ? format.length : end;
    } else if (ch === '\\') literal(format[++i] ?? '');
    else if (ch === '_' || ch === '*') i++;
    else if (ch === '[') {
      const end = format.indexOf(']', i);
      const tag = format.slice(i + 1, end < 0 ? format.length : end);
      if (tag.startsWith('$')) literal(tag.slice(1).split('-')[0]);
      i = end < 0 ? format.length : end;
    } else if (/[ymdhsa@]/i.test(ch))
      return undefined; // a date, a time or text
    else {
      if (ch === '0' || ch === '#') digits = true;
      out += ch === '?' ? '#' : ch;
    }
  }
  // Sheets' scaling commas (`0.0,,"M"`: millions) have no ICU form: leave such an axis to Sheets.
  if (!digits || /[0#],/.test(out.replace(/'[^']*'/g, '').replace(/[0#](,[0#])+/g, '0'))) return undefined;
  return out;
}

/**
 * The chart options Sheets gets for a specification (`EmbeddedChartBuilder.setOption`, which "doesn't validate
 * the option you specify"): the title; the legend at the bottom; the size in pixels; the first column of the
 * transposed rectangle (the sheet's first row: the periods) as the domain; missing values left as gaps; a
 * combo chart's series as columns with those in `lines` as lines; dashed series; the series on the right axis
 * (`targetAxisIndex: 1`) and each axis' number format (chartAxisFormat); the colours. Where each call and
 * option is documented, and what only the smoke test can tell, is in docs/smoke.md, "Charts".
 */
export function chartOptions(spec: ChartSpec): [string, unknown][] {
  const series: Record<number, Record<string, unknown>> = {};
  const of = (i: number) => (series[i] ??= {});
  if (spec.kind === 'column') for (const i of spec.lines ?? []) of(i).type = 'line';
  for (const i of spec.dashed ?? []) of(i).lineDashStyle = [6, 4];
  for (const i of spec.rightAxis ?? []) of(i).targetAxisIndex = 1;
  const vAxes: Record<number, Record<string, unknown>> = {};
  const left = chartAxisFormat(spec.format);
  const right = spec.rightAxis?.length ? chartAxisFormat(spec.rightFormat) : undefined;
  if (left !== undefined) vAxes[0] = { format: left };
  if (right !== undefined) vAxes[1] = { format: right };
  const options: [string, unknown][] = [
    ['title', spec.title],
    ['legend', { position: 'bottom' }],
    ['width', spec.width],
    ['height', spec.height],
    ['useFirstColumnAsDomain', true],
    ['interpolateNulls', false],
  ];
  if (spec.kind === 'column') options.push(['seriesType', 'bars']);
  if (Object.keys(series).length) options.push(['series', series]);
  if (Object.keys(vAxes).length) options.push(['vAxes', vAxes]);
  if (spec.colors?.length) options.push(['colors', [...spec.colors]]);
  return options;
}

class AppsScriptSheet implements SheetPort {
  private maxRows = -1;
  private maxCols = -1;

  constructor(private readonly sheet: Sheet) {}

  get name(): string {
    return this.sheet.getName();
  }

  readValues(): Cell[][] {
    return this.sheet.getDataRange().getValues() as Cell[][];
  }

  writeBlock(row: number, col: number, block: Block): void {
    checkAnchor(row, col);
    const { rows, cols } = blockSize(block);
    this.fit(row + rows - 1, col + cols - 1);
    const values = block.map((r) => r.map((c) => enteredValue(c) ?? ''));
    this.sheet.getRange(row, col, rows, cols).setValues(values);
  }

  setNumberFormats(row: number, col: number, formats: readonly (readonly string[])[]): void {
    checkAnchor(row, col);
    const { rows, cols } = blockSize(formats, 'number formats');
    this.fit(row + rows - 1, col + cols - 1);
    this.sheet.getRange(row, col, rows, cols).setNumberFormats(formats.map((r) => [...r]));
  }

  applyStyles(styles: readonly StyledRange[]): void {
    const groups = new Map<string, { style: CellStyle; ranges: string[] }>();
    for (const { a1, ...style } of styles) {
      const key = JSON.stringify([
        style.bold,
        style.italic,
        style.fontSize,
        style.color,
        style.background,
        style.numberFormat,
        style.wrap,
        style.align,
      ]);
      const g = groups.get(key);
      if (g) g.ranges.push(a1);
      else groups.set(key, { style, ranges: [a1] });
    }
    for (const { style, ranges } of groups.values()) {
      const list = this.sheet.getRangeList(ranges);
      if (style.bold !== undefined) list.setFontWeight(style.bold ? 'bold' : 'normal');
      if (style.italic !== undefined) list.setFontStyle(style.italic ? 'italic' : 'normal');
      if (style.fontSize !== undefined) list.setFontSize(style.fontSize);
      if (style.color !== undefined) list.setFontColor(style.color);
      if (style.background !== undefined) list.setBackground(style.background);
      if (style.numberFormat !== undefined) list.setNumberFormat(style.numberFormat);
      if (style.wrap !== undefined) list.setWrap(style.wrap);
      if (style.align !== undefined) list.setHorizontalAlignment(style.align);
    }
  }

  setFrozen(rows: number, cols: number): void {
    this.sheet.setFrozenRows(rows);
    this.sheet.setFrozenColumns(cols);
  }

  setColumnWidths(widths: readonly ColumnWidth[]): void {
    if (!widths.length) return;
    const sorted = [...widths].sort((a, b) => a.col - b.col);
    this.fit(1, sorted[sorted.length - 1].col);
    // One call per run of neighbouring columns with the same width.
    let start = sorted[0];
    let count = 1;
    for (let i = 1; i <= sorted.length; i++) {
      const w = sorted[i];
      if (w && w.col === start.col + count && w.width === start.width) {
        count++;
        continue;
      }
      this.sheet.setColumnWidths(start.col, count, start.width);
      if (w) {
        start = w;
        count = 1;
      }
    }
  }

  setConditionalRules(rules: readonly ConditionalRule[]): void {
    const built = rules.map((r) => {
      let b = SpreadsheetApp.newConditionalFormatRule().setBackground(r.background);
      b =
        r.formula !== undefined
          ? b.whenFormulaSatisfied(r.formula.startsWith('=') ? r.formula : `=${r.formula}`)
          : b.whenTextEqualTo(r.textEquals ?? '');
      if (r.color !== undefined) b = b.setFontColor(r.color);
      if (r.bold !== undefined) b = b.setBold(r.bold);
      return b.setRanges([this.sheet.getRange(r.a1)]).build();
    });
    this.sheet.setConditionalFormatRules(built);
  }

  /**
   * Removes the sheet's charts, then inserts one per specification: a line chart, or a combo chart whose series
   * are columns and lines. The rectangle holds its series in rows, so rows and columns are transposed and the
   * first row (after transposing: the first column, the series names) is the header.
   */
  setCharts(charts: readonly ChartSpec[]): void {
    for (const old of this.sheet.getCharts()) this.sheet.removeChart(old);
    for (const spec of charts) {
      checkAnchor(spec.anchor.row, spec.anchor.col);
      const end = rectangleEnd(spec.range);
      this.fit(Math.max(end.row, spec.anchor.row), Math.max(end.col, spec.anchor.col));
      const start = this.sheet.newChart();
      let b = (spec.kind === 'line' ? start.asLineChart() : start.asComboChart())
        .addRange(this.sheet.getRange(spec.range))
        .setTransposeRowsAndColumns(true)
        .setNumHeaders(1);
      for (const [option, value] of chartOptions(spec)) b = b.setOption(option, value);
      this.sheet.insertChart(b.setPosition(spec.anchor.row, spec.anchor.col, 0, 0).build());
    }
  }

  setValidation(a1: string, allowed: readonly string[]): void {
    this.sheet.getRange(a1).setDataValidation(
      SpreadsheetApp.newDataValidation()
        .requireValueInList([...allowed], true)
        .setAllowInvalid(false)
        .build(),
    );
  }

  clear(): void {
    this.sheet.clear();
    this.sheet.clearConditionalFormatRules();
    this.sheet.getRange(1, 1, this.sheet.getMaxRows(), this.sheet.getMaxColumns()).clearDataValidations();
  }

  /** Column tags: metadata on whole columns, which "remain associated at those locations as they move around" (Sheets API). */
  columnTags(): ReadonlyMap<string, number> {
    const out = new Map<string, number>();
    const COLUMN = SpreadsheetApp.DeveloperMetadataLocationType.COLUMN;
    for (const m of this.sheet.createDeveloperMetadataFinder().withKey(METADATA_KEYS.column).find()) {
      const loc = m.getLocation();
      const tag = m.getValue();
      const range = loc.getLocationType() === COLUMN ? loc.getColumn() : null;
      if (tag && range && !out.has(tag)) out.set(tag, range.getColumn());
    }
    return out;
  }

  setColumnTags(tags: readonly { readonly col: number; readonly tag: string }[]): void {
    if (!tags.length) return;
    const found = this.sheet.createDeveloperMetadataFinder().withKey(METADATA_KEYS.column).find();
    const lastCol = Math.max(...tags.map((t) => t.col));
    this.fit(1, lastCol);
    for (const { col, tag } of tags) {
      checkAnchor(1, col);
      const letter = columnLetter(col - 1);
      const whole = this.sheet.getRange(`${letter}:${letter}`);
      const old = found.find((m) => m.getValue() === tag);
      if (old) old.moveToColumn(whole);
      else whole.addDeveloperMetadata(METADATA_KEYS.column, tag, SpreadsheetApp.DeveloperMetadataVisibility.DOCUMENT);
    }
  }

  /** Grows the grid so that (lastRow, lastCol) exists; reads its size once per sheet object. */
  private fit(lastRow: number, lastCol: number): void {
    if (this.maxRows < 0) {
      this.maxRows = this.sheet.getMaxRows();
      this.maxCols = this.sheet.getMaxColumns();
    }
    if (lastRow > this.maxRows) {
      this.sheet.insertRowsAfter(this.maxRows, lastRow - this.maxRows);
      this.maxRows = lastRow;
    }
    if (lastCol > this.maxCols) {
      this.sheet.insertColumnsAfter(this.maxCols, lastCol - this.maxCols);
      this.maxCols = lastCol;
    }
  }
}
