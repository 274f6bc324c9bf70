import { type Evidence, type LeadLagResult, type Noun, evidenceOf, leadLagOf, leadLagReading, prepareLead } from '../measures/leadLag';
import { benjaminiHochberg } from '../stats/benjaminiHochberg';
import { MEASURES } from './measures';

/** One lead × lag pair of a "Connect the dots" table, at its best lag. */
export interface Connection {
  /** The names as given. */
  readonly lead: string;
  readonly lag: string;
  /** The best lag in periods (smallest p), or null when no lag has a p-value. */
  readonly lagPeriods: number | null;
  /** Raw r at the best lag (as CORREL gives it). */
  readonly r: number | null;
  readonly prewhitenedR: number | null;
  /** Prewhitened pairs at the best lag; without a best lag, the most any lag has. */
  readonly pairs: number;
  /** Bonferroni over the lags: min(1, p · (max_lag + 1)). */
  readonly adjustedP: number | null;
  /** Benjamini–Hochberg over the adjusted p of every pair of the table that has one. */
  readonly q: number | null;
  /** How the reading grades it: a link is claimed only for 'strong' and 'some' (q < 0.05). */
  readonly evidence: Evidence;
  readonly sentence: string;
}

export interface NamedSeries {
  readonly name: string;
  readonly values: ArrayLike<number>;
}

/**
 * "Connect the dots" (DOMAIN.md, "Connecting lead to lag", step 5): every lead × lag pair analysed
 * as LEADLAG does, its best lag's adjusted p turned into a q-value by Benjamini–Hochberg over every
 * pair of the table, a link claimed only where q < 0.05. One entry per pair, sorted by q, then by
 * adjusted p (pairs without a p-value last, in the order given).
 */
export function connectDots(leads: readonly NamedSeries[], lags: readonly NamedSeries[], maxLag: number): Connection[] {
  const found: { lead: NamedSeries; lag: NamedSeries; result: LeadLagResult; order: number }[] = [];
  for (const lead of leads) {
    // φ and the prewhitened lead once per lead; the raw r only at the best lag, the one the table shows.
    const prepared = prepareLead(lead.values);
    for (const lag of lags) found.push({ lead, lag, result: leadLagOf(prepared, lag.values, maxLag, 'best lag'), order: found.length });
  }
  const q = benjaminiHochberg(found.map((f) => f.result.adjustedP));
  const out = found.map(({ lead, lag, result }, i): Connection & { order: number } => {
    const best = result.best;
    let most = 0;
    for (const row of result.rows) if (row.pairs > most) most = row.pairs;
    return {
      lead: lead.name,
      lag: lag.name,
      lagPeriods: best ? best.lag : null,
      r: best ? best.r : null,
      prewhitenedR: best ? best.prewhitenedR : null,
      pairs: best ? best.pairs : most,
      adjustedP: result.adjustedP,
      q: q[i],
      evidence: evidenceOf(q[i]),
      sentence: leadLagReading(result, nounOf(lead.name, 'lead'), nounOf(lag.name, 'lag'), { name: 'q', value: q[i] }),
      order: i,
    };
  });
  out.sort((a, b) => {
    if (a.q === null || b.q === null) return a.q === b.q ? a.order - b.order : a.q === null ? 1 : -1;
    return a.q - b.q || (a.adjustedP as number) - (b.adjustedP as number) || a.order - b.order;
  });
  return out.map(({ order: _order, ...c }) => c);
}

/** A name longer than this is cut in a reading (the cell beside it holds the whole name). */
export const NOUN_MAX = 80;
const BY_NAME = new Map<string, Noun>();
for (const m of MEASURES) {
  const noun = { text: m.phrase, plural: m.plural };
  BY_NAME.set(m.label.toLowerCase(), noun);
  BY_NAME.set(m.id, noun);
}

/**
 * How a reading names a measure: a scorecard measure (by its label or id) by its phrase, with its
 * grammatical number; any other name as written, its first letter lower-cased unless it starts an
 * acronym ("Sales" → "sales", "NPS" stays), plural when its head word reads as an English plural
 * ("Sales", "Orders", "Bookings", "Number of orders" is singular: the head is before "of"). A blank
 * name reads "the lead measure" / "the lag measure"; a long one is cut to 80 letters.
 */
export function nounOf(name: string, kind: 'lead' | 'lag'): Noun {
  const text = name.trim().replace(/\s+/g, ' ');
  if (text === '') return { text: `the ${kind} measure`, plural: false };
  const known = BY_NAME.get(text.toLowerCase());
  if (known) return known;
  const cut = text.length > NOUN_MAX ? `${text.slice(0, NOUN_MAX - 1).trimEnd()}…` : text;
  const shown = /^[A-Z][a-z]/.test(cut) ? cut[0].toLowerCase() + cut.slice(1) : cut;
  return { text: shown, plural: looksPlural(text) };
}

const SINGULAR_ENDINGS = /(ss|us|is|ness)$/;

function looksPlural(name: string): boolean {
  // The head word: before "of"/"per"/"by", outside brackets, the last word ("average order value" → value).
  const head = name
    .replace(/\([^)]*\)/g, ' ')
    .toLowerCase()
    .split(/\s+(?:of|per|by|from|in|for)\s+/)[0];
  const words = head.match(/[a-z]+/g);
  if (!words) return false;
  const last = words[words.length - 1];
  return last.length > 2 && last.endsWith('s') && !SINGULAR_ENDINGS.test(last);
}
