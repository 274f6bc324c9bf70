import { type Cell } from '../values/cell';
import { readNumber } from '../values/number';
import { readScore } from '../values/score';
import { csatLabel } from '../measures/csat';
import { readComparison } from '../measures/comparison';
import { readStars } from '../measures/reviews';
import { cellKind, isEmptyCell } from './kinds';

/**
 * What a column's values look like, as shares of its non-blank cells (0..1). Counted on at most
 * SAMPLE cells spread over the column: a shape is clear long before 8,000 rows, and the wizard
 * must answer quickly.
 */
export interface Profile {
  /** Non-blank cells looked at. */
  readonly n: number;
  readonly dates: number;
  /** Plain numbers in the range of Sheets date serials (1970..2100): dates if the header says so. */
  readonly serials: number;
  readonly numbers: number;
  /** Amounts written as money: currency text, or numbers with cents. */
  readonly money: number;
  readonly wholeNumbers: number;
  /** Whole numbers 0..10 (also "10 - Extremely likely"), and whether any is over 5 or 0. */
  readonly scores: number;
  readonly scoresBeyondFive: boolean;
  readonly oneToFive: number;
  readonly stars: number;
  /** Stars written as stars: "★★★★☆", "4/5", "4 stars". */
  readonly starText: number;
  readonly comparisons: number;
  readonly csatLabels: number;
  readonly yesNo: number;
  /** Text that is none of the above. */
  readonly text: number;
  /** Of those, text that reads like a sentence (7+ words, or ending in . ! ?). */
  readonly sentences: number;
  readonly averageWords: number;
  /** Text shaped like an order or invoice number: "SO-104201", "INV 2031", "#12345". */
  readonly codes: number;
  /** Bare whole numbers of 4+ digits: ids when the header says so (amounts otherwise). */
  readonly idNumbers: number;
  /** Distinct values among those looked at. */
  readonly distinct: number;
}

const SAMPLE = 500;
const YES_NO = new Set(['yes', 'no', 'y', 'n', 'true', 'false', '✓', '✔', '✗', '✘', 'replied', 'not replied', 'answered', 'unanswered']);
const CODE = /^#?[A-Za-z]{0,6}[-_#/ .]?\d{3,}[-_/A-Za-z0-9]*$/;
const STAR_TEXT = /^[★☆✩✭✮\s]+$|\/\s*5$|\bstars?\b/i;
const SERIAL_MIN = 25569; // 1970-01-01
const SERIAL_MAX = 73051; // 2100-01-01

function sample(cells: readonly Cell[]): Cell[] {
  // Short columns: every filled cell. Long ones: SAMPLE slots spread evenly over the column, each
  // taking the first filled cell from its slot on, so a million-row column costs 500 looks, not a million.
  if (cells.length <= SAMPLE * 4) return cells.filter((c) => !isEmptyCell(c));
  const out: Cell[] = [];
  const step = cells.length / SAMPLE;
  for (let k = 0; k < SAMPLE; k++) {
    const end = Math.min(cells.length, Math.floor((k + 1) * step));
    for (let i = Math.floor(k * step); i < end; i++) {
      if (!isEmptyCell(cells[i])) {
        out.push(cells[i]);
        break;
      }
    }
  }
  return out;
}

export function profileColumn(cells: readonly Cell[]): Profile {
  const seen = sample(Array.isArray(cells) ? cells : []);
  const n = seen.length;
  let dates = 0,
    serials = 0,
    numbers = 0,
    money = 0,
    whole = 0,
    scores = 0,
    oneToFive = 0;
  let stars = 0,
    starText = 0,
    comparisons = 0,
    csatLabels = 0,
    yesNo = 0,
    text = 0,
    sentences = 0,
    words = 0,
    codes = 0;
  let idNumbers = 0;
  let beyondFive = false;
  const distinct = new Set<string>();
  for (const c of seen) {
    const kind = cellKind(c);
    const s = typeof c === 'string' ? c.trim() : '';
    distinct.add(c instanceof Date ? String(c.getTime()) : String(c).trim().toLowerCase());
    if (kind === 'date') dates++;
    if (typeof c === 'boolean' || YES_NO.has(s.toLowerCase())) yesNo++;
    const num = kind === 'number' ? readNumber(c) : undefined;
    if (typeof num === 'number') {
      numbers++;
      if (Number.isInteger(num) && num >= 0) whole++;
      if (typeof c === 'number' && c >= SERIAL_MIN && c < SERIAL_MAX) serials++;
      // A currency sign or code, or cents: how amounts look (counts and scores are whole and bare).
      if (!Number.isInteger(num) || (typeof c === 'string' && /[^\d\s.,\-+()%\u2212]/.test(s))) money++;
      if (Number.isInteger(num) && num >= 1000 && (typeof c === 'number' || /^\d+$/.test(s))) idNumbers++;
    }
    const score = readScore(c);
    if (typeof score === 'number') {
      scores++;
      if (score > 5 || score === 0) beyondFive = true;
    }
    const star = readStars(c);
    if (typeof star === 'number' && star >= 0 && star <= 5) {
      stars++;
      if (star >= 1 && Number.isInteger(star)) oneToFive++;
      if (typeof c === 'string' && STAR_TEXT.test(s)) starText++;
    }
    const comparison = readComparison(c);
    if (comparison) comparisons++;
    if (typeof c === 'string' && csatLabel(c) !== undefined) csatLabels++;
    if (kind === 'text' && !comparison && csatLabel(s) === undefined && !YES_NO.has(s.toLowerCase()) && typeof score !== 'number') {
      text++;
      const w = s.split(/\s+/).length;
      words += w;
      // Company names run to five or six words ("Wessex Building Supplies (UK) Ltd", "Smith & Co.").
      if (w >= 7 || /[!?]$/.test(s) || (w >= 4 && s.endsWith('.'))) sentences++;
      if (CODE.test(s) && /\d/.test(s)) codes++;
    }
  }
  const share = (k: number): number => (n ? k / n : 0);
  return {
    n,
    dates: share(dates),
    serials: share(serials),
    numbers: share(numbers),
    money: share(money),
    wholeNumbers: share(whole),
    scores: share(scores),
    scoresBeyondFive: beyondFive,
    oneToFive: share(oneToFive),
    stars: share(stars),
    starText: share(starText),
    comparisons: share(comparisons),
    csatLabels: share(csatLabels),
    yesNo: share(yesNo),
    text: share(text),
    sentences: text ? sentences / text : 0,
    averageWords: text ? words / text : 0,
    codes: share(codes),
    idNumbers: share(idNumbers),
    distinct: distinct.size,
  };
}
