/**
 * One CSV file to the scorecard's view of it, streamed: the command line never holds the file, nor a grid of
 * it, nor a column it does not read.
 *
 * 1. The bytes are decoded (src/cli/decode.ts) and the delimiter is found on the first 64 KB.
 * 2. The head (the first HEAD_RECORDS records) is read as a grid and given the meaning a pasted sheet of it
 *    would get, by the same core functions: the header row and the vendor export it is (locateHeader: a
 *    profile by its header row, else the shape of the rows), the head's rows (tableRows), the roles
 *    (mapRoles: the profile's, else guessed; then the user's --map, "none" included) and the rules the rows
 *    are read by (sourceRules: the profile's filters, amounts per order, refund rows).
 * 3. Every record below the header goes through the same row classifier as a sheet's rows
 *    (core/tables/dataRows.ts), then the profile's own row rule (profiles/rows.ts: its header rows below the
 *    first, its rows without a date): what a sheet leaves out is left out, with the same reason. Only the
 *    columns the scorecard and the checks before a build read are kept (src/cli/columns.ts), each row with
 *    its line. Rows that can only be judged once the whole table is known (a totals word, a single filled
 *    cell) are kept aside and judged at the end; when that needs what the columns usually hold, a second
 *    pass reads the sampled rows again.
 * 4. The amounts' currency is read as from a sheet (amountCurrency): the money columns are kept as numbers,
 *    so the first value of each currency is noted as they stream by (CurrencySigns).
 * A JSON export (a file named .json) cannot be streamed by lines: it is read whole (core/tables/json.ts) and
 * its records go through steps 2 to 4 as the rows of a sheet (row 1: the field names).
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
  totalWord,
  usualKinds,
} from '../core/tables/dataRows';
import { type HeaderSpan } from '../core/tables/headerRow';
import { headerNames, locateHeader, tableRows } from '../core/tables/findTable';
import { columnLetter } from '../core/tables/kinds';
import { type RoleSuggestion } from '../core/tables/suggestRoles';
import { type RoleMapping } from '../core/tables/overrides';
import { type Role } from '../core/tables/roles';
import { type ExportProfile } from '../core/tables/profiles/index';
import { type ProfileRowRule, profileRowRule } from '../core/tables/profiles/rows';
import { type SourceSetup, type TableHeaders, amountCurrency, currencyColumns, sourceRules } from '../core/tables/profiles/setup';
import { parseJsonTable } from '../core/tables/json';
import { type LoadedSource, mapRoles } from '../core/scorecard/source';
import { checkedColumns } from '../core/scorecard/plausibility';
import { SOURCE_ROLES, type SourceColumns } from '../core/scorecard/compute';
import { type Source } from '../core/scorecard/measures';
import { type Cell } from '../core/values/cell';
import type { Column } from '../core/values/column';
import { CurrencySigns, currencyOfHeader } from '../core/values/currency';
import { InputError } from '../core/values/errors';
import { type Bytes, type Encoding, NotUtf8, SNIFF_BYTES, fileError, forEachChunk, lineOfOffset, sniff } from './decode';
import { ColumnBuilder, LineBuilder, plainDecimal } from './columns';

/** Records read as a grid before the header is looked for: the header search's 1,000 rows, and a sample below. */
export const HEAD_RECORDS = 4096;

/** The most rows the columns are sized for at the start (48 MB a column). */
const MAX_EXPECTED = 6_000_000;

/** Columns whose roles only the number reader reads (kept as numbers, see columns.ts). */
const NUMERIC: ReadonlySet<Role> = new Set<Role>(['amount', 'cost', 'margin', 'quantity', 'returned']);

export interface LoadedFile {
  readonly source: SourceColumns;
  /** What the checks before a build read (core/scorecard/plausibility.ts reviewSources), as from a sheet. */
  readonly loaded: LoadedSource;
  /** --map roles naming a header this file does not have (the caller checks them across files). */
  readonly unused: string[];
  readonly encoding: Encoding;
  /** The CSV delimiter; null for a JSON file. */
  readonly delimiter: Delimiter | null;
  readonly headerLine: number;
  readonly headers: readonly string[];
  /** The vendor export it was recognised as (core/tables/profiles), by id, or null. */
  readonly profile: string | null;
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

/** Roles the scorecard reads from a file of this kind with these roles mapped (SOURCE_ROLES: every other is never read). */
export function rolesRead(kind: Source, mapped: ReadonlySet<string>, extra: readonly Role[] = []): Set<Role> {
  return new Set([...SOURCE_ROLES[kind], ...extra].filter((r) => mapped.has(r)));
}

/** A profile-ruled row: its data index, its line, and the profile's reason. */
interface Ruled {
  readonly index: number;
  readonly line: number;
  readonly reason: string;
}

const key = (s: string): string => s.replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * Reads one file. `open` gives its bytes (again for a second pass). Throws an InputError naming the file and
 * line for anything the user can fix.
 */
export function loadFile(
  path: string,
  kind: Source,
  overrides: Readonly<Record<string, string>>,
  open: () => Bytes,
  /** Roles to keep beyond what the measures read (the summary's key accounts: customer, comment). */
  extra: readonly Role[] = [],
): LoadedFile {
  const head = new Uint8Array(SNIFF_BYTES);
  const first = withBytes(open, (b) => b.read(head, 0));
  const { encoding, bom } = sniff(path, head.subarray(0, first));
  try {
    return new FileReader(path, kind, overrides, open, encoding, bom, extra).read();
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
    return new FileReader(path, kind, overrides, open, 'windows-1252', 0, extra).read();
  }
}

/**
 * A small file's whole text, decoded as loadFile decodes (its encoding from its first bytes; UTF-8 that turns
 * out not to be read again as Windows-1252): the command line's --targets.
 */
export function readText(path: string, open: () => Bytes): string {
  const head = new Uint8Array(SNIFF_BYTES);
  const first = withBytes(open, (b) => b.read(head, 0));
  const { encoding, bom } = sniff(path, head.subarray(0, first));
  const decode = (enc: Encoding, skip: number): string => {
    const parts: string[] = [];
    withBytes(open, (b) => forEachChunk(b, enc, skip, (t) => parts.push(t)));
    return parts.join('');
  };
  try {
    return decode(encoding, bom);
  } catch (e) {
    if (!(e instanceof NotUtf8)) throw e;
    return decode('windows-1252', 0);
  }
}

// eslint-disable-next-line no-control-regex -- every character from NUL to DEL is ASCII
const BEYOND_ASCII = /[^\x00-\x7f]/;

function beyondAscii(text: string): boolean {
  return BEYOND_ASCII.test(text);
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

/** What was decided from the head, for the rest of the file. */
interface Meaning {
  readonly table: TableHeaders;
  readonly profile: ExportProfile | undefined;
  readonly rule: ProfileRowRule | null;
  readonly setup: Omit<SourceSetup, 'currency'>;
}

class FileReader {
  private delimiter: Delimiter | null = ',';
  /** 'row' for a JSON file (its records as a sheet's rows), else 'line'. */
  private readonly unit: 'line' | 'row';
  /** A JSON file's rows, once read. */
  private json: string[][] | null = null;
  // The head, as a grid, and the line of each of its records.
  private head: string[][] = [];
  private headLines: number[] = [];
  private headDone = false;
  /** Records seen so far (the head's included). */
  private records = 0;
  // The table, once the header is known.
  private span: HeaderSpan | null = null;
  private headerIndex = -1;
  private headers: string[] = [];
  private names: string[] = [];
  private nameCodes = new Int32Array(0);
  private nameLengths = new Int32Array(0);
  private meaning: Meaning | null = null;
  private suggestions: RoleSuggestion[] = [];
  private mapping: RoleMapping = {};
  private unused: string[] = [];
  /** Kept columns: [column among the table's, builder]; their columns and builders as arrays, for the hot loop. */
  private kept: [number, ColumnBuilder][] = [];
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
  /** Rows the profile's own rule leaves out (unless the classifier already did). */
  private ruled: Ruled[] = [];
  /** The amount column (among the table's) and, when its header names no currency, the currencies its values carry. */
  private amountAt = -1;
  private signs: CurrencySigns | null = null;
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
    private readonly extra: readonly Role[] = [],
  ) {
    this.unit = /\.json$/i.test(path) ? 'row' : 'line';
    if (this.unit === 'row') this.delimiter = null;
  }

  private error(line: number | null, message: string): InputError {
    return fileError(this.path, line, message, this.unit);
  }

  read(): LoadedFile {
    this.size = withBytes(this.open, (b) => b.size());
    this.stream((rec) => this.record(rec));
    if (!this.headDone) this.analyseHead();
    this.closeRun();
    const meaning = this.meaning!;
    // Doubtful rows, now that the table is known; then the rows the profile's rule leaves out.
    const width = this.headers.length;
    const fill = this.unfilled.map((n) => (this.plain ? (this.plain - n) / this.plain : 0));
    let usual: ReturnType<TableShape['usual']> | null = null;
    const shape: TableShape = { plain: this.plain, fill, usual: () => (usual ??= this.usualKinds()) };
    const gone = new Set<number>();
    for (const d of this.doubts) {
      const reason = judgeRow(d.facts, (j) => d.cells[j] ?? '', shape, width);
      if (reason === null) continue;
      this.skipped.push({ row: d.line, reason });
      gone.add(d.index);
    }
    for (const r of this.ruled) {
      if (gone.has(r.index)) continue;
      this.skipped.push({ row: r.line, reason: r.reason });
      gone.add(r.index);
    }
    if (this.signs) for (const d of this.doubts) if (!gone.has(d.index)) this.signs.add(d.cells[this.amountAt] ?? '', d.index); // a doubtful row that is data after all
    if (this.index === gone.size)
      throw this.error(
        this.headLines[this.headerIndex],
        `found the column names on this ${this.unit} but no data below them — put the rows of data under the header`,
      );
    this.skipped.sort((a, b) => a.row - b.row);
    const removed = [...gone].sort((a, b) => a - b);
    const lines = this.lines.finish(removed);
    const unit = this.unit;
    const columnOf = (cells: Cell[], header: string, name: string): Column => {
      const where = `${this.path}: ${unit} `;
      const what = `: column "${header}"`;
      return { cells, width: 1, name, named: true, at: (i: number) => `${where}${lines[i]}${what}` };
    };
    const byIndex: Cell[][] = new Array<Cell[]>(width);
    for (const [j, builder] of this.kept) byIndex[j] = builder.finish(removed);
    const columns: Record<string, Column> = {};
    for (const role of rolesRead(this.kind, new Set(Object.keys(this.mapping)), this.extra)) {
      const j = this.mapping[role]!;
      columns[role] = columnOf(byIndex[j], this.headers[j], `${this.path} column "${this.headers[j]}"`);
    }
    const filters = meaning.setup.filters.map((h) => {
      const j = this.headers.findIndex((x) => key(x) === key(h));
      // Named by its header alone: the reason a row is left out reads "column "Status" is "voided"".
      return j < 0 ? undefined : columnOf(byIndex[j], this.headers[j], `column "${this.headers[j]}"`);
    });
    const source: SourceColumns = {
      name: this.path,
      columns,
      ...(filters.length ? { filters } : {}),
      rules: meaning.setup.rules,
      skipped: this.skipped,
      rows: lines,
    };
    const signs = this.signs?.examples();
    let others: Map<number, string[]> | null = null;
    const currency = amountCurrency(meaning.table, this.mapping, (j) => {
      if (j === this.amountAt && signs) return signs;
      const kept = byIndex[j];
      if (kept && !this.isNumeric(j)) return kept;
      // A column not kept as text (a recognised export's other money columns, when its amount says nothing).
      return (others ??= this.currencySigns(new Set(removed), byIndex)).get(j) ?? [];
    });
    const loaded: LoadedSource = {
      table: meaning.table,
      suggestions: this.suggestions,
      mapping: this.mapping,
      source,
      setup: { ...meaning.setup, currency },
      cells: byIndex,
      rowAt: (i) => `${unit} ${lines[i]}`,
    };
    return {
      source,
      loaded,
      unused: this.unused,
      encoding: this.encoding,
      delimiter: this.delimiter,
      headerLine: this.headLines[this.headerIndex],
      headers: this.headers,
      profile: meaning.profile?.id ?? null,
      suggestions: this.suggestions,
      mapping: this.mapping,
      rows: lines.length,
    };
  }

  /** Streams the file's records to `onRecord`: a CSV file's, its delimiter found on its first 64 KB; a JSON file's rows. */
  private stream(onRecord: (rec: CsvRecord) => void): void {
    if (this.unit === 'row') {
      const grid = (this.json ??= this.readJson());
      const rec = new CsvRecord();
      for (let r = 0; r < grid.length; r++) onRecord(asRecord(grid[r], r + 1, rec));
      this.ended = true;
      return;
    }
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

  /** A JSON export's records as the rows of a sheet (core/tables/json.ts), from its whole text. */
  private readJson(): string[][] {
    const parts: string[] = [];
    withBytes(this.open, (bytes) => forEachChunk(bytes, this.encoding, this.bom, (text) => parts.push(text)));
    try {
      return parseJsonTable(parts.join(''));
    } catch (e) {
      if (e instanceof InputError) throw this.error(null, e.message);
      throw e;
    }
  }

  private record(rec: CsvRecord): void {
    const offset = this.records++ - this.headerIndex;
    if (!this.headDone) {
      this.head.push(rec.fields());
      this.headLines.push(rec.line);
      if (this.head.length >= HEAD_RECORDS) this.analyseHead();
      return;
    }
    this.factsOfRecord(rec);
    this.below(rec, rec.line, offset);
  }

  /** The header, the meaning of the table and the columns to keep, from the head; then the head's rows below the header. */
  private analyseHead(): void {
    this.headDone = true;
    const grid = this.head;
    let span: HeaderSpan;
    let profile: ExportProfile | undefined;
    try {
      ({ span, profile } = locateHeader(grid));
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      if (/^the sheet is empty/.test(e.message))
        throw this.error(null, 'the file holds no data (only blank lines or empty fields) — export the data again');
      throw this.error(
        null,
        `no header row found in its first ${Math.min(grid.length, 1000).toLocaleString('en-GB')} ${this.unit}s: no ${this.unit} holds column names ` +
          `(such as "Order Date", "Net Sales") with data below them — add a ${this.unit} of column names directly above the data`,
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

    // The meaning, as a sheet of the head's rows would get it.
    const rows = tableRows(grid, span, this.headers, profile);
    const table: TableHeaders = { headers: this.headers, profile: profile?.id ?? null, labels: rows.labels ?? null };
    const cols = this.headers.map((_, j) => rows.dataRows.map((r) => grid[r][span.firstCol + j] ?? ''));
    try {
      ({ suggestions: this.suggestions, mapping: this.mapping, unused: this.unused } = mapRoles(table, cols, this.overrides));
    } catch (e) {
      if (e instanceof InputError) throw this.error(headerLine, `--map: ${e.message}`);
      throw e;
    }
    const setup = sourceRules(table, this.mapping);
    this.meaning = { table, profile, rule: profile ? profileRowRule(profile, this.headers) : null, setup };

    // The columns to keep: what the scorecard reads, the checks before a build, the filters and the currency codes.
    const numeric = new Map<number, boolean>();
    const use = (j: number, asNumber: boolean): void => {
      if (j >= 0) numeric.set(j, (numeric.get(j) ?? true) && asNumber);
    };
    const roleOf = new Map<number, Role>();
    for (const [role, j] of Object.entries(this.mapping) as [Role, number][]) roleOf.set(j, role);
    for (const role of rolesRead(this.kind, new Set(Object.keys(this.mapping)), this.extra)) use(this.mapping[role]!, NUMERIC.has(role));
    for (const j of checkedColumns(table, this.mapping)) {
      const role = roleOf.get(j);
      use(j, role === undefined || NUMERIC.has(role)); // a column the checks read by readNumber alone
    }
    for (const h of setup.filters)
      use(
        this.headers.findIndex((x) => key(x) === key(h)),
        false,
      );
    const money = currencyColumns(table, this.mapping);
    use(money.code, false);
    this.amountAt = money.amount;
    const expected = this.expectedRows(grid, span.row);
    this.lines = new LineBuilder(expected);
    this.kept = [...numeric].sort((a, b) => a[0] - b[0]).map(([j, n]) => [j, new ColumnBuilder(n, expected)]);
    this.keptAt = this.kept.map(([j]) => j);
    this.builders = this.kept.map(([, b]) => b);
    if (money.amount >= 0 && this.isNumeric(money.amount) && currencyOfHeader(this.headers[money.amount]) === undefined)
      this.signs = new CurrencySigns();
    this.checkDuplicates(grid[span.row], span, headerLine);

    const rec = new CsvRecord();
    for (let r = span.row + 1; r < grid.length; r++) {
      asRecord(grid[r], this.headLines[r], rec);
      this.factsOfRecord(rec);
      this.below(rec, rec.line, r - span.row);
    }
    this.head = [];
  }

  /** Whether column j is kept as numbers. */
  private isNumeric(j: number): boolean {
    const k = this.keptAt.indexOf(j);
    return k >= 0 && this.builders[k].numeric;
  }

  /**
   * How many rows below the header the file holds: exactly when the head is the whole file, else its size
   * over the head's characters per record (bytes per character: 2 in UTF-16, taken as 1 otherwise, which
   * errs on the side of room), with 5% to spare, at most MAX_EXPECTED.
   */
  private expectedRows(grid: readonly string[][], headerRow: number): number {
    if (this.json) return this.json.length - headerRow - 1;
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
      throw this.error(
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

  /** A record below the header (`offset` records below it), once its facts are known. */
  private below(rec: CsvRecord, line: number, offset: number): void {
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
    // The export's own rule (its header rows below the first, its rows without a date): after the classifier, as on a sheet.
    const rule = this.meaning!.rule;
    let ruled = false;
    if (rule !== null) {
      const reason = rule(
        offset,
        (j) => rec.field(first + j),
        () => rec.fields(),
      );
      if (reason !== null) {
        this.ruled.push({ index, line, reason });
        ruled = true;
      }
    }
    if (isDoubtful(this.count, total, width)) {
      const cells: string[] = [];
      for (let j = 0; j < width; j++) cells.push(rec.field(first + j));
      const filled = Uint8Array.from(cells, (c, j) => cellFacts(c, this.names[j]) & FILLED);
      const facts: RowFacts = { filled, count: this.count, total };
      this.doubts.push({ index, line, facts, cells });
    } else if (this.signs !== null && !ruled) this.noteCurrency(rec, first + this.amountAt, index);
  }

  /** The currency an amount carries, unless it is a plain decimal (which carries none). */
  private noteCurrency(rec: CsvRecord, col: number, index: number): void {
    if (col >= rec.count) return;
    if (!rec.special || rec.texts[col] === undefined) {
      const a = rec.starts[col];
      const b = rec.ends[col];
      if (a === b || plainDecimal(rec.text, a, b) !== undefined) return;
    }
    this.signs!.add(rec.field(col), index);
  }

  /**
   * Streams the file again, calling `f` on each row below the header that the classifier keeps (data or
   * doubtful: the rows this.index counts), with its index among them, its facts in this.count/total.
   */
  private eachRow(f: (rec: CsvRecord, index: number) => boolean | void): void {
    const width = this.headers.length;
    const headerRecord = this.headerIndex;
    let records = 0;
    let index = 0;
    let done = false;
    this.stream((rec) => {
      if (done || records++ <= headerRecord) return;
      this.factsOfRecord(rec);
      if (rowVerdict(this.count, this.same, width) !== 'row') return;
      if (f(rec, index++) === false) done = true;
    });
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
    let plain = 0;
    let next = 0;
    this.eachRow((rec) => {
      if (next >= wanted.length) return false;
      if (this.total !== undefined) return;
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

  /**
   * The currencies the data rows' values carry, per column not kept as text (CurrencySigns): for a recognised
   * export whose amount says nothing, the file is read again for its other money columns.
   */
  private currencySigns(removed: ReadonlySet<number>, kept: readonly (Cell[] | undefined)[]): Map<number, string[]> {
    const width = this.headers.length;
    const first = this.span!.firstCol;
    const columns: number[] = [];
    for (let j = 0; j < width; j++) if (!kept[j] || this.isNumeric(j)) columns.push(j);
    const signs = columns.map(() => new CurrencySigns());
    this.eachRow((rec, index) => {
      if (removed.has(index)) return;
      for (let k = 0; k < columns.length; k++) signs[k].add(rec.field(first + columns[k]), index);
    });
    return new Map(columns.map((j, k) => [j, signs[k].examples()]));
  }
}
