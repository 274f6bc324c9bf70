import { cachedZone, parseOffset } from '../core/time/zone';
import { type Host, RUNTIME_HOST } from '../functions/context';
import { showDatesIn } from '../core/values/cell';

/** The few Apps Script calls a formula may make (read-only, no authorisation needed). */
interface AppsScriptGlobals {
  SpreadsheetApp?: { getActive(): { getSpreadsheetTimeZone(): string; getSpreadsheetLocale(): string } | null };
  Utilities?: { formatDate(date: Date, timeZone: string, format: string): string };
}

let host: Host | null = null;

/**
 * The spreadsheet's time zone and locale inside Sheets; the runtime's own outside it (a bare V8
 * context, Node). Looked up lazily on the first formula call, never at load time.
 */
export function currentHost(): Host {
  if (host) return host;
  const g = globalThis as AppsScriptGlobals;
  const ss = g.SpreadsheetApp && g.Utilities ? safe(() => g.SpreadsheetApp!.getActive()) : null;
  if (!ss || !g.Utilities) return (host = RUNTIME_HOST);
  const utilities = g.Utilities;
  const tz = safe(() => ss.getSpreadsheetTimeZone());
  const locale = safe(() => ss.getSpreadsheetLocale());
  if (!tz) return (host = { ...RUNTIME_HOST, locale });
  const zone = cachedZone({ name: tz, offsetMinutes: (ms) => parseOffset(utilities.formatDate(new Date(ms), tz, 'Z')) });
  // Date cells are midnight in the spreadsheet's zone: messages and headers show them in it.
  showDatesIn(zone);
  return (host = { zone, locale, now: () => Date.now() });
}

function safe<T>(f: () => T): T | null {
  try {
    return f();
  } catch {
    return null;
  }
}
