import { type Cell } from '../values/cell';
import { readResponded } from '../values/boolean';
import { readStars } from '../measures/reviews';
import { type SurveyAnswer } from '../survey/normalise';
import { keysOf } from './key';

/**
 * The improvement tracker's rules (DOMAIN.md): every unhappy signal becomes an action on the lead measure
 * it should move. Each action carries a key made from its source's key, so a response or a review
 * processed twice gives one action.
 */
export type LeadMeasure = 'Referral score' | 'How we compare' | 'Satisfaction' | 'Review response';
export type ActionSource = 'Survey response' | 'Review';

export interface NewAction {
  readonly key: string;
  readonly source: ActionSource;
  readonly customer: string;
  /** What was wrong, in the customer's words where there are some. */
  readonly wrong: string;
  readonly measure: LeadMeasure;
}

/** The statuses of the tracker's drop-down (IMPROVEMENT_SUMMARY reads them). */
export const STATUSES = ['open', 'in progress', 'done', 'dropped'] as const;

/** A referral score of 6 or less is a detractor; 2 stars or fewer is a low review (DOMAIN.md). */
export const DETRACTOR_MAX = 6;
export const CSAT_LOW_MAX = 2;
export const LOW_STARS_MAX = 2;

const NOTHING = /^(no|nothing|none|nil|n\/?a|-+|\.+|all good|no complaints?|not really|nothing (really|at all|so far)|none so far)[.!]*$/i;

/** An answer to "what dissatisfies you" that says something ("nothing", "n/a" and "-" do not). */
export function isComplaint(text: string): boolean {
  const t = text.trim();
  return t !== '' && !NOTHING.test(t);
}

/** The actions one survey response calls for: a detractor, a "worse", a complaint or a low satisfaction. */
export function responseActions(a: SurveyAnswer): NewAction[] {
  const out: NewAction[] = [];
  const who = a.role ? ` (${a.role})` : '';
  const said = isComplaint(a.dissatisfies) ? ` Said: "${a.dissatisfies}"` : '';
  const add = (code: string, measure: LeadMeasure, wrong: string) =>
    out.push({ key: `${a.key}:${code}`, source: 'Survey response', customer: a.customer, wrong, measure });
  if (a.referral !== null && a.referral <= DETRACTOR_MAX) add('n', 'Referral score', `Referral score ${a.referral} of 10${who}.${said}`);
  if (a.comparison === 'worse') add('w', 'How we compare', `Said we are worse than others in our industry${who}.${said}`);
  const low = a.csat !== null && a.csat <= CSAT_LOW_MAX;
  if (low || said) add('s', 'Satisfaction', low ? `Satisfaction ${a.csat} of 5${who}.${said}` : `Dissatisfied${who}.${said}`);
  return out;
}

export interface ReviewRow {
  readonly date: Cell;
  readonly stars: Cell;
  readonly responded: Cell;
  readonly customer: Cell;
  readonly comment: Cell;
}

/**
 * Low-star reviews (≤ 2) without a reply. A review's key comes from its date, stars, reviewer and text
 * (not its reply), so pasting the same export again, or replying later, never adds a second action.
 */
export function reviewActions(rows: readonly ReviewRow[]): NewAction[] {
  const keys = keysOf(
    rows.map((r) => [r.date, r.stars, r.customer, r.comment]),
    'v:',
  );
  const out: NewAction[] = [];
  rows.forEach((r, i) => {
    const s = readStars(r.stars);
    if (typeof s !== 'number' || s > LOW_STARS_MAX || readResponded(r.responded)) return;
    const comment = r.comment === null || r.comment === undefined ? '' : String(r.comment).trim();
    out.push({
      key: keys[i],
      source: 'Review',
      customer: r.customer === null || r.customer === undefined ? '' : String(r.customer).trim(),
      wrong: `${s}-star review without a reply.${comment ? ` Said: "${comment}"` : ''}`,
      measure: 'Review response',
    });
  });
  return out;
}
