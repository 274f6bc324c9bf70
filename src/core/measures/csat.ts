import { type Column, badCell, requireSome, isHeaderCell, where } from '../values/column';
import { type Cell } from '../values/cell';
import { fail } from '../values/errors';
import { readNumber } from '../values/number';
import { type RatioRows } from './ratio';

/**
 * The labels of a 5-point satisfaction scale (DOMAIN.md "CSAT", case-insensitive), with the wordings survey
 * tools export: SurveyMonkey's "Somewhat satisfied" / "Somewhat dissatisfied", Qualtrics' "Extremely …".
 */
const FIVE: Record<string, number> = {
  'very dissatisfied': 1,
  'extremely dissatisfied': 1,
  dissatisfied: 2,
  unsatisfied: 2,
  'somewhat dissatisfied': 2,
  neutral: 3,
  neither: 3,
  'neither satisfied nor dissatisfied': 3,
  satisfied: 4,
  'somewhat satisfied': 4,
  'very satisfied': 5,
  'extremely satisfied': 5,
};

/**
 * The labels of a 7-point scale: Qualtrics' and SurveyMonkey's "Extremely / Moderately / Slightly", and the
 * "Very / plain / Somewhat" wording.
 */
const SEVEN: Record<string, number> = {
  'extremely dissatisfied': 1,
  'very dissatisfied': 1,
  'moderately dissatisfied': 2,
  dissatisfied: 2,
  'slightly dissatisfied': 3,
  'somewhat dissatisfied': 3,
  neutral: 4,
  neither: 4,
  'neither satisfied nor dissatisfied': 4,
  'slightly satisfied': 5,
  'somewhat satisfied': 5,
  'moderately satisfied': 6,
  satisfied: 6,
  'extremely satisfied': 7,
  'very satisfied': 7,
};

/** "5 - Very satisfied", "4 (Satisfied)": a number with its label, as survey tools export a labelled scale. */
const NUMBERED = /^(\d{1,3})\s*(?:[-–—:(]\s*[a-z].*)$/i;

const norm = (text: string): string => text.trim().toLowerCase().replace(/\s+/g, ' ');

/**
 * A satisfaction answer written as a label on a 5-point scale ("Somewhat satisfied" → 4): its place on the
 * scale, or undefined when the text is no such label. A number with its label reads as the number.
 */
export function csatLabel(text: string): number | undefined {
  return csatLabelOn(text, 5);
}

/** The same on a 5- or 7-point scale ("Moderately satisfied" → 6 of 7); undefined on other scales. */
export function csatLabelOn(text: string, scale: number): number | undefined {
  const t = norm(text);
  const numbered = NUMBERED.exec(t);
  if (numbered) return Number(numbered[1]);
  return (scale === 7 ? SEVEN : scale === 5 ? FIVE : undefined)?.[t];
}

/** How many distinct texts a column's readers remember (answers repeat; free text would not). */
const DISTINCT_REMEMBERED = 4096;

/**
 * A rating cell on the scale: its number (readNumber's, else its label's place), null for a blank,
 * undefined when it is neither. Each distinct text is read once.
 */
export function ratingReader(scale: number): (c: Cell) => number | null | undefined {
  const known = new Map<string, number | null | undefined>();
  return (c) => {
    if (typeof c !== 'string') return readNumber(c);
    if (known.has(c)) return known.get(c);
    let v = readNumber(c);
    if (v === undefined) v = csatLabelOn(c, scale);
    if (known.size < DISTINCT_REMEMBERED) known.set(c, v);
    return v;
  };
}

/**
 * The scale a column's labels belong to: 7 when it holds a label only a 7-point scale has ("Moderately",
 * "Slightly"), or both "Somewhat satisfied" and plain "Satisfied" (the Very / plain / Somewhat wording);
 * 5 when it holds labels of the 5-point scale; undefined when it holds no labels (numbers decide nothing).
 */
export function labelScale(cells: readonly unknown[]): 5 | 7 | undefined {
  let five = false;
  let somewhat = false;
  let plain = false;
  // A column of answers holds a handful of texts over many rows: each is looked at once.
  const seen = new Set<string>();
  for (const c of cells) {
    if (typeof c !== 'string' || c.length > 60 || seen.has(c)) continue;
    if (seen.size < DISTINCT_REMEMBERED) seen.add(c);
    const t = norm(c);
    if (/\b(moderately|slightly) (dis)?satisfied$/.test(t)) return 7;
    if (FIVE[t] === undefined) continue;
    five = true;
    if (t.startsWith('somewhat ')) somewhat = true;
    else if (t === 'satisfied' || t === 'dissatisfied') plain = true;
    if (somewhat && plain) return 7;
  }
  return five ? 5 : undefined;
}

/**
 * CSAT (DOMAIN.md): the share of answers in the top `topBox` boxes of a 1..scale rating
 * (default 4 or 5 on a 5-point scale). Rows: num = 1 in the top box, den = 1 per answer.
 */
export function csatRows(scores: Column, scale = 5, topBox = 2): RatioRows {
  if (!Number.isInteger(scale) || scale < 2 || scale > 100)
    fail(`scale ${scale} must be a whole number from 2 to 100 (5 for a 5-point scale)`);
  if (!Number.isInteger(topBox) || topBox < 1 || topBox >= scale) fail(`top_box ${topBox} must be a whole number from 1 to ${scale - 1}`);
  requireSome(scores, 'ratings');
  const expected =
    scale === 5
      ? 'ratings are whole numbers from 1 to 5 or the labels Very dissatisfied, Dissatisfied, Neutral, Satisfied, Very satisfied'
      : `ratings are whole numbers from 1 to ${scale}${scale === 7 ? ' or the labels of a 7-point scale' : ''}`;
  const cells = scores.cells;
  const n = cells.length;
  const num = new Float64Array(n);
  const den = new Float64Array(n);
  const threshold = scale - topBox; // above this is the top box
  const read = ratingReader(scale);
  for (let i = 0; i < n; i++) {
    const c = cells[i];
    const v = read(c);
    if (v === null) continue;
    if (v === undefined || !Number.isInteger(v) || v < 1 || v > scale) {
      if (isHeaderCell(scores, i, c)) continue;
      if (scale === 5 && typeof c === 'string' && csatLabelOn(c, 7) !== undefined)
        fail(`${where(scores, i)} holds "${c.trim()}", a label of a 7-point scale; set the scale to 7`);
      badCell(scores, i, expected);
    }
    den[i] = 1;
    num[i] = v > threshold ? 1 : 0;
  }
  return { num, den };
}
