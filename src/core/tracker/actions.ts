import { type Cell, isBlank } from '../values/cell';
import { readResponded } from '../values/boolean';
import { type DateOptions, readDayColumn } from '../values/date';
import { isoDay } from '../time/days';
import { readStars } from '../measures/reviews';
import { type SurveyAnswer } from '../survey/normalise';
import type { QuestionId } from '../survey/forms';
import { keysOf } from './key';

/**
 * The improvement tracker's rules (DOMAIN.md): every unhappy signal becomes an action on the lead measure
 * it should move. One survey response makes at most one action, listing every reason it is unhappy; one
 * low-star review without a reply makes one. Each action carries its source's key, so a response or a
 * review processed twice gives one action.
 */
export type LeadMeasure = 'Referral score' | 'How we compare' | 'Satisfaction' | 'Review response';
export type ActionSource = 'Survey response' | 'Review';

export interface NewAction {
  readonly key: string;
  readonly source: ActionSource;
  readonly customer: string;
  /** How to reach the customer about it (the e-mail address a respondent left), or ''. */
  readonly contact: string;
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

/**
 * Keys an older version gave the actions of one response (one per signal: detractor, worse, satisfaction).
 * A response with any of them has its action already.
 */
export const LEGACY_SUFFIXES = [':n', ':w', ':s'] as const;

/**
 * The one action a survey response calls for, or null: a detractor, a "worse", a satisfaction of 2 or less
 * and a complaint are its reasons, all listed. It is tagged with the lead measure of its first reason, and
 * only with a measure the survey asked: a complaint alone counts against satisfaction where the survey
 * asked it, else against the referral score. `asked`: the questions of the response's form.
 */
export function responseAction(a: SurveyAnswer, asked: ReadonlySet<QuestionId>): NewAction | null {
  const reasons: { words: string; measure: LeadMeasure }[] = [];
  if (a.referral !== null && a.referral <= DETRACTOR_MAX)
    reasons.push({ words: `referral score ${a.referral} of 10`, measure: 'Referral score' });
  if (a.comparison === 'worse') reasons.push({ words: 'worse than others in our industry', measure: 'How we compare' });
  const csatAsked = asked.has('csat');
  if (csatAsked && a.csat !== null && a.csat <= CSAT_LOW_MAX)
    reasons.push({ words: `satisfaction ${a.csat} of 5`, measure: 'Satisfaction' });
  const complaint = isComplaint(a.dissatisfies);
  if (complaint) reasons.push({ words: 'a complaint', measure: csatAsked ? 'Satisfaction' : 'Referral score' });
  if (!reasons.length) return null;
  const who = a.role ? ` (${a.role})` : '';
  const said = complaint ? ` Said: "${a.dissatisfies}"` : '';
  return {
    key: a.key,
    source: 'Survey response',
    customer: a.customer,
    contact: a.contact,
    wrong: `${reasons.length === 1 ? 'Reason' : 'Reasons'}: ${reasons.map((r) => r.words).join('; ')}${who}.${said}`,
    measure: reasons[0].measure,
  };
}

export interface ReviewRow {
  readonly date: Cell;
  readonly stars: Cell;
  readonly responded: Cell;
  readonly customer: Cell;
  readonly comment: Cell;
}

/** A low-star review without a reply, with the day it was written (null when its date cannot be read). */
export interface ReviewAction extends NewAction {
  readonly day: number | null;
}

const textOf = (c: Cell): string => (isBlank(c) ? '' : String(c).trim());

/**
 * Low-star reviews (≤ 2) without a reply. A review's key comes from its date, stars, reviewer and text
 * (not its reply), so pasting the same export again, or replying later, never adds a second action. The
 * action carries the review's date, stars, reviewer and text. `dates`: how the spreadsheet reads dates.
 */
export function reviewActions(rows: readonly ReviewRow[], dates: DateOptions): ReviewAction[] {
  const keys = keysOf(
    rows.map((r) => [r.date, r.stars, r.customer, r.comment]),
    'v:',
  );
  const column = (cells: Cell[]) => readDayColumn({ cells, width: 1, name: 'review dates', named: false }, dates, undefined, false);
  let days: ArrayLike<number>;
  try {
    days = column(rows.map((r) => r.date));
  } catch {
    // One unreadable cell: each date on its own (the order of day and month then follows the locale).
    days = rows.map((r) => {
      try {
        return column([r.date])[0];
      } catch {
        return NaN;
      }
    });
  }
  const out: ReviewAction[] = [];
  rows.forEach((r, i) => {
    const s = readStars(r.stars);
    if (typeof s !== 'number' || s > LOW_STARS_MAX || readResponded(r.responded)) return;
    const comment = textOf(r.comment);
    const day = days[i] === days[i] ? days[i] : null;
    out.push({
      key: keys[i],
      source: 'Review',
      customer: textOf(r.customer),
      contact: '',
      wrong: `${s}-star review ${day === null ? '(no date)' : `of ${isoDay(day)}`} without a reply.${comment ? ` Said: "${comment}"` : ''}`,
      measure: 'Review response',
      day,
    });
  });
  return out;
}
