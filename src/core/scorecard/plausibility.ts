import { type Cell, isBlank } from '../values/cell';
import { type Column } from '../values/column';
import { type DateOptions, cachedDayColumn, readByLocale, readDayColumn } from '../values/date';
import { InputError, fail } from '../values/errors';
import { readNumber } from '../values/number';
import { readScore } from '../values/score';
import { formatMoney } from '../values/currency';
import { readStars } from '../measures/reviews';
import { labelScale, ratingReader } from '../measures/csat';
import { median } from '../stats/median';
import { type PeriodSpec, calendarSpec, periodLabel } from '../time/periods';
import { type Role } from '../tables/roles';
import { type TableHeaders } from '../tables/profiles/setup';
import { findHeader, profileById } from '../tables/profiles/index';
import { MEASURES, type MeasureId, type Source } from './measures';
import { kindOf } from './sourceKind';
import { type SourceSeries } from '../sources/sourceSeries';
import { sourceSeriesOf } from './compute';
import { type LoadedSource, loadSourceOf } from './source';
import { type ScorecardDefinition } from './definition';
import { suggestTarget } from './suggestTarget';

/**
 * The checks before a build (issue "never silently implausible"): what a mapping would produce, looked at
 * before anything is built, so that a wrong column stops with a question instead of a scorecard of wrong
 * numbers. Each check names the column and says what to do; each has an id, so a manager who knows the
 * numbers are right can say so (the command line's --accept, the wizard's "build anyway").
 */
export type CheckId =
  | 'kind'
  | 'amount-zero'
  | 'amount-below-quantity'
  | 'returns-over-100'
  | 'order-value-tiny'
  | 'currency-mixed'
  | 'tax-included'
  | 'score-range'
  | 'score-1-to-5'
  | 'rating-range'
  | 'stars-range'
  | 'date-unreadable'
  | 'date-order';

export const CHECK_IDS: readonly CheckId[] = [
  'kind',
  'amount-zero',
  'amount-below-quantity',
  'returns-over-100',
  'order-value-tiny',
  'currency-mixed',
  'tax-included',
  'score-range',
  'score-1-to-5',
  'rating-range',
  'stars-range',
  'date-unreadable',
  'date-order',
];

export interface Implausible {
  readonly check: CheckId;
  readonly source: Source;
  /** The header of the column the check is about, or null (the whole sheet). */
  readonly column: string | null;
  /** What looks wrong and what to do, in words. */
  readonly message: string;
  /** For 'kind': what the sheet holds, and the export it was recognised as. */
  readonly holds?: Source;
  readonly profile?: string;
}

/** What a measure will show for its latest period: "Revenue, 2024-12: £62,222 from 346 orders". */
export interface LatestNumber {
  readonly id: MeasureId;
  readonly source: Source;
  readonly label: string;
  readonly period: string | null;
  readonly value: number | null;
  readonly count: number | null;
  readonly text: string;
  /** Why the measure cannot be counted (a cell that cannot be read), or null. */
  readonly problem: string | null;
  /** The target Leadlag suggests from the history when none is typed (suggestTarget.ts), or null. */
  readonly suggested: number | null;
  /** The rule and its figures, in words. */
  readonly suggestedWhy: string;
}

export interface Review {
  readonly problems: Implausible[];
  readonly latest: LatestNumber[];
}

/** A review with what it counted: each usable source's series, which a build over the same sources can reuse. */
export interface SourcesReview extends Review {
  readonly series: Partial<Record<Source, SourceSeries>>;
  /** The sources the series were counted from (a source whose kind or dates fail is left out). */
  readonly usable: readonly Source[];
}

const KIND_WORDS: Readonly<Record<Source, string>> = { sales: 'sales data', feedback: 'customer feedback', reviews: 'online reviews' };

/** Below this many values a share says little: the shape checks wait for enough rows. */
const MIN_ROWS = 10;

const pct = (x: number): string => `${Math.round(x * 100)}%`;

/** What a loaded sheet holds: its profile's kind when recognised, else the kind its guessed roles make. */
export function holds(loaded: LoadedSource): Source | null {
  const profile = profileById(loaded.table.profile);
  if (profile) return profile.kind;
  return kindOf(new Set(loaded.suggestions.filter((s) => s.role).map((s) => s.role as string)));
}

function header(loaded: LoadedSource, role: Role): string | null {
  const at = loaded.mapping[role];
  return at === undefined ? null : loaded.table.headers[at];
}

/**
 * The columns the checks read, by index among the table's headers: the mapped date, amount, quantity, order
 * id, scores and stars, and a profile's net-check columns. A reader that keeps only some columns (the command
 * line) keeps these for the checks.
 */
export function checkedColumns(table: TableHeaders, mapping: Readonly<Partial<Record<Role, number>>>): number[] {
  const out = new Set<number>();
  for (const role of ['date', 'amount', 'quantity', 'order_id', 'referral_score', 'satisfaction', 'stars'] as const) {
    const at = mapping[role];
    if (at !== undefined) out.add(at);
  }
  const check = profileById(table.profile)?.netCheck;
  if (check && mapping.order_id !== undefined && mapping.amount !== undefined)
    for (const name of [check.total, check.tax]) {
      const at = findHeader(table.headers, [name]);
      if (at >= 0) out.add(at);
    }
  return [...out].sort((a, b) => a - b);
}

function kindCheck(slot: Source, name: string, loaded: LoadedSource): Implausible | null {
  const kind = holds(loaded);
  if (!kind || kind === slot) return null;
  const profile = profileById(loaded.table.profile);
  const what = profile ? `a ${profile.name}, ${KIND_WORDS[kind]}` : KIND_WORDS[kind];
  return {
    check: 'kind',
    source: slot,
    column: null,
    holds: kind,
    ...(profile ? { profile: profile.name } : {}),
    message: `"${name}" holds ${what}, not ${KIND_WORDS[slot]}: choose it as the ${kind} data, and choose the ${slot} data separately (or none)`,
  };
}

function salesChecks(name: string, loaded: LoadedSource, series: SourceSeries | undefined): Implausible[] {
  const out: Implausible[] = [];
  const amountAt = loaded.mapping.amount;
  const amountName = header(loaded, 'amount');
  if (amountAt === undefined || !amountName) return out;
  // Each row's amount, NaN where there is none (a blank, a word); read once for every check below.
  const amounts = numbersOf(loaded.cells[amountAt]);
  let present = 0;
  let zeros = 0;
  for (let i = 0; i < amounts.length; i++) {
    const x = amounts[i];
    if (x !== x) continue;
    present++;
    if (x === 0) zeros++;
  }
  if (present >= MIN_ROWS) {
    if (zeros > 0.5 * present)
      out.push({
        check: 'amount-zero',
        source: 'sales',
        column: amountName,
        message:
          `"${amountName}" is 0 on ${pct(zeros / present)} of the rows that have a value: it does not look like the sales amount. ` +
          `Choose the column with each order's net sales (after discounts, before tax and shipping), such as "Subtotal" or "Net sales"`,
      });
  }
  const qtyAt = loaded.mapping.quantity;
  if (qtyAt !== undefined) {
    let both = 0;
    let below = 0;
    const qty = loaded.cells[qtyAt];
    for (let i = 0; i < amounts.length; i++) {
      const a = amounts[i];
      if (a !== a || a === 0) continue;
      const q = readNumber(qty[i]);
      if (typeof q !== 'number' || q <= 0) continue;
      both++;
      if (Math.abs(a) < q) below++;
    }
    if (both >= MIN_ROWS && below > 0.5 * both)
      out.push({
        check: 'amount-below-quantity',
        source: 'sales',
        column: amountName,
        message:
          `"${amountName}" is smaller than the quantity "${header(loaded, 'quantity')}" on ${pct(below / both)} of the rows: ` +
          `sales are rarely worth less than the units sold. Check that "${amountName}" is the amount of the sale, not a discount, a tax or a count`,
      });
  }
  if (loaded.setup.currency.mixed.length > 1)
    out.push({
      check: 'currency-mixed',
      source: 'sales',
      column: amountName,
      message:
        `"${amountName}" holds amounts in several currencies (${loaded.setup.currency.mixed.join(', ')}): they cannot be added up. ` +
        `Choose the amount converted to one currency (such as Stripe's "Converted Amount"), or one currency's rows`,
    });
  const tax = taxIncluded(loaded, amounts, amountName);
  if (tax) out.push(tax);
  if (series) {
    const returns = series.measures.find((m) => m.id === 'return_rate');
    if (returns && !returns.problem) {
      const at = returns.values.findIndex((v) => v !== null && v > 1);
      if (at >= 0) {
        const by = header(loaded, 'refunded') ?? header(loaded, 'returned');
        out.push({
          check: 'returns-over-100',
          source: 'sales',
          column: by,
          message:
            `returns in ${periodLabel(series.first + at, series.spec)} come to ${pct(returns.values[at]!)} of sales: ` +
            `more than was sold. Check that ${by ? `"${by}" holds what was given back and ` : ''}"${amountName}" holds the sales`,
        });
      }
    }
    const revenue = series.measures.find((m) => m.id === 'revenue');
    const orders = series.measures.find((m) => m.id === 'orders');
    if (revenue && orders && !revenue.problem) {
      const total = revenue.values.reduce<number>((s, v) => s + (v ?? 0), 0);
      const count = orders.values.reduce<number>((s, v) => s + (v ?? 0), 0);
      const lines = new Float64Array(present - zeros);
      let k = 0;
      let largest = 0;
      for (let i = 0; i < amounts.length; i++)
        if (amounts[i] === amounts[i] && amounts[i] !== 0) {
          const x = (lines[k++] = Math.abs(amounts[i]));
          if (x > largest) largest = x;
        }
      // The median is at most the largest line: when the average order is 1% of that or more, no need to find it.
      const typical = count >= 5 && total / count < 0.01 * largest ? median(lines) : null;
      if (count >= 5 && typical !== null && typical > 0 && total / count < 0.01 * typical)
        out.push({
          check: 'order-value-tiny',
          source: 'sales',
          column: amountName,
          message:
            `the average order would be ${round(total / count)}, under 1% of a typical "${amountName}" (${round(typical)}): ` +
            `most orders would count nothing. Check the amount column and the order id column ("${header(loaded, 'order_id') ?? 'none'}")`,
        });
    }
  }
  return out;
}

/** To the cent first, so that a float sum such as 12464.4999… shows as the 12,465 it is. */
const cents = (x: number): number => Math.round(x * 100) / 100;

/**
 * A profile's net check (Xero): per order, its lines' amounts against the order's total less its tax. Lines
 * that add up to the whole total on most taxed orders include the tax.
 */
function taxIncluded(loaded: LoadedSource, amounts: Float64Array, amountName: string): Implausible | null {
  const profile = profileById(loaded.table.profile);
  const check = profile?.netCheck;
  const idAt = loaded.mapping.order_id;
  if (!check || idAt === undefined) return null;
  const totalAt = findHeader(loaded.table.headers, [check.total]);
  const taxAt = findHeader(loaded.table.headers, [check.tax]);
  if (totalAt < 0 || taxAt < 0) return null;
  const orders = new Map<string, { sum: number; total: number; tax: number }>();
  loaded.cells[idAt].forEach((id, i) => {
    const a = amounts[i];
    const total = readNumber(loaded.cells[totalAt][i]);
    const t = readNumber(loaded.cells[taxAt][i]);
    if (a !== a || typeof total !== 'number' || typeof t !== 'number') return;
    const key = String(id).trim();
    const o = orders.get(key);
    if (o) o.sum += a;
    else orders.set(key, { sum: a, total, tax: t });
  });
  let taxed = 0;
  let gross = 0;
  for (const o of orders.values()) {
    if (Math.abs(o.tax) < 0.005) continue;
    taxed++;
    if (Math.abs(o.sum - o.total) < 0.01 && Math.abs(o.sum - (o.total - o.tax)) >= 0.01) gross++;
  }
  if (taxed < 3 || gross <= 0.5 * taxed) return null;
  return {
    check: 'tax-included',
    source: 'sales',
    column: amountName,
    message:
      `"${amountName}" adds up to the invoice's "${check.total}" on ${gross} of ${taxed} taxed invoices: its lines include the tax ` +
      `(Xero's Tax Inclusive amounts), and revenue is before tax. Export the invoices with tax-exclusive line amounts`,
  };
}

/** A column's cells as the number reader reads them, NaN where it reads none. */
function numbersOf(cells: readonly Cell[]): Float64Array {
  const out = new Float64Array(cells.length);
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    if (typeof c === 'number' && c - c === 0) out[i] = c;
    else {
      const x = readNumber(c);
      out[i] = typeof x === 'number' ? x : NaN;
    }
  }
  return out;
}

const round = (x: number): string => (Math.abs(x) >= 100 ? Math.round(x).toLocaleString('en-GB') : String(Math.round(x * 100) / 100));

function feedbackChecks(loaded: LoadedSource): Implausible[] {
  const out: Implausible[] = [];
  const scoreAt = loaded.mapping.referral_score;
  if (scoreAt !== undefined) {
    const name = header(loaded, 'referral_score')!;
    const cells = loaded.cells[scoreAt];
    let answers = 0;
    let outside = 0;
    let firstBad = -1;
    let max = -Infinity;
    cells.forEach((c, i) => {
      const s = readScore(c);
      // Blanks, and the words exports write for "nothing" ("-", "n/a"), are no answer.
      if (s === null || (s === undefined && readNumber(c) === null)) return;
      answers++;
      if (typeof s === 'number') max = Math.max(max, s);
      else {
        outside++;
        if (firstBad < 0) firstBad = i;
      }
    });
    if (outside > 0)
      out.push({
        check: 'score-range',
        source: 'feedback',
        column: name,
        message:
          `"${name}" holds ${show(cells[firstBad])} on ${loaded.rowAt(firstBad)}, and ${pct(outside / answers)} of its values are not ` +
          `whole numbers from 0 to 10: it does not look like the 0–10 "how likely to recommend" answer. Choose that column, or leave Referral score Not used`,
      });
    else if (answers >= 20 && max <= 5)
      out.push({
        check: 'score-1-to-5',
        source: 'feedback',
        column: name,
        message:
          `"${name}" never goes above 5 in ${answers} answers: it looks like a 1–5 rating, not the 0–10 referral question ` +
          `(NPS would count every answer as a detractor). Choose the 0–10 column, or leave Referral score Not used`,
      });
  }
  const satAt = loaded.mapping.satisfaction;
  if (satAt !== undefined) {
    const name = header(loaded, 'satisfaction')!;
    const cells = loaded.cells[satAt];
    const scale = loaded.setup.rules.scale ?? labelScale(cells) ?? 5;
    let answers = 0;
    let outside = 0;
    let firstBad = -1;
    const read = ratingReader(scale);
    cells.forEach((c, i) => {
      const v = read(c);
      if (v === null) return;
      answers++;
      if (v === undefined || !Number.isInteger(v) || v < 1 || v > scale) {
        outside++;
        if (firstBad < 0) firstBad = i;
      }
    });
    // One stray cell is the measure's own error (it names the cell); a column mostly outside is the wrong column.
    if (answers >= MIN_ROWS && outside > 0.2 * answers)
      out.push({
        check: 'rating-range',
        source: 'feedback',
        column: name,
        message:
          `"${name}" holds ${show(cells[firstBad])} on ${loaded.rowAt(firstBad)}, and ${pct(outside / answers)} of its values are not ` +
          `satisfaction ratings from 1 to ${scale}: choose the satisfaction column, or leave Satisfaction Not used`,
      });
  }
  return out;
}

function reviewChecks(loaded: LoadedSource): Implausible[] {
  const at = loaded.mapping.stars;
  if (at === undefined) return [];
  const name = header(loaded, 'stars')!;
  const cells = loaded.cells[at];
  let answers = 0;
  let outside = 0;
  let firstBad = -1;
  cells.forEach((c, i) => {
    const s = readStars(c);
    if (s === null) return;
    answers++;
    if (s === undefined || !(s >= 0 && s <= 5)) {
      outside++;
      if (firstBad < 0) firstBad = i;
    }
  });
  if (answers >= MIN_ROWS && outside > 0.2 * answers)
    return [
      {
        check: 'stars-range',
        source: 'reviews',
        column: name,
        message: `"${name}" holds ${show(cells[firstBad])} on ${loaded.rowAt(firstBad)}, and ${pct(outside / answers)} of its values are not stars from 1 to 5: choose the stars column`,
      },
    ];
  return [];
}

const show = (c: Cell): string => (typeof c === 'string' ? `"${c.length > 30 ? `${c.slice(0, 27)}...` : c}"` : String(c));

/** Adjacent dated pairs that go against the column's main direction (exports are sorted, newest or oldest first), and the first such row. */
function disorder(days: Float64Array): { against: number; pairs: number; at: number } {
  let up = 0;
  let down = 0;
  let prev = NaN;
  for (let i = 0; i < days.length; i++) {
    const d = days[i];
    if (d !== d) continue;
    if (prev === prev) {
      if (d > prev) up++;
      else if (d < prev) down++;
    }
    prev = d;
  }
  const main = up >= down ? 1 : -1;
  let at = -1;
  prev = NaN;
  for (let i = 0; i < days.length && at < 0; i++) {
    const d = days[i];
    if (d !== d) continue;
    if (prev === prev && (d - prev) * main < 0) at = i;
    prev = d;
  }
  return { against: Math.min(up, down), pairs: up + down, at };
}

function dateChecks(slot: Source, loaded: LoadedSource, dates: DateOptions): Implausible[] {
  const at = loaded.mapping.date;
  if (at === undefined) return [];
  const name = loaded.table.headers[at];
  const col: Column = { cells: loaded.cells[at], width: 1, name: `column "${name}"`, named: true };
  const rowNamed = (m: string) => m.replace(/\brow (\d+)\b/g, (_, n: string) => loaded.rowAt(Number(n) - 1));
  // The reading the build makes (remembered for it), unless it fails or its first cell read as a header:
  // then the strict reading below, whose message names the row as the checks do.
  let chosen: Float64Array | null = null;
  const built = loaded.source.columns.date;
  if (built && built.cells === loaded.cells[at]) {
    try {
      chosen = cachedDayColumn(built, dates);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
    }
    if (chosen && chosen[0] !== chosen[0] && !isBlank(col.cells[0])) chosen = null;
  }
  try {
    chosen ??= readDayColumn(col, dates, undefined, false);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return [{ check: 'date-unreadable', source: slot, column: name, message: `${rowNamed(e.message)}: the dates cannot be read one way` }];
  }
  if (!readByLocale(chosen)) return []; // read the other way, the days are the same
  let other: Float64Array;
  try {
    other = readDayColumn(col, { ...dates, monthFirst: !dates.monthFirst }, undefined, false);
  } catch {
    return [];
  }
  let differ = false;
  for (let i = 0; i < chosen.length && !differ; i++) differ = chosen[i] !== other[i] && (chosen[i] === chosen[i] || other[i] === other[i]);
  if (!differ) return [];
  const a = disorder(chosen);
  const b = disorder(other);
  if (a.pairs < MIN_ROWS || a.against <= Math.max(2, 0.05 * a.pairs) || b.against > 0.01 * b.pairs) return [];
  const reading = dates.monthFirst ? 'month-first' : 'day-first';
  const better = dates.monthFirst ? 'day-first' : 'month-first';
  const cell = loaded.cells[at][a.at];
  return [
    {
      check: 'date-order',
      source: slot,
      column: name,
      message:
        `"${name}" leaves open whether 03/04 is 3 April or 4 March, so it is read ${reading} (the spreadsheet's locale); read so, its dates jump ` +
        `back and forth (${loaded.rowAt(a.at)}: ${show(cell)}), while read ${better} they run in order. Write the dates as 2024-10-02, ` +
        `or read them ${better} (the command line's --month-first, or the spreadsheet's locale in File › Settings)`,
    },
  ];
}

const COUNT_WORDS: Partial<Record<MeasureId, string>> = {
  nps: 'answers',
  csat: 'answers',
  net_comparison: 'answers',
  review_response: 'low reviews',
  on_time: 'orders due',
  return_rate: 'sold',
};

/** "Revenue, 2024-12: £62,222 from 346 orders", or what stops the measure. */
function latestOf(series: SourceSeries, currency: string | undefined): LatestNumber[] {
  const out: LatestNumber[] = [];
  for (const row of series.measures) {
    const info = MEASURES.find((m) => m.id === row.id)!;
    let k = row.values.length - 1;
    while (k >= 0 && row.values[k] === null) k--;
    const period = k >= 0 ? periodLabel(series.first + k, series.spec) : null;
    const value = k >= 0 ? row.values[k] : null;
    const count = k >= 0 ? row.counts[k] : null;
    let text: string;
    if (row.problem) text = `${info.label}: not counted (${row.problem})`;
    else if (value === null || period === null) text = `${info.label}: nothing to count yet`;
    else {
      const money = row.id === 'revenue' || row.id === 'margin' || row.id === 'average_order_value';
      const shown = money
        ? formatMoney(row.id === 'average_order_value' ? cents(value) : Math.round(cents(value)), currency)
        : info.format.includes('%')
          ? `${(value * 100).toFixed(info.format.includes('.0') ? 1 : 0)}%`
          : String(Math.round(value));
      const word = row.id === 'return_rate' && series.returnBasis === 'quantity' ? 'units sold' : (COUNT_WORDS[row.id] ?? 'orders');
      const of =
        count === null
          ? ''
          : row.id === 'return_rate' && series.returnBasis !== 'quantity'
            ? ` of ${formatMoney(Math.round(count), currency)} sold`
            : ` from ${count.toLocaleString('en-GB')} ${word}`;
      text = `${info.label}, ${period}: ${shown}${of}`;
    }
    const suggestion = row.problem ? { value: null, why: '' } : suggestTarget(row.values.slice(0, k + 1), info);
    out.push({
      id: row.id,
      source: series.source,
      label: info.label,
      period,
      value,
      count,
      text,
      problem: row.problem,
      suggested: suggestion.value,
      suggestedWhy: suggestion.why,
    });
  }
  return out;
}

/**
 * Every check over the sources as they would be built (a slot → the sheet loaded into it), and each
 * measure's number for its latest period. `names` says how to call each source in the messages (a file or
 * a sheet name).
 */
export function reviewSources(
  loaded: Partial<Record<Source, LoadedSource>>,
  names: Partial<Record<Source, string>>,
  spec: PeriodSpec,
  dates: DateOptions,
): SourcesReview {
  const parts: SourceReviewPart[] = [];
  for (const slot of SLOTS) {
    const l = loaded[slot];
    if (l) parts.push(reviewSource(slot, l, names[slot] ?? slot, spec, dates));
  }
  return combineReviews(parts);
}

const SLOTS = ['sales', 'feedback', 'reviews'] as const;

/**
 * One source's part of a review: its own checks and series, which need no other source (the command line
 * reviews a second file in a thread of its own). combineReviews puts the parts together.
 */
export interface SourceReviewPart {
  readonly slot: Source;
  /** What it holds and whether its dates read: the checks that decide whether it is counted at all. */
  readonly fit: readonly Implausible[];
  /** The checks of its values (amounts, scores, stars), when it is counted. */
  readonly values: readonly Implausible[];
  readonly latest: readonly LatestNumber[];
  /** Its series, when it is counted; `countError` says why counting it failed (the build fails with it). */
  readonly series: SourceSeries | null;
  readonly countError: string | null;
  /** Whether a build over it can take its series from here: it passed the fit checks and counted without error. */
  readonly usable: boolean;
}

export function reviewSource(slot: Source, l: LoadedSource, name: string, spec: PeriodSpec, dates: DateOptions): SourceReviewPart {
  const none = { slot, values: [], latest: [], series: null, countError: null, usable: false };
  const kind = kindCheck(slot, name, l);
  if (kind) return { ...none, fit: [kind] };
  const fit = dateChecks(slot, l, dates);
  if (fit.some((p) => p.check === 'date-unreadable')) return { ...none, fit };
  let series: SourceSeries | null = null;
  let countError: string | null = null;
  try {
    series = sourceSeriesOf({ [slot]: l.source }, spec, dates)[slot] ?? null;
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    countError = e.message;
  }
  const values = slot === 'sales' ? salesChecks(name, l, series ?? undefined) : slot === 'feedback' ? feedbackChecks(l) : reviewChecks(l);
  const latest = series ? latestOf(series, l.setup.currency.code) : [];
  return { slot, fit, values, latest, series, countError, usable: countError === null };
}

/** The parts of a review as one: the checks in the order of the sources, the latest numbers in the measures' order. */
export function combineReviews(parts: readonly SourceReviewPart[]): SourcesReview {
  const bySlot = SLOTS.map((slot) => parts.find((p) => p.slot === slot)).filter((p): p is SourceReviewPart => p !== undefined);
  const problems = [...bySlot.flatMap((p) => p.fit), ...bySlot.flatMap((p) => p.values)];
  const series: Partial<Record<Source, SourceSeries>> = {};
  for (const p of bySlot) if (p.series) series[p.slot] = p.series;
  // Each measure belongs to one source: their order is the measures'.
  const order = (id: MeasureId) => MEASURES.findIndex((m) => m.id === id);
  const latest = bySlot.flatMap((p) => p.latest).sort((x, y) => order(x.id) - order(y.id));
  // A source that failed to count is not usable: the build counts it again and fails with its message.
  const usable = bySlot.filter((p) => p.usable).map((p) => p.slot);
  return { problems, latest, series, usable };
}

/** One source of a reviewed definition: the export it was recognised as and the amounts' currency. */
export interface SourceNote {
  readonly source: Source;
  readonly sheet: string;
  readonly profile: string | null;
  readonly currency: string | null;
}

export interface DefinitionReview extends Review {
  readonly sources: readonly SourceNote[];
}

/**
 * The checks and latest numbers of a scorecard definition over the sheets it names (the wizard's step 2 and
 * its Build step ask for them before anything is built). `read` gives a sheet's values, or null when the
 * sheet is gone. Throws an InputError naming a missing sheet or column.
 */
export function reviewDefinition(
  def: ScorecardDefinition,
  read: (sheet: string) => readonly (readonly Cell[])[] | null,
  dates: DateOptions,
): DefinitionReview {
  const loaded: Partial<Record<Source, LoadedSource>> = {};
  const names: Partial<Record<Source, string>> = {};
  const sources: SourceNote[] = [];
  for (const kind of ['sales', 'feedback', 'reviews'] as const) {
    const ref = def.sources[kind];
    if (!ref) continue;
    const grid = read(ref.sheet);
    if (!grid) fail(`the sheet "${ref.sheet}" (${KIND_WORDS[kind]}) is not in this spreadsheet any more; choose the ${kind} data again`);
    const l = loadSourceOf(ref.sheet, grid, ref);
    loaded[kind] = l;
    names[kind] = ref.sheet;
    sources.push({
      source: kind,
      sheet: ref.sheet,
      profile: profileById(l.table.profile)?.name ?? null,
      currency: l.setup.currency.code ?? null,
    });
  }
  const { problems, latest } = reviewSources(loaded, names, calendarSpec(def.period), dates);
  return { problems, latest, sources };
}
