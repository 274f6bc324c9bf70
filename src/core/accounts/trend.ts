import { XMR_SCALE, xmr } from '../stats/xmr';

/**
 * Falling revenue, beyond routine variation: an account's revenue in its last 3 complete periods against the
 * 3 before. Routine variation is the account's own, measured as Wheeler's XmR does (core/stats/xmr.ts) on
 * its periods before the last 3: σ = mean moving range / 1.128. A mean of 3 periods varies by σ/√3, the
 * difference of two such means by σ·√(2/3); the drop is beyond routine variation when it is more than 3 of
 * those: before − last > 2.66 · mean moving range · √(2/3) (2.66 = 3 / 1.128, the XmR chart's constant).
 * The baseline needs the 6 periods an XmR chart needs, so an account is judged from 9 periods of history on.
 */
export const TREND_PERIODS = 3;

export interface RevenueTrend {
  /** Mean revenue a period over the last 3 complete periods, and over the 3 before. */
  readonly last: number;
  readonly before: number;
  /** last / before − 1; null when there was nothing before. */
  readonly change: number | null;
  /** Judged: the baseline had enough periods to tell routine variation. */
  readonly judged: boolean;
  readonly falling: boolean;
  /** Nothing in the last 6 periods, after sales before them. */
  readonly stopped: boolean;
}

/**
 * `values`: the account's revenue per period, oldest first, from its first period with a sale to the last
 * complete period of the data (0 for a period without sales). Null with fewer than 6 periods.
 */
export function revenueTrend(values: readonly number[]): RevenueTrend | null {
  const n = values.length;
  if (n < 2 * TREND_PERIODS) return null;
  const mean = (from: number) => {
    let s = 0;
    for (let i = from; i < from + TREND_PERIODS; i++) s += values[i];
    return s / TREND_PERIODS;
  };
  const last = mean(n - TREND_PERIODS);
  const before = mean(n - 2 * TREND_PERIODS);
  const chart = xmr(values.slice(0, n - TREND_PERIODS));
  const limit = chart ? XMR_SCALE * chart.meanMovingRange * Math.sqrt(2 / TREND_PERIODS) : Infinity;
  const stopped = last === 0 && before === 0 && n > 2 * TREND_PERIODS;
  return {
    last,
    before,
    change: before > 0 ? last / before - 1 : null,
    judged: chart !== null,
    falling: chart !== null && last < before && before - last > limit,
    stopped,
  };
}
