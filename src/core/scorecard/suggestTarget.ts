import { median } from '../stats/median';
import { type MeasureInfo } from './measures';
import { roundTo, shownDecimals } from './precision';

/**
 * A target suggested from a measure's own history, for a manager who has not typed one (issue "targets
 * that exist"): the median of the last SUGGEST_BASE periods with a value, one typical step better (the
 * typical step is the median of the period-to-period changes over the last SUGGEST_STEPS periods), but no
 * better than the best of those SUGGEST_BASE periods.
 *
 * Why this rule: the median is where the measure usually is, so one lucky period does not set the bar;
 * one typical step is a move the measure already makes from one period to the next, so meeting it takes
 * the usual level to improve, not a miracle; and a recent period has already reached the cap, so the
 * target has been shown to be possible. "Better than the best of the last 4" alone would make a noisy
 * measure's routine high the new normal and leave the team "off track" by noise; the median plus a step
 * alone would, on a noisy measure (NPS from 90 answers moves ±30 points a month), ask for more than any
 * recent month reached.
 *
 * The value is kept inside what the measure can be (a rate within 0–100%, NPS within −100..100), rounded to
 * the precision it is shown at, and sums of 1,000 or more to three significant figures (51,854 → 51,900).
 * Needs SUGGEST_MIN periods with a value; fewer: no suggestion, and `why` says so.
 */
export const SUGGEST_BASE = 6;
export const SUGGEST_STEPS = 12;
export const SUGGEST_MIN = 4;

export interface SuggestedTarget {
  /** Null when the history is too short. */
  readonly value: number | null;
  /** The rule and its figures, in words, for the cell note and the wizard. */
  readonly why: string;
}

/** What a measure can be: a rate from 0 to 1, NPS from −100 to 100, a comparison from −1 to 1, a count from 0. */
export function measureBounds(info: Pick<MeasureInfo, 'id' | 'format'>): [number, number] {
  if (info.id === 'nps') return [-100, 100];
  if (info.id === 'net_comparison') return [-1, 1];
  if (info.id === 'margin' || info.id === 'margin_pct') return [-Infinity, info.format.endsWith('%') ? 1 : Infinity];
  if (info.format.endsWith('%')) return [0, 1];
  return [0, Infinity];
}

function shown(x: number, format: string): string {
  const d = shownDecimals(format);
  if (format.endsWith('%')) return `${roundTo(x * 100, Math.max(0, d - 2)).toFixed(Math.max(0, d - 2))}%`;
  return roundTo(x, d)
    .toFixed(d)
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export function suggestTarget(values: readonly (number | null)[], info: Pick<MeasureInfo, 'id' | 'format' | 'better'>): SuggestedTarget {
  const known: number[] = [];
  for (const v of values) if (v !== null && Number.isFinite(v)) known.push(v);
  if (known.length < SUGGEST_MIN)
    return { value: null, why: `No target suggested: needs ${SUGGEST_MIN} periods with a value, and the data has ${known.length}.` };
  const base = median(known.slice(-SUGGEST_BASE))!;
  const recent = known.slice(-SUGGEST_STEPS);
  const steps: number[] = [];
  for (let i = 1; i < recent.length; i++) steps.push(Math.abs(recent[i] - recent[i - 1]));
  const step = median(steps)!;
  const [lo, hi] = measureBounds(info);
  const recentBase = known.slice(-SUGGEST_BASE);
  const higher = info.better === 'higher';
  const best = higher ? Math.max(...recentBase) : Math.min(...recentBase);
  const stepped = higher ? base + step : base - step;
  const capped = higher ? stepped > best : stepped < best;
  let value = Math.min(hi, Math.max(lo, capped ? best : stepped));
  const d = shownDecimals(info.format);
  value = roundTo(value, d);
  if (!info.format.endsWith('%') && Math.abs(value) >= 1000) value = Number(value.toPrecision(3));
  const n = Math.min(SUGGEST_BASE, known.length);
  const rule =
    `the median of the last ${n} periods (${shown(base, info.format)}) ${higher ? 'plus' : 'minus'} one typical ` +
    `period-to-period step (${shown(step, info.format)})` +
    (capped
      ? `, held at the ${higher ? 'best' : 'lowest'} of those periods (${shown(best, info.format)}), which shows it can be done`
      : '');
  return {
    value,
    why: `Suggested from the history: ${rule}. Meeting it takes the usual level to improve. Type your own target to replace it.`,
  };
}
