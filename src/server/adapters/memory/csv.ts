import { detectDelimiter, parseCsv as parseCsvText } from '../../../core/tables/csv';

/**
 * CSV text to rows of strings, for seeding the in-memory workbook (the local preview's `--seed DIR`): the
 * command line's reader (src/core/tables/csv.ts: RFC 4180, a byte order mark dropped, strict about quotes
 * that never close), with the delimiter found the same way (`,`, `;` or tab).
 */
export function parseCsv(text: string): string[][] {
  return parseCsvText(text, detectDelimiter(text.slice(0, 1 << 16)));
}
