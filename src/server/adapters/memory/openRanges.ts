/**
 * Open-ended ranges. Sheets reads `B4:B` (and `'Sales'!$B$4:$B`, `A2:C`) as "from row 4 down to the
 * last row of the sheet's grid"; HyperFormula cannot parse them. The memory workbook enters such a
 * formula with the end row written out (`B4:B1000`, the grid's height, as Sheets sizes a new sheet) and
 * enters it again when the grid grows, so a formula written before rows were pasted still covers them.
 */

/** Which sheet a reference points to: its name, or null for the formula's own sheet. */
export type SheetRef = string | null;

export interface ClosedFormula {
  /** The formula with every open-ended range closed at the referenced sheet's grid height. */
  readonly text: string;
  /** The sheets whose open-ended ranges it uses. */
  readonly sheets: readonly SheetRef[];
}

const STRING = /"(?:[^"]|"")*"/g;
const OPEN_RANGE =
  /(?<![A-Za-z0-9_$.])((?:'(?:[^']|'')+'|[A-Za-z_][A-Za-z0-9_.]*)!)?(\$?[A-Za-z]{1,3}\$?)(\d+):(\$?[A-Za-z]{1,3})(?![A-Za-z0-9_(!$:])/g;

function sheetOf(prefix: string | undefined): SheetRef {
  if (!prefix) return null;
  const name = prefix.slice(0, -1);
  return name.startsWith("'") ? name.slice(1, -1).replace(/''/g, "'") : name;
}

/** Closes the open-ended ranges of a formula; null when it has none. */
export function closeOpenRanges(formula: string, gridRows: (sheet: SheetRef) => number): ClosedFormula | null {
  const sheets: SheetRef[] = [];
  let changed = false;
  let text = '';
  let last = 0;
  const close = (part: string) =>
    part.replace(OPEN_RANGE, (_m, prefix: string | undefined, start: string, row: string, endCol: string) => {
      const sheet = sheetOf(prefix);
      sheets.push(sheet);
      changed = true;
      const end = Math.max(Number(row), gridRows(sheet));
      const absolute = endCol.startsWith('$') ? '$' : '';
      return `${prefix ?? ''}${start}${row}:${endCol}${absolute}${end}`;
    });
  for (const m of formula.matchAll(STRING)) {
    text += close(formula.slice(last, m.index)) + m[0];
    last = m.index! + m[0].length;
  }
  text += close(formula.slice(last));
  return changed ? { text, sheets } : null;
}
