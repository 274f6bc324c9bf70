import { type Cell } from '../values/cell';
import { type Column, badCell, requireSome, sameLength, isHeaderCell } from '../values/column';
import { fail } from '../values/errors';
import { readNumber } from '../values/number';
import { readResponded } from '../values/boolean';
import { type RatioRows } from './ratio';

const STARS_EXPECTED = 'stars are numbers from 1 to 5, "4/5", "4 stars" or ★★★★☆';

/** Star ratings as words: Google Business Profile writes "FOUR" (and "STAR_RATING_UNSPECIFIED" for none). */
const STAR_WORDS: Readonly<Record<string, number>> = { one: 1, two: 2, three: 3, four: 4, five: 5 };

/** Stars as pasted: 4, "4", "4/5", "4 stars", "★★★★☆", "FOUR". */
export function readStars(c: Cell): number | null | undefined {
  if (typeof c === 'string') {
    const t = c.trim();
    const word = STAR_WORDS[t.toLowerCase()];
    if (word !== undefined) return word;
    if (t === 'STAR_RATING_UNSPECIFIED') return null;
    if (/^[★☆✩✭✮\s]+$/.test(t) && t !== '') return (t.match(/[★✭✮]/g) ?? []).length;
    const m = /^(\d+(?:[.,]\d+)?)\s*(?:\/\s*\d+|stars?|★)?$/i.exec(t);
    if (m) return Number(m[1].replace(',', '.'));
  }
  return readNumber(c);
}

/**
 * Review response (DOMAIN.md): among reviews with stars ≤ lowMax (default 2), the share that got a
 * reply. Rows: num = 1 answered, den = 1 per low review.
 */
export function reviewRows(stars: Column, responded: Column, lowMax = 2): RatioRows {
  if (!(lowMax >= 0 && lowMax <= 10)) fail(`low_max ${lowMax} must be a number of stars such as 2`);
  sameLength(stars, responded);
  requireSome(stars, 'star ratings');
  const n = stars.cells.length;
  const num = new Float64Array(n);
  const den = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const s = readStars(stars.cells[i]);
    if (s === null) continue;
    if (s === undefined || s < 0) {
      if (isHeaderCell(stars, i, stars.cells[i])) continue;
      badCell(stars, i, STARS_EXPECTED);
    }
    if (s > lowMax) continue;
    den[i] = 1;
    num[i] = readResponded(responded.cells[i]) ? 1 : 0;
  }
  return { num, den };
}
