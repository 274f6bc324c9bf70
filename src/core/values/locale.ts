/**
 * Locales that write 01/02/2026 as January 2 (month first). Sheets' locale strings look like "en_US".
 * Everywhere else, and where no locale is known (the command line without --month-first),
 * an ambiguous column reads day first.
 */
const MONTH_FIRST_REGIONS = new Set(['US', 'PH', 'FM', 'MH', 'PW', 'GU', 'AS', 'MP', 'UM', 'VI', 'PR', 'BZ']);

export function isMonthFirstLocale(locale: string | undefined | null): boolean {
  if (!locale) return false;
  const parts = locale.replace('-', '_').split('_');
  return parts.length > 1 && MONTH_FIRST_REGIONS.has(parts[parts.length - 1].toUpperCase());
}
