import { pearson } from '../stats/pearson';
import { correlationPValue } from '../stats/correlationPValue';

export interface LagRow {
  lag: number;
  r: number | null;
  pairs: number;
  p: number | null;
}

/**
 * Connecting lead to lag (DOMAIN.md): for k = 0..maxLag pair lead[t] with lag[t + k] (both present),
 * r = Pearson of the pairs (blank under 3 pairs or when a side does not vary), p two-sided from the
 * t distribution with pairs − 2 degrees of freedom.
 */
export function leadLagTable(lead: ArrayLike<number>, lag: ArrayLike<number>, maxLag: number): LagRow[] {
  const rows: LagRow[] = [];
  const n = lead.length;
  for (let k = 0; k <= maxLag; k++) {
    const xs: number[] = [];
    const ys: number[] = [];
    for (let t = 0; t + k < n; t++) {
      const x = lead[t];
      const y = lag[t + k];
      if (x === x && y === y) {
        xs.push(x);
        ys.push(y);
      }
    }
    const pairs = xs.length;
    const r = pairs >= 3 ? pearson(xs, ys) : null;
    rows.push({ lag: k, r, pairs, p: r === null ? null : correlationPValue(r, pairs) });
  }
  return rows;
}

/** The lag with the smallest p-value (ties: the shorter lag), or null when none could be computed. */
export function bestLag(rows: LagRow[]): LagRow | null {
  let best: LagRow | null = null;
  for (const row of rows) if (row.p !== null && (best === null || row.p < (best.p as number))) best = row;
  return best;
}

function fmt(x: number, digits: number): string {
  return x.toFixed(digits).replace(/^-0\.(0+)$/, '0.$1');
}

export function formatP(p: number): string {
  return p < 0.001 ? '< 0.001' : `= ${fmt(p, p < 0.01 ? 3 : 2)}`;
}

/** The sentence a manager reads under the table. Correlation is evidence, not proof: it says so. */
export function leadLagSentence(rows: LagRow[], leadName = 'the lead measure', lagName = 'the lag measure'): string {
  const best = bestLag(rows);
  if (!best || best.r === null || best.p === null) {
    return `Not enough periods to compare: each lag needs at least 3 periods where both ${leadName} and ${lagName} have values.`;
  }
  const when = best.lag === 0 ? 'in the same period' : best.lag === 1 ? '1 period later' : `${best.lag} periods later`;
  const stats = `(r = ${fmt(best.r, 2)}, p ${formatP(best.p)})`;
  const direction = best.r >= 0 ? 'follows' : 'moves against';
  if (best.p >= 0.05) {
    return `No clear link: the strongest is ${lagName} ${direction} ${leadName} ${when} ${stats}, which could be chance.`;
  }
  return `Best: ${lagName} ${direction} ${leadName} ${when} ${stats}. Evidence, not proof.`;
}
