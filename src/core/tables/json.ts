import { fail } from '../values/errors';

/**
 * Reads a JSON export into the rows of a table (the shape findTable takes): a header row of field names,
 * then one row per record. Some exports come only as JSON (Delighted's API, Google Business Profile reviews
 * from Takeout), so the command line and the local preview read them as a sheet would hold them pasted.
 *
 * - The records: a top-level array of objects; or the one array of objects an object holds
 *   (`{"reviews": [...]}`); or a single object (one record).
 * - Nested objects become dotted fields (`reviewReply.comment`); arrays of plain values are joined with
 *   "; "; arrays of objects are kept as JSON text; null is a blank.
 * - Times given as Unix seconds or milliseconds in a field named like a time (`created_at`, `updatedAt`,
 *   `timestamp`, `…time`, `…date`) are written as UTC text `YYYY-MM-DD HH:MM:SS`: the readers take the day
 *   as written, so they are bucketed in UTC.
 * Fields are columns in the order they first appear.
 */
export function parseJsonTable(text: string): string[][] {
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    return fail(`the file is not valid JSON (${(e as Error).message})`);
  }
  const records = recordsOf(data);
  if (!records) fail('the JSON holds no list of records (expected an array of objects, or an object holding one)');
  const columns: string[] = [];
  const index = new Map<string, number>();
  const rows: Record<string, string>[] = records.map((r) => {
    const flat: Record<string, string> = {};
    flatten(r, '', flat);
    for (const k of Object.keys(flat))
      if (!index.has(k)) {
        index.set(k, columns.length);
        columns.push(k);
      }
    return flat;
  });
  return [columns, ...rows.map((r) => columns.map((c) => r[c] ?? ''))];
}

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

function recordsOf(data: unknown): Record<string, unknown>[] | null {
  if (Array.isArray(data)) return data.length && data.every(isRecord) ? (data as Record<string, unknown>[]) : null;
  if (!isRecord(data)) return null;
  const lists = Object.values(data).filter((v) => Array.isArray(v) && v.length > 0 && v.every(isRecord));
  if (lists.length === 1) return lists[0] as Record<string, unknown>[];
  return Object.keys(data).length ? [data] : null;
}

const TIME_FIELD = /(^|[._])(created|updated|submitted|time|date|timestamp)([._]|$)|_at$|[a-z]At$|Time$|Date$/;
const pad = (n: number) => String(n).padStart(2, '0');

/** Unix seconds (2001..2096) or milliseconds in a time-named field, as UTC text; undefined otherwise. */
export function unixTimeText(key: string, value: number): string | undefined {
  if (!TIME_FIELD.test(key) || !Number.isFinite(value)) return undefined;
  const ms = value >= 1e9 && value < 4e9 ? value * 1000 : value >= 1e12 && value < 4e12 ? value : NaN;
  if (ms !== ms) return undefined;
  const d = new Date(ms);
  return (
    `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
  );
}

function flatten(value: unknown, key: string, out: Record<string, string>): void {
  if (value === null || value === undefined) {
    if (key) out[key] = '';
    return;
  }
  if (Array.isArray(value)) {
    out[key] = value.every((v) => typeof v !== 'object' || v === null)
      ? value.map((v) => (v === null ? '' : String(v))).join('; ')
      : JSON.stringify(value);
    return;
  }
  if (isRecord(value)) {
    for (const [k, v] of Object.entries(value)) flatten(v, key ? `${key}.${k}` : k, out);
    return;
  }
  if (typeof value === 'number') {
    out[key] = unixTimeText(key.slice(key.lastIndexOf('.') + 1), value) ?? String(value);
    return;
  }
  out[key] = String(value);
}
