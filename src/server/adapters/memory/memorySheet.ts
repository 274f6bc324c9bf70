import type { Cell } from '../../../core/values/cell';
import {
  blockSize,
  checkAnchor,
  type Block,
  type ChartSpec,
  type ColumnWidth,
  type ConditionalRule,
  type SheetPort,
  type StyledRange,
} from '../../ports/workbook';
import { parseA1 } from './a1';
import { checkCharts } from './charts';
import type { PortMethod } from './counter';
import { definedOnly, type SheetState } from './layout';

/** What a sheet needs from its workbook (MemoryWorkbook): counting, its state, its cells. */
export interface SheetHost {
  count(method: PortMethod): void;
  nameOf(id: number): string;
  state(id: number): SheetState;
  valuesOf(id: number): Cell[][];
  write(id: number, row: number, col: number, block: Block): void;
  clearSheet(id: number): void;
}

/** The SheetPort of one in-memory sheet: each call counted, cells through the workbook, layout kept as data. */
export class MemorySheet implements SheetPort {
  constructor(
    private readonly wb: SheetHost,
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

  /** Checks every chart first (charts.ts; a bad one throws and nothing changes), then replaces the sheet's charts with them. */
  setCharts(charts: readonly ChartSpec[]): void {
    this.wb.count('setCharts');
    const state = this.wb.state(this.id);
    state.charts = checkCharts(charts, state.grid, this.name);
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

  columnTags(): ReadonlyMap<string, number> {
    this.wb.count('columnTags');
    return new Map([...this.wb.state(this.id).columnTags].map(([tag, col]) => [tag, col + 1]));
  }

  setColumnTags(tags: readonly { readonly col: number; readonly tag: string }[]): void {
    this.wb.count('setColumnTags');
    const own = this.wb.state(this.id).columnTags;
    for (const { col, tag } of tags) {
      checkAnchor(1, col);
      own.set(tag, col - 1);
    }
  }
}
