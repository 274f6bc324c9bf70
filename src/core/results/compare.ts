import { Z95 } from '../stats/normal';
import { wilsonInterval } from '../stats/wilson';
import { xmr } from '../stats/xmr';
import { npsChangeSignificant, npsInterval } from '../measures/nps';
import { type ResultMeasure, RESULT_MEASURES } from './measure';

/**
 * Did an action move its measure? The rule (README "Did it work?", under "Surveys and the improvement loop"), for the window before the action and the
 * window after it:
 *
 * 1. **Enough answers.** Each window needs at least MIN_ANSWERS counted rows (answers, orders due, sales,
 *    low reviews); with fewer, the reading is "too few answers to tell", whatever the numbers say.
 * 2. **Routine variation, where the measure has a history.** When at least 6 windows of the same length up to
 *    the opened day (the before window and the ones before it, at most 12, each with MIN_ANSWERS or more)
 *    have a value, their natural process limits (DOMAIN.md, XmR: mean ± 2.66 × mean moving range) are
 *    routine variation: the after window moved when its value lies outside them (and beyond the before
 *    window's the same way: a measure that was already there before the action was not moved by it).
 * 3. **Otherwise, the two windows' counts** (one customer rarely answers six windows running): the change is
 *    beyond chance at 95% by the measure's own test: NPS and net comparison by DOMAIN.md's adjusted-Wald
 *    change rule; CSAT, on time and review response by Newcombe's interval for a difference of two
 *    proportions from their Wilson intervals (it must leave out 0); returns, a ratio of sums, by the ratio
 *    estimator's standard error (|z| > 1.96).
 *
 * A move is "better" or "worse" by the measure's direction (fewer returns is better).
 */
export const MIN_ANSWERS = 3;
/** The most windows of history the limits are taken from. */
export const BASELINE_WINDOWS = 12;
/** The fewest windows with a value for limits (DOMAIN.md: XmR needs at least 6 periods). */
export const BASELINE_MIN = 6;

/** What one window holds: the counted rows and their sums. */
export interface WindowCount {
  /** Rows counted. */
  readonly n: number;
  /** Σ num and Σ den of the rows (NPS: +1 promoter / −1 detractor over answers; returns: returned over sold). */
  readonly num: number;
  readonly den: number;
  /** Rows with num > 0 and num < 0 (promoters / better, detractors / worse). */
  readonly pos: number;
  readonly neg: number;
  /** Σ num², Σ num·den, Σ den²: the spread of a ratio of sums about any rate. */
  readonly nn: number;
  readonly nd: number;
  readonly dd: number;
}

export const EMPTY_WINDOW: WindowCount = { n: 0, num: 0, den: 0, pos: 0, neg: 0, nn: 0, nd: 0, dd: 0 };

/** The measure's value over a window (NPS in points, the others as fractions); null when nothing counts. */
export function windowValue(m: ResultMeasure, c: WindowCount): number | null {
  if (c.n === 0 || c.den === 0) return null;
  if (m === 'nps') return (100 * (c.pos - c.neg)) / c.n;
  if (m === 'net_comparison') return (c.pos - c.neg) / c.n;
  return c.num / c.den;
}

export type Verdict = 'better' | 'worse' | 'same' | 'few';

export interface Comparison {
  readonly verdict: Verdict;
  /** How it was decided: the limits of the measure's history, or the two windows' counts. */
  readonly method: 'limits' | 'counts' | null;
  /** With `limits`: the limits and how many windows they come from. */
  readonly limits?: { readonly lower: number; readonly upper: number; readonly windows: number };
}

/** Whether two windows' counts differ beyond chance at 95%, by the measure's test; the sign of the change. */
export function countsDiffer(m: ResultMeasure, before: WindowCount, after: WindowCount): boolean {
  if (m === 'nps' || m === 'net_comparison') {
    const as = (c: WindowCount) => ({ responses: c.n, promoters: c.pos, detractors: c.neg, passives: c.n - c.pos - c.neg });
    return npsChangeSignificant(npsInterval(as(before), Z95), npsInterval(as(after), Z95), Z95);
  }
  if (m === 'return_rate') return Math.abs(ratioZ(before, after)) > Z95;
  return newcombeExcludesZero(before.num, before.den, after.num, after.den);
}

/**
 * Newcombe's hybrid score interval (1998, method 10) for p₂ − p₁ from the two Wilson intervals:
 * [d − √((p₂ − l₂)² + (u₁ − p₁)²), d + √((u₂ − p₂)² + (p₁ − l₁)²)]; true when it leaves out 0.
 */
export function newcombeExcludesZero(k1: number, n1: number, k2: number, n2: number, z = Z95): boolean {
  const a = wilsonInterval(k1, n1, z);
  const b = wilsonInterval(k2, n2, z);
  if (!a || !b) return false;
  const p1 = k1 / n1;
  const p2 = k2 / n2;
  const d = p2 - p1;
  const low = d - Math.sqrt((p2 - b.low) ** 2 + (a.high - p1) ** 2);
  const high = d + Math.sqrt((b.high - p2) ** 2 + (p1 - a.low) ** 2);
  return low > 0 || high < 0;
}

/**
 * z of the change in a ratio of sums (Σ num / Σ den) between two windows: each window's variance by
 * linearisation, Σ (num − R·den)² / (Σ den)², R the two windows' pooled rate (as target health does).
 */
export function ratioZ(before: WindowCount, after: WindowCount): number {
  const r = (before.num + after.num) / (before.den + after.den);
  const spread = (c: WindowCount) => Math.max(0, c.nn - 2 * r * c.nd + r * r * c.dd) / (c.den * c.den);
  const se = Math.sqrt(spread(before) + spread(after));
  const diff = after.num / after.den - before.num / before.den;
  if (se > 0) return diff / se;
  return diff === 0 ? 0 : diff > 0 ? Infinity : -Infinity;
}

/**
 * The verdict for one action. `history`: the windows before the before window, newest first (their counts).
 */
export function compareWindows(m: ResultMeasure, before: WindowCount, after: WindowCount, history: readonly WindowCount[]): Comparison {
  if (before.n < MIN_ANSWERS || after.n < MIN_ANSWERS) return { verdict: 'few', method: null };
  const good = (up: boolean): Verdict => ((RESULT_MEASURES[m].better === 'higher') === up ? 'better' : 'worse');
  const a = windowValue(m, after)!;
  const b = windowValue(m, before)!;
  // The measure's own history, oldest first, ending with the before window.
  const baseline: number[] = [];
  for (const c of [...history.slice(0, BASELINE_WINDOWS - 1)].reverse().concat([before])) {
    const v = c.n >= MIN_ANSWERS ? windowValue(m, c) : null;
    if (v !== null) baseline.push(v);
  }
  if (baseline.length >= BASELINE_MIN) {
    const chart = xmr(baseline)!;
    const limits = { lower: chart.lower, upper: chart.upper, windows: baseline.length };
    // Beyond the limits, and beyond the before window the same way: a measure already there before the action did not move.
    if (a > chart.upper && a > b) return { verdict: good(true), method: 'limits', limits };
    if (a < chart.lower && a < b) return { verdict: good(false), method: 'limits', limits };
    return { verdict: 'same', method: 'limits', limits };
  }
  if (a !== b && countsDiffer(m, before, after)) return { verdict: good(a > b), method: 'counts' };
  return { verdict: 'same', method: 'counts' };
}
