import { type TimeZone } from '../../../src/core/time/zone';
import { daysFromCivil, MS_PER_DAY } from '../../../src/core/time/days';

/** The day number of the last Sunday of a month (day 0, 1970-01-01, was a Thursday). */
export function lastSunday(year: number, month: number): number {
  const nextFirst = month === 12 ? daysFromCivil(year + 1, 1, 1) : daysFromCivil(year, month + 1, 1);
  const last = nextFirst - 1;
  const weekday = (((last + 4) % 7) + 7) % 7; // 0 = Sunday
  return last - weekday;
}

/**
 * A zone with European summer time: `base` minutes east of UTC, one hour more from 01:00 UTC on the
 * last Sunday of March until 01:00 UTC on the last Sunday of October (London when base = 0).
 */
export function euroZone(base: number, name = `EU${base}`): TimeZone {
  return {
    name,
    offsetMinutes(ms: number): number {
      const year = new Date(ms).getUTCFullYear();
      const start = lastSunday(year, 3) * MS_PER_DAY + 3600000;
      const end = lastSunday(year, 10) * MS_PER_DAY + 3600000;
      return ms >= start && ms < end ? base + 60 : base;
    },
  };
}

export const LONDON = euroZone(0, 'Europe/London');
export const PARIS = euroZone(60, 'Europe/Paris');

export function fixedZone(minutes: number): TimeZone {
  return { name: `UTC${minutes >= 0 ? '+' : ''}${minutes / 60}`, offsetMinutes: () => minutes };
}

/**
 * The instant a Sheets date cell holds for a calendar day: midnight (plus `msIntoDay`) in the zone.
 * Returns undefined for a local time that does not exist or is ambiguous there (a DST change).
 */
export function localInstant(day: number, zone: TimeZone, msIntoDay = 0): number | undefined {
  const local = day * MS_PER_DAY + msIntoDay;
  let t = local - zone.offsetMinutes(local) * 60000;
  t = local - zone.offsetMinutes(t) * 60000;
  if (t + zone.offsetMinutes(t) * 60000 !== local) return undefined;
  // Ambiguous local times (the repeated hour) are left out too.
  const other = local - zone.offsetMinutes(t - 7200000) * 60000;
  if (other !== t && other + zone.offsetMinutes(other) * 60000 === local) return undefined;
  return t;
}

/**
 * An IANA zone read straight from Intl, uncached (the reference the cached tables are checked against):
 * the offset to the second, as Date.UTC of the local wall clock minus the instant.
 */
export function intlZone(name: string): TimeZone {
  const fmt = new Intl.DateTimeFormat('en-US', {
    timeZone: name,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  return {
    name,
    offsetMinutes(ms: number): number {
      const t = Math.floor(ms / 1000) * 1000;
      const p: Record<string, number> = {};
      for (const part of fmt.formatToParts(new Date(t))) if (part.type !== 'literal') p[part.type] = Number(part.value);
      return (Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - t) / 60000;
    },
  };
}

/** Every instant in [from, to) where the zone's offset changes (found hour by hour, then to the millisecond). */
export function transitions(zone: TimeZone, from: number, to: number): number[] {
  const out: number[] = [];
  const H = 3600000;
  let prev = zone.offsetMinutes(from);
  for (let t = from + H; t < to; t += H) {
    const o = zone.offsetMinutes(t);
    if (o === prev) continue;
    let lo = t - H;
    let hi = t;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (zone.offsetMinutes(mid) === prev) lo = mid;
      else hi = mid;
    }
    out.push(hi);
    prev = o;
  }
  return out;
}
