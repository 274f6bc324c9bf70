import { readFileSync, readdirSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { MemoryWorkbook } from '../server/adapters/memory/memoryWorkbook';
import { ianaZone } from '../server/adapters/memory/zone';
import { parseCsv } from '../core/tables/csv';
import { parseJsonTable } from '../core/tables/json';

/** The example data the preview starts with: examples/data/{sales,feedback,reviews}.csv. */
export const EXAMPLES_DIR = join(__dirname, '..', '..', 'examples', 'data');

/** "sales.csv" → "Sales". */
function sheetName(file: string): string {
  const base = basename(file, extname(file)).replace(/[-_]+/g, ' ');
  return base.charAt(0).toUpperCase() + base.slice(1);
}

/**
 * The preview spreadsheet's time zone: `zone` when given (an IANA name such as Asia/Tokyo), else the
 * machine's, as the command line reads dates in the machine's zone (so both give the same numbers).
 */
export function previewZone(zone?: string): string {
  return zone || Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** A file's table as text: CSV, or a JSON export (Delighted, Google Business Profile reviews) read as core/tables/json.ts reads it. */
export function tableOfFile(path: string): string[][] {
  const text = readFileSync(path, 'utf8');
  return /\.json$/i.test(path) ? parseJsonTable(text) : parseCsv(text);
}

/**
 * A workbook with one sheet per CSV (or JSON) file of a folder, seeded as Sheets holds a pasted file: each
 * column's values read by the formulas' own readers (MemoryWorkbook.fromPasted), so the preview and the
 * command line show the same numbers.
 */
export function workbookFromFolder(dir: string = EXAMPLES_DIR, zone?: string): MemoryWorkbook {
  const order = ['sales.csv', 'feedback.csv', 'reviews.csv'];
  const files = readdirSync(dir)
    .filter((f) => /\.(csv|json)$/i.test(f))
    .sort((a, b) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99) || a.localeCompare(b));
  if (!files.length) throw new Error(`${dir} holds no .csv or .json files to seed the preview with`);
  const sheets: Record<string, string[][]> = {};
  for (const f of files) sheets[sheetName(f)] = tableOfFile(join(dir, f));
  return MemoryWorkbook.fromPasted(sheets, { zone: ianaZone(previewZone(zone)) });
}
