import { type Cell, dateCellText, isBlank } from '../values/cell';
import { readScore } from '../values/score';
import { readNumber } from '../values/number';
import { type Comparison, readComparison } from '../measures/comparison';
import { csatLabel } from '../measures/csat';
import { keysOf } from '../tracker/key';
import { type QuestionId, headerKey, titleKey } from './forms';

/** One survey response, read from a Google Forms response sheet whatever the wording of its questions. */
export interface SurveyAnswer {
  readonly key: string;
  /** The Timestamp cell as Forms wrote it. */
  readonly at: Cell;
  readonly customer: string;
  readonly role: string;
  readonly referral: number | null;
  readonly comparison: Comparison | null;
  readonly csat: number | null;
  readonly satisfies: string;
  readonly dissatisfies: string;
  readonly hoped: string;
  readonly roleAnswer: string;
  /** The e-mail address they left to be contacted about their answer, or ''. */
  readonly contact: string;
  /** 1-based row of the response in its form's sheet (for messages about it). */
  readonly row: number;
}

/** A date answer reads as the day the spreadsheet shows (its zone), never the UTC day toISOString gives. */
const text = (c: Cell): string => (isBlank(c) ? '' : c instanceof Date ? dateCellText(c, undefined, true) : String(c).trim());

function csatOf(c: Cell): number | null {
  const n = typeof c === 'string' ? (csatLabel(c) ?? readNumber(c)) : readNumber(c);
  return typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= 5 ? n : null;
}

/**
 * The responses of one response sheet (its used range, header first). Columns are matched to questions
 * by their header through `columns` (see columnMap); a question may have several columns (the role
 * sections of a branching form) and the first answered one counts. `role` is the role of a per-role form
 * (null when the form asks it).
 *
 * Each response's key comes from the form's id and its Timestamp (same-second twins are told apart by their
 * order, which appending keeps), so that what people do to the sheet later (a Notes column, a renamed or
 * added question, a corrected answer) never makes an old response look new. A row without a timestamp
 * (pasted by hand) is keyed by its answers instead.
 */
export function readAnswers(
  grid: readonly (readonly Cell[])[],
  columns: Readonly<Record<string, QuestionId>>,
  formId: string,
  role: string | null,
): SurveyAnswer[] {
  if (grid.length < 2) return [];
  const titles = grid[0].map((h) => titleKey(text(h)));
  const head = grid[0].map((h) => headerKey(text(h)));
  // Forms writes its timestamp first, headed in the form owner's language ("Timestamp", "Marca temporal").
  const at = Math.max(0, titles.indexOf('timestamp'));
  const rows = grid
    .map((r, i) => ({ r, line: i + 1 }))
    .slice(1)
    .filter(({ r }) => r.some((c) => !isBlank(c)));
  const mapped = head.map((h, j) => (columns[h] ? j : -1)).filter((j) => j >= 0);
  const keys = keysOf(
    rows.map(({ r }) => (isBlank(r[at]) ? [formId, ...mapped.map((j) => r[j])] : [formId, r[at]])),
    'r:',
  );
  return rows.map(({ r, line }, i) => {
    const get = (q: QuestionId): Cell => {
      for (let j = 0; j < head.length; j++) if (columns[head[j]] === q && !isBlank(r[j])) return r[j];
      return '';
    };
    const score = readScore(get('referral'));
    return {
      key: keys[i],
      at: r[at],
      customer: text(get('customer')),
      role: role ?? text(get('role')),
      referral: typeof score === 'number' ? score : null,
      comparison: readComparison(get('comparison')) ?? null,
      csat: csatOf(get('csat')),
      satisfies: text(get('satisfies')),
      dissatisfies: text(get('dissatisfies')),
      hoped: text(get('hoped')),
      roleAnswer: text(get('roleQuestion')),
      contact: text(get('contact')),
      row: line,
    };
  });
}
