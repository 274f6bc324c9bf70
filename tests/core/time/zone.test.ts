import fc from 'fast-check';
import { RUNTIME_ZONE, type TimeZone, UTC_ZONE, cachedZone, localDayReader, parseOffset } from '../../../src/core/time/zone';
import { MS_PER_DAY, daysFromCivil, isoDay } from '../../../src/core/time/days';
import { RUNTIME_HOST, contextFor } from '../../../src/functions/context';
import { LONDON, fixedZone, intlZone, lastSunday, transitions } from './testZones';

describe('time zones', () => {
  test('the test zone follows European summer time (last Sundays of March and October, 01:00 UTC)', () => {
    expect(isoDay(lastSunday(2026, 3))).toBe('2026-03-29');
    expect(isoDay(lastSunday(2026, 10))).toBe('2026-10-25');
    expect(LONDON.offsetMinutes(Date.UTC(2026, 2, 29, 0, 59))).toBe(0);
    expect(LONDON.offsetMinutes(Date.UTC(2026, 2, 29, 1, 0))).toBe(60);
    expect(LONDON.offsetMinutes(Date.UTC(2026, 9, 25, 0, 59))).toBe(60);
    expect(LONDON.offsetMinutes(Date.UTC(2026, 9, 25, 1, 0))).toBe(0);
  });
  test('UTC has no offset; the runtime zone is the runtime clock', () => {
    expect(UTC_ZONE.offsetMinutes(0)).toBe(0);
    const t = Date.UTC(2026, 6, 1);
    expect(RUNTIME_ZONE.offsetMinutes(t)).toBe(-new Date(t).getTimezoneOffset());
  });
  test('parseOffset reads Java "Z" offsets', () => {
    expect(parseOffset('+0100')).toBe(60);
    expect(parseOffset('-0530')).toBe(-330);
    expect(parseOffset('+05:45')).toBe(345);
    expect(parseOffset(' +0000 ')).toBe(0);
    expect(parseOffset('GMT')).toBe(0);
  });
});

describe('contextFor: the spreadsheet zone and locale', () => {
  test('today is the day in the spreadsheet zone, not the runtime zone', () => {
    const now = Date.UTC(2026, 6, 31, 23, 30); // 00:30 on 1 August in London
    expect(contextFor({ zone: LONDON, locale: 'en_GB', now: () => now }).today()).toBe(daysFromCivil(2026, 8, 1));
    expect(contextFor({ zone: UTC_ZONE, locale: 'en_GB', now: () => now }).today()).toBe(daysFromCivil(2026, 7, 31));
    expect(contextFor({ zone: fixedZone(-600), locale: null, now: () => now }).today()).toBe(daysFromCivil(2026, 7, 31));
  });
  test('the locale decides month-first for ambiguous columns', () => {
    expect(contextFor({ zone: UTC_ZONE, locale: 'en_US', now: () => 0 }).dates.monthFirst).toBe(true);
    expect(contextFor({ zone: UTC_ZONE, locale: 'en_GB', now: () => 0 }).dates.monthFirst).toBe(false);
    expect(contextFor({ zone: UTC_ZONE, locale: null, now: () => 0 }).dates.monthFirst).toBe(false);
  });
  test('the runtime host (outside Sheets) uses the runtime zone and no locale', () => {
    const ctx = contextFor(RUNTIME_HOST);
    expect(ctx.dates.zone).toBe(RUNTIME_ZONE);
    expect(ctx.dates.monthFirst).toBe(false);
    expect(Number.isInteger(ctx.today())).toBe(true);
  });
});

/** A zone that counts how often it is asked. */
function counted(zone: TimeZone): { zone: TimeZone; calls: () => number } {
  let n = 0;
  return { zone: { name: zone.name, offsetMinutes: (ms) => (n++, zone.offsetMinutes(ms)) }, calls: () => n };
}

const localDayOf = (zone: TimeZone, ms: number): number => Math.floor((ms + zone.offsetMinutes(ms) * 60000) / MS_PER_DAY);

// Europe/London and America/New_York (whole-hour summer time), Asia/Kolkata (+5:30, none),
// Australia/Lord_Howe (+10:30, half an hour more in summer, changing at 02:00 local = 15:30 UTC),
// Asia/Tokyo (east of UTC, none since 1951), Pacific/Chatham (+12:45 / +13:45).
const ZONES = ['Europe/London', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe', 'Asia/Tokyo', 'Pacific/Chatham'];
const FROM = Date.UTC(2024, 0, 1);
const TO = Date.UTC(2027, 0, 1);

describe.each(ZONES)('cachedZone and localDayReader in %s', (name) => {
  const ref = intlZone(name);
  const edges = transitions(ref, FROM, TO);

  test('the zone has the changes the test expects', () => {
    const expected: Record<string, number> = {
      'Europe/London': 6,
      'America/New_York': 6,
      'Asia/Kolkata': 0,
      'Australia/Lord_Howe': 6,
      'Asia/Tokyo': 0,
      'Pacific/Chatham': 6,
    };
    expect(edges).toHaveLength(expected[name]);
    if (name === 'Australia/Lord_Howe') {
      // Half an hour either way, at 15:30 UTC (02:00 local standard time).
      for (const t of edges) expect(Math.abs(ref.offsetMinutes(t) - ref.offsetMinutes(t - 1))).toBe(30);
      expect(new Date(edges[0]).toISOString()).toBe('2024-04-06T15:00:00.000Z');
      expect(new Date(edges[1]).toISOString()).toBe('2024-10-05T15:30:00.000Z');
    }
  });

  test('exact on both sides of every change, to the millisecond', () => {
    const zone = cachedZone(ref);
    const read = localDayReader(ref);
    for (const t of edges) {
      for (const d of [-3600000, -1800000, -60000, -1, 0, 1, 60000, 1800000, 3600000]) {
        expect(zone.offsetMinutes(t + d)).toBe(ref.offsetMinutes(t + d));
        expect(read(t + d)).toBe(localDayOf(ref, t + d));
      }
    }
  });

  test('the same as the zone at any instant, in any order', () => {
    const zone = cachedZone(ref);
    const read = localDayReader(zone);
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: FROM - 30 * MS_PER_DAY, max: TO + 30 * MS_PER_DAY }), { minLength: 1, maxLength: 50 }),
        (instants) => {
          for (const t of instants) {
            expect(zone.offsetMinutes(t)).toBe(ref.offsetMinutes(t));
            expect(read(t)).toBe(localDayOf(ref, t));
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  test('local midnights (what Sheets hands over) read back as their own day, shuffled', () => {
    const days = Array.from({ length: 1096 }, (_, i) => Math.floor(FROM / MS_PER_DAY) + i);
    // Midnight of each local day: the instant t with t + offset(t) = day * 24h.
    const midnights = days.map((d) => {
      const local = d * MS_PER_DAY;
      let t = local - ref.offsetMinutes(local) * 60000;
      t = local - ref.offsetMinutes(t) * 60000;
      return t;
    });
    const order = fc.sample(
      fc.shuffledSubarray(
        days.map((_, i) => i),
        { minLength: days.length },
      ),
      { numRuns: 1, seed: 7 },
    )[0];
    const read = localDayReader(cachedZone(ref));
    for (const i of order) expect(read(midnights[i])).toBe(days[i]);
  });
});

describe('the offset table asks the zone little', () => {
  test('about once per distinct UTC day, in any order, plus a bisection per change', () => {
    const { zone, calls } = counted(LONDON);
    const read = localDayReader(cachedZone(zone));
    const rng = fc.sample(fc.integer({ min: FROM, max: TO - 1 }), { numRuns: 100_000, seed: 3 });
    for (const t of rng) read(t);
    const days = (TO - FROM) / MS_PER_DAY;
    // days + 1 midnights, and about 27 halvings of a day for each of the 6 changes.
    expect(calls()).toBeLessThanOrEqual(days + 1 + 6 * 28);
    const before = calls();
    for (const t of rng) read(t);
    expect(calls()).toBe(before);
  });

  test('a reader made later reuses what an earlier one learned (the table belongs to the zone)', () => {
    const { zone, calls } = counted(fixedZone(330));
    const cached = cachedZone(zone);
    localDayReader(cached)(FROM);
    const n = calls();
    expect(localDayReader(cached)(FROM + 3600000)).toBe(Math.floor((FROM + 3600000 + 330 * 60000) / MS_PER_DAY));
    expect(cached.offsetMinutes(FROM + 7200000)).toBe(330);
    expect(calls()).toBe(n);
  });

  test('dates centuries apart: the table grows or keeps far days aside, and stays exact', () => {
    const zone = cachedZone(LONDON);
    const read = localDayReader(zone);
    const far = [
      Date.UTC(1900, 6, 1, 23, 30),
      Date.UTC(2026, 6, 1, 23, 30),
      Date.UTC(2400, 6, 1, 23, 30),
      Date.UTC(1000, 0, 1),
      Date.UTC(9999, 11, 31),
    ];
    for (const t of [...far, ...far.reverse()]) {
      expect(zone.offsetMinutes(t)).toBe(LONDON.offsetMinutes(t));
      expect(read(t)).toBe(localDayOf(LONDON, t));
    }
  });

  test('an instant that is not a number is passed to the zone as is', () => {
    expect(cachedZone(fixedZone(60)).offsetMinutes(NaN)).toBe(60);
    expect(localDayReader(UTC_ZONE)(NaN)).toBeNaN();
  });
});
