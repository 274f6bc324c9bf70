import type { Cell } from '../src/core/values/cell';
import type { SheetPort, WorkbookPort } from '../src/server/ports/workbook';

/**
 * A workbook that only keeps values and counts calls: enough to count what the scorecard builder asks
 * of the spreadsheet at 100,000 rows without computing formulas (the in-memory HyperFormula workbook does
 * that in the tests, slowly). Every call through the port counts once.
 */
export class CountingWorkbook implements WorkbookPort {
  private readonly grids = new Map<string, Cell[][]>();
  private readonly tags = new Map<string, string>();
  private readonly settings = new Map<string, string>();
  private readonly counts = new Map<string, number>();

  constructor(sheets: Record<string, Cell[][]>) {
    for (const [name, g] of Object.entries(sheets)) this.grids.set(name, g);
  }

  private count(m: string): void {
    this.counts.set(m, (this.counts.get(m) ?? 0) + 1);
  }

  reset(): void {
    this.counts.clear();
  }

  byMethod(): Record<string, number> {
    return Object.fromEntries(this.counts);
  }

  sheetNames(): string[] {
    this.count('sheetNames');
    return [...this.grids.keys()];
  }
  sheet(name: string): SheetPort | null {
    this.count('sheet');
    return this.grids.has(name) ? this.port(name) : null;
  }
  insertSheet(name: string): SheetPort {
    this.count('insertSheet');
    this.grids.set(name, []);
    return this.port(name);
  }
  deleteSheet(name: string): void {
    this.count('deleteSheet');
    this.grids.delete(name);
  }
  getSheetTag(name: string): string | null {
    this.count('getSheetTag');
    return this.tags.get(name) ?? null;
  }
  setSheetTag(name: string, tag: string): void {
    this.count('setSheetTag');
    this.tags.set(name, tag);
  }
  getSetting(key: string): string | null {
    this.count('getSetting');
    return this.settings.get(key) ?? null;
  }
  setSetting(key: string, value: string): void {
    this.count('setSetting');
    this.settings.set(key, value);
  }
  timeZone(): string {
    this.count('timeZone');
    return 'Europe/London';
  }
  locale(): string {
    this.count('locale');
    return 'en_GB';
  }

  private port(name: string): SheetPort {
    const c = (m: string) => this.count(m);
    const grids = this.grids;
    return {
      name,
      readValues: () => {
        c('readValues');
        return grids.get(name) ?? [];
      },
      writeBlock: () => c('writeBlock'),
      setNumberFormats: () => c('setNumberFormats'),
      applyStyles: () => c('applyStyles'),
      setFrozen: () => c('setFrozen'),
      setColumnWidths: () => c('setColumnWidths'),
      setConditionalRules: () => c('setConditionalRules'),
      clear: () => c('clear'),
    } as unknown as SheetPort;
  }
}
