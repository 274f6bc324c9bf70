import { type Cell, isBlank } from '../../core/values/cell';
import { columnLetter } from '../../core/tables/kinds';
import type { SheetPort, WriteCell } from '../ports/workbook';

/**
 * Finding the add-on's columns in a sheet it reads back (the improvement tracker, the survey responses),
 * whatever the user did to it since: a column is found by its tag (developer metadata on the column, which
 * Sheets keeps on it when columns are inserted before it, moved or renamed), else by its header, else (the
 * key column only) by what it holds; one that is gone is made again at the end, never guessed from its
 * position. Inserting, moving or renaming columns therefore neither loses nor repeats a row.
 */
export interface ColumnSpec<Id extends string = string> {
  readonly id: Id;
  /** The header the add-on writes. */
  readonly header: string;
  /** Made again at the end when it is gone (a column the add-on writes into); else left gone. */
  readonly recreate: boolean;
}

export interface Located<Id extends string> {
  /** Column id → 0-based index in the sheet's rows. */
  readonly at: ReadonlyMap<Id, number>;
  /** Columns in the header row after any made again. */
  readonly width: number;
  /** Headers of the columns made again at the end. */
  readonly added: readonly string[];
  /** How the key column was found: 'tag', 'header', 'content', 'new' (made again), or 'none'. */
  readonly keyFound: 'tag' | 'header' | 'content' | 'new' | 'none';
}

const norm = (s: Cell) => (isBlank(s) ? '' : String(s).replace(/\s+/g, ' ').trim().toLowerCase());

/** What a key looks like (core/tracker/key.ts: `r:` or `v:`, 16 hex digits, a repeat count, an old signal suffix). */
export const KEY_PATTERN = /^[rv]:[0-9a-f]{16}(#\d+)?(:[nws])?$/;

/** The tag of one of the add-on's columns: the sheet's kind and the column's id. */
export const columnTag = (kind: string, id: string): string => `${kind}:${id}`;

/**
 * Locates every column of `specs` in a sheet (its values as read, header first) and makes the missing ones
 * that are to be recreated again at the end of the header row, tagging every column found so that the next
 * run finds it whatever happens to its header. `keyId` names the key column.
 */
export function locateColumns<Id extends string>(
  sheet: SheetPort,
  grid: readonly (readonly Cell[])[],
  kind: string,
  specs: readonly ColumnSpec<Id>[],
  keyId: Id,
  /** Make missing columns again and tag what was found (false: only read, as the status panel does). */
  repair = true,
): Located<Id> {
  const header = grid[0] ?? [];
  // readValues gives a rectangle: the header row is as wide as the sheet's used range.
  let width = header.length;
  const at = new Map<Id, number>();
  const taken = new Set<number>();
  const tags = sheet.columnTags?.() ?? new Map<string, number>();
  let keyFound: Located<Id>['keyFound'] = 'none';
  for (const s of specs) {
    const c = tags.get(columnTag(kind, s.id));
    if (c !== undefined && c >= 1 && !taken.has(c - 1)) {
      at.set(s.id, c - 1);
      taken.add(c - 1);
      if (s.id === keyId) keyFound = 'tag';
    }
  }
  for (const s of specs) {
    if (at.has(s.id)) continue;
    const j = header.findIndex((h, i) => !taken.has(i) && norm(h) === norm(s.header));
    if (j >= 0) {
      at.set(s.id, j);
      taken.add(j);
      if (s.id === keyId) keyFound = 'header';
    }
  }
  if (!at.has(keyId)) {
    // A key column renamed where its tag was lost: the one whose cells are all keys.
    for (let j = 0; j < width; j++) {
      if (taken.has(j)) continue;
      const cells = grid
        .slice(1)
        .map((r) => r[j])
        .filter((c) => !isBlank(c));
      if (cells.length && cells.every((c) => typeof c === 'string' && KEY_PATTERN.test(c))) {
        at.set(keyId, j);
        taken.add(j);
        keyFound = 'content';
        break;
      }
    }
  }
  const missing = repair ? specs.filter((s) => !at.has(s.id) && s.recreate) : [];
  const added: string[] = [];
  if (missing.length) {
    const row: WriteCell[] = missing.map((s) => ({ text: s.header }));
    sheet.writeBlock(1, width + 1, [row]);
    missing.forEach((s, i) => {
      at.set(s.id, width + i);
      added.push(s.header);
      if (s.id === keyId) keyFound = 'new';
    });
    width += missing.length;
  }
  const untagged = [...at].filter(([id, j]) => tags.get(columnTag(kind, id)) !== j + 1);
  if (repair && untagged.length) sheet.setColumnTags?.(untagged.map(([id, j]) => ({ col: j + 1, tag: columnTag(kind, id) })));
  return { at, width, added, keyFound };
}

/** One new row across the sheet's width: each located column's cell, the user's own columns left empty. */
export function rowFor<Id extends string>(located: Located<Id>, cells: Partial<Record<Id, WriteCell>>): WriteCell[] {
  const row: WriteCell[] = Array.from({ length: located.width }, () => null);
  for (const [id, j] of located.at) {
    const v = cells[id];
    if (v !== undefined) row[j] = v;
  }
  return row;
}

/** A located column's letter (`J`), for formulas and rules. */
export function letterOf<Id extends string>(located: Located<Id>, id: Id): string | null {
  const j = located.at.get(id);
  return j === undefined ? null : columnLetter(j);
}
