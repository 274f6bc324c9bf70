import { bestLag, leadLagSentence, leadLagTable } from '../measures/leadLag';

export interface Connection {
  lead: string;
  lag: string;
  lagPeriods: number;
  r: number;
  p: number;
  pairs: number;
  sentence: string;
}

/**
 * Every lead × lag pair with enough periods, each at its best lag (smallest p-value), strongest
 * evidence first. Names are used in the sentence, lower-cased for reading.
 */
export function connectDots(
  leads: { name: string; values: ArrayLike<number> }[],
  lags: { name: string; values: ArrayLike<number> }[],
  maxLag: number,
): Connection[] {
  const out: Connection[] = [];
  for (const lead of leads) {
    for (const lag of lags) {
      const rows = leadLagTable(lead.values, lag.values, maxLag);
      const best = bestLag(rows);
      if (!best || best.r === null || best.p === null) continue;
      out.push({
        lead: lead.name,
        lag: lag.name,
        lagPeriods: best.lag,
        r: best.r,
        p: best.p,
        pairs: best.pairs,
        sentence: leadLagSentence([best], lead.name, lag.name.toLowerCase()),
      });
    }
  }
  return out.sort((a, b) => a.p - b.p || Math.abs(b.r) - Math.abs(a.r));
}
