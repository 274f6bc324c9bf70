import { civilFromDays, daysFromCivil } from './days';
import { fail } from '../values/errors';

/**
 * Periods as consecutive integers, so that "every period between the first and the last" is a
 * simple range and bucketing is arithmetic.
 * - week: ISO 8601, Monday start, labelled by ISO week-year: 2026-W05;
 * - month: 2026-01; quarter: 2026-Q1; year: 2026;
 * - with a fiscal year that starts in another month (e.g. April), quarters and years are counted
 *   from that month and named by the calendar year the fiscal year ends in: FY2027-Q1, FY2027.
 */
export type PeriodKind = 'week' | 'month' | 'quarter' | 'year';

export interface PeriodSpec {
  readonly kind: PeriodKind;
  /** 1 = January (calendar years). */
  readonly fiscalStartMonth: number;
}

const KIND_WORDS: Record<string, PeriodKind> = {
  week: 'week',
  weeks: 'week',
  weekly: 'week',
  w: 'week',
  isoweek: 'week',
  month: 'month',
  months: 'month',
  monthly: 'month',
  m: 'month',
  quarter: 'quarter',
  quarters: 'quarter',
  quarterly: 'quarter',
  q: 'quarter',
  year: 'year',
  years: 'year',
  yearly: 'year',
  annual: 'year',
  y: 'year',
};
const MONTH_WORDS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

export const PERIOD_HELP = 'use "week", "month", "quarter" or "year" (for a fiscal year add its first month: "quarter:apr")';

/** Reads "month", "Quarterly", "quarter:apr", "year:4". */
export function parsePeriod(text: unknown, fallback: PeriodKind = 'month'): PeriodSpec {
  if (text === undefined || text === null || text === '') return { kind: fallback, fiscalStartMonth: 1 };
  if (typeof text !== 'string') fail(`period ${JSON.stringify(text)} is not a period name; ${PERIOD_HELP}`);
  const [word, start] = text
    .trim()
    .toLowerCase()
    .split(/\s*[:/ ]\s*/);
  const kind = KIND_WORDS[word];
  if (!kind) fail(`unknown period "${text}"; ${PERIOD_HELP}`);
  let fiscalStartMonth = 1;
  if (start !== undefined && start !== '') {
    const byName = MONTH_WORDS.indexOf(start.slice(0, 3));
    const byNumber = Number(start);
    fiscalStartMonth = byName >= 0 ? byName + 1 : Number.isInteger(byNumber) ? byNumber : NaN;
    if (!(fiscalStartMonth >= 1 && fiscalStartMonth <= 12)) {
      fail(`unknown fiscal start "${start}" in period "${text}"; name a month, e.g. "quarter:apr"`);
    }
    if (kind === 'week' || kind === 'month') {
      fail(`a fiscal start applies to quarters and years only; use "${kind}" alone`);
    }
  }
  return { kind, fiscalStartMonth };
}

/** The index of the period holding a day. Consecutive periods have consecutive indexes. */
export function periodOfDay(day: number, spec: PeriodSpec): number {
  if (spec.kind === 'week') return Math.floor((day + 3) / 7); // day 0 is a Thursday
  const { year, month } = civilFromDays(day);
  const m = year * 12 + (month - 1) - (spec.fiscalStartMonth - 1);
  if (spec.kind === 'month') return m;
  if (spec.kind === 'quarter') return Math.floor(m / 3);
  return Math.floor(m / 12);
}

/** A bucketing function with a cache of the last day seen: dates in pasted data come in runs. */
export function periodIndexer(spec: PeriodSpec): (day: number) => number {
  if (spec.kind === 'week') return (day) => Math.floor((day + 3) / 7);
  let lastStart = 1;
  let lastEnd = 0; // [lastStart, lastEnd] is the month of the last lookup
  let lastIndex = 0;
  return (day) => {
    if (day >= lastStart && day <= lastEnd) return lastIndex;
    const { year, month } = civilFromDays(day);
    lastStart = daysFromCivil(year, month, 1);
    lastEnd = (month === 12 ? daysFromCivil(year + 1, 1, 1) : daysFromCivil(year, month + 1, 1)) - 1;
    const m = year * 12 + (month - 1) - (spec.fiscalStartMonth - 1);
    lastIndex = spec.kind === 'month' ? m : spec.kind === 'quarter' ? Math.floor(m / 3) : Math.floor(m / 12);
    return lastIndex;
  };
}

/** First day of a period. */
export function periodStart(index: number, spec: PeriodSpec): number {
  if (spec.kind === 'week') return index * 7 - 3;
  const months = spec.kind === 'month' ? index : spec.kind === 'quarter' ? index * 3 : index * 12;
  const m = months + (spec.fiscalStartMonth - 1);
  return daysFromCivil(Math.floor(m / 12), (m % 12) + 1, 1);
}

/** Last day of a period. */
export function periodEnd(index: number, spec: PeriodSpec): number {
  return periodStart(index + 1, spec) - 1;
}

export function periodLabel(index: number, spec: PeriodSpec): string {
  if (spec.kind === 'week') {
    const monday = index * 7 - 3;
    const thursday = monday + 3; // the ISO week-year is the year of the week's Thursday
    const { year } = civilFromDays(thursday);
    const week = Math.floor((thursday - daysFromCivil(year, 1, 1)) / 7) + 1;
    return `${year}-W${week < 10 ? '0' : ''}${week}`;
  }
  const fiscal = spec.fiscalStartMonth !== 1;
  if (spec.kind === 'month') {
    const year = Math.floor(index / 12);
    const month = (index % 12) + 1;
    return `${year}-${month < 10 ? '0' : ''}${month}`;
  }
  const yearIndex = spec.kind === 'quarter' ? Math.floor(index / 4) : index;
  // Fiscal years are named by the calendar year they end in.
  const name = fiscal ? `FY${yearIndex + 1}` : String(yearIndex);
  return spec.kind === 'quarter' ? `${name}-Q${(index % 4) + 1}` : name;
}
