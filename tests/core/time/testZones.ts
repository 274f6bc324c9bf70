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
