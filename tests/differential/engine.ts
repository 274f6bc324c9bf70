/**
 * Shared helpers for the differential tests: the same data goes into a real spreadsheet engine
 * (HyperFormula, evaluating the native-formula equivalent of a measure) and into the add-on's
 * formula (called through runFormula as Sheets would), and the numbers must agree.
 *
 * Facts about HyperFormula 3.5 these tests rely on (checked in engine.test.ts):
 * - its dates are serial numbers counted from 1899-12-30, the same as Google Sheets
 *   (DATE(2026,1,31) = 46053), so a serial can be handed to both sides unchanged;
 * - by default it rounds every exported number to 10 significant digits (`smartRounding`,
 *   `precisionRounding`), which would hide differences at 1e-9: we switch that off;
 * - an empty cell must be `null`: `""` is a text cell to it (COUNTA counts it);
 * - it has COUNTIF(S), SUMIF(S), MINIFS, MAXIFS, CORREL, SUMPRODUCT, T.DIST.2T and NORM.S.INV,
 *   but no AVERAGEIFS (an average per period is written SUMIFS/COUNTIFS instead);
 * - its T.DIST.2T is less precise than the add-on's (p-values get a looser tolerance) and its
 *   ISOWEEKNUM is wrong in late December (weeks are labelled from their Thursday).
 */
import fc from 'fast-check';
import { HyperFormula } from 'hyperformula';
import type { Cell, Result } from '../../src/core/values/cell';
import { runFormula } from '../../src/functions/runtime';
import { contextFor } from '../../src/functions/context';
import type { FormulaContext } from '../../src/functions/types';
import { type TimeZone, UTC_ZONE } from '../../src/core/time/zone';

/**
 * A few dozen random cases per property. FC_SEED=... replays a reported failure (fast-check prints
 * the seed); FC_SCALE=10 runs ten times as many cases (a longer hunt, outside the normal suite).
 */
const SCALE = Number(process.env.FC_SCALE ?? 1);
export function runs(n: number): number {
  return Math.max(1, Math.round(n * SCALE));
}
fc.configureGlobal({
  numRuns: runs(40),
  // Arrays up to their maxLength (the default "small" size keeps them to about ten cells).
  baseSize: 'medium',
  ...(process.env.FC_SEED ? { seed: Number(process.env.FC_SEED) } : {}),
});

// ---------------------------------------------------------------------------------------------
// The native side.

/** A cell as the native engine gets it: a blank is null, never "". */
export type NativeCell = number | string | boolean | null;

const CONFIG = {
  licenseKey: 'gpl-v3',
  smartRounding: false, // no rounding of exported numbers to 10 digits
  useArrayArithmetic: true, // (a<>"")*(a<=b) inside SUMPRODUCT, as in Sheets
};

function columnLetter(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/**
 * One engine per test file, reused: building a HyperFormula instance costs ~45 ms, replacing a
 * sheet's content ~5 ms. A NativeSheet owns the engine's one sheet until the next is made.
 */
let shared: { hf: HyperFormula; sheetId: number; generation: number } | null = null;

function engine(): { hf: HyperFormula; sheetId: number; generation: number } {
  if (!shared) {
    const hf = HyperFormula.buildFromSheets({ Data: [[null]] }, CONFIG);
    const id = hf.getSheetId('Data');
    if (id === undefined) throw new Error('HyperFormula lost the sheet');
    shared = { hf, sheetId: id, generation: 0 };
  }
  return shared;
}

/**
 * A sheet made of named columns, top-aligned from row 1: `{scores: [9, null, 3]}` puts the scores
 * in A1:A3. Formulas refer to a column as `{scores}` (its whole length) or through `ref()`.
 */
export class NativeSheet {
  private readonly hf: HyperFormula;
  private readonly sheetId: number;
  private readonly generation: number;
  private readonly cols = new Map<string, { letter: string; length: number }>();

  constructor(columns: Record<string, readonly NativeCell[]>) {
    const names = Object.keys(columns);
    const height = Math.max(1, ...names.map((k) => columns[k].length));
    const rows: NativeCell[][] = [];
    for (let r = 0; r < height; r++) rows.push(names.map((k) => (r < columns[k].length ? columns[k][r] : null)));
    names.forEach((k, i) => this.cols.set(k, { letter: columnLetter(i), length: columns[k].length }));
    const e = engine();
    this.hf = e.hf;
    this.sheetId = e.sheetId;
    this.generation = ++e.generation;
    this.hf.setSheetContent(this.sheetId, rows);
    // Raw strings are parsed by the engine ("9" becomes a number, "2026-01-31" a date). The tests
    // hand it only text meant as text; make sure it stayed text.
    names.forEach((k, c) =>
      columns[k].forEach((v, r) => {
        if (typeof v !== 'string') return;
        const got = this.hf.getCellValue({ sheet: this.sheetId, row: r, col: c });
        if (got !== v) throw new Error(`NativeSheet: text ${JSON.stringify(v)} in ${k} was read as ${JSON.stringify(got)}`);
      }),
    );
  }

  /** A1 reference to rows [from, to) (0-based) of a column, e.g. $B$3:$B$10. */
  ref(name: string, from = 0, to?: number): string {
    const c = this.cols.get(name);
    if (!c) throw new Error(`NativeSheet: no column ${name}`);
    const end = to ?? c.length;
    if (end <= from) throw new Error(`NativeSheet: empty range ${name}[${from}, ${end})`);
    return `$${c.letter}$${from + 1}:$${c.letter}$${end}`;
  }

  /** The raw value of a formula ({name} placeholders are the columns' whole ranges). */
  raw(formula: string): unknown {
    if (shared?.generation !== this.generation) throw new Error('NativeSheet: this sheet was replaced by a newer one');
    const text = formula.replace(/\{(\w+)\}/g, (_, k: string) => this.ref(k));
    return this.hf.calculateFormula(text.startsWith('=') ? text : `=${text}`, this.sheetId);
  }

  /** A formula that must come out as a number; an error value throws with the formula in it. */
  num(formula: string): number {
    const v = this.raw(formula);
    if (typeof v !== 'number') throw new Error(`native ${formula} gave ${JSON.stringify(v)}`);
    return v;
  }

  /** A number, or null when the engine returns an error value (e.g. #DIV/0! on an empty period). */
  numOrError(formula: string): number | null {
    const v = this.raw(formula);
    if (typeof v === 'number') return v;
    if (v && typeof v === 'object' && 'type' in v) return null;
    throw new Error(`native ${formula} gave ${JSON.stringify(v)}`);
  }

  /**
   * Several formulas in one evaluation, as the array literal ={f1, f2, ...} (about twice as fast as
   * one by one; each element keeps its own value or error). Errors come back as null.
   */
  many(formulas: readonly string[]): (number | string | boolean | null)[] {
    if (formulas.length === 0) return [];
    const plain = (x: unknown) => (typeof x === 'number' || typeof x === 'string' || typeof x === 'boolean' ? x : null);
    let v: unknown;
    try {
      v = this.raw(`{${formulas.map((f) => f.replace(/^=/, '')).join(',')}}`);
    } catch {
      // HyperFormula 3.5 throws "Range does not exists in graph" for some functions of ranges inside
      // an array literal (e.g. ={MIN(A1:A4),MAX(A1:A4)}): evaluate those one by one.
      return formulas.map((f) => plain(this.raw(f)));
    }
    // A one-element literal comes back as a scalar.
    const row = formulas.length === 1 && !Array.isArray(v) ? [v] : Array.isArray(v) && v.length === 1 ? (v[0] as unknown[]) : null;
    if (!row || row.length !== formulas.length) throw new Error(`native {${formulas.join(', ')}} gave ${JSON.stringify(v)}`);
    return row.map(plain);
  }

  /** Several formulas that must all come out as numbers. */
  nums(formulas: readonly string[]): number[] {
    return this.many(formulas).map((x, i) => {
      if (typeof x !== 'number') throw new Error(`native ${formulas[i]} gave ${JSON.stringify(x)}`);
      return x;
    });
  }

  /** Done with this sheet: later use throws (the engine itself is kept for the next case). */
  destroy(): void {
    if (shared && shared.generation === this.generation) shared.generation++;
  }
}

/** Builds a sheet, evaluates one formula to a number, and throws the sheet away. */
export function nativeNumber(columns: Record<string, readonly NativeCell[]>, formula: string): number {
  const s = new NativeSheet(columns);
  try {
    return s.num(formula);
  } finally {
    s.destroy();
  }
}

/** Runs f with a sheet and always destroys it. */
export function withSheet<T>(columns: Record<string, readonly NativeCell[]>, f: (s: NativeSheet) => T): T {
  const s = new NativeSheet(columns);
  try {
    return f(s);
  } finally {
    s.destroy();
  }
}

/** A number written into a formula exactly (JS shortest round-trip form). */
export function lit(x: number): string {
  return Object.is(x, -0) ? '0' : String(x);
}

// ---------------------------------------------------------------------------------------------
// The add-on side.

/** The spreadsheet's zone is UTC; with no locale an ambiguous 03/04/2026 column reads day first. */
export const CTX: FormulaContext = contextFor({ zone: UTC_ZONE, locale: null, now: () => Date.UTC(2026, 5, 15) });
/** A US spreadsheet: an ambiguous column reads month first. */
export const CTX_US: FormulaContext = contextFor({ zone: UTC_ZONE, locale: 'en_US', now: () => Date.UTC(2026, 5, 15) });

/** A column as Sheets hands it to a custom function: rows of one cell. */
export function column(cells: readonly Cell[]): Cell[][] {
  return cells.map((c) => [c]);
}

export function addon(name: string, args: readonly unknown[], ctx: FormulaContext = CTX): Result {
  return runFormula(name, args, ctx);
}

export function addonNumber(name: string, args: readonly unknown[], ctx: FormulaContext = CTX): number {
  const r = addon(name, args, ctx);
  if (typeof r !== 'number') throw new Error(`${name} gave ${JSON.stringify(r)}, not a number`);
  return r;
}

export function addonTable(name: string, args: readonly unknown[], ctx: FormulaContext = CTX): (string | number | boolean)[][] {
  const r = addon(name, args, ctx);
  if (!Array.isArray(r)) throw new Error(`${name} gave ${JSON.stringify(r)}, not a table`);
  return r;
}

/** Same cells, blanks as null: what the native engine gets for what the add-on gets as "". */
export function toNative(cells: readonly Cell[]): NativeCell[] {
  return cells.map((c) => {
    if (c === '' || c === null || c === undefined) return null;
    if (c instanceof Date) throw new Error('toNative: pass dates to the engine as serial numbers');
    return c;
  });
}

// ---------------------------------------------------------------------------------------------
// Comparing.

export const REL = 1e-9;
/** Below this, relative error means nothing (a correlation of 1e-17 is 0 computed two ways). */
export const ABS_FLOOR = 1e-12;

export function isClose(got: number, want: number, rel = REL, abs = ABS_FLOOR): boolean {
  if (!Number.isFinite(got) || !Number.isFinite(want)) return false;
  const d = Math.abs(got - want);
  return d <= abs || d <= rel * Math.max(Math.abs(got), Math.abs(want));
}

/** Fails with both numbers and what they are, so a counterexample reads on its own. */
export function expectClose(got: unknown, want: number, what: string, rel = REL, abs = ABS_FLOOR): void {
  if (typeof got !== 'number' || !isClose(got, want, rel, abs)) {
    throw new Error(`${what}: add-on gave ${JSON.stringify(got)}, native formula gave ${want}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Dates: serial numbers (days since 1899-12-30, as in Sheets and HyperFormula) and their spellings.

const SERIAL_OF_1970 = 25569;
const MS_DAY = 86400000;

export function serial(y: number, m: number, d: number): number {
  return Date.UTC(y, m - 1, d) / MS_DAY + SERIAL_OF_1970;
}

function ymd(s: number): [number, number, number] {
  const t = new Date((Math.floor(s) - SERIAL_OF_1970) * MS_DAY);
  return [t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate()];
}

const two = (n: number) => (n < 10 ? `0${n}` : String(n));

export type DateFormat =
  | 'serial'
  | 'iso'
  | 'isoTime'
  | 'dayFirst'
  | 'dayFirstShort'
  | 'monthFirst'
  | 'dayMonthName'
  | 'monthNameDay'
  | 'date'
  | 'dateEast'
  | 'dateWest';
export const DATE_FORMATS: readonly DateFormat[] = [
  'serial',
  'iso',
  'isoTime',
  'dayFirst',
  'dayFirstShort',
  'monthFirst',
  'dayMonthName',
  'monthNameDay',
  'date',
  'dateEast',
  'dateWest',
];

const MONTH_ABBR = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Spreadsheets in fixed zones east and west of UTC: their date cells are local midnights. */
const EAST: TimeZone = { name: 'UTC+10', offsetMinutes: () => 600 };
const WEST: TimeZone = { name: 'UTC-8', offsetMinutes: () => -480 };
const CTX_EAST = contextFor({ zone: EAST, locale: 'en_AU', now: () => Date.UTC(2026, 5, 15) });
const CTX_WEST = contextFor({ zone: WEST, locale: 'en_US', now: () => Date.UTC(2026, 5, 15) });

/**
 * A serial date as the add-on may receive it (DOMAIN.md's list): the number itself (a time of day
 * included), ISO text (also with the time: "2026-01-31 14:00"), 31/01/2026 or 31/01/26 (read with
 * CTX), 01/31/2026 (read with CTX_US), "31 Jan 2026", "Jan 31, 2026", or a Date cell: midnight in
 * the spreadsheet's zone, which is UTC ('date'), UTC+10 ('dateEast': 14:00 UTC the day before) or
 * UTC−8 ('dateWest': 08:00 UTC). Use the context ctxFor(format) gives.
 */
export function spell(s: number, format: DateFormat): Cell {
  if (format === 'serial') return s;
  const [y, m, d] = ymd(s);
  const iso = `${y}-${two(m)}-${two(d)}`;
  if (format === 'iso') return iso;
  if (format === 'isoTime') {
    const minutes = Math.round((s - Math.floor(s)) * 1440);
    return `${iso} ${two(Math.floor(minutes / 60))}:${two(minutes % 60)}`;
  }
  if (format === 'dayFirst') return `${two(d)}/${two(m)}/${y}`;
  if (format === 'dayFirstShort') return `${two(d)}/${two(m)}/${two(y % 100)}`;
  if (format === 'monthFirst') return `${two(m)}/${two(d)}/${y}`;
  if (format === 'dayMonthName') return `${d} ${MONTH_ABBR[m - 1]} ${y}`;
  if (format === 'monthNameDay') return `${MONTH_ABBR[m - 1]} ${d}, ${y}`;
  const utcMidnight = Date.UTC(y, m - 1, d);
  if (format === 'dateEast') return new Date(utcMidnight - 600 * 60000);
  if (format === 'dateWest') return new Date(utcMidnight + 480 * 60000);
  return new Date(utcMidnight);
}

export function ctxFor(format: DateFormat): FormulaContext {
  if (format === 'monthFirst') return CTX_US;
  if (format === 'dateEast') return CTX_EAST;
  if (format === 'dateWest') return CTX_WEST;
  return CTX;
}

/** Periods the native side knows as DATE bounds [start, end). */
export interface NativePeriod {
  label: string;
  /** Native expressions for the first day and the day after the last. */
  start: string;
  end: string;
}

export type CalendarKind = 'month' | 'quarter' | 'year';
const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * Every month, quarter or year from the one holding serial `first` to the one holding `last`.
 * `period` is as the add-on takes it: "month", "quarter", "year", or a fiscal "quarter:apr" /
 * "year:jul", whose years are named by the calendar year they end in and whose labels name the month
 * the period begins (FY2027-Q1 (Apr) starts April 2026).
 */
export function periodsBetween(first: number, last: number, period: string): NativePeriod[] {
  const [kindText, startText] = period.split(':');
  const kind = kindText as CalendarKind;
  const fiscal = startText === undefined ? 1 : MONTH_NAMES.indexOf(startText) + 1;
  if (fiscal < 1 || !['month', 'quarter', 'year'].includes(kind)) throw new Error(`periodsBetween: ${period}?`);
  const step = kind === 'month' ? 1 : kind === 'quarter' ? 3 : 12;
  // Months counted from the fiscal year's first month, so that periods start at multiples of step.
  const index = (s: number) => {
    const [y, m] = ymd(s);
    return Math.floor((y * 12 + m - 1 - (fiscal - 1)) / step);
  };
  const out: NativePeriod[] = [];
  for (let i = index(first); i <= index(last); i++) {
    const months = i * step + (fiscal - 1); // calendar months since year 0 of the first month
    const y = Math.floor(months / 12);
    const m = (months % 12) + 1;
    const fiscalYear = Math.floor((i * step) / 12);
    const yearName = fiscal === 1 ? String(fiscalYear) : `FY${fiscalYear + 1}`;
    // A fiscal label names the month its period begins: FY2027-Q2 (Oct) for a year from July.
    const begins = fiscal === 1 ? '' : ` (${MONTH_NAMES[m - 1][0].toUpperCase()}${MONTH_NAMES[m - 1].slice(1)})`;
    const label =
      kind === 'month'
        ? `${y}-${two(m)}`
        : kind === 'quarter'
          ? `${yearName}-Q${((i * step) % 12) / 3 + 1}${begins}`
          : `${yearName}${begins}`;
    out.push({ label, start: `DATE(${y},${m},1)`, end: `DATE(${y},${m + step},1)` });
  }
  return out;
}

/**
 * Every ISO week (Monday start) from the one holding `first` to the one holding `last`, labelled
 * by the engine: YEAR(Thursday) & "-W" & TEXT(ISOWEEKNUM(Thursday), "00"). The Thursday, because
 * HyperFormula 3.5's ISOWEEKNUM is wrong for the Monday to Wednesday at the end of December that
 * belong to week 1 of the next year (ISOWEEKNUM(DATE(2024,12,30)) gives 53; 2024-12-30 is
 * 2025-W01); the Thursday of a week is always in its ISO year, where it is right.
 */
export function weeksBetween(sheet: NativeSheet, first: number, last: number): NativePeriod[] {
  // Serial 2 (1900-01-01) is a Monday.
  const monday = (s: number) => Math.floor(s) - ((((Math.floor(s) - 2) % 7) + 7) % 7);
  const out: NativePeriod[] = [];
  for (let d = monday(first); d <= monday(last); d += 7) {
    const label = sheet.raw(`YEAR(${d}+3)&"-W"&TEXT(ISOWEEKNUM(${d}+3),"00")`);
    if (typeof label !== 'string') throw new Error(`weeksBetween: label of week ${d} is ${JSON.stringify(label)}`);
    out.push({ label, start: String(d), end: String(d + 7) });
  }
  return out;
}

/** COUNTIFS/SUMIFS criteria pairs restricting a date column to a period. */
export function inPeriod(dates: string, p: NativePeriod): string {
  return `${dates},">="&${p.start},${dates},"<"&${p.end}`;
}

// ---------------------------------------------------------------------------------------------
// Random dated rows with empty periods in the middle.

/**
 * Serial dates spread over `months` consecutive months from a random start in 2023–2026, with one
 * month in the middle always left empty and each other one empty one time in four; some carry a time of day.
 */
export function datesArb(opts: { minRows?: number; maxRows?: number; maxMonths?: number; nearEnd?: boolean } = {}): fc.Arbitrary<number[]> {
  const { minRows = 1, maxRows = 60, maxMonths = 14, nearEnd = false } = opts;
  return fc
    .record({
      startYear: fc.integer({ min: 2023, max: 2026 }),
      startMonth: fc.integer({ min: 1, max: 12 }),
      months: fc.integer({ min: 3, max: maxMonths }),
      gap: fc.nat(),
      active: fc.array(
        fc.integer({ min: 0, max: 3 }).map((x) => x > 0),
        { minLength: maxMonths, maxLength: maxMonths },
      ), // 3 in 4
      rows: fc.array(
        fc.record({
          month: fc.nat(),
          day: uniform(),
          late: fc.boolean(),
          time: fc.oneof(
            fc.constant(0),
            fc.constant(0),
            fc.integer({ min: 1, max: 23 }).map((h) => h / 24),
          ),
        }),
        { minLength: minRows, maxLength: maxRows },
      ),
    })
    .map(({ startYear, startMonth, months, gap, active, rows }) => {
      const gapMonth = 1 + (gap % (months - 2)); // never the first or the last
      const live: number[] = [];
      for (let k = 0; k < months; k++) if (k === 0 || k === months - 1 || (k !== gapMonth && active[k])) live.push(k);
      return rows.map((r, i) => {
        // The first and the last row pin the first and the last month.
        const k = i === 0 ? 0 : i === rows.length - 1 && rows.length > 1 ? months - 1 : live[r.month % live.length];
        const y = startYear + Math.floor((startMonth - 1 + k) / 12);
        const m = ((startMonth - 1 + k) % 12) + 1;
        const first = serial(y, m, 1);
        const length = serial(m === 12 ? y + 1 : y, m === 12 ? 1 : m + 1, 1) - first;
        // nearEnd: half the rows fall in the last ten days of their month (quarter ends are month ends).
        const day = nearEnd && r.late ? length - 1 - Math.floor(r.day * 10) : Math.floor(r.day * length);
        return first + day + r.time;
      });
    });
}

/**
 * A uniform number in [lo, hi). (fc.double is deliberately biased towards extremes and tiny
 * values, which would make "x < 0.12" true most of the time and put most days on the 1st.)
 */
export function uniform(lo = 0, hi = 1): fc.Arbitrary<number> {
  return fc.integer({ min: 0, max: 999_999 }).map((x) => lo + ((hi - lo) * x) / 1e6);
}

/** A boolean per row, true for about a fraction p of them: which rows to blank out. */
export function sprinkle(n: number, p = 0.15): fc.Arbitrary<boolean[]> {
  return fc.array(
    uniform().map((x) => x < p),
    { minLength: n, maxLength: n },
  );
}
