import { cachedZone, type TimeZone } from '../../../core/time/zone';

/**
 * An IANA time zone (`Europe/London`) read through Intl, for the in-memory workbook (Node, the local
 * preview). Sheets gives the Apps Script side its own zone, see src/appsscript/host.ts.
 */
export function ianaZone(name: string): TimeZone {
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
  return cachedZone({
    name,
    offsetMinutes(ms) {
      const t = Math.floor(ms / 1000) * 1000;
      const p: Record<string, number> = {};
      for (const part of fmt.formatToParts(new Date(t))) if (part.type !== 'literal') p[part.type] = Number(part.value);
      const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
      return Math.round((wall - t) / 60000);
    },
  });
}
