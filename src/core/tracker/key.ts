import { type Cell } from '../values/cell';

/**
 * A stable key for a response or a review, from what it holds (no crypto in Apps Script): two 32-bit
 * FNV-1a style hashes with different seeds, as 16 hex digits. Dates count by their instant, so the key
 * does not depend on the runtime's time zone.
 */
export function contentKey(parts: readonly Cell[]): string {
  const text = parts.map((c) => (c instanceof Date ? `@${c.getTime()}` : c === null || c === undefined ? '' : String(c))).join('\u241f');
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    a = Math.imul(a ^ ch, 16777619);
    b = Math.imul(b ^ ch, 2246822507);
  }
  const hex = (n: number) => (n >>> 0).toString(16).padStart(8, '0');
  return hex(a) + hex(b ^ (b >>> 15));
}

/**
 * Keys for a list of items where identical ones may repeat (two identical rows): the n-th repeat gets
 * `#n`, so each stays distinct and keeps its key when rows are added below.
 */
export function keysOf(items: readonly (readonly Cell[])[], prefix: string): string[] {
  const seen = new Map<string, number>();
  return items.map((parts) => {
    const k = prefix + contentKey(parts);
    const n = seen.get(k) ?? 0;
    seen.set(k, n + 1);
    return n ? `${k}#${n}` : k;
  });
}
