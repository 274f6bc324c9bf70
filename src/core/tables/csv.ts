import { fail } from '../values/errors';

/**
 * Reads CSV text per RFC 4180 into rows of fields (strings, blanks as ""), the shape findTable takes.
 * Quoted fields may hold commas, doubled quotes and line breaks; records end with CRLF, LF or CR;
 * a UTF-8 byte order mark and one final line break are dropped. Lenient where exports are sloppy:
 * a quote inside an unquoted field is kept as text. An unclosed quote is an error (the rest of the
 * file would silently become one field).
 */
export function parseCsv(text: string, delimiter = ','): string[][] {
  if (typeof text !== 'string') fail('expected CSV text');
  if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r') {
    fail(`the delimiter must be one character other than a quote or line break, not "${delimiter}"`);
  }
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let line = 1;
  const n = s.length;
  if (n === 0) return rows;
  while (i < n) {
    const ch = s[i];
    if (ch === '"' && field === '') {
      // A quoted field runs to the next lone quote.
      const startLine = line;
      i++;
      for (;;) {
        if (i >= n) fail(`the quote that opens a field on line ${startLine} is never closed`);
        const q = s[i];
        if (q === '"') {
          if (s[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (q === '\n') line++;
        field += q;
        i++;
      }
      // Text after the closing quote (`"a"b`) is kept, as spreadsheets do.
      while (i < n && s[i] !== delimiter && s[i] !== '\n' && s[i] !== '\r') field += s[i++];
      continue;
    }
    if (ch === delimiter) {
      row.push(field);
      field = '';
      i++;
    } else if (ch === '\n' || ch === '\r') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += ch === '\r' && s[i + 1] === '\n' ? 2 : 1;
      line++;
    } else {
      field += ch;
      i++;
    }
  }
  const last = s[n - 1];
  if (last !== '\n' && last !== '\r') {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
