import { RUNTIME_ZONE, type TimeZone, UTC_ZONE, cachedZone, parseOffset } from '../../../src/core/time/zone';
import { daysFromCivil, isoDay } from '../../../src/core/time/days';
import { RUNTIME_HOST, contextFor } from '../../../src/functions/context';
import { LONDON, fixedZone, lastSunday } from './testZones';

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
  test('cachedZone asks the slow zone once per UTC hour and gives the same answers', () => {
    let calls = 0;
    const slow: TimeZone = { name: 'slow', offsetMinutes: (ms) => (calls++, LONDON.offsetMinutes(ms)) };
    const zone = cachedZone(slow);
    expect(zone.name).toBe('slow');
    const base = Date.UTC(2026, 2, 29, 0, 0);
    const answers = [0, 10, 59, 60, 61, 119].map((min) => zone.offsetMinutes(base + min * 60000));
    expect(answers).toEqual([0, 0, 0, 60, 60, 60]);
    expect(calls).toBe(2);
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
