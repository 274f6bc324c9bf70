import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { MemoryWorkbook } from '../server/adapters/memory/memoryWorkbook';

/** The example data the preview starts with: examples/data/{sales,feedback,reviews}.csv. */
export const EXAMPLES_DIR = join(__dirname, '..', '..', 'examples', 'data');

/** "sales.csv" → "Sales". */
function sheetName(file: string): string {
  const base = basename(file, '.csv').replace(/[-_]+/g, ' ');
  return base.charAt(0).toUpperCase() + base.slice(1);
}

/** A workbook with one sheet per CSV file of a folder, seeded as a paste would enter them. */
export function workbookFromFolder(dir: string = EXAMPLES_DIR): MemoryWorkbook {
  const order = ['sales.csv', 'feedback.csv', 'reviews.csv'];
  const files = readdirSync(dir)
    .filter((f) => f.toLowerCase().endsWith('.csv'))
    .sort((a, b) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99) || a.localeCompare(b));
  if (!files.length) throw new Error(`${dir} holds no .csv files to seed the preview with`);
  const sheets: Record<string, string> = {};
  for (const f of files) sheets[sheetName(f)] = readFileSync(join(dir, f), 'utf8');
  return MemoryWorkbook.fromCsv(sheets);
}
