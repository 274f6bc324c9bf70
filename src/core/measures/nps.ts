import { type Column, badCell, requireSome, isHeaderCell } from '../values/column';
import { SCORE_EXPECTED, readScore } from '../values/score';
import { fail } from '../values/errors';
import { Z95 } from '../stats/normal';
import { type RatioRows } from './ratio';

/**
 * Net Promoter Score (DOMAIN.md): answers 0–10 to "How likely are you to refer us to a colleague?";
 * promoters ≥ 9, detractors ≤ 6; NPS = 100·(P − D)/n, from −100 to +100.
 * Rows: num = +1 promoter / −1 detractor / 0 passive, den = 1 per answer (0 for a blank).
 */
export function npsRows(scores: Column): RatioRows {
  requireSome(scores, 'scores');
  const cells = scores.cells;
  const n = cells.length;
  const num = new Float64Array(n);
  const den = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const c = cells[i];
    const s = typeof c === 'number' && c >= 0 && c <= 10 && Number.isInteger(c) ? c : readScore(c);
    if (s === null) continue;
    if (s === undefined) {
      if (isHeaderCell(scores, i, c)) continue;
      badCell(scores, i, SCORE_EXPECTED);
    }
    den[i] = 1;
    num[i] = s >= 9 ? 1 : s <= 6 ? -1 : 0;
  }
  return { num, den };
}

export interface NpsCounts {
  responses: number;
  promoters: number;
  passives: number;
  detractors: number;
}

export function npsCounts(rows: RatioRows, only?: (i: number) => boolean): NpsCounts {
  let responses = 0;
  let promoters = 0;
  let detractors = 0;
  for (let i = 0; i < rows.den.length; i++) {
    if (rows.den[i] === 0 || (only && !only(i))) continue;
    responses++;
    if (rows.num[i] > 0) promoters++;
    else if (rows.num[i] < 0) detractors++;
  }
  return { responses, promoters, passives: responses - promoters - detractors, detractors };
}

export function npsValue(c: NpsCounts): number {
  if (c.responses === 0) fail('no scores to score; the range holds only blanks');
  return (100 * (c.promoters - c.detractors)) / c.responses;
}

export interface NpsInterval {
  /** Adjusted-Wald point estimate as a fraction, m = p − d. */
  m: number;
  /** Its standard error. */
  se: number;
  marginOfError: number;
  low: number;
  high: number;
}

/**
 * Adjusted-Wald interval (Rocks 2016): n' = n + 3, p = (P + 0.75)/n', d = (D + 0.75)/n',
 * m = p − d, se = sqrt((p + d − m²)/n'); interval 100·(m ± z·se) clipped to [−100, 100].
 */
export function npsInterval(c: NpsCounts, z: number): NpsInterval {
  const n1 = c.responses + 3;
  const p = (c.promoters + 0.75) / n1;
  const d = (c.detractors + 0.75) / n1;
  const m = p - d;
  const se = Math.sqrt((p + d - m * m) / n1);
  const moe = 100 * z * se;
  return {
    m,
    se,
    marginOfError: moe,
    low: Math.max(-100, 100 * m - moe),
    high: Math.min(100, 100 * m + moe),
  };
}

/** Whether NPS changed significantly between two samples (DOMAIN.md): at 95% with the default z. */
export function npsChangeSignificant(before: NpsInterval, after: NpsInterval, z = Z95): boolean {
  return Math.abs(after.m - before.m) > z * Math.sqrt(before.se * before.se + after.se * after.se);
}
