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

/** The runtime's own zone: the fallback outside Sheets (Node, a bare V8 context). */
export const RUNTIME_ZONE: TimeZone = {
  name: 'runtime',
  offsetMinutes: (ms) => -new Date(ms).getTimezoneOffset(),
};

export const UTC_ZONE: TimeZone = { name: 'UTC', offsetMinutes: () => 0 };

/**
 * Wraps a zone whose look-ups are slow (Apps Script's Utilities.formatDate) with a cache per UTC hour:
 * offsets only change on whole hours in practice, and a column of dates repeats few hours.
 */
export function cachedZone(zone: TimeZone): TimeZone {
  const cache = new Map<number, number>();
  return {
    name: zone.name,
    offsetMinutes(ms) {
      const hour = Math.floor(ms / 3600000);
      let off = cache.get(hour);
      if (off === undefined) {
        off = zone.offsetMinutes(hour * 3600000);
        cache.set(hour, off);
      }
      return off;
    },
  };
}

/** Reads "+0100" / "-0530" (Java SimpleDateFormat's Z) as minutes. */
export function parseOffset(text: string): number {
  const m = /^([+-])(\d\d):?(\d\d)$/.exec(text.trim());
  if (!m) return 0;
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  return m[1] === '-' ? -minutes : minutes;
}

/**
 * The local day number (days since 1970-01-01 in the zone) of a moment, for a column of Date cells: the
 * zone's offset is looked up once per hour of data, which a column in date order rarely changes.
 */
export function localDayReader(zone: TimeZone): (ms: number) => number {
  let lastHour = NaN;
  let lastOffset = 0;
  return (ms) => {
    const hour = Math.floor(ms / 3600000);
    if (hour !== lastHour) {
      lastHour = hour;
      lastOffset = zone.offsetMinutes(ms) * 60000;
    }
    return Math.floor((ms + lastOffset) / MS_PER_DAY);
  };
}
