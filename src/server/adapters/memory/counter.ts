/** The WorkbookPort and SheetPort methods, as the memory workbook counts its calls. */
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
  | 'setCharts'
  | 'setValidation'
  | 'clear'
  | 'columnTags'
  | 'setColumnTags';

/**
 * Calls made through the port, in all and per method: what the benchmark and the tests read to check that
 * building a sheet costs as many calls for 100 data rows as for 100,000.
 */
export class CallCounter {
  private readonly counts = new Map<PortMethod, number>();
  private count = 0;

  get total(): number {
    return this.count;
  }

  get byMethod(): Partial<Record<PortMethod, number>> {
    return Object.fromEntries(this.counts);
  }

  add(method: PortMethod): void {
    this.count++;
    this.counts.set(method, (this.counts.get(method) ?? 0) + 1);
  }

  reset(): void {
    this.count = 0;
    this.counts.clear();
  }
}
