import { type WorkbookPort } from '../ports/workbook';

/** An add-on sheet: the one it made before (by tag), else a free name. Never a sheet it did not create. */
export function ownSheet(
  wb: WorkbookPort,
  tag: string,
  names: readonly string[],
  remembered: string | null,
): { name: string; exists: boolean } {
  const all = wb.sheetNames();
  if (remembered && all.includes(remembered) && wb.getSheetTag(remembered) === tag) return { name: remembered, exists: true };
  const tagged = all.find((n) => wb.getSheetTag(n) === tag);
  if (tagged) return { name: tagged, exists: true };
  const taken = new Set(all.map((n) => n.toLowerCase()));
  for (const n of names) if (!taken.has(n.toLowerCase())) return { name: n, exists: false };
  for (let i = 2; ; i++) {
    const n = `${names[names.length - 1]} ${i}`;
    if (!taken.has(n.toLowerCase())) return { name: n, exists: false };
  }
}

/** A rebuild would remove cells the builder did not write: the caller asks, then builds with `force`. */
export class KeepConfirmation extends Error {
  constructor(
    readonly sheet: string,
    readonly cells: readonly string[],
    kept: string,
  ) {
    const shown = cells.slice(0, 6).join(', ') + (cells.length > 6 ? ` and ${cells.length - 6} more` : '');
    super(
      `You added things to "${sheet}" (${shown}). Rebuilding replaces that sheet, so they would be lost: copy them to a sheet ` +
        `of your own first, or rebuild anyway. ${kept}`,
    );
  }
}
