import { fail } from '../values/errors';

/**
 * CSV text per RFC 4180, as spreadsheets and exports write it: fields separated by a delimiter (`,`, or `;`
 * and tab in European and tab-separated exports), records by CRLF, LF or CR; a field in double quotes may
 * hold delimiters, doubled quotes and line breaks. Lenient where exports are sloppy: a quote inside an
 * unquoted field is kept as text, and so is text after a closing quote on the same line (`"a"b` reads `ab`).
 * Strict where leniency would silently move data: a quote that is never closed, or one that closes on a
 * later line with text after it (a missing quote that swallowed the lines between), is an error naming the
 * line where the field opened.
 *
 * CsvTokenizer reads the text in chunks (a file of any size) and hands each record to its consumer as a
 * CsvRecord, whose fields are offsets into the chunk: a consumer slices only the fields it keeps.
 * parseCsv reads a whole text into rows of strings.
 */
export type Delimiter = ',' | ';' | '\t';

export const DELIMITERS: readonly Delimiter[] = [',', ';', '\t'];

/** The longest field or record read: far beyond any spreadsheet cell (Sheets holds 50,000 characters). */
export const MAX_FIELD = 1 << 20;

const QUOTE = 34;
const LF = 10;
const CR = 13;

/** One record: field j is text.slice(starts[j], ends[j]), or texts[j] where it had to be unescaped. */
export class CsvRecord {
  /** The text the offsets point into (valid only during the consumer's call). */
  text = '';
  count = 0;
  starts = new Int32Array(16);
  ends = new Int32Array(16);
  /** Unescaped fields (doubled quotes, text after a closing quote), else undefined. */
  texts: (string | undefined)[] = [];
  /** Whether any field of this record is in texts. */
  special = false;
  /** The physical line (1-based) the record starts on, counting line breaks inside quoted fields. */
  line = 1;
  /** How many physical lines it spans (more than 1 when a quoted field holds line breaks). */
  lines = 1;

  /** Field j as a string ("" beyond the last field). */
  field(j: number): string {
    if (j >= this.count) return '';
    if (this.special) {
      const t = this.texts[j];
      if (t !== undefined) return t;
    }
    return this.text.slice(this.starts[j], this.ends[j]);
  }

  /** The first character code of field j, or -1 when it is empty. */
  code0(j: number): number {
    if (j >= this.count) return -1;
    if (this.special) {
      const t = this.texts[j];
      if (t !== undefined) return t.length ? t.charCodeAt(0) : -1;
    }
    const a = this.starts[j];
    return a < this.ends[j] ? this.text.charCodeAt(a) : -1;
  }

  /** Whether field j is exactly `s`, without building it. */
  is(j: number, s: string): boolean {
    if (j >= this.count) return s === '';
    if (this.special) {
      const t = this.texts[j];
      if (t !== undefined) return t === s;
    }
    const a = this.starts[j];
    const n = this.ends[j] - a;
    if (n !== s.length) return false;
    if (n === 0) return true;
    const text = this.text;
    // The last character first: values of a column that differ (dates, amounts, ids) mostly differ there.
    // Then the whole: a slice compared by === is twice as fast as a loop over charCodeAt (measured in V8 12).
    return text.charCodeAt(a + n - 1) === s.charCodeAt(n - 1) && text.slice(a, a + n) === s;
  }

  /** A hash of field j's characters (0 for a field in texts), for a consumer's cache of values it has seen. */
  hash(j: number): number {
    if (j >= this.count || (this.special && this.texts[j] !== undefined)) return 0;
    const text = this.text;
    let h = 0;
    for (let k = this.starts[j], end = this.ends[j]; k < end; k++) h = (Math.imul(h, 31) + text.charCodeAt(k)) | 0;
    return h;
  }

  /** Every field as strings. */
  fields(): string[] {
    const out = new Array<string>(this.count);
    for (let j = 0; j < this.count; j++) out[j] = this.field(j);
    return out;
  }

  /** Room for twice as many fields (the tokenizer's). */
  grow(): void {
    const n = this.starts.length * 2;
    const s = new Int32Array(n);
    s.set(this.starts);
    this.starts = s;
    const e = new Int32Array(n);
    e.set(this.ends);
    this.ends = e;
  }
}

/**
 * Reads CSV text pushed in chunks of any size and calls `onRecord` for every record, in order. The record
 * object is reused: read what is needed during the call. A byte order mark at the very start is dropped,
 * and so is one line break at the very end (it ends the last record, it does not start another).
 * Throws an InputError ("line N: ...") for a quote that is never closed and for a field or a line longer
 * than MAX_FIELD characters.
 */
export class CsvTokenizer {
  private readonly d: number;
  private readonly ds: string;
  private pending = '';
  private started = false;
  private line = 1;
  private readonly rec = new CsvRecord();

  constructor(
    delimiter: Delimiter | string,
    private readonly onRecord: (record: CsvRecord) => void,
  ) {
    if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r')
      fail(`the delimiter must be one character other than a quote or line break, not "${delimiter}"`);
    this.d = delimiter.charCodeAt(0);
    this.ds = delimiter;
  }

  push(chunk: string): void {
    let text = chunk;
    if (!this.started && text.length) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    let from = 0;
    if (this.pending) {
      // The record cut at the end of the last chunk, completed with the start of this one: joined to as
      // little of it as finishes the record (the first line, then twice as much...), not to the whole chunk.
      const pending = this.pending;
      for (let end = text.indexOf('\n') + 1 || text.length; ; end = text.indexOf('\n', 2 * end) + 1 || text.length) {
        const joint = pending + text.slice(0, end);
        const used = this.scan(joint, 0, false);
        if (used > 0) {
          from = used - pending.length;
          this.pending = '';
          break;
        }
        if (end === text.length) {
          this.pending = joint;
          if (joint.length > MAX_FIELD) this.tooLong(joint);
          return;
        }
      }
    }
    const used = this.scan(text, from, false);
    this.pending = used < text.length ? text.slice(used) : '';
    if (this.pending.length > MAX_FIELD) this.tooLong(this.pending);
  }

  end(): void {
    const text = this.pending;
    this.pending = '';
    if (text.length) this.scan(text, 0, true);
  }

  /** Reads the complete records of `text` and returns where the first incomplete one starts. */
  private scan(s: string, from: number, last: boolean): number {
    const n = s.length;
    const d = this.d;
    const ds = this.ds;
    const rec = this.rec;
    rec.text = s;
    let starts = rec.starts;
    let ends = rec.ends;
    // The next delimiter, LF and CR at or after i (n when none), found with indexOf, several times faster
    // than testing every character: an unquoted field costs one search.
    let nd = -1;
    let nl = -1;
    let nc = -1;
    let line = this.line;
    let i = from;
    while (i < n) {
      // One record from i.
      const start = i;
      let lines = 0; // line breaks inside its quoted fields
      let count = 0;
      let special = false;
      for (;;) {
        if (count === starts.length) {
          rec.grow();
          starts = rec.starts;
          ends = rec.ends;
        }
        if (i < n && s.charCodeAt(i) === QUOTE) {
          // A quoted field runs to the next lone quote.
          const open = i;
          let j = i + 1;
          let escaped = false;
          let close = -1;
          for (;;) {
            const q = s.indexOf('"', j);
            if (q < 0 || q + 1 >= n) break; // not closed yet, or "" cannot be told from " at the end
            if (s.charCodeAt(q + 1) === QUOTE) {
              escaped = true;
              j = q + 2;
              continue;
            }
            close = q;
            break;
          }
          if (close < 0) {
            if (!last) {
              this.line = line;
              return start;
            }
            // The end of the text: a quote as its last character closes the field; otherwise it never closes.
            const q = s.indexOf('"', j);
            if (q !== n - 1) this.unclosed(s, open, line + lines);
            close = q;
          }
          let breaks = 0;
          for (let k = open + 1; k < close; k++) {
            const c = s.charCodeAt(k);
            if (c === LF) breaks++;
            else if (c === CR && s.charCodeAt(k + 1) !== LF) breaks++;
          }
          let body: string | undefined = escaped ? s.slice(open + 1, close).replace(/""/g, '"') : undefined;
          i = close + 1;
          if (i < n) {
            const c = s.charCodeAt(i);
            if (c !== d && c !== LF && c !== CR) {
              // Text after the closing quote: kept on one line; across lines, a missing quote.
              if (breaks > 0) this.strayAfter(s, i, line + lines, breaks);
              let k = i;
              while (k < n) {
                const e = s.charCodeAt(k);
                if (e === d || e === LF || e === CR) break;
                k++;
              }
              if (k >= n && !last) {
                this.line = line;
                return start;
              }
              body = (body ?? s.slice(open + 1, close)) + s.slice(i, k);
              i = k;
            }
          }
          lines += breaks;
          if (body !== undefined) {
            if (!special) {
              special = true;
              rec.texts.length = 0; // the fields before this one are plain (holes)
            }
            rec.texts[count] = body;
          } else if (special) rec.texts[count] = undefined;
          starts[count] = open + 1;
          ends[count] = close;
          count++;
        } else {
          if (nd < i) {
            nd = s.indexOf(ds, i);
            if (nd < 0) nd = n;
          }
          if (nl < i) {
            nl = s.indexOf('\n', i);
            if (nl < 0) nl = n;
          }
          if (nc < i) {
            nc = s.indexOf('\r', i);
            if (nc < 0) nc = n;
          }
          const k = nd < nl ? (nd < nc ? nd : nc) : nl < nc ? nl : nc;
          if (k >= n && !last) {
            this.line = line;
            return start;
          }
          if (special) rec.texts[count] = undefined;
          starts[count] = i;
          ends[count] = k;
          count++;
          i = k;
        }
        // After a field: a delimiter, a line break or the end.
        if (i >= n) break;
        const c = s.charCodeAt(i);
        if (c === d) {
          i++;
          continue;
        }
        if (c === CR) {
          if (i + 1 >= n && !last) {
            this.line = line;
            return start;
          }
          i += s.charCodeAt(i + 1) === LF ? 2 : 1;
        } else i++;
        break;
      }
      if (i - start > MAX_FIELD) {
        this.line = line;
        this.tooLong(s.slice(start, i));
      }
      rec.count = count;
      rec.special = special;
      rec.line = line;
      rec.lines = lines + 1;
      line += lines + 1;
      this.onRecord(rec);
    }
    this.line = line;
    return n;
  }

  private unclosed(s: string, open: number, line: number): never {
    const rest = s.length - open;
    return fail(
      `line ${line}: the quote that opens a field here is never closed (the rest of the file, ${rest.toLocaleString('en-GB')} characters, ` +
        `would become one field) — close it, or if the quote belongs to the text, double it ("") or remove it`,
    );
  }

  private strayAfter(s: string, after: number, line: number, breaks: number): never {
    const shown = s.slice(after, Math.min(s.length, after + 20)).split(/[\r\n]/)[0];
    return fail(
      `line ${line}: a quote opens a field here and closes only on line ${line + breaks}, followed by "${shown}" — ` +
        `a quote is probably missing or extra on line ${line}; make each quoted field close on its own line ` +
        `(a quote inside a field is written "")`,
    );
  }

  /** The pending record outgrew MAX_FIELD: an open quote, or not CSV at all. */
  private tooLong(text: string): never {
    const q = text.indexOf('"');
    if (q >= 0)
      fail(
        `line ${this.line + countBreaks(text, 0, q)}: the quote that opens a field here is not closed within ` +
          `${MAX_FIELD.toLocaleString('en-GB')} characters (no spreadsheet cell is that long) — close it, or if the quote ` +
          `belongs to the text, double it ("") or remove it`,
      );
    return fail(
      `line ${this.line}: a line longer than ${MAX_FIELD.toLocaleString('en-GB')} characters — this does not look like ` +
        `a CSV export; export the data again as CSV`,
    );
  }
}

/** Line breaks (CRLF, LF or CR) in s[from, to). */
function countBreaks(s: string, from: number, to: number): number {
  let n = 0;
  for (let k = from; k < to; k++) {
    const c = s.charCodeAt(k);
    if (c === LF) n++;
    else if (c === CR) {
      n++;
      if (s.charCodeAt(k + 1) === LF) k++;
    }
  }
  return n;
}

/**
 * The delimiter of a CSV sample (its first lines): the candidate whose records most often have the same
 * number of fields, more than one; quotes are respected, so "1,234.56" in a semicolon file does not count.
 * Ties go to more fields, then to `,` `;` tab in that order. A first line `sep=;` (Excel's hint) decides.
 */
export function detectDelimiter(sample: string): Delimiter {
  const first = /^\ufeff?([^\r\n]*)/.exec(sample)![1];
  const hint = /^sep=(.)$/i.exec(first);
  if (hint && (DELIMITERS as readonly string[]).includes(hint[1])) return hint[1] as Delimiter;
  // The first 200 lines or 16 KB tell: a longer sample costs three tokenizings for nothing.
  let cut = 0;
  for (let lines = 0; lines < 200 && cut >= 0 && cut < 16384; lines++) cut = sample.indexOf('\n', cut + 1);
  const text = cut >= 0 && cut < sample.length ? sample.slice(0, cut + 1) : sample;
  let best: Delimiter = ',';
  let bestScore = -1;
  let bestFields = 0;
  for (const d of DELIMITERS) {
    const counts = new Map<number, number>();
    let records = 0;
    try {
      const t = new CsvTokenizer(d, (r) => {
        if (records++ < 200 && (r.count > 1 || r.code0(0) >= 0)) counts.set(r.count, (counts.get(r.count) ?? 0) + 1);
      });
      t.push(text); // the incomplete last record stays pending: never counted
    } catch {
      continue; // a stray quote under this delimiter: not it
    }
    let score = 0;
    let fields = 0;
    for (const [count, times] of counts) {
      if (count < 2) continue;
      if (times > score || (times === score && count > fields)) {
        score = times;
        fields = count;
      }
    }
    if (score > bestScore || (score === bestScore && fields > bestFields)) {
      best = d;
      bestScore = score;
      bestFields = fields;
    }
  }
  return bestScore > 0 ? best : ',';
}

/**
 * Reads a whole CSV text into rows of fields (strings, blanks as ""), the shape findTable takes.
 * Blank lines are rows of one empty field.
 */
export function parseCsv(text: string, delimiter: Delimiter | string = ','): string[][] {
  if (typeof text !== 'string') fail('expected CSV text');
  const rows: string[][] = [];
  const t = new CsvTokenizer(delimiter, (r) => rows.push(r.fields()));
  t.push(text);
  t.end();
  return rows;
}
