import type { HealthFrame } from './frame';
import type { Groups } from './groups';
import type { PushCell } from './push';
import type { HealthSales } from './read';
import { EPS, HEALTH_RULES } from './rules';

/**
 * Coasting after target (DOMAIN.md): where a period has a target, the daily sales rate after the day the
 * target was reached against the rate up to and including that day, in calendar days of the period. A rep
 * paid on reaching a target has little reason to sell more once it is reached this period, and a reason to
 * keep deals for the next one (Oyer 1998: agents vary their effort over the fiscal year).
 *
 * The target is reached on the first day the period's running total of sales is at least the target.
 * Flagged when the rate after is at most half the rate before, with at least 7 days on each side, in a
 * whole period (and, for a rep, with at least 20 sales), and the fall larger than chance (HEALTH_RULES.signalZ).
 */
export interface CoastingCell {
  readonly target: number;
  /** The day number the target was reached; null when it was not. */
  readonly reached: number | null;
  /** Days from the period's first day to the day reached, that day included; and the days after it. */
  readonly daysBefore: number;
  readonly daysAfter: number;
  readonly before: number;
  readonly after: number;
  /** Sales a day before and after; null when the target was not reached (or reached on the last day: after). */
  readonly rateBefore: number | null;
  readonly rateAfter: number | null;
  /** rateAfter / rateBefore. */
  readonly ratio: number | null;
  /**
   * How far the daily sales after fell below those before, in standard errors of the two means of daily totals
   * (Welch): (mean before − mean after) / sqrt(s²before / days before + s²after / days after).
   */
  readonly z: number | null;
  /**
   * The same fall in the number of sales: were the period's sales spread evenly over its days, the days after
   * would hold a share daysAfter / days of them; (expected − sales after) / sqrt(n·p·(1 − p)), n the period's
   * sales and p that share. A target is reached on a good day, after good days, so a fall in value alone is
   * partly that luck running out; the count must fall too.
   */
  readonly countZ: number | null;
  readonly flagged: boolean;
}

/** Days from..reached against reached+1..to of a daily series: the Welch z of the fall in the mean. */
function welchZ(days: Float64Array, from: number, reached: number, to: number): number {
  const moments = (a: number, b: number): [number, number, number] => {
    let sum = 0;
    for (let o = a; o <= b; o++) sum += days[o];
    const n = b - a + 1;
    const mean = sum / n;
    let ss = 0;
    for (let o = a; o <= b; o++) ss += (days[o] - mean) ** 2;
    return [mean, ss / (n - 1), n];
  };
  const [mb, vb, nb] = moments(from, reached);
  const [ma, va, na] = moments(reached + 1, to);
  const se = Math.sqrt(vb / nb + va / na);
  const diff = mb - ma;
  return se > 0 ? diff / se : diff === 0 ? 0 : diff > 0 ? Infinity : -Infinity;
}

/** `targets` holds one target per group and period (see Groups), NaN where there is none. */
export function coastingCells(
  s: HealthSales,
  f: HealthFrame,
  g: Groups,
  targets: Float64Array,
  push: readonly PushCell[],
): (CoastingCell | null)[] {
  const k = f.count;
  const size = g.count * k;
  const out: (CoastingCell | null)[] = new Array(size).fill(null);
  if (k === 0) return out;
  const wanted = new Uint8Array(g.count);
  for (let at = 0; at < size; at++) if (targets[at] === targets[at]) wanted[Math.floor(at / k)] = 1;
  // Sales per day, for the groups that have a target: day offsets from the first period's first day.
  const origin = f.start[0];
  const span = f.end[k - 1] - origin + 1;
  const daily: (Float64Array | null)[] = Array.from(wanted, (w) => (w ? new Float64Array(span) : null));
  const sales: (Float64Array | null)[] = Array.from(wanted, (w) => (w ? new Float64Array(span) : null));
  const n = s.amounts.length;
  for (let i = 0; i < n; i++) {
    const a = s.amounts[i];
    if (a !== a || f.slot[i] < 0) continue;
    const o = s.days[i] - origin;
    if (daily[0]) {
      daily[0][o] += a;
      sales[0]![o]++;
    }
    const r = g.of ? g.of[i] : -1;
    if (r > 0 && daily[r]) {
      daily[r]![o] += a;
      sales[r]![o]++;
    }
  }
  for (let at = 0; at < size; at++) {
    const target = targets[at];
    if (target !== target) continue;
    const p = at % k;
    const days = daily[Math.floor(at / k)]!;
    const from = f.start[p] - origin;
    const to = f.end[p] - origin;
    let cum = 0;
    let reached = -1;
    for (let o = from; o <= to; o++) {
      cum += days[o];
      if (cum >= target) {
        reached = o;
        break;
      }
    }
    const total = push[at].sales;
    if (reached < 0) {
      out[at] = {
        target,
        reached: null,
        daysBefore: to - from + 1,
        daysAfter: 0,
        before: total,
        after: 0,
        rateBefore: null,
        rateAfter: null,
        ratio: null,
        z: null,
        countZ: null,
        flagged: false,
      };
      continue;
    }
    const daysBefore = reached - from + 1;
    const daysAfter = to - reached;
    const before = cum;
    const after = total - cum;
    const rateBefore = before / daysBefore;
    const rateAfter = daysAfter > 0 ? after / daysAfter : null;
    const ratio = rateAfter !== null && rateBefore > 0 ? rateAfter / rateBefore : null;
    const z = daysAfter > 1 && daysBefore > 1 ? welchZ(days, from, reached, to) : null;
    const counts = sales[Math.floor(at / k)]!;
    let n = 0;
    let nAfter = 0;
    for (let o = from; o <= to; o++) {
      n += counts[o];
      if (o > reached) nAfter += counts[o];
    }
    const share = daysAfter / (to - from + 1);
    const countSe = Math.sqrt(n * share * (1 - share));
    const countZ = countSe > 0 ? (n * share - nAfter) / countSe : null;
    const enough = at < k || push[at].count >= HEALTH_RULES.minSales;
    out[at] = {
      target,
      reached: origin + reached,
      daysBefore,
      daysAfter,
      before,
      after,
      rateBefore,
      rateAfter,
      ratio,
      z,
      countZ,
      flagged:
        !f.partial[p] &&
        enough &&
        daysBefore >= HEALTH_RULES.coastDays &&
        daysAfter >= HEALTH_RULES.coastDays &&
        ratio !== null &&
        ratio <= HEALTH_RULES.coastRatio + EPS &&
        z !== null &&
        z >= HEALTH_RULES.signalZ &&
        countZ !== null &&
        countZ >= HEALTH_RULES.countZ,
    };
  }
  return out;
}
