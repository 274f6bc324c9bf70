/** A1 references into the user's sheets, written so that a sheet name can never break a formula. */
import { columnLetter } from '../../core/tables/kinds';

export { columnLetter };

/** 'Sales', 'Q3 ''push''' — always quoted, quotes doubled, as Sheets writes them. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** An open-ended column from a row down: 'Sales'!$B$4:$B, so rows pasted below are included. */
export function openColumn(sheet: string, col0: number, fromRow: number): string {
  const L = columnLetter(col0);
  return `${quoteSheet(sheet)}!$${L}$${fromRow}:$${L}`;
}

/** A string literal inside a formula. */
export function formulaString(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/**
 * A number format as a TEXT() argument: quoted literals become backslash escapes (`"£"#,##0` →
 * `\£#,##0`), which mean the same to Sheets and keep doubled quotes out of formula strings.
 */
export function textFormatString(format: string): string {
  return formulaString(format.replace(/"([^"]*)"/g, (_m, lit: string) => [...lit].map((ch) => `\\${ch}`).join('')));
}

export function a1(row: number, col0: number): string {
  return `${columnLetter(col0)}${row}`;
}
