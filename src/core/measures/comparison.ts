import { type Cell, isBlank } from '../values/cell';
import { type Column, badCell, requireSome, isHeaderCell } from '../values/column';
import { type RatioRows } from './ratio';

export type Comparison = 'better' | 'same' | 'worse';

/**
 * "Compared with others in our industry, are we better, about the same, or worse?" matched by keyword:
 * "Much better", "About the same", "Worse than others". Negations ("not worse") are read as the same.
 */
export function readComparison(c: Cell): Comparison | null | undefined {
  if (isBlank(c)) return null;
  if (typeof c !== 'string') return undefined;
  const t = c.toLowerCase();
  const better = /\bbetter\b/.test(t);
  const worse = /\bworse\b/.test(t);
  const same = /\b(same|similar|equal|equivalent|average|no different)\b/.test(t);
  if (/\bnot (any )?(better|worse)\b/.test(t)) return 'same';
  if (better && !worse) return 'better';
  if (worse && !better) return 'worse';
  if (same && !better && !worse) return 'same';
  return undefined;
}

export const COMPARISON_EXPECTED = 'answers are "better", "about the same" or "worse"';

/** Net comparison (DOMAIN.md) = (better − worse)/answers. Rows: num = ±1 / 0, den = 1 per answer. */
export function comparisonRows(answers: Column): RatioRows {
  requireSome(answers, 'answers');
  const cells = answers.cells;
  const n = cells.length;
  const num = new Float64Array(n);
  const den = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const a = readComparison(cells[i]);
    if (a === null) continue;
    if (a === undefined) {
      if (isHeaderCell(answers, i, cells[i])) continue;
      badCell(answers, i, COMPARISON_EXPECTED);
    }
    den[i] = 1;
    num[i] = a === 'better' ? 1 : a === 'worse' ? -1 : 0;
  }
  return { num, den };
}
