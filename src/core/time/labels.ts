import { type PeriodSpec } from './periods';
import { fail } from '../values/errors';
import { daysFromCivil as daysFromYmd } from './days';

/**
 * Reads a period label back into its period, so a row of labels (the scorecard's header) can say
 * which periods a measure row shows: "2026-W05", "2026-01", "2026-Q1", "2026", "FY2027-Q1", "FY2027".
 * Fiscal labels carry no start month, so the caller says it (default April).
 */
export function parsePeriodLabel(label: string, fiscalStartMonth = 4): { spec: PeriodSpec; index: number } {
  const t = label.trim();
  let m = /^(\d{4})-W(\d{2})$/.exec(t);
  if (m) {
    const year = Number(m[1]);
    const week = Number(m[2]);
    // Monday of ISO week 1 is the Monday on or before January 4th.
    const jan4 = daysFromYmd(year, 1, 4);
    const monday = jan4 - ((((jan4 + 3) % 7) + 7) % 7);
    const index = Math.floor((monday + 3) / 7) + week - 1;
    return { spec: { kind: 'week', fiscalStartMonth: 1 }, index };
  }
  m = /^(\d{4})-(\d{2})$/.exec(t);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) {
    return { spec: { kind: 'month', fiscalStartMonth: 1 }, index: Number(m[1]) * 12 + Number(m[2]) - 1 };
  }
  m = /^(FY)?(\d{4})-Q([1-4])$/.exec(t);
  if (m) {
    const fiscal = m[1] !== undefined;
    const year = Number(m[2]) - (fiscal ? 1 : 0);
    return { spec: { kind: 'quarter', fiscalStartMonth: fiscal ? fiscalStartMonth : 1 }, index: year * 4 + Number(m[3]) - 1 };
  }
  m = /^(FY)?(\d{4})$/.exec(t);
  if (m) {
    const fiscal = m[1] !== undefined;
    return { spec: { kind: 'year', fiscalStartMonth: fiscal ? fiscalStartMonth : 1 }, index: Number(m[2]) - (fiscal ? 1 : 0) };
  }
  return fail(`"${label}" is not a period label such as 2026-01, 2026-Q1, 2026-W05 or 2026`);
}
