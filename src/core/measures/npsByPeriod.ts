import { type Column, badCell, isHeaderCell, requireSome, sameLength } from '../values/column';
import { type DateOptions, cachedDayColumn } from '../values/date';
import { SCORE_EXPECTED, readScore } from '../values/score';
import { type PeriodSpec, MAX_PERIODS, checkPeriodSpan, periodIndexer, periodOfDay } from '../time/periods';
import { localDayReader } from '../time/zone';
import { fail } from '../values/errors';
import { Z95 } from '../stats/normal';
import type { Cell } from '../values/cell';
import { type NpsCounts, type NpsInterval, npsChangeSignificant, npsInterval, npsValue } from './nps';

/**
 * NPS per period (DOMAIN.md), counted once here for NPS_BY_PERIOD and for the scorecard's nps row
 * (MEASURE_SERIES, the command line): responses, promoters and detractors per period, from the period
 * `first` on. No period at all (count 0) when no answer has a date.
 */
export interface NpsPeriodCounts {
  readonly first: number;
  readonly responses: ArrayLike<number>;
  readonly promoters: ArrayLike<number>;
  readonly detractors: ArrayLike<number>;
}

/** A score cell: 0–10, null for none (blank, or the header), or an error naming the cell. */
function scoreAt(col: Column, i: number, c: Cell): number | null {
  if (typeof c === 'number' && c >= 0 && c <= 10 && (c | 0) === c) return c;
  const s = readScore(c);
  if (s !== undefined) return s;
  if (isHeaderCell(col, i, c)) return null;
  return badCell(col, i, SCORE_EXPECTED);
}

/**
 * The counts per period, listing every period from the first answered date to the last. Rows without a
 * score are left out; an answered row without a date too, and rows `keep` does not keep (leave-out rules). Any date cell Sheets hands over is read
 * (Date, serial number or text, day/month order decided per column).
 */
export function npsPeriodCounts(
  dates: Column,
  scores: Column,
  spec: PeriodSpec,
  opts: DateOptions,
  keep: Uint8Array | null = null,
): NpsPeriodCounts {
  sameLength(dates, scores);
  requireSome(scores, 'scores');
  return dateCellCounts(dates, scores, spec, opts, keep) ?? readCounts(dates, scores, spec, opts, keep);
}

/**
 * Two passes: the dates read as a column (so day/month order is decided from all of them, and the scorecard's
 * measures on one date column read it once), then the counts.
 */
function readCounts(dates: Column, scores: Column, spec: PeriodSpec, opts: DateOptions, keep: Uint8Array | null): NpsPeriodCounts {
  const days = cachedDayColumn(dates, opts);
  const n = days.length;
  const score = new Int8Array(n);
  const rows = scores.rows;
  let minDay = Infinity;
  let maxDay = -Infinity;
  for (let i = 0; i < n; i++) {
    const s = scoreAt(scores, i, rows ? rows[i][0] : scores.cells[i]);
    if (s === null || (keep && !keep[i])) {
      score[i] = -1;
      continue;
    }
    score[i] = s;
    const d = days[i];
    if (d < minDay) minDay = d;
    if (d > maxDay) maxDay = d;
  }
  if (minDay === Infinity) return { first: 0, responses: [], promoters: [], detractors: [] };
  const first = periodOfDay(minDay, spec);
  const count = periodOfDay(maxDay, spec) - first + 1;
  checkPeriodSpan(first, first + count - 1, spec, days, dates, (i) => score[i] >= 0);
  const of = periodIndexer(spec);
  const responses = new Float64Array(count);
  const promoters = new Float64Array(count);
  const detractors = new Float64Array(count);
  for (let i = 0; i < n; i++) {
    const sc = score[i];
    const day = days[i];
    if (sc < 0 || day !== day) continue;
    const k = of(day) - first;
    responses[k]++;
    if (sc >= 9) promoters[k]++;
    else if (sc <= 6) detractors[k]++;
  }
  return { first, responses, promoters, detractors };
}

/**
 * One pass when every date is a Date cell (or blank), the common case of a range Sheets hands over: no
 * day column is allocated, as PERIOD_SERIES's dateCellSeries. Returns null at the first other date cell,
 * and the caller reads the column instead.
 */
function dateCellCounts(
  dates: Column,
  scores: Column,
  spec: PeriodSpec,
  opts: DateOptions,
  keep: Uint8Array | null,
): NpsPeriodCounts | null {
  const rows = dates.rows;
  if (!rows) return null;
  const srows = scores.rows;
  const scells = srows ? null : scores.cells;
  const of = periodIndexer(spec);
  let responses: number[] = [];
  let promoters: number[] = [];
  let detractors: number[] = [];
  let lo = 0; // the period of index 0
  const localDay = localDayReader(opts.zone);
  for (let i = 0; i < rows.length; i++) {
    const c = rows[i][0];
    const isDate = c instanceof Date;
    if (!isDate && c !== '' && c !== null && c !== undefined) return null;
    // Every score is checked, dated or not, as the two-pass reading does.
    const s = scoreAt(scores, i, srows ? srows[i][0] : scells![i]);
    if (s === null || !isDate || (keep && !keep[i])) continue;
    const t = c.getTime();
    if (t !== t) return null;
    const p = of(localDay(t));
    if (responses.length === 0) lo = p;
    let k = p - lo;
    // Past the cap, the two-pass reading finds the date that stretches the span and says so.
    if (k >= MAX_PERIODS || responses.length - k > MAX_PERIODS) return null;
    if (k < 0) {
      // An earlier period than any so far: make room in front (rare: exports are in date order).
      const pad = () => new Array<number>(-k).fill(0);
      responses = pad().concat(responses);
      promoters = pad().concat(promoters);
      detractors = pad().concat(detractors);
      lo = p;
      k = 0;
    }
    while (k >= responses.length) {
      responses.push(0);
      promoters.push(0);
      detractors.push(0);
    }
    responses[k]++;
    if (s >= 9) promoters[k]++;
    else if (s <= 6) detractors[k]++;
  }
  if (!responses.length) return null; // no dated answer: the two-pass reading says so
  return { first: lo, responses, promoters, detractors };
}

function countsAt(c: NpsPeriodCounts, k: number): NpsCounts {
  const responses = c.responses[k];
  const promoters = c.promoters[k];
  const detractors = c.detractors[k];
  return { responses, promoters, passives: responses - promoters - detractors, detractors };
}

/** The NPS of each of the given periods (indexes of the counts' spec); null where nobody answered. */
export function npsOfPeriods(c: NpsPeriodCounts, periods: readonly number[]): (number | null)[] {
  return periods.map((p) => {
    const k = p - c.first;
    return k >= 0 && k < c.responses.length && c.responses[k] > 0 ? npsValue(countsAt(c, k)) : null;
  });
}

/** One period of NPS_BY_PERIOD: all but responses are null for a period without answers. */
export interface NpsPeriodRow {
  readonly responses: number;
  readonly nps: number | null;
  readonly marginOfError: number | null;
  /** From the period before, when both have answers. */
  readonly change: number | null;
  readonly significant: boolean | null;
}

/**
 * Every period from the first answered to the last, with its NPS, adjusted-Wald margin of error, the
 * change from the period before and whether it is significant (at 95% with the default z).
 */
export function npsByPeriod(
  dates: Column,
  scores: Column,
  spec: PeriodSpec,
  opts: DateOptions,
  z = Z95,
): { first: number; rows: NpsPeriodRow[] } {
  const counts = npsPeriodCounts(dates, scores, spec, opts);
  if (counts.responses.length === 0) fail('no answer has a date; check that dates and scores are the same rows');
  const rows: NpsPeriodRow[] = [];
  let prev: { nps: number; ci: NpsInterval } | null = null;
  for (let k = 0; k < counts.responses.length; k++) {
    const n = counts.responses[k];
    if (n === 0) {
      rows.push({ responses: 0, nps: null, marginOfError: null, change: null, significant: null });
      prev = null;
      continue;
    }
    const c = countsAt(counts, k);
    const nps = npsValue(c);
    const ci = npsInterval(c, z);
    rows.push({
      responses: n,
      nps,
      marginOfError: ci.marginOfError,
      change: prev ? nps - prev.nps : null,
      significant: prev ? npsChangeSignificant(prev.ci, ci, z) : null,
    });
    prev = { nps, ci };
  }
  return { first: counts.first, rows };
}
