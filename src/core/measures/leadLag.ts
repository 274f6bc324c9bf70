import { pearson } from '../stats/pearson';
import { correlationPValue } from '../stats/correlationPValue';
import { ar1Coefficient } from '../stats/ar1Coefficient';
import { prewhiten } from '../stats/prewhiten';

/** Fewer prewhitened pairs than this at a lag: no p-value there, and no claim (DOMAIN.md step 3). */
export const MIN_PAIRS = 8;
/** A link is claimed where the deciding number (adjusted p, or q in a table) is below this. */
export const CLAIM_BELOW = 0.05;
/** …and called strong evidence below this (some evidence from here to CLAIM_BELOW). */
export const STRONG_BELOW = 0.01;

/** One lag k of a lead/lag analysis: lead[t] against lag[t + k]. */
export interface LagRow {
  readonly lag: number;
  /** Pearson r of the raw pairs where both are present, as CORREL gives it; null under 3 pairs or when a side does not vary. */
  readonly r: number | null;
  /** How many raw pairs r is computed from. */
  readonly rawPairs: number;
  /** Pearson r of the prewhitened pairs (x'[t], y'[t + k]); null under 3 pairs or when a side does not vary. */
  readonly prewhitenedR: number | null;
  /** How many prewhitened pairs there are. */
  readonly pairs: number;
  /** Two-sided p of the prewhitened r, with pairs − 2 degrees of freedom; null under MIN_PAIRS pairs. */
  readonly p: number | null;
}

export interface LeadLagResult {
  /** The AR(1) coefficient fitted on the lead series, or null when it cannot be fitted. */
  readonly phi: number | null;
  readonly rows: readonly LagRow[];
  /** The lag with the smallest p-value (ties: the shorter lag), or null when no lag has one. */
  readonly best: LagRow | null;
  /** The best lag's p with Bonferroni over the lags tried: min(1, p · (max_lag + 1)). */
  readonly adjustedP: number | null;
  /**
   * Which series does not vary where a lag had enough pairs but no r ('lead' also when φ cannot be
   * fitted because the lead is constant), or null.
   */
  readonly flat: 'lead' | 'lag' | null;
}

/** A lead series with its AR(1) coefficient and its prewhitened values, fitted once for every lag series it meets. */
export interface PreparedLead {
  readonly values: ArrayLike<number>;
  /** φ fitted on the lead, or null when it cannot be fitted. */
  readonly phi: number | null;
  /** The lead prewhitened with φ (with 0 when φ is null: only its pairs are counted then). */
  readonly whitened: Float64Array;
}

/** DOMAIN.md step 2 on the lead: φ by least squares, and the lead filtered with it. */
export function prepareLead(lead: ArrayLike<number>): PreparedLead {
  const phi = ar1Coefficient(lead);
  // Without φ (a lead that does not vary, or under 2 consecutive values) the filter runs with φ = 0 only
  // to count the pairs the prewhitened series would have; no r or p comes from it.
  return { values: lead, phi, whitened: prewhiten(lead, phi ?? 0) };
}

/**
 * Connecting lead to lag (DOMAIN.md), steps 1–4: for k = 0..maxLag the raw r of lead[t] with
 * lag[t + k]; then both series prewhitened with the AR(1) coefficient φ fitted on the lead
 * (x'[t] = lead[t] − φ·lead[t − 1], y'[t] = lag[t] − φ·lag[t − 1]); per lag the prewhitened r, its
 * pairs and its two-sided p (t = r·√((pairs − 2)/(1 − r²)), pairs − 2 degrees of freedom; none under
 * 8 pairs); the best lag (smallest p, ties to the shorter) and its adjusted p = min(1, p · (maxLag + 1)).
 * Missing values are NaN. The two series must be the same length (the same periods).
 */
export function leadLag(lead: ArrayLike<number>, lag: ArrayLike<number>, maxLag: number): LeadLagResult {
  return leadLagOf(prepareLead(lead), lag, maxLag, 'every lag');
}

/**
 * `leadLag` on a prepared lead. With `rawR` 'best lag' the raw r is computed at the best lag only (the
 * other rows' r is null, their rawPairs still counted): what a table of best lags needs.
 */
export function leadLagOf(prepared: PreparedLead, lag: ArrayLike<number>, maxLag: number, rawR: 'every lag' | 'best lag'): LeadLagResult {
  const lead = prepared.values;
  const n = lead.length;
  if (lag.length !== n) throw new RangeError(`leadLag: the series differ in length (${n} vs ${lag.length})`);
  const phi = prepared.phi;
  const x = prepared.whitened;
  const y = prewhiten(lag, phi ?? 0);
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  const rows: LagRow[] = [];
  let best: LagRow | null = null;
  let flat: 'lead' | 'lag' | null = null;
  const everyLag = rawR === 'every lag';
  for (let k = 0; k <= maxLag; k++) {
    const rawPairs = everyLag ? collect(lead, lag, k, xs, ys) : countPairs(lead, lag, k);
    const r = everyLag && rawPairs >= 3 ? pearson(xs.subarray(0, rawPairs), ys.subarray(0, rawPairs)) : null;
    const pairs = collect(x, y, k, xs, ys);
    const prewhitenedR = phi !== null && pairs >= 3 ? pearson(xs.subarray(0, pairs), ys.subarray(0, pairs)) : null;
    const p = prewhitenedR !== null && pairs >= MIN_PAIRS ? correlationPValue(prewhitenedR, pairs) : null;
    if (flat === null && p === null && pairs >= MIN_PAIRS) flat = phi === null || constant(xs, pairs) ? 'lead' : 'lag';
    const row: LagRow = { lag: k, r, rawPairs, prewhitenedR, pairs, p };
    rows.push(row);
    if (p !== null && (best === null || p < (best.p as number))) best = row;
  }
  if (!everyLag && best !== null) {
    const rawPairs = collect(lead, lag, best.lag, xs, ys);
    best = { ...best, r: rawPairs >= 3 ? pearson(xs.subarray(0, rawPairs), ys.subarray(0, rawPairs)) : null };
    rows[best.lag] = best;
  }
  const adjustedP = best === null ? null : Math.min(1, (best.p as number) * (maxLag + 1));
  return { phi, rows, best, adjustedP, flat: best === null ? flat : null };
}

function constant(xs: Float64Array, m: number): boolean {
  for (let i = 1; i < m; i++) if (xs[i] !== xs[0]) return false;
  return true;
}

/** How many pairs (a[t], b[t + k]) have both present. */
function countPairs(a: ArrayLike<number>, b: ArrayLike<number>, k: number): number {
  let m = 0;
  for (let t = 0; t + k < a.length; t++) if (a[t] === a[t] && b[t + k] === b[t + k]) m++;
  return m;
}

/** The pairs (a[t], b[t + k]) where both are present, into xs and ys; returns how many. */
function collect(a: ArrayLike<number>, b: ArrayLike<number>, k: number, xs: Float64Array, ys: Float64Array): number {
  let m = 0;
  for (let t = 0; t + k < a.length; t++) {
    const u = a[t];
    const v = b[t + k];
    if (u === u && v === v) {
      xs[m] = u;
      ys[m] = v;
      m++;
    }
  }
  return m;
}

// ------------------------------------------------------------------------------------------------
// The reading: one sentence a manager reads, with the direction, the lag, r, how sure, and that it
// is evidence, not proof.
// ------------------------------------------------------------------------------------------------

/** How a reading names a measure, and whether it takes a plural verb ("orders follow"). */
export interface Noun {
  readonly text: string;
  readonly plural: boolean;
}

export const LEAD_NOUN: Noun = { text: 'the lead measure', plural: false };
export const LAG_NOUN: Noun = { text: 'the lag measure', plural: false };

/** The number a claim is decided on: the adjusted p of a single LEADLAG, or the q-value in a table. */
export interface Deciding {
  readonly name: 'adjusted p' | 'q';
  readonly value: number | null;
}

export type Evidence = 'strong' | 'some' | 'none' | 'cannot tell';

/** Strong below 0.01, some below 0.05 (a claim), none otherwise; cannot tell without a p-value. */
export function evidenceOf(value: number | null): Evidence {
  if (value === null) return 'cannot tell';
  return value < STRONG_BELOW ? 'strong' : value < CLAIM_BELOW ? 'some' : 'none';
}

function fixed(x: number, digits: number): string {
  const s = x.toFixed(digits);
  return /^-0\.0*$/.test(s) ? s.slice(1) : s;
}

/**
 * A p- or q-value as a reading shows it: "< 0.001", else two significant digits, with more where two
 * would round it onto or across a threshold of the reading (0.0496 is "0.0496", never "0.050").
 */
export function formatProbability(p: number): string {
  if (p < 0.001) return '< 0.001';
  for (let digits = 2; digits <= 6; digits++) {
    const shown = Number(p.toPrecision(digits));
    if (p < CLAIM_BELOW === shown < CLAIM_BELOW && p < STRONG_BELOW === shown < STRONG_BELOW) {
      return `= ${String(shown)}`;
    }
  }
  return `= ${String(p)}`;
}

function when(k: number): string {
  return k === 0 ? 'in the same period' : k === 1 ? '1 period later' : `${k} periods later`;
}

function verb(subject: Noun, r: number): string {
  if (r >= 0) return subject.plural ? 'follow' : 'follows';
  return subject.plural ? 'move against' : 'moves against';
}

/**
 * The reading of one lead/lag analysis. A link is claimed ("strong evidence", "some evidence") only
 * where the deciding number is below 0.05; "no evidence yet" otherwise; "too few periods to tell"
 * when no lag has the 8 prewhitened pairs a p-value needs.
 */
export function leadLagReading(result: LeadLagResult, lead: Noun, lag: Noun, deciding: Deciding): string {
  const best = result.best;
  if (best === null || best.prewhitenedR === null || deciding.value === null) {
    if (result.flat !== null) {
      const noun = result.flat === 'lead' ? lead : lag;
      return `Cannot tell: ${noun.text} ${noun.plural ? 'do' : 'does'} not vary over these periods (after prewhitening).`;
    }
    let most = 0;
    for (const row of result.rows) if (row.pairs > most) most = row.pairs;
    return (
      `Too few periods to tell: a reading needs ${MIN_PAIRS} pairs of periods where both measures have a value ` +
      `(and had one the period before), and ${lag.text} against ${lead.text} ${most === 0 ? 'has none' : `has at most ${most}`}.`
    );
  }
  const r = best.prewhitenedR;
  const sure = `${deciding.name} ${formatProbability(deciding.value)}`;
  const stats = `r = ${fixed(r, 2)} after prewhitening`;
  const link = `${lag.text} ${verb(lag, r)} ${lead.text}`;
  const level = evidenceOf(deciding.value);
  if (level === 'none') {
    return `No evidence yet that ${link}: the strongest is ${when(best.lag)}, with ${stats} and ${sure}, which could be chance.`;
  }
  return `${level === 'strong' ? 'Strong' : 'Some'} evidence that ${link} ${when(best.lag)} (${stats}, ${sure}). Evidence, not proof.`;
}
