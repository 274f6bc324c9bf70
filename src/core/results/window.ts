import { civilFromDays, daysFromCivil, daysInMonth, isoDay } from '../time/days';

/**
 * The windows an action's result compares (DOMAIN.md "Improvement tracker": the measure before and after):
 * the same length before it was opened and after it was closed. A window is a number of days (`8 weeks`,
 * `30 days`) or of calendar months (`month`, `quarter`, `2 months`), which is what "the scorecard's period"
 * means for a window: a month before the opened day, a month after the closed day.
 */
export type WindowSpec = { readonly unit: 'day'; readonly count: number } | { readonly unit: 'month'; readonly count: number };

/** Eight weeks each side: long enough for a customer surveyed monthly to answer twice, short enough to be about the action. */
export const DEFAULT_WINDOW: WindowSpec = { unit: 'day', count: 56 };
export const DEFAULT_WINDOW_TEXT = '8 weeks';
/** The lengths the sidebar offers for the tracker's results; "period" is the scorecard's period. */
export const RESULT_WINDOWS = ['4 weeks', '8 weeks', '12 weeks', 'month', 'quarter', 'period'] as const;
export type ResultWindowChoice = (typeof RESULT_WINDOWS)[number];
export const WINDOW_HINT = 'give a length such as "8 weeks", "30 days", "month", "quarter" or "2 months"';

/** Days are whole days from 1 to 5 years; months from 1 to 60. */
const MAX_DAYS = 1830;
const MAX_MONTHS = 60;

const UNITS: Record<string, { unit: 'day' | 'month'; per: number }> = {
  d: { unit: 'day', per: 1 },
  day: { unit: 'day', per: 1 },
  days: { unit: 'day', per: 1 },
  w: { unit: 'day', per: 7 },
  wk: { unit: 'day', per: 7 },
  wks: { unit: 'day', per: 7 },
  week: { unit: 'day', per: 7 },
  weeks: { unit: 'day', per: 7 },
  weekly: { unit: 'day', per: 7 },
  m: { unit: 'month', per: 1 },
  mo: { unit: 'month', per: 1 },
  month: { unit: 'month', per: 1 },
  months: { unit: 'month', per: 1 },
  monthly: { unit: 'month', per: 1 },
  q: { unit: 'month', per: 3 },
  quarter: { unit: 'month', per: 3 },
  quarters: { unit: 'month', per: 3 },
  quarterly: { unit: 'month', per: 3 },
};

/** "8 weeks", "56 days", "8w", "month", "quarter", "2 months", or a plain number of days; null when it names no window. */
export function parseWindow(text: string): WindowSpec | null {
  const m = /^\s*(\d+)?\s*([a-z]+)?\s*$/i.exec(text);
  if (!m || (!m[1] && !m[2])) return null;
  const n = m[1] ? Number(m[1]) : 1;
  const u = m[2] ? UNITS[m[2].toLowerCase()] : UNITS.days;
  if (!u || !Number.isInteger(n) || n < 1) return null;
  const count = n * u.per;
  if (u.unit === 'day' ? count > MAX_DAYS : count > MAX_MONTHS) return null;
  return { unit: u.unit, count };
}

/** The window in words: "8 weeks", "30 days", "1 month", "3 months". */
export function windowWords(w: WindowSpec): string {
  if (w.unit === 'day') return w.count % 7 === 0 ? plural(w.count / 7, 'week') : plural(w.count, 'day');
  return plural(w.count, 'month');
}

const plural = (n: number, one: string) => `${n} ${n === 1 ? one : `${one}s`}`;

/** A day moved by whole calendar months, the day of the month kept where the month has it (31 Jan + 1 month = 28 Feb). */
export function addMonths(day: number, months: number): number {
  const { year, month, day: d } = civilFromDays(day);
  const m = year * 12 + (month - 1) + months;
  const y = Math.floor(m / 12);
  const mo = (((m % 12) + 12) % 12) + 1;
  return daysFromCivil(y, mo, Math.min(d, daysInMonth(y, mo)));
}

/** Days from `from` to `to`, both included. */
export interface DayWindow {
  readonly from: number;
  readonly to: number;
}

/** The window that ends on `end` (included). */
export function windowEndingOn(w: WindowSpec, end: number): DayWindow {
  return { from: w.unit === 'day' ? end - w.count + 1 : addMonths(end, -w.count) + 1, to: end };
}

/** The window that starts on `start` (included). */
export function windowStartingOn(w: WindowSpec, start: number): DayWindow {
  return { from: start, to: w.unit === 'day' ? start + w.count - 1 : addMonths(start - 1, w.count) };
}

/** Before: the window ending on the day the action was opened (its unhappy answer is in it). */
export const beforeWindow = (w: WindowSpec, opened: number): DayWindow => windowEndingOn(w, opened);

/** After: the window starting the day after the action was closed. */
export const afterWindow = (w: WindowSpec, closed: number): DayWindow => windowStartingOn(w, closed + 1);

/**
 * The windows before the before window, newest first, each ending the day before the next one starts:
 * the measure's own history, for its natural process limits (XmR).
 */
export function earlierWindows(w: WindowSpec, before: DayWindow, count: number): DayWindow[] {
  const out: DayWindow[] = [];
  let end = before.from - 1;
  for (let i = 0; i < count; i++) {
    const win = windowEndingOn(w, end);
    out.push(win);
    end = win.from - 1;
  }
  return out;
}

export const windowText = (win: DayWindow): string => `${isoDay(win.from)} to ${isoDay(win.to)}`;
