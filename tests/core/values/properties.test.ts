import fc from 'fast-check';
import { readNumber } from '../../../src/core/values/number';
import { type DateOptions, readDayColumn } from '../../../src/core/values/date';
import { type Cell } from '../../../src/core/values/cell';
import { toColumn } from '../../../src/core/values/column';
import { InputError } from '../../../src/core/values/errors';
import { civilFromDays, daysFromCivil, SERIAL_EPOCH_OFFSET } from '../../../src/core/time/days';
import { type TimeZone, UTC_ZONE } from '../../../src/core/time/zone';
import { LONDON, PARIS, euroZone, fixedZone, localInstant } from '../time/testZones';

const RUNS = { numRuns: Number(process.env.PROP_RUNS ?? 300) };

// ---------------------------------------------------------------------------------------------
// Numbers: readNumber(format(n)) === n for every documented way of writing n.
// ---------------------------------------------------------------------------------------------

type Style = 'plain' | 'en' | 'eu' | 'space' | 'swiss' | 'indian' | 'plainComma';
const STYLES: Style[] = ['plain', 'en', 'eu', 'space', 'swiss', 'indian', 'plainComma'];
const SPACES = [' ', '\u00a0', '\u202f', '\u2009'];

function group(int: string, sep: string, indian: boolean): string {
  if (int.length <= 3) return int;
  const last = int.slice(-3);
  let rest = int.slice(0, -3);
  const parts: string[] = [];
  const size = indian ? 2 : 3;
  while (rest.length > size) {
    parts.unshift(rest.slice(-size));
    rest = rest.slice(0, -size);
  }
  parts.unshift(rest);
  return [...parts, last].join(sep);
}

interface NumberForm {
  int: number;
  frac: string;
  style: Style;
  space: string;
  spaceDecimal: ',' | '.';
  sign: 'none' | '-' | '−' | 'parens' | '+';
  percent: boolean;
  currency: 'none' | 'signBefore' | 'signAfter' | 'codeBefore' | 'codeAfter';
  currencySign: string;
  currencyCode: string;
  currencySpace: boolean;
  signOutsideCurrency: boolean;
  pad: string;
}

const numberForm: fc.Arbitrary<NumberForm> = fc.record({
  int: fc.oneof(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 999_999 }), fc.integer({ min: 0, max: 999_999_999_999 })),
  frac: fc.string({ unit: fc.constantFrom('0', '1', '2', '3', '4', '5', '6', '7', '8', '9'), maxLength: 4 }),
  style: fc.constantFrom(...STYLES),
  space: fc.constantFrom(...SPACES),
  spaceDecimal: fc.constantFrom<',' | '.'>(',', '.'),
  sign: fc.constantFrom<NumberForm['sign']>('none', 'none', '-', '−', 'parens', '+'),
  percent: fc.boolean(),
  currency: fc.constantFrom<NumberForm['currency']>('none', 'signBefore', 'signAfter', 'codeBefore', 'codeAfter'),
  currencySign: fc.constantFrom('£', '$', '€', '¥', '₹'),
  currencyCode: fc.constantFrom('EUR', 'USD', 'GBP', 'CHF', 'eur'),
  currencySpace: fc.boolean(),
  signOutsideCurrency: fc.boolean(),
  pad: fc.constantFrom('', ' ', '  '),
});

/** The text a person might paste, or undefined when the documented rules make that text ambiguous. */
function formatNumber(f: NumberForm): string | undefined {
  const intText = String(f.int);
  let groupSep = '';
  let decimal = '.';
  switch (f.style) {
    case 'plain':
      break;
    case 'en':
      groupSep = ',';
      break;
    case 'eu':
      groupSep = '.';
      decimal = ',';
      break;
    case 'space':
      groupSep = f.space;
      decimal = f.spaceDecimal;
      break;
    case 'swiss':
      groupSep = "'";
      break;
    case 'indian':
      groupSep = ',';
      break;
    case 'plainComma':
      decimal = ',';
      break;
  }
  const body = groupSep ? group(intText, groupSep, f.style === 'indian') : intText;
  const grouped = body !== intText;
  // Documented ambiguities: "1.234" is a decimal (so eu grouping needs a fraction or 2+ dots), and a
  // lone comma with exactly three digits after it groups thousands.
  if (f.style === 'eu' && f.frac === '' && body.split('.').length === 2) return undefined;
  if (decimal === ',' && f.frac.length === 3 && !grouped) return undefined;
  let text = body + (f.frac ? decimal + f.frac : '');
  if (f.percent) text += '%';
  else if (f.currency !== 'none') {
    const sp = f.currencySpace ? ' ' : '';
    if (f.currency === 'signBefore') text = f.currencySign + sp + text;
    else if (f.currency === 'signAfter') text = text + sp + f.currencySign;
    else if (f.currency === 'codeBefore') text = `${f.currencyCode} ${text}`;
    else text = `${text} ${f.currencyCode}`;
  }
  if (f.sign === 'parens') text = `(${text})`;
  else if (f.sign !== 'none') {
    // "-£12" and "£-12" are both documented; the sign goes inside only after a leading sign or code.
    const leading = f.currency === 'signBefore' || f.currency === 'codeBefore';
    if (leading && !f.percent && !f.signOutsideCurrency) {
      const at = f.currency === 'signBefore' ? 1 + (f.currencySpace ? 1 : 0) : 4;
      text = text.slice(0, at) + f.sign + text.slice(at);
    } else text = f.sign + text;
  }
  return f.pad + text + f.pad;
}

function valueOf(f: NumberForm): number {
  const v = Number(String(f.int) + (f.frac ? `.${f.frac}` : ''));
  const signed = f.sign === '-' || f.sign === '−' || f.sign === 'parens' ? -v : v;
  return f.percent ? signed / 100 : signed;
}

describe('number reading properties', () => {
  test('readNumber(format(n)) === n for every documented separator, sign, currency and percent form', () => {
    fc.assert(
      fc.property(numberForm, (f) => {
        const text = formatNumber(f);
        fc.pre(text !== undefined);
        const got = readNumber(text as string);
        // -0 and 0 are the same amount here.
        expect(got === valueOf(f) || (got === 0 && valueOf(f) === 0)).toBe(true);
      }),
      RUNS,
    );
  });

  test('a finite number cell reads as itself; its shortest text reads back as itself', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        expect(readNumber(x)).toBe(x);
        const t = String(x);
        if (!/e/.test(t)) expect(readNumber(t)).toBe(x === 0 ? 0 : x);
      }),
      RUNS,
    );
  });

  test('readNumber never returns NaN or ±Infinity, whatever the text', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.string({ unit: fc.constantFrom(..."0123456789.,' -−()%£$€ ekrUSDEUR\u00a0".split('')) })),
        (s) => {
          const x = readNumber(s);
          expect(x === null || x === undefined || Number.isFinite(x)).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Dates: every documented format round-trips over random valid dates.
// ---------------------------------------------------------------------------------------------

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));
const ordinal = (d: number) =>
  `${d}${d % 10 === 1 && d !== 11 ? 'st' : d % 10 === 2 && d !== 12 ? 'nd' : d % 10 === 3 && d !== 13 ? 'rd' : 'th'}`;
const weekday = (day: number) => WEEKDAYS[(((day + 4) % 7) + 7) % 7];

/** A random valid calendar day as a day number (1000-01-01 … 9999-12-31 is the documented text range). */
const anyDay = fc.integer({ min: daysFromCivil(1000, 1, 1), max: daysFromCivil(9999, 12, 31) });
const modernDay = fc.integer({ min: daysFromCivil(1900, 1, 1), max: daysFromCivil(2099, 12, 31) });
const twoDigitYearDay = fc.integer({ min: daysFromCivil(1970, 1, 1), max: daysFromCivil(2069, 12, 31) });

type TextFormat = (day: number, pick: number) => string;
const TEXT_FORMATS: Record<string, TextFormat> = {
  iso: (d) => {
    const c = civilFromDays(d);
    return `${c.year}-${pad2(c.month)}-${pad2(c.day)}`;
  },
  isoUnpadded: (d) => {
    const c = civilFromDays(d);
    return `${c.year}-${c.month}-${c.day}`;
  },
  isoSlash: (d) => {
    const c = civilFromDays(d);
    return `${c.year}/${pad2(c.month)}/${pad2(c.day)}`;
  },
  isoWithTime: (d, p) => {
    const c = civilFromDays(d);
    return `${c.year}-${pad2(c.month)}-${pad2(c.day)}T${pad2(p % 24)}:${pad2(p % 60)}:07Z`;
  },
  isoWithSpaceTime: (d, p) => {
    const c = civilFromDays(d);
    return `${c.year}-${pad2(c.month)}-${pad2(c.day)} ${pad2(p % 24)}:${pad2(p % 60)}`;
  },
  dayMonthName: (d, p) => {
    const c = civilFromDays(d);
    const m = MONTHS[c.month - 1];
    return `${c.day} ${p % 2 ? m : m.slice(0, 3)} ${c.year}`;
  },
  dayDashMon: (d) => {
    const c = civilFromDays(d);
    return `${pad2(c.day)}-${MONTHS[c.month - 1].slice(0, 3)}-${c.year}`;
  },
  monDayComma: (d, p) => {
    const c = civilFromDays(d);
    const m = MONTHS[c.month - 1];
    return `${p % 2 ? m : m.slice(0, 3)} ${c.day}, ${c.year}`;
  },
  monthOrdinal: (d) => {
    const c = civilFromDays(d);
    return `${MONTHS[c.month - 1]} ${ordinal(c.day)} ${c.year}`;
  },
  weekdayMonthOrdinal: (d) => {
    const c = civilFromDays(d);
    return `${weekday(d)}, ${MONTHS[c.month - 1]} ${ordinal(c.day)} ${c.year}`;
  },
  weekdayDayMon: (d) => {
    const c = civilFromDays(d);
    return `${weekday(d).slice(0, 3)} ${c.day} ${MONTHS[c.month - 1].slice(0, 3)} ${c.year}`;
  },
};
const SEPARATORS = ['/', '-', '.'];

function readCells(cells: Cell[], opts: DateOptions): Float64Array {
  return readDayColumn(
    toColumn(
      cells.map((c) => [c]),
      'dates',
    ),
    opts,
  );
}
const DAY_FIRST: DateOptions = { zone: UTC_ZONE, monthFirst: false };
const MONTH_FIRST: DateOptions = { zone: UTC_ZONE, monthFirst: true };

describe('date reading properties', () => {
  test.each(Object.keys(TEXT_FORMATS))('the %s format round-trips', (name) => {
    const format = TEXT_FORMATS[name];
    fc.assert(
      fc.property(anyDay, fc.nat(1000), fc.boolean(), (day, pick, monthFirst) => {
        const text = format(day, pick);
        expect(readCells(['Date', text], { zone: UTC_ZONE, monthFirst })[1]).toBe(day);
      }),
      { numRuns: 150 },
    );
  });

  test('day-first numeric dates round-trip in a day-first locale (any separator, 2- or 4-digit years)', () => {
    fc.assert(
      fc.property(twoDigitYearDay, fc.constantFrom(...SEPARATORS), fc.boolean(), fc.boolean(), (day, sep, padded, short) => {
        const c = civilFromDays(day);
        const p = (n: number) => (padded ? pad2(n) : String(n));
        const text = `${p(c.day)}${sep}${p(c.month)}${sep}${short ? pad2(c.year % 100) : c.year}`;
        expect(readCells([text], DAY_FIRST)[0]).toBe(day);
      }),
      RUNS,
    );
  });

  test('month-first numeric dates round-trip in a month-first locale', () => {
    fc.assert(
      fc.property(twoDigitYearDay, fc.constantFrom(...SEPARATORS), fc.boolean(), (day, sep, short) => {
        const c = civilFromDays(day);
        const text = `${pad2(c.month)}${sep}${pad2(c.day)}${sep}${short ? pad2(c.year % 100) : c.year}`;
        expect(readCells([text], MONTH_FIRST)[0]).toBe(day);
      }),
      RUNS,
    );
  });

  test('one unambiguous row decides the whole column, whatever the locale', () => {
    const withLateDay = fc
      .integer({ min: 13, max: 28 })
      .chain((d) =>
        fc.tuple(fc.integer({ min: 1970, max: 2069 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => daysFromCivil(y, m, d)),
      );
    fc.assert(
      fc.property(
        fc.array(modernDay, { maxLength: 20 }),
        withLateDay,
        fc.nat(),
        fc.boolean(),
        fc.boolean(),
        (days, decider, at, dayFirst, locale) => {
          const all = [...days];
          all.splice(at % (all.length + 1), 0, decider);
          const cells = all.map((d) => {
            const c = civilFromDays(d);
            return dayFirst ? `${pad2(c.day)}/${pad2(c.month)}/${c.year}` : `${pad2(c.month)}/${pad2(c.day)}/${c.year}`;
          });
          expect(Array.from(readCells(cells, { zone: UTC_ZONE, monthFirst: locale }))).toEqual(all);
        },
      ),
      RUNS,
    );
  });

  test('serial numbers (with or without a time of day) round-trip', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2958464 }), fc.double({ min: 0, max: 0.999, noNaN: true }), (serial, time) => {
        expect(readCells([serial + time], DAY_FIRST)[0]).toBe(serial - SERIAL_EPOCH_OFFSET);
      }),
      RUNS,
    );
  });

  // BUG (src/core/values/date.ts dayOfNumber): the last serial day, 9999-12-31 (2958465), is read
  // but not with a time of day: 2958465.5 (noon) fails the `n > 2958465` check. Found by the property
  // above with the counterexample [2958465, 2.3e-10]. Remove `.failing` once fixed.
  test('the last serial day keeps a time of day too', () => {
    expect(readCells([2958465.5], DAY_FIRST)[0]).toBe(2958465 - SERIAL_EPOCH_OFFSET);
  });

  test('yyyymmdd numbers round-trip', () => {
    fc.assert(
      fc.property(fc.integer({ min: daysFromCivil(1900, 1, 1), max: daysFromCivil(2999, 12, 31) }), (day) => {
        const c = civilFromDays(day);
        expect(readCells([c.year * 10000 + c.month * 100 + c.day], DAY_FIRST)[0]).toBe(day);
      }),
      RUNS,
    );
  });

  const ZONES: TimeZone[] = [
    UTC_ZONE,
    LONDON,
    PARIS,
    euroZone(-300, 'EU-5'),
    fixedZone(330),
    fixedZone(345),
    fixedZone(-570),
    fixedZone(840),
    fixedZone(-720),
  ];
  test('Date cells at any time of their local day read as that day, in zones with and without DST', () => {
    fc.assert(
      fc.property(modernDay, fc.integer({ min: 0, max: 86_399_999 }), fc.constantFrom(...ZONES), (day, ms, zone) => {
        const t = localInstant(day, zone, ms);
        fc.pre(t !== undefined); // a local time that a DST change skips or repeats
        expect(readCells([new Date(t as number)], { zone, monthFirst: false })[0]).toBe(day);
      }),
      { numRuns: 500 },
    );
  });

  test('columns of Date cells in a DST zone read back day by day (the per-hour offset cache is safe)', () => {
    fc.assert(
      fc.property(fc.array(modernDay, { minLength: 1, maxLength: 40 }), fc.constantFrom(LONDON, PARIS), (days, zone) => {
        const cells = days.map((d) => new Date(localInstant(d, zone) as number));
        expect(Array.from(readCells(cells, { zone, monthFirst: false }))).toEqual(days);
      }),
      RUNS,
    );
  });
});

// ---------------------------------------------------------------------------------------------
// readDayColumn returns integers or NaN, and nothing else; it fails only with an InputError.
// ---------------------------------------------------------------------------------------------

const hostileCell: fc.Arbitrary<Cell> = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.string({ unit: fc.constantFrom(...'0123456789/-. :TZJanFebDec,'.split('')), maxLength: 14 }),
  fc.constantFrom(
    '',
    ' ',
    '\u00a0',
    '=1+1',
    '#N/A',
    '31/02/2026',
    '2026-01-31',
    '01/02/2026',
    '13/01/2026',
    '01/13/2026',
    'Jan 31, 2026',
    '💥',
  ),
  fc.double(),
  fc.constantFrom(NaN, Infinity, -Infinity, -0, 0, 1e308, 5e-324, 46053, 20260131),
  fc.integer({ min: -10, max: 3_000_000 }),
  fc.boolean(),
  fc.date({ min: new Date(Date.UTC(1000, 0, 1)), max: new Date(Date.UTC(9999, 11, 31)) }),
  fc.constant(new Date(NaN)),
  fc.constant(null),
  fc.constant(undefined),
);

describe('readDayColumn on hostile cells', () => {
  test('returns only integers or NaN, or throws an InputError', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3 }).chain((w) => fc.array(fc.array(hostileCell, { minLength: w, maxLength: w }), { maxLength: 8 })),
        fc.boolean(),
        fc.constantFrom(UTC_ZONE, LONDON, fixedZone(-570)),
        (rows, monthFirst, zone) => {
          let days: Float64Array;
          try {
            days = readDayColumn(toColumn(rows, 'dates'), { zone, monthFirst });
          } catch (e) {
            expect(e).toBeInstanceOf(InputError);
            return;
          }
          for (const d of days) expect(Number.isNaN(d) || Number.isInteger(d)).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });

  test('blank cells read as NaN; every other cell after the header row reads as an integer day', () => {
    const blank = fc.constantFrom<Cell>('', ' ', '  ', '\t', '\u00a0', '\u202f', null, undefined);
    const date = modernDay.map((d) => {
      const c = civilFromDays(d);
      return `${c.year}-${pad2(c.month)}-${pad2(c.day)}`;
    });
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            blank,
            date,
            modernDay.map((d) => d + SERIAL_EPOCH_OFFSET),
          ),
          { maxLength: 30 },
        ),
        (cells) => {
          const days = readCells(cells, DAY_FIRST);
          cells.forEach((c, i) => {
            const isBlank = c === null || c === undefined || (typeof c === 'string' && c.trim() === '');
            expect(Number.isNaN(days[i])).toBe(isBlank);
          });
        },
      ),
      RUNS,
    );
  });
});
