import fc from 'fast-check';
import {
  PERIOD_HELP,
  type PeriodKind,
  type PeriodSpec,
  parsePeriod,
  parsePeriodLabel,
  periodEnd,
  periodIndexer,
  periodLabel,
  periodOfDay,
  periodStart,
  periodsEndingAtLatest,
  readPeriodLabels,
} from '../../../src/core/time/periods';
import { toColumn } from '../../../src/core/values/column';
import type { Cell } from '../../../src/core/values/cell';
import { civilFromDays, daysFromCivil, daysInMonth, isLeapYear, isoDay } from '../../../src/core/time/days';
import { InputError } from '../../../src/core/values/errors';

const day = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return daysFromCivil(y, m, d);
};
const WEEK = parsePeriod('week');
const labelOf = (iso: string, spec: PeriodSpec) => periodLabel(periodOfDay(day(iso), spec), spec);
const span = (iso: string, spec: PeriodSpec) => {
  const p = periodOfDay(day(iso), spec);
  return [isoDay(periodStart(p, spec)), isoDay(periodEnd(p, spec))];
};

describe('calendar days', () => {
  test('day 0 is 1970-01-01; civil ↔ days round-trips', () => {
    expect(daysFromCivil(1970, 1, 1)).toBe(0);
    expect(isoDay(0)).toBe('1970-01-01');
    expect(isoDay(-1)).toBe('1969-12-31');
    expect(daysFromCivil(2026, 1, 31)).toBe(20484);
    expect(civilFromDays(20484)).toEqual({ year: 2026, month: 1, day: 31 });
  });
  test('leap years', () => {
    expect([1900, 2000, 2024, 2026, 2100].map(isLeapYear)).toEqual([false, true, true, false, false]);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2026, 2)).toBe(28);
    expect(daysInMonth(2026, 4)).toBe(30);
  });
  test('round-trip property over 1000–9999 and the days in between are consecutive', () => {
    fc.assert(
      fc.property(fc.integer({ min: daysFromCivil(1000, 1, 1), max: daysFromCivil(9999, 12, 30) }), (d) => {
        const c = civilFromDays(d);
        expect(daysFromCivil(c.year, c.month, c.day)).toBe(d);
        expect(c.day >= 1 && c.day <= daysInMonth(c.year, c.month)).toBe(true);
        const n = civilFromDays(d + 1);
        const next =
          c.day < daysInMonth(c.year, c.month)
            ? { ...c, day: c.day + 1 }
            : c.month < 12
              ? { year: c.year, month: c.month + 1, day: 1 }
              : { year: c.year + 1, month: 1, day: 1 };
        expect(n).toEqual(next);
      }),
      { numRuns: 300 },
    );
  });
});

describe('ISO weeks (Monday start, ISO week-year)', () => {
  test.each<[string, string, string, string]>([
    ['2020-12-31', '2020-W53', '2020-12-28', '2021-01-03'],
    ['2021-01-03', '2020-W53', '2020-12-28', '2021-01-03'], // a Sunday in January still in 2020's week 53
    ['2021-01-04', '2021-W01', '2021-01-04', '2021-01-10'],
    ['2025-12-28', '2025-W52', '2025-12-22', '2025-12-28'],
    ['2025-12-29', '2026-W01', '2025-12-29', '2026-01-04'], // 2026-W01 starts on Monday 2025-12-29
    ['2026-01-01', '2026-W01', '2025-12-29', '2026-01-04'],
    ['2026-01-04', '2026-W01', '2025-12-29', '2026-01-04'],
    ['2026-01-05', '2026-W02', '2026-01-05', '2026-01-11'],
    ['2026-01-31', '2026-W05', '2026-01-26', '2026-02-01'],
    ['2026-12-31', '2026-W53', '2026-12-28', '2027-01-03'],
    ['2008-12-29', '2009-W01', '2008-12-29', '2009-01-04'],
    ['2010-01-03', '2009-W53', '2009-12-28', '2010-01-03'],
    ['1970-01-01', '1970-W01', '1969-12-29', '1970-01-04'],
  ])('%s is in %s (%s … %s)', (iso, label, start, end) => {
    expect(labelOf(iso, WEEK)).toBe(label);
    expect(span(iso, WEEK)).toEqual([start, end]);
  });
});

describe('months, quarters, years and fiscal years', () => {
  test('calendar labels', () => {
    expect(labelOf('2026-01-31', parsePeriod('month'))).toBe('2026-01');
    expect(labelOf('2026-12-31', parsePeriod('month'))).toBe('2026-12');
    expect(labelOf('1969-12-31', parsePeriod('month'))).toBe('1969-12');
    expect(labelOf('2026-03-31', parsePeriod('quarter'))).toBe('2026-Q1');
    expect(labelOf('2026-04-01', parsePeriod('quarter'))).toBe('2026-Q2');
    expect(labelOf('2026-12-31', parsePeriod('quarter'))).toBe('2026-Q4');
    expect(labelOf('2026-07-15', parsePeriod('year'))).toBe('2026');
  });
  test('"quarter:apr": 2026-04-01 starts FY2027-Q1, named by the calendar year the fiscal year ends in and by the month it begins', () => {
    const q = parsePeriod('quarter:apr');
    expect(labelOf('2026-04-01', q)).toBe('FY2027-Q1 (Apr)');
    expect(span('2026-04-01', q)).toEqual(['2026-04-01', '2026-06-30']);
    expect(labelOf('2026-03-31', q)).toBe('FY2026-Q4 (Jan)');
    expect(span('2026-03-31', q)).toEqual(['2026-01-01', '2026-03-31']);
    expect(labelOf('2026-07-01', q)).toBe('FY2027-Q2 (Jul)');
    expect(labelOf('2027-03-31', q)).toBe('FY2027-Q4 (Jan)');
  });
  test('fiscal years: "year:4" and other start months', () => {
    const y = parsePeriod('year:4');
    expect(labelOf('2026-04-01', y)).toBe('FY2027 (Apr)');
    expect(labelOf('2026-03-31', y)).toBe('FY2026 (Apr)');
    expect(span('2026-04-01', y)).toEqual(['2026-04-01', '2027-03-31']);
    const feb = parsePeriod('quarter:feb');
    expect(labelOf('2026-02-01', feb)).toBe('FY2027-Q1 (Feb)');
    expect(labelOf('2026-01-31', feb)).toBe('FY2026-Q4 (Nov)');
    const jul = parsePeriod('year:jul');
    expect(labelOf('2026-07-01', jul)).toBe('FY2027 (Jul)');
    expect(labelOf('2026-10-01', parsePeriod('quarter:jul'))).toBe('FY2027-Q2 (Oct)');
  });
  test('"quarter:jan" is the calendar year', () => {
    expect(labelOf('2026-02-01', parsePeriod('quarter:jan'))).toBe('2026-Q1');
  });
});

describe('parsePeriod', () => {
  test.each<[unknown, PeriodKind, number]>([
    ['month', 'month', 1],
    ['Monthly', 'month', 1],
    [' MONTH ', 'month', 1],
    ['m', 'month', 1],
    ['week', 'week', 1],
    ['isoweek', 'week', 1],
    ['Quarterly', 'quarter', 1],
    ['q', 'quarter', 1],
    ['quarter:apr', 'quarter', 4],
    ['quarter/Apr', 'quarter', 4],
    ['quarter april', 'quarter', 4],
    ['quarter:10', 'quarter', 10],
    ['year:4', 'year', 4],
    ['annual', 'year', 1],
    ['', 'month', 1],
    [undefined, 'month', 1],
    [null, 'month', 1],
  ])('%j → %s from month %p', (text, kind, start) => {
    expect(parsePeriod(text)).toEqual({ kind, fiscalStartMonth: start });
  });
  test('the fallback applies to a missing period', () => {
    expect(parsePeriod(undefined, 'quarter').kind).toBe('quarter');
  });
  test.each<[unknown, string]>([
    ['fortnight', `unknown period "fortnight"; ${PERIOD_HELP}`],
    ['daily', `unknown period "daily"; ${PERIOD_HELP}`],
    ['quarter:13', 'unknown period "quarter:13"; name the fiscal year\'s first month, e.g. "quarter:apr"'],
    ['quarter:0', 'unknown period "quarter:0"; name the fiscal year\'s first month, e.g. "quarter:apr"'],
    ['quarter:xyz', 'unknown period "quarter:xyz"; name the fiscal year\'s first month, e.g. "quarter:apr"'],
    ['year:4.5', 'unknown period "year:4.5"; name the fiscal year\'s first month, e.g. "year:apr"'],
    ['month:apr', 'unknown period "month:apr"; a fiscal start applies to quarters and years only; give "month" alone'],
    ['week:1', 'unknown period "week:1"; a fiscal start applies to quarters and years only; give "week" alone'],
    [5, `period 5 is not a period name; ${PERIOD_HELP}`],
    [true, `period true is not a period name; ${PERIOD_HELP}`],
  ])('%j is a clear error', (text, message) => {
    expect(() => parsePeriod(text)).toThrow(InputError);
    expect(() => parsePeriod(text)).toThrow(message);
  });
});

const anySpec: fc.Arbitrary<PeriodSpec> = fc.oneof(
  fc.constantFrom<PeriodSpec>({ kind: 'week', fiscalStartMonth: 1 }, { kind: 'month', fiscalStartMonth: 1 }),
  fc.record({ kind: fc.constantFrom<PeriodKind>('quarter', 'year'), fiscalStartMonth: fc.integer({ min: 1, max: 12 }) }),
);
const anyDay = fc.integer({ min: daysFromCivil(1000, 1, 1), max: daysFromCivil(9998, 12, 31) });

describe('bucketing properties', () => {
  test('monotonic: a later day falls in the same or a later period', () => {
    fc.assert(
      fc.property(anySpec, anyDay, fc.nat(800), (spec, d, gap) => {
        expect(periodOfDay(d + gap, spec)).toBeGreaterThanOrEqual(periodOfDay(d, spec));
      }),
      { numRuns: 300 },
    );
  });
  test('a day lies between its period start and end; periods tile the calendar', () => {
    fc.assert(
      fc.property(anySpec, anyDay, (spec, d) => {
        const p = periodOfDay(d, spec);
        expect(periodStart(p, spec)).toBeLessThanOrEqual(d);
        expect(periodEnd(p, spec)).toBeGreaterThanOrEqual(d);
        expect(periodStart(p + 1, spec)).toBe(periodEnd(p, spec) + 1);
        expect(periodOfDay(periodStart(p, spec), spec)).toBe(p);
        expect(periodOfDay(periodEnd(p, spec) + 1, spec)).toBe(p + 1);
      }),
      { numRuns: 300 },
    );
  });
  test('period lengths: weeks 7 days, months 28–31, quarters 89–92 (Feb–Apr), years 365–366', () => {
    const LENGTHS: Record<PeriodKind, [number, number]> = { week: [7, 7], month: [28, 31], quarter: [89, 92], year: [365, 366] };
    fc.assert(
      fc.property(anySpec, anyDay, (spec, d) => {
        const p = periodOfDay(d, spec);
        const n = periodEnd(p, spec) - periodStart(p, spec) + 1;
        const [lo, hi] = LENGTHS[spec.kind];
        expect(n >= lo && n <= hi).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
  test('a week starts on a Monday and its label is the ISO week-year of its Thursday', () => {
    fc.assert(
      fc.property(anyDay, (d) => {
        const p = periodOfDay(d, WEEK);
        const monday = periodStart(p, WEEK);
        expect((((monday + 4) % 7) + 7) % 7).toBe(1); // 1 = Monday
        const m = /^(\d{4})-W(\d{2})$/.exec(periodLabel(p, WEEK));
        expect(m).not.toBeNull();
        const week = Number((m as RegExpExecArray)[2]);
        expect(week >= 1 && week <= 53).toBe(true);
        expect(Number((m as RegExpExecArray)[1])).toBe(civilFromDays(monday + 3).year);
      }),
      { numRuns: 300 },
    );
  });
  test('the cached periodIndexer agrees with periodOfDay on any sequence of days', () => {
    fc.assert(
      fc.property(anySpec, fc.array(anyDay, { maxLength: 30 }), (spec, days) => {
        const of = periodIndexer(spec);
        for (const d of days) {
          expect(of(d)).toBe(periodOfDay(d, spec));
          expect(of(d + 1)).toBe(periodOfDay(d + 1, spec));
        }
      }),
      { numRuns: 200 },
    );
  });
  test('the periodIndexer remembers days in any order, near and centuries apart (its window and beyond)', () => {
    const near = fc.integer({ min: 19000, max: 20100 });
    const far = fc.integer({ min: -700000, max: 2900000 });
    fc.assert(
      fc.property(anySpec, fc.array(fc.oneof(near, near, near, far), { minLength: 1, maxLength: 200 }), (spec, days) => {
        const of = periodIndexer(spec);
        for (const d of [...days, ...days.reverse()]) expect(of(d)).toBe(periodOfDay(d, spec));
      }),
      { numRuns: 200 },
    );
  });
  test('labels of consecutive periods differ and read back as the same period, kind and fiscal start, with no assumption', () => {
    fc.assert(
      fc.property(anySpec, anyDay, (spec, d) => {
        const p = periodOfDay(d, spec);
        expect(periodLabel(p, spec)).not.toBe(periodLabel(p + 1, spec));
        expect(parsePeriodLabel(periodLabel(p, spec))).toEqual({ spec, index: p });
      }),
      { numRuns: 300 },
    );
  });
});

describe('reading labels back', () => {
  test('calendar labels', () => {
    expect(parsePeriodLabel('2026-01')).toEqual({ spec: { kind: 'month', fiscalStartMonth: 1 }, index: 2026 * 12 });
    expect(parsePeriodLabel(' 2026-Q2 ')).toEqual({ spec: { kind: 'quarter', fiscalStartMonth: 1 }, index: 2026 * 4 + 1 });
    expect(parsePeriodLabel('2026')).toEqual({ spec: { kind: 'year', fiscalStartMonth: 1 }, index: 2026 });
    expect(parsePeriodLabel('2026-W05').spec).toEqual({ kind: 'week', fiscalStartMonth: 1 });
  });
  test('a fiscal label carries its start: the month in parentheses is the month its period begins', () => {
    expect(parsePeriodLabel('FY2027-Q2 (Oct)')).toEqual({ spec: { kind: 'quarter', fiscalStartMonth: 7 }, index: 2026 * 4 + 1 });
    expect(parsePeriodLabel('FY2027-Q1 (Apr)')).toEqual({ spec: { kind: 'quarter', fiscalStartMonth: 4 }, index: 2026 * 4 });
    expect(parsePeriodLabel('FY2027 (Jul)')).toEqual({ spec: { kind: 'year', fiscalStartMonth: 7 }, index: 2026 });
    expect(parsePeriodLabel('fy2027-q4 (january)').spec).toEqual({ kind: 'quarter', fiscalStartMonth: 4 });
  });
  test.each([
    ['FY2027-Q1', 'PERIODS'],
    ['FY2027', 'PERIODS'],
    ['FY2027-Q1 (Jan)', 'calendar year'],
    ['FY2027-Q1 (Foo)', 'PERIODS'],
    ['2026-13', 'such as 2026-01'],
    ['2026-W54', 'such as 2026-01'],
    ['2026-W00', 'such as 2026-01'],
    ['Jan', 'such as 2026-01'],
  ])('%s is a clear error that says %s', (label, says) => {
    expect(() => parsePeriodLabel(label)).toThrow(InputError);
    expect(() => parsePeriodLabel(label)).toThrow(says);
  });
  test('an FY label without its month is never read with an assumed start', () => {
    expect(() => parsePeriodLabel('FY2027-Q1')).toThrow(
      '"FY2027-Q1" is not a period label; a fiscal label names the month its period begins, as PERIODS writes it: FY2027-Q1 (Jul); make the row with PERIODS(dates, "quarter:jul")',
    );
  });
});

describe('a row of labels', () => {
  const row = (...labels: unknown[]) => toColumn([labels as Cell[]], 'periods', true);
  test('blanks are left out; the spec and the indexes come back', () => {
    expect(readPeriodLabels(row('2026-01', '', '2026-02'))).toEqual({
      spec: { kind: 'month', fiscalStartMonth: 1 },
      indexes: [2026 * 12, 2026 * 12 + 1],
    });
    expect(readPeriodLabels(row(2026, '2027')).indexes).toEqual([2026, 2027]);
  });
  test('a row mixing kinds or fiscal starts is an error naming the cell', () => {
    expect(() => readPeriodLabels(row('2026-01', '2026-Q1'))).toThrow(
      'row 1, column 2 of periods holds "2026-Q1"; the row mixes kinds of period: the first label is 2026-01; give one kind, e.g. a row from PERIODS',
    );
    expect(() => readPeriodLabels(row('FY2027-Q1 (Apr)', 'FY2027-Q1 (Jul)'))).toThrow('mixes kinds of period');
    expect(() => readPeriodLabels(row('2026-01', 'Feb'))).toThrow(
      'row 1, column 2 of periods holds "Feb"; give period labels as PERIODS writes them',
    );
    expect(() => readPeriodLabels(row('2026-01', new Date(0)))).toThrow('holds the date 1970-01-01');
  });
  test('an empty row is an error', () => {
    expect(() => readPeriodLabels(row('', ' '))).toThrow('periods is empty; give a row of period labels, e.g. from PERIODS');
  });
});

describe('stepping', () => {
  test('the last periods end with the period of the latest day; no day gives null', () => {
    const q = parsePeriod('quarter:jul');
    expect(periodsEndingAtLatest(Float64Array.of(day('2026-01-05'), NaN, day('2026-10-02')), q, 3)).toEqual([
      periodOfDay(day('2026-04-01'), q),
      periodOfDay(day('2026-07-01'), q),
      periodOfDay(day('2026-10-02'), q),
    ]);
    expect(periodsEndingAtLatest(Float64Array.of(NaN), q, 3)).toBeNull();
  });
});
