/**
 * One CSV file to the scorecard's view of it, streamed: the command line never holds the file, nor a grid of
 * it, nor a column it does not read.
 *
 * 1. The bytes are decoded (src/cli/decode.ts) and the delimiter is found on the first 64 KB.
 * 2. The head (the first HEAD_RECORDS records) is read as a grid: the header row is found and the roles are
 *    guessed there, by the same code that reads a pasted sheet (findHeaderRow, sortRows, suggestRoles),
 *    then the user's --map is applied.
 * 3. Every record below the header goes through the same row classifier as a sheet's rows
 *    (core/tables/dataRows.ts): blank rows, repeated headers, totals rows and notes are left out as they are
 *    from a sheet. Only the columns the scorecard reads are kept (src/cli/columns.ts), each row with its line.
 *    Rows that can only be judged once the whole table is known (a totals word, a single filled cell) are
 *    kept aside and judged at the end; when that needs what the columns usually hold, a second pass reads
 *    the sampled rows again.
 * Every message names the file and its line (the physical line, counting line breaks inside quotes).
 */
import { CsvRecord, CsvTokenizer, type Delimiter, detectDelimiter } from '../core/tables/csv';
import {
  FILLED,
  SAME,
  type RowFacts,
  type SkippedRow,
  type TableShape,
  aboveHeaderRow,
  blankRun,
  cellFacts,
  isDoubtful,
  judgeRow,
  plainText,
  repeatRow,
  rowVerdict,
  sampledPlainRows,
  sortRows,
  totalWord,
  usualKinds,
} from '../core/tables/dataRows';
import { type HeaderSpan, findHeaderRow } from '../core/tables/headerRow';
import { headerNames } from '../core/tables/findTable';
import { columnLetter } from '../core/tables/kinds';
import { type RoleSuggestion, suggestRoles } from '../core/tables/suggestRoles';
import { type RoleMapping, applyOverrides } from '../core/tables/overrides';
import { ROLES, type Role, isRole } from '../core/tables/roles';
import { bindMeasure } from '../core/scorecard/bindings';
import { MEASURES, type Source } from '../core/scorecard/measures';
import type { SourceColumns } from '../core/scorecard/compute';
import type { Column } from '../core/values/column';
import { InputError } from '../core/values/errors';
import { type Bytes, type Encoding, NotUtf8, SNIFF_BYTES, fileError, forEachChunk, lineOfOffset, sniff } from './decode';
import { ColumnBuilder, LineBuilder } from './columns';

/** Records read as a grid before the header is looked for: the header search's 1,000 rows, and a sample below. */
export const HEAD_RECORDS = 4096;

/** The most rows the columns are sized for at the start (48 MB a column). */
const MAX_EXPECTED = 6_000_000;

/** Columns whose roles only the number reader reads (kept as numbers, see columns.ts). */
const NUMERIC: ReadonlySet<Role> = new Set<Role>(['amount', 'cost', 'margin', 'quantity', 'returned']);

export interface LoadedFile {
  readonly source: SourceColumns;
  /** --map roles naming a header this file does not have (the caller checks them across files). */
  readonly unused: string[];
  readonly encoding: Encoding;
  readonly delimiter: Delimiter;
  readonly headerLine: number;
  readonly headers: readonly string[];
  readonly suggestions: readonly RoleSuggestion[];
  readonly mapping: RoleMapping;
  /** Data rows kept. */
  readonly rows: number;
}

/**
 * A row of the head (strings) as a CSV record, so that the rows of the head and of the stream go through
 * one code path (one shape of record for the hot loops).
 */
function asRecord(cells: readonly string[], line: number, rec: CsvRecord): CsvRecord {
  rec.text = cells.join('');
  rec.count = 0;
  while (rec.starts.length < cells.length) rec.grow();
  let at = 0;
  for (let j = 0; j < cells.length; j++) {
    rec.starts[j] = at;
    at += cells[j].length;
    rec.ends[j] = at;
  }
  rec.count = cells.length;
  rec.special = false;
  rec.line = line;
  rec.lines = 1;
  return rec;
}

/** A doubtful row, kept aside until the table is known. */
interface Doubt {
  readonly index: number;
  readonly line: number;
  readonly facts: RowFacts;
  readonly cells: string[];
}

/** Roles the scorecard reads from a file of this kind with these roles mapped (plus its date: the clock). */
export function rolesRead(kind: Source, mapped: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  if (mapped.has('date')) out.add('date');
  for (const m of MEASURES) {
    const b = bindMeasure(m.id, { [kind]: mapped });
    if (b && b.source === kind) for (const r of [b.dates, b.a, b.b]) if (r) out.add(r);
  }
  return out;
}

const key = (s: string): string => s.replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * Reads one file. `open` gives its bytes (again for a second pass). Throws an InputError naming the file and
 * line for anything the user can fix.
 */
export function loadFile(path: string, kind: Source, overrides: Readonly<Record<string, string>>, open: () => Bytes): LoadedFile {
  const head = new Uint8Array(SNIFF_BYTES);
  const first = withBytes(open, (b) => b.read(head, 0));
  const { encoding, bom } = sniff(path, head.subarray(0, first));
  try {
    return new FileReader(path, kind, overrides, open, encoding, bom).read();
  } catch (e) {
    if (!(e instanceof NotUtf8)) throw e;
    // UTF-8 at the start, not further on: Windows-1252 if what came before was plain ASCII, else a broken file.
    if (e.sawNonAscii) {
      const line = withBytes(open, (b) => lineOfOffset(b, e.offset));
      throw fileError(
        path,
        line,
        'bytes that are not UTF-8 in a file that is UTF-8 before them (two encodings mixed, or a damaged file) — ' +
          'save the file again as CSV UTF-8',
      );
    }
    return new FileReader(path, kind, overrides, open, 'windows-1252', 0).read();
  }
}

function beyondAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 127) return true;
  return false;
}

function withBytes<T>(open: () => Bytes, f: (b: Bytes) => T): T {
  const b = open();
  try {
    return f(b);
  } finally {
    b.close();
  }
}

/**
 * Decodes and tokenizes a file: the delimiter found on its first 64 KB (onDelimiter), then every record.
 * Throws NotUtf8 (knowing whether what came before was beyond ASCII) or an InputError "line N: ...".
 */
function tokenizeBytes(
  bytes: Bytes,
  encoding: Encoding,
  bom: number,
  onDelimiter: (d: Delimiter) => void,
  onRecord: (rec: CsvRecord) => void,
): void {
  let tokenizer: CsvTokenizer | null = null;
  let sample = '';
  let sawNonAscii = false;
  const start = (): CsvTokenizer => {
    const d = detectDelimiter(sample);
    onDelimiter(d);
    const t = new CsvTokenizer(d, onRecord);
    t.push(sample);
    sample = '';
    return t;
  };
  try {
    forEachChunk(bytes, encoding, bom, (text) => {
      if (!sawNonAscii && encoding === 'utf-8' && beyondAscii(text)) sawNonAscii = true;
      if (tokenizer) tokenizer.push(text);
      else {
        sample += text;
        if (sample.length >= SNIFF_BYTES) tokenizer = start();
      }
    });
    (tokenizer ?? start()).end();
  } catch (e) {
    if (e instanceof NotUtf8) e.sawNonAscii = sawNonAscii;
    throw e;
  }
}

class FileReader {
  private delimiter: Delimiter = ',';
  // The head, as a grid, and the line of each of its records.
  private head: string[][] = [];
  private headLines: number[] = [];
  private headDone = false;
  // The table, once the header is known.
  private span: HeaderSpan | null = null;
  private headerIndex = -1;
  private headers: string[] = [];
  private names: string[] = [];
  private nameCodes = new Int32Array(0);
  private nameLengths = new Int32Array(0);
  private suggestions: RoleSuggestion[] = [];
  private mapping: RoleMapping = {};
  private unused: string[] = [];
  /** Kept columns: [column among the table's, role, builder]; their columns and builders as arrays, for the hot loop. */
  private kept: [number, Role, ColumnBuilder][] = [];
  private keptAt: number[] = [];
  private builders: ColumnBuilder[] = [];
  private lines = new LineBuilder(0);
  // Row classification.
  private skipped: SkippedRow[] = [];
  private runFirst = -1;
  private runLast = -1;
  private index = 0; // data rows so far (including doubtful ones)
  private plain = 0;
  /** Per column: plain rows that leave it empty. */
  private unfilled: number[] = [];
  /** The columns the last row left empty (this.emptyN of them). */
  private empty = new Int32Array(0);
  private emptyN = 0;
  private doubts: Doubt[] = [];
  /** The file's size in bytes, and whether the head is all of it. */
  private size = 0;
  private ended = false;

  constructor(
    private readonly path: string,
    private readonly kind: Source,
    private readonly overrides: Readonly<Record<string, string>>,
    private readonly open: () => Bytes,
    private readonly encoding: Encoding,
    private readonly bom: number,
  ) {}

  read(): LoadedFile {
    this.size = withBytes(this.open, (b) => b.size());
    this.stream((rec) => this.record(rec));
    if (!this.headDone) this.analyseHead();
    this.closeRun();
    // Doubtful rows, now that the table is known.
    const width = this.headers.length;
    const fill = this.unfilled.map((n) => (this.plain ? (this.plain - n) / this.plain : 0));
    let usual: ReturnType<TableShape['usual']> | null = null;
    const shape: TableShape = { plain: this.plain, fill, usual: () => (usual ??= this.usualKinds()) };
    const removed: number[] = [];
    for (const d of this.doubts) {
      const reason = judgeRow(d.facts, (j) => d.cells[j] ?? '', shape, width);
      if (reason === null) continue;
      this.skipped.push({ row: d.line, reason });
      removed.push(d.index);
    }
    if (this.index === removed.length) {
      throw fileError(
        this.path,
        this.headLines[this.headerIndex],
        'found the column names on this line but no data below them — put the rows of data under the header',
      );
    }
    this.skipped.sort((a, b) => a.row - b.row);
    const lines = this.lines.finish(removed);
    const columns: Record<string, Column> = {};
    for (const [j, role, builder] of this.kept) {
      const header = this.headers[j];
      const where = `${this.path}: line `;
      const what = `: column "${header}"`;
      columns[role] = {
        cells: builder.finish(removed),
        width: 1,
        name: `${this.path} column "${header}"`,
        named: true,
        at: (i: number) => `${where}${lines[i]}${what}`,
      };
    }
    return {
      source: { name: this.path, columns, skipped: this.skipped },
      unused: this.unused,
      encoding: this.encoding,
      delimiter: this.delimiter,
      headerLine: this.headLines[this.headerIndex],
      headers: this.headers,
      suggestions: this.suggestions,
      mapping: this.mapping,
      rows: lines.length,
    };
  }

  /** Streams the file's records to `onRecord`, the delimiter found on its first 64 KB. */
  private stream(onRecord: (rec: CsvRecord) => void): void {
    const onDelimiter = (d: Delimiter): void => {
      this.delimiter = d;
    };
    try {
      withBytes(this.open, (bytes) => tokenizeBytes(bytes, this.encoding, this.bom, onDelimiter, onRecord));
      this.ended = true;
    } catch (e) {
      if (e instanceof InputError && /^line \d+: /.test(e.message)) throw new InputError(`${this.path}: ${e.message}`);
      throw e;
    }
  }

  private record(rec: CsvRecord): void {
    if (!this.headDone) {
      this.head.push(rec.fields());
      this.headLines.push(rec.line);
      if (this.head.length >= HEAD_RECORDS) this.analyseHead();
      return;
    }
    this.factsOfRecord(rec);
    this.below(rec, rec.line);
  }

  /** The header, the roles and the columns to keep, from the head; then the head's rows below the header. */
  private analyseHead(): void {
    this.headDone = true;
    const grid = this.head;
    let span: HeaderSpan;
    try {
      span = findHeaderRow(grid);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      if (/^the sheet is empty/.test(e.message))
        throw fileError(this.path, null, 'the file holds no data (only blank lines or empty fields) — export the data again');
      throw fileError(
        this.path,
        null,
        `no header row found in its first ${Math.min(grid.length, 1000).toLocaleString('en-GB')} lines: no line holds column names ` +
          '(such as "Order Date", "Net Sales") with data below them — add a line of column names directly above the data',
      );
    }
    this.span = span;
    this.headerIndex = span.row;
    const headerLine = this.headLines[span.row];
    this.headers = headerNames(grid[span.row], span.firstCol, span.lastCol);
    const width = this.headers.length;
    this.names = this.headers.map((h) => h.toLowerCase());
    this.nameCodes = Int32Array.from(this.names, (n) => n.charCodeAt(0));
    this.nameLengths = Int32Array.from(this.names, (n) => n.length);
    this.unfilled = new Array<number>(width).fill(0);
    this.empty = new Int32Array(width);

    // Above the header: titles, notes and blank rows.
    for (let r = 0; r < span.row; r++) {
      const entry = aboveHeaderRow(grid[r], this.headLines[r]);
      if (entry === null) this.blank(this.headLines[r]);
      else {
        this.closeRun();
        this.skipped.push(entry);
      }
    }
    this.closeRun();

    // Roles from the head's data rows, as a sheet of these rows would get them.
    const { dataRows } = sortRows(grid, span.row, span.firstCol, span.lastCol, this.headers);
    const cols = this.headers.map((_, j) => dataRows.map((r) => grid[r][span.firstCol + j] ?? ''));
    this.suggestions = suggestRoles(this.headers, cols);
    const has = new Set(this.headers.map(key));
    const mine: Record<string, string> = {};
    for (const [role, header] of Object.entries(this.overrides)) {
      if (!isRole(role)) throw new InputError(`--map: there is no role called "${role}"; the roles are: ${ROLES.join(', ')}`);
      if (has.has(key(header))) mine[role] = header;
      else this.unused.push(role);
    }
    try {
      this.mapping = applyOverrides(this.suggestions, mine);
    } catch (e) {
      if (e instanceof InputError) throw fileError(this.path, headerLine, `--map: ${e.message}`);
      throw e;
    }
    const mapped = new Set(Object.keys(this.mapping));
    const read = rolesRead(this.kind, mapped);
    const expected = this.expectedRows(grid, span.row);
    this.lines = new LineBuilder(expected);
    for (const [role, j] of Object.entries(this.mapping) as [Role, number][])
      if (read.has(role)) this.kept.push([j, role, new ColumnBuilder(NUMERIC.has(role), expected)]);
    this.kept.sort((a, b) => a[0] - b[0]);
    this.keptAt = this.kept.map(([j]) => j);
    this.builders = this.kept.map(([, , b]) => b);
    this.checkDuplicates(grid[span.row], span, headerLine);

    const rec = new CsvRecord();
    for (let r = span.row + 1; r < grid.length; r++) {
      asRecord(grid[r], this.headLines[r], rec);
      this.factsOfRecord(rec);
      this.below(rec, rec.line);
    }
    this.head = [];
  }

  /**
   * How many rows below the header the file holds: exactly when the head is the whole file, else its size
   * over the head's characters per record (bytes per character: 2 in UTF-16, taken as 1 otherwise, which
   * errs on the side of room), with 5% to spare, at most MAX_EXPECTED.
   */
  private expectedRows(grid: readonly string[][], headerRow: number): number {
    const below = grid.length - headerRow - 1;
    if (this.ended) return below;
    let chars = 0;
    for (const row of grid) for (const f of row) chars += f.length + 1;
    const perChar = this.encoding === 'utf-16le' || this.encoding === 'utf-16be' ? 2 : 1;
    const records = this.size / perChar / Math.max(1, chars / grid.length);
    // A head of short lines above long ones would over-guess: past MAX_EXPECTED the columns grow instead.
    return Math.min(MAX_EXPECTED, Math.ceil(records * 1.05) + 64);
  }

  /** Two columns with one name: refused when the scorecard would read either (which one is meant?). */
  private checkDuplicates(row: readonly string[], span: HeaderSpan, line: number): void {
    const byName = new Map<string, number[]>();
    for (let j = span.firstCol; j <= span.lastCol; j++) {
      const name = key(row[j] ?? '');
      if (name) byName.set(name, [...(byName.get(name) ?? []), j]);
    }
    const used = new Set(this.keptAt.map((j) => span.firstCol + j));
    for (const cols of byName.values()) {
      if (cols.length < 2 || !cols.some((c) => used.has(c))) continue;
      const letters = cols.map(columnLetter);
      const list = letters.length === 2 ? `${letters[0]} and ${letters[1]}` : `${letters.slice(0, -1).join(', ')} and ${letters.at(-1)}`;
      throw fileError(
        this.path,
        line,
        `columns ${list} are both called "${(row[cols[0]] ?? '').trim()}", so which one to read cannot be told — ` +
          'rename one of them in the file (or delete the one that is not wanted)',
      );
    }
  }

  private blank(line: number): void {
    if (this.runFirst < 0) this.runFirst = line;
    this.runLast = line;
  }

  private closeRun(): void {
    if (this.runFirst >= 0) this.skipped.push(blankRun(this.runFirst, this.runLast));
    this.runFirst = -1;
  }

  // The facts of the last row read by facts(): cells filled (this.filled), their count, repeats of the
  // column names, its totals word.
  private count = 0;
  private same = 0;
  private total: string | undefined = undefined;

  /** The facts of a CSV record, mostly from the characters at the ends of its fields (plainText). */
  private factsOfRecord(rec: CsvRecord): void {
    const first = this.span!.firstCol;
    const width = this.headers.length;
    const codes = this.nameCodes;
    const lengths = this.nameLengths;
    const text = rec.text;
    const starts = rec.starts;
    const ends = rec.ends;
    const fields = rec.count;
    const special = rec.special;
    const empty = this.empty;
    let emptyN = 0;
    let count = 0;
    let same = 0;
    let total: string | undefined;
    for (let j = 0; j < width; j++) {
      const col = first + j;
      if (col >= fields) {
        empty[emptyN++] = j;
        continue;
      }
      if (!special || rec.texts[col] === undefined) {
        const a = starts[col];
        const b = ends[col];
        if (a === b) {
          empty[emptyN++] = j;
          continue;
        }
        const n = b - a;
        if (plainText(text.charCodeAt(a), n > 1 ? text.charCodeAt(a + 1) : -1, text.charCodeAt(b - 1), n, codes[j], lengths[j])) {
          count++;
          continue;
        }
      }
      const cell = rec.field(col);
      const f = cellFacts(cell, this.names[j]);
      if (f === 0) {
        empty[emptyN++] = j;
        continue;
      }
      count++;
      if (f & SAME) same++;
      if (total === undefined) total = totalWord(cell);
    }
    this.emptyN = emptyN;
    this.count = count;
    this.same = same;
    this.total = total;
  }

  /** A record below the header, once its facts are known. */
  private below(rec: CsvRecord, line: number): void {
    const width = this.headers.length;
    const verdict = rowVerdict(this.count, this.same, width);
    if (verdict === 'blank') {
      this.blank(line);
      return;
    }
    if (this.runFirst >= 0) this.closeRun();
    if (verdict === 'repeat') {
      this.skipped.push(repeatRow(line));
      return;
    }
    const first = this.span!.firstCol;
    const index = this.index++;
    const builders = this.builders;
    const at = this.keptAt;
    for (let k = 0; k < builders.length; k++) builders[k].add(rec, first + at[k]);
    this.lines.add(line);
    const total = this.total;
    if (total === undefined) {
      this.plain++;
      const unfilled = this.unfilled;
      for (let k = 0; k < this.emptyN; k++) unfilled[this.empty[k]]++;
    }
    if (isDoubtful(this.count, total, width)) {
      const cells: string[] = [];
      for (let j = 0; j < width; j++) cells.push(rec.field(first + j));
      const filled = Uint8Array.from(cells, (c, j) => cellFacts(c, this.names[j]) & FILLED);
      const facts: RowFacts = { filled, count: this.count, total };
      this.doubts.push({ index, line, facts, cells });
    }
  }

  /**
   * What each column usually holds, from the sampled plain rows (as a sheet's reader samples them): the file
   * is read a second time for their cells. Only needed by a doubtful row the first round of tests leaves open.
   */
  private usualKinds(): ReturnType<TableShape['usual']> {
    const wanted = sampledPlainRows(this.plain);
    const samples: { filled: Uint8Array; cells: string[] }[] = [];
    const width = this.headers.length;
    const first = this.span!.firstCol;
    let records = 0;
    let plain = 0;
    let next = 0;
    const headerRecord = this.headerIndex;
    this.stream((rec) => {
      if (records++ <= headerRecord || next >= wanted.length) return;
      this.factsOfRecord(rec);
      if (rowVerdict(this.count, this.same, width) !== 'row' || this.total !== undefined) return;
      if (plain++ !== wanted[next]) return;
      next++;
      const cells: string[] = [];
      for (let j = 0; j < width; j++) cells.push(rec.field(first + j));
      samples.push({ filled: Uint8Array.from(cells, (c, k) => cellFacts(c, this.names[k]) & FILLED), cells });
    });
    return usualKinds(
      samples.length,
      width,
      (k, j) => samples[k].filled[j] === 1,
      (k, j) => samples[k].cells[j],
    );
  }
}
