import { MS_PER_DAY } from './days';
/**
 * Where a Date (an instant) falls on the calendar depends on a time zone. Sheets hands date cells to
 * custom functions as instants at midnight in the spreadsheet's zone, so they must be read back in
 * that zone, not the script's. The core sees only this interface.
 */
export interface TimeZone {
  /** Minutes to add to UTC to get local time at that instant (e.g. +60 in London in summer). */
  offsetMinutes(epochMs: number): number;
  readonly name: string;
}

/**
 * A zone's offsets, learned one UTC day at a time and kept, so that a column of dates costs one look-up of
 * the zone per distinct day in any order (a sheet sorted by customer has its dates in random order).
 *
 * Day d spans [d·24h, (d+1)·24h) in UTC. The zone is asked for its offset at each day's start (shared with
 * the day before); when the two ends agree the day has that offset, otherwise the instant of the change is
 * found by bisection to the millisecond, so a day with a change is exact on both sides of it (half-hour
 * changes such as Lord Howe's included). The one assumption: a zone's offset changes at most once between
 * two consecutive UTC midnights (a change and its reversal within one day would go unseen; no zone's rules
 * do that).
 *
 * Days near the first one seen live in a typed array (one load per row on the hot path); days far from it
 * (other centuries) in a map.
 */
class OffsetTable {
  /** The day of offs[0]. */
  base = 0;
  /** Offset in ms of each day base + k; NaN while unknown and for days with a change. */
  offs = new Float64Array(0);
  private readonly far = new Map<number, number>();
  /** Days with a change: [instant of the change, offset before, offset after] in ms. */
  private readonly changes = new Map<number, [number, number, number]>();
  /** The zone's offset in ms at midnight UTC of a day, as asked. */
  private readonly edges = new Map<number, number>();

  constructor(private readonly zone: TimeZone) {}

  /** The offset in ms at an instant. */
  offsetMs(ms: number): number {
    const d = Math.floor(ms / MS_PER_DAY);
    const k = d - this.base;
    const offs = this.offs;
    if (k >= 0 && k < offs.length) {
      const o = offs[k];
      if (o === o) return o;
    }
    if (d !== d || d === Infinity || d === -Infinity) return this.zone.offsetMinutes(ms) * 60000;
    const change = this.changes.get(d);
    if (change) return ms < change[0] ? change[1] : change[2];
    const known = this.far.get(d);
    if (known !== undefined) return known;
    this.learn(d);
    return this.offsetMs(ms);
  }

  private edge(d: number): number {
    let o = this.edges.get(d);
    if (o === undefined) {
      o = this.zone.offsetMinutes(d * MS_PER_DAY) * 60000;
      this.edges.set(d, o);
    }
    return o;
  }

  private learn(d: number): void {
    const start = d * MS_PER_DAY;
    const before = this.edge(d);
    const after = this.edge(d + 1);
    let value = before;
    if (after !== before) {
      // The first instant of (start, start + 24h] with the new offset.
      let lo = start;
      let hi = start + MS_PER_DAY;
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (this.zone.offsetMinutes(mid) * 60000 === before) lo = mid;
        else hi = mid;
      }
      if (hi < start + MS_PER_DAY) {
        this.changes.set(d, [hi, before, after]);
        value = NaN;
      }
    }
    this.store(d, value);
  }

  private store(d: number, value: number): void {
    let k = d - this.base;
    if (k < 0 || k >= this.offs.length) {
      // Grow the window to take d, a year of slack either side, up to WINDOW_DAYS; beyond it, the map.
      const first = this.offs.length === 0 ? d - 366 : Math.min(this.base, d - 366);
      const end = this.offs.length === 0 ? d + 367 : Math.max(this.base + this.offs.length, d + 367);
      if (end - first > WINDOW_DAYS) {
        this.far.set(d, value);
        return;
      }
      const grown = new Float64Array(end - first).fill(NaN);
      if (this.offs.length) grown.set(this.offs, this.base - first);
      this.offs = grown;
      this.base = first;
      k = d - first;
    }
    this.offs[k] = value;
  }
}

/** About 180 years of days in the typed array (512 KB at most). */
const WINDOW_DAYS = 1 << 16;

const tables = new WeakMap<TimeZone, OffsetTable>();

/** The offset table of a zone (zones are pure functions of the instant: what they say is kept). */
function tableOf(zone: TimeZone): OffsetTable {
  let t = tables.get(zone);
  if (!t) tables.set(zone, (t = new OffsetTable(zone)));
  return t;
}

/**
 * Wraps a zone whose look-ups are slow (Apps Script's Utilities.formatDate, Intl, the runtime's clock) so
 * that each UTC day is asked about once (see OffsetTable) and remembered for every later call.
 */
export function cachedZone(zone: TimeZone): TimeZone {
  const table = new OffsetTable(zone);
  const cached: TimeZone = { name: zone.name, offsetMinutes: (ms) => table.offsetMs(ms) / 60000 };
  tables.set(cached, table);
  return cached;
}

/**
 * The runtime's own zone: the fallback outside Sheets (Node, a bare V8 context). Cached: a change of the
 * process's TZ after the first date was read is not seen.
 */
export const RUNTIME_ZONE: TimeZone = cachedZone({
  name: 'runtime',
  offsetMinutes: (ms) => -new Date(ms).getTimezoneOffset(),
});

export const UTC_ZONE: TimeZone = { name: 'UTC', offsetMinutes: () => 0 };

/** Reads "+0100" / "-0530" (Java SimpleDateFormat's Z) as minutes. */
export function parseOffset(text: string): number {
  const m = /^([+-])(\d\d):?(\d\d)$/.exec(text.trim());
  if (!m) return 0;
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  return m[1] === '-' ? -minutes : minutes;
}

/**
 * The local day number (days since 1970-01-01 in the zone) of a moment, for a column of Date cells: one
 * typed-array load per row once the zone's offset for that UTC day is known, in any order of rows.
 */
export function localDayReader(zone: TimeZone): (ms: number) => number {
  const t = tableOf(zone);
  return (ms) => {
    const k = Math.floor(ms / MS_PER_DAY) - t.base;
    const offs = t.offs;
    if (k >= 0 && k < offs.length) {
      const o = offs[k];
      if (o === o) return Math.floor((ms + o) / MS_PER_DAY);
    }
    return Math.floor((ms + t.offsetMs(ms)) / MS_PER_DAY);
  };
}
