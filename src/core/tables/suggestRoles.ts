import { type Cell } from '../values/cell';
import { fail } from '../values/errors';
import { type HeaderMatch, headerMatches } from './headerWords';
import { type Profile, profileColumn } from './profile';
import { MULTI_COLUMN_ROLES, ROLES, ROLE_LABELS, type Role } from './roles';

/** The wizard's guess for one column, which the manager confirms or overrides. */
export interface RoleSuggestion {
  /** 0-based index among the table's columns (headers[column]). */
  readonly column: number;
  readonly header: string;
  /** The best role not taken by a more confident column, or null. */
  readonly role: Role | null;
  /** 0..1: about 0.9 and up when the header and the values agree, 0.5 or less on values alone. */
  readonly confidence: number;
  /** In words, e.g. 'header "Net Sales (£)" mentions sales; 98% of values are amounts'. */
  readonly why: string;
  /** Other roles that fit, most likely first (for the wizard's drop-down). */
  readonly alternatives: readonly { readonly role: Role; readonly confidence: number }[];
}

/** Below this a guess is noise: the column is left without a role for the manager to set. */
const MIN_CONFIDENCE = 0.2;

/** How well the values fit a role, 0..1, and the words that say so ("are dates"). */
function fit(role: Role, p: Profile, headerSaysDate: boolean): { share: number; score: number; says: string } {
  const dates = headerSaysDate ? Math.max(p.dates, p.serials) : p.dates;
  const names = p.text * (1 - p.sentences);
  switch (role) {
    case 'date':
    case 'promised_date':
    case 'delivered_date':
      return { share: dates, score: dates, says: 'are dates' };
    case 'order_id': {
      const ids = p.codes + p.idNumbers;
      // Order lines repeat their order's id, but ids are never a handful of values.
      return { share: ids, score: ids * (p.distinct >= Math.min(20, p.n * 0.3) ? 1 : 0.5), says: 'look like order or invoice numbers' };
    }
    case 'customer':
      return { share: names, score: names, says: `are names (${p.distinct} different)` };
    case 'rep':
    case 'role':
      // A handful of people or job titles, each on many rows.
      return {
        share: names,
        score: names * (p.distinct <= 50 && p.distinct <= p.n * 0.5 ? 1 : 0.6),
        says: `are names (${p.distinct} different)`,
      };
    case 'amount':
    case 'cost':
    case 'margin':
    case 'discount':
      return { share: p.numbers, score: p.numbers, says: 'are amounts' };
    case 'quantity':
      return { share: p.wholeNumbers, score: p.wholeNumbers, says: 'are whole numbers' };
    case 'refunded':
      return { share: p.numbers, score: p.numbers, says: 'are amounts' };
    case 'status':
      // A handful of words (paid, refunded, cancelled…) repeated over many rows.
      return {
        share: p.text,
        score: p.text * (p.distinct <= 12 && p.distinct <= p.n * 0.3 ? 1 : 0.3),
        says: `are a few words (${p.distinct} different)`,
      };
    case 'returned': {
      const s = Math.min(1, p.wholeNumbers + p.yesNo);
      return { share: s, score: s, says: 'are counts or yes/no' };
    }
    case 'referral_score':
      // 0..10 answers use the top of the scale; a column of 1..5 is more likely stars or satisfaction.
      return { share: p.scores, score: p.scores * (p.scoresBeyondFive ? 1 : 0.6), says: 'are whole numbers from 0 to 10' };
    case 'satisfaction': {
      const s = Math.max(p.csatLabels, p.oneToFive);
      return { share: s, score: s, says: 'are satisfaction ratings (1 to 5, or Very satisfied to Very dissatisfied)' };
    }
    case 'comparison':
      return { share: p.comparisons, score: p.comparisons, says: 'read as better / about the same / worse' };
    case 'comment': {
      const wordy = Math.min(1, Math.max(0, (p.averageWords - 2) / 3));
      return { share: p.text, score: p.text * Math.max(wordy, p.sentences), says: 'are free text' };
    }
    case 'stars':
      return { share: p.stars, score: p.stars * (p.oneToFive + p.starText > 0 ? 1 : 0.5), says: 'are stars from 1 to 5' };
    case 'responded': {
      // Any reply text counts as responded (DOMAIN.md), but yes/no is the clearer sign.
      const s = Math.min(1, p.yesNo + 0.8 * p.text);
      return { share: Math.min(1, p.yesNo + p.text), score: s, says: 'are yes/no or reply text' };
    }
  }
}

/**
 * How far values alone may suggest a role when the header says nothing we recognise: at most 0.5,
 * and only for shapes that belong to one role (better/same/worse, satisfaction labels, dates).
 * Numbers alone could be sales, cost or margin, so they suggest little.
 */
function valuesOnly(role: Role, p: Profile, score: number): number {
  switch (role) {
    case 'date':
    case 'comparison':
      return 0.5 * score;
    case 'satisfaction':
      return 0.5 * p.csatLabels + (p.scoresBeyondFive ? 0 : 0.12 * p.oneToFive);
    case 'referral_score':
      return p.scoresBeyondFive ? 0.45 * score : 0.1 * score;
    case 'comment':
      return 0.4 * score;
    case 'stars':
      return 0.45 * p.starText + 0.1 * p.oneToFive;
    case 'responded':
      return 0.35 * p.yesNo;
    case 'amount':
      return 0.3 * p.money;
    case 'order_id':
      return 0.35 * p.codes * (score > 0 ? 1 : 0);
    case 'customer':
      return p.distinct >= 10 ? 0.2 * score : 0;
    default:
      return 0;
  }
}

const pct = (x: number): string => `${Math.round(x * 100)}%`;

interface Candidate {
  role: Role;
  confidence: number;
  why: string;
}

function candidates(header: string, cells: readonly Cell[]): Candidate[] {
  const p = profileColumn(cells);
  const words = headerMatches(header);
  const headerSaysDate = ['date', 'promised_date', 'delivered_date'].some((r) => words.has(r as Role));
  const out: Candidate[] = [];
  for (const role of ROLES) {
    const f = fit(role, p, headerSaysDate);
    const match: HeaderMatch | undefined = words.get(role);
    let confidence: number;
    let why: string;
    if (match) {
      // Header words lead: alone they give half their strength, values that agree the rest.
      confidence = match.strength * (0.5 + 0.5 * f.score);
      const said = `header "${header}" ${match.says}`;
      if (p.n === 0) why = `${said}; the column is empty`;
      else if (f.share >= 0.5) why = `${said}; ${pct(f.share)} of values ${f.says}`;
      else why = `${said}, but only ${pct(f.share)} of values ${f.says}`;
    } else {
      confidence = valuesOnly(role, p, f.score);
      why = `header "${header}" names no role we know; ${pct(f.share)} of values ${f.says}`;
    }
    confidence = Math.round(Math.min(1, Math.max(0, confidence)) * 1000) / 1000;
    if (confidence >= MIN_CONFIDENCE) out.push({ role, confidence, why });
  }
  return out;
}

/**
 * Suggests a role for each column from its header's English words and the shape of its values.
 * Each role goes to at most one column, the most confident one (a survey may have several comment
 * columns); ties go by header name, so the column order never changes who gets what.
 */
export function suggestRoles(headers: readonly string[], columns: readonly (readonly Cell[])[]): RoleSuggestion[] {
  if (!Array.isArray(headers) || !Array.isArray(columns)) fail('expected the column names and the cells of each column');
  if (headers.length !== columns.length) {
    fail(`${headers.length} column names but ${columns.length} columns of values; give one name per column`);
  }
  const order = (r: Role): number => ROLES.indexOf(r);
  const names = headers.map((h) => String(h ?? ''));
  const perColumn = names.map((h, j) =>
    candidates(h, columns[j] ?? []).sort((a, b) => b.confidence - a.confidence || order(a.role) - order(b.role)),
  );
  const all = perColumn.flatMap((list, column) => list.map((c) => ({ ...c, column })));
  all.sort(
    (a, b) =>
      b.confidence - a.confidence ||
      (names[a.column].toLowerCase() < names[b.column].toLowerCase()
        ? -1
        : names[a.column].toLowerCase() > names[b.column].toLowerCase()
          ? 1
          : 0) ||
      order(a.role) - order(b.role) ||
      a.column - b.column,
  );
  const chosen = new Array<Candidate | undefined>(names.length);
  const taken = new Set<Role>();
  for (const c of all) {
    if (chosen[c.column] || (taken.has(c.role) && !MULTI_COLUMN_ROLES.has(c.role))) continue;
    chosen[c.column] = c;
    taken.add(c.role);
  }
  return names.map((header, column) => {
    const pick = chosen[column];
    const alternatives = perColumn[column]
      .filter((c) => c.role !== pick?.role)
      .slice(0, 3)
      .map((c) => ({ role: c.role, confidence: c.confidence }));
    if (pick) return { column, header, role: pick.role, confidence: pick.confidence, why: pick.why, alternatives };
    const best = perColumn[column][0];
    const why = best
      ? `no role left: it could be ${ROLE_LABELS[best.role]} (${best.why}), but another column fits that better`
      : `header "${header}" names no role we know, and its values fit none well`;
    return { column, header, role: null, confidence: 0, why, alternatives };
  });
}
