import { type Cell } from './cell';
import { readNumber } from './number';

const LEADING_SCORE = /^\s*(\d{1,2})\s*(?:(?:[-–—:(]|\/\s*10\b|out of 10\b).*)?$/i;

/**
 * A referral score: a whole number from 0 to 10. Also reads the labelled answers survey tools
 * export ("10 - Extremely likely", "0 (Not at all likely)", "9/10"). null for blank, undefined if unreadable.
 *
 * @example readScore("10 - Extremely likely") // 10
 */
export function readScore(c: Cell): number | null | undefined {
  let n: number | null | undefined;
  if (typeof c === 'number') n = c;
  else if (typeof c === 'string') {
    n = readNumber(c);
    if (n === undefined) {
      const m = LEADING_SCORE.exec(c);
      n = m ? Number(m[1]) : undefined;
    }
  } else n = readNumber(c);
  if (n === null || n === undefined) return n;
  return Number.isInteger(n) && n >= 0 && n <= 10 ? n : undefined;
}

export const SCORE_EXPECTED = 'scores are whole numbers from 0 to 10';
