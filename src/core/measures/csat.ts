import { type Column, badCell, requireSome, isHeaderCell } from '../values/column';
import { fail } from '../values/errors';
import { readNumber } from '../values/number';
import { type RatioRows } from './ratio';

/** The five labels of a 5-point satisfaction scale (case-insensitive). */
const LABELS: Record<string, number> = {
  'very dissatisfied': 1,
  'extremely dissatisfied': 1,
  dissatisfied: 2,
  unsatisfied: 2,
  neutral: 3,
  neither: 3,
  'neither satisfied nor dissatisfied': 3,
  satisfied: 4,
  'very satisfied': 5,
  'extremely satisfied': 5,
};

export function csatLabel(text: string): number | undefined {
  return LABELS[text.trim().toLowerCase().replace(/\s+/g, ' ')];
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
      : `ratings are whole numbers from 1 to ${scale}`;
  const cells = scores.cells;
  const n = cells.length;
  const num = new Float64Array(n);
  const den = new Float64Array(n);
  const threshold = scale - topBox; // above this is the top box
  for (let i = 0; i < n; i++) {
    const c = cells[i];
    let v = readNumber(c);
    if (v === undefined && typeof c === 'string' && scale === 5) v = csatLabel(c);
    if (v === null) continue;
    if (v === undefined || !Number.isInteger(v) || v < 1 || v > scale) {
      if (isHeaderCell(scores, i, c)) continue;
      badCell(scores, i, expected);
    }
    den[i] = 1;
    num[i] = v > threshold ? 1 : 0;
  }
  return { num, den };
}
