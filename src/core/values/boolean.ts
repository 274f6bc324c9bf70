import { type Cell } from './cell';

const NO = new Set([
  'no',
  'n',
  'false',
  'f',
  '0',
  '✗',
  '✘',
  '×',
  'none',
  'not yet',
  'pending',
  'unanswered',
  'no reply',
  'no response',
  'n/a',
  '-',
  '–',
  '—',
]);

/**
 * Whether a cell says "yes / responded". Checkboxes, yes/no, y/n, true/false, 1/0 and ✓ are read as
 * such; any other non-empty text counts as yes (a pasted reply text means the review was answered).
 * A blank is no.
 *
 * @example readResponded("Thanks, we are on it") // true
 */
export function readResponded(c: Cell): boolean {
  if (typeof c === 'boolean') return c;
  if (typeof c === 'number') return c !== 0;
  if (typeof c === 'string') {
    const t = c.trim().toLowerCase();
    if (t === '') return false;
    return !NO.has(t);
  }
  return c instanceof Date;
}

const TRUE_WORDS = new Set(['true', 'yes', 'y', '1', '✓', '✔']);
const FALSE_WORDS = new Set(['false', 'no', 'n', '0', '✗', '✘']);

/** A yes/no option (a checkbox, TRUE/FALSE, yes/no, 1/0): null for a blank, undefined for anything else. */
export function readBoolean(c: Cell): boolean | null | undefined {
  if (typeof c === 'boolean') return c;
  if (typeof c === 'number') return c === 1 ? true : c === 0 ? false : undefined;
  if (c === null || c === undefined) return null;
  if (typeof c !== 'string') return undefined;
  const t = c.trim().toLowerCase();
  if (t === '') return null;
  return TRUE_WORDS.has(t) ? true : FALSE_WORDS.has(t) ? false : undefined;
}
