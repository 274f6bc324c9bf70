import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { MemoryWorkbook } from '../server/adapters/memory/memoryWorkbook';
import { ianaZone } from '../server/adapters/memory/zone';

/** The example data the preview starts with: examples/data/{sales,feedback,reviews}.csv. */
export const EXAMPLES_DIR = join(__dirname, '..', '..', 'examples', 'data');

/** "sales.csv" → "Sales". */
function sheetName(file: string): string {
  const base = basename(file, '.csv').replace(/[-_]+/g, ' ');
  return base.charAt(0).toUpperCase() + base.slice(1);
}

/**
 * The preview spreadsheet's time zone: `zone` when given (an IANA name such as Asia/Tokyo), else the
 * machine's, as the command line reads dates in the machine's zone (so both give the same numbers).
 */
export function previewZone(zone?: string): string {
  return zone || Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** A workbook with one sheet per CSV file of a folder, seeded as a paste would enter them, in a time zone (default the machine's). */
export function workbookFromFolder(dir: string = EXAMPLES_DIR, zone?: string): MemoryWorkbook {
  const order = ['sales.csv', 'feedback.csv', 'reviews.csv'];
  const files = readdirSync(dir)
    .filter((f) => f.toLowerCase().endsWith('.csv'))
    .sort((a, b) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99) || a.localeCompare(b));
  if (!files.length) throw new Error(`${dir} holds no .csv files to seed the preview with`);
  const sheets: Record<string, string> = {};
  for (const f of files) sheets[sheetName(f)] = readFileSync(join(dir, f), 'utf8');
  return MemoryWorkbook.fromCsv(sheets, { zone: ianaZone(previewZone(zone)) });
}
