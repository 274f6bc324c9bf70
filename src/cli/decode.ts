/**
 * A file's bytes as text, whatever the export wrote: UTF-8 with or without a byte order mark, UTF-16 LE or BE
 * (by its mark, or by the pattern of zero bytes ASCII text leaves in it), or Windows-1252 / Latin-1 (what
 * Excel on Windows writes, where "£" is one byte). Workbooks, PDFs, archives and other binary files are
 * refused with what to do instead. Read in chunks: a file of any size.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { InputError } from '../core/values/errors';

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** Where the bytes come from: a file on disk, or bytes in memory (tests). */
export interface Bytes {
  /** Reads into buf from byte `position`; returns how many bytes were read, 0 at the end. */
  read(buf: Uint8Array, position: number): number;
  /** Its length in bytes. */
  size(): number;
  close(): void;
}

export function fileBytes(path: string): Bytes {
  const fd = openSync(path, 'r');
  if (fstatSync(fd).isDirectory()) {
    closeSync(fd);
    throw Object.assign(new Error(`${path} is a folder`), { code: 'EISDIR' });
  }
  return {
    read: (buf, position) => readSync(fd, buf, 0, buf.length, position),
    size: () => fstatSync(fd).size,
    close: () => closeSync(fd),
  };
}

export function memoryBytes(data: Uint8Array): Bytes {
  return {
    read(buf, position) {
      const part = data.subarray(position, position + buf.length);
      buf.set(part);
      return part.length;
    },
    size: () => data.length,
    close() {},
  };
}

/**
 * An error the user can fix in the file: `<file>: line N: <what> — <what to do>` once the CLI prefixes it
 * (`row N` in a JSON file: its records as the rows of a sheet, the field names on row 1).
 */
export function fileError(path: string, line: number | null, message: string, unit: 'line' | 'row' = 'line'): InputError {
  return new InputError(`${path}: ${line === null ? '' : `${unit} ${line}: `}${message}`);
}

/** What the first bytes say: the encoding and the length of its byte order mark. Throws for binary files. */
export function sniff(path: string, head: Uint8Array): { encoding: Encoding; bom: number } {
  const b = head;
  if (b.length === 0) throw fileError(path, null, 'the file is empty — export the data again');
  if (
    b.length >= 4 &&
    ((b[0] === 0xff && b[1] === 0xfe && b[2] === 0 && b[3] === 0) || (b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff))
  )
    throw fileError(path, null, 'the file is in UTF-32, which is not read — save it as CSV UTF-8');
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { encoding: 'utf-8', bom: 3 };
  if (b[0] === 0xff && b[1] === 0xfe) return { encoding: 'utf-16le', bom: 2 };
  if (b[0] === 0xfe && b[1] === 0xff) return { encoding: 'utf-16be', bom: 2 };
  const kind = signature(b);
  if (kind) throw fileError(path, 1, `this is ${kind}, not a CSV file — ${SAVE_AS_CSV}`);
  // Zero bytes: UTF-16 without a mark (ASCII text leaves one in every other byte), or binary.
  const bytes = Buffer.from(b.buffer, b.byteOffset, b.byteLength);
  const firstZero = bytes.indexOf(0);
  if (firstZero >= 0) {
    let evenZeros = 0;
    let oddZeros = 0;
    for (let i = firstZero; i < b.length; i = bytes.indexOf(0, i + 1)) {
      if (i < 0) break;
      if (i & 1) oddZeros++;
      else evenZeros++;
    }
    const half = b.length / 2;
    if (oddZeros > 0.3 * half && evenZeros < 0.02 * half) return { encoding: 'utf-16le', bom: 0 };
    if (evenZeros > 0.3 * half && oddZeros < 0.02 * half) return { encoding: 'utf-16be', bom: 0 };
    throw fileError(path, lineAt(b, firstZero), `this is not a text file (it holds zero bytes) — ${SAVE_AS_CSV}`);
  }
  // Control characters other than tab, line feed, vertical tab, form feed, carriage return and a DOS end-of-file mark.
  const latin1 = bytes.toString('latin1');
  const controls = latin1.match(CONTROL)?.length ?? 0;
  if (controls > Math.max(2, 0.01 * b.length)) {
    CONTROL.lastIndex = 0;
    const at = latin1.search(CONTROL);
    throw fileError(
      path,
      lineAt(b, at),
      `this is not a text file (${controls} control characters in its first ${b.length} bytes) — ${SAVE_AS_CSV}`,
    );
  }
  // UTF-8 unless its bytes cannot be (a "£" written as one byte by Excel on Windows): then Windows-1252.
  return { encoding: isUtf8(trimPartial(b)) ? 'utf-8' : 'windows-1252', bom: 0 };
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\x01-\x08\x0e-\x19\x1b-\x1f\x7f]/g;

const SAVE_AS_CSV =
  'export the data as CSV (in Excel: File › Save As › CSV UTF-8; in Google Sheets: File › Download › Comma-separated values)';

function signature(b: Uint8Array): string | null {
  const starts = (...xs: number[]) => xs.every((x, i) => b[i] === x);
  if (starts(0x50, 0x4b, 0x03, 0x04)) return 'an Excel workbook (.xlsx) or another zip file';
  if (starts(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) return 'an old Excel workbook (.xls)';
  if (starts(0x25, 0x50, 0x44, 0x46)) return 'a PDF';
  if (starts(0x1f, 0x8b)) return 'a compressed (gzip) file';
  return null;
}

/** The 1-based line of a byte offset (counting LF, and CR not followed by LF). */
function lineAt(b: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (b[i] === 10 || (b[i] === 13 && b[i + 1] !== 10)) line++;
  return line;
}

/** The bytes without a UTF-8 sequence cut off at the end of a sample. */
function trimPartial(b: Uint8Array): Uint8Array {
  let end = b.length;
  for (let k = 1; k <= 3 && end - k >= 0; k++) {
    const x = b[end - k];
    if (x < 0x80) break;
    if (x >= 0xc0) {
      const need = x >= 0xf0 ? 4 : x >= 0xe0 ? 3 : 2;
      if (need > k) end -= k;
      break;
    }
  }
  return b.subarray(0, end);
}

// Windows-1252's characters at 0x80..0x9f (where Latin-1 has control codes); the five it leaves undefined
// keep their Latin-1 code, as the WHATWG decoders do.
const W1252 =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';
const C1 = /[\x80-\x9f]/g;

export function decodeWindows1252(bytes: Uint8Array): string {
  const s = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  C1.lastIndex = 0;
  return C1.test(s) ? s.replace(C1, (c) => W1252[c.charCodeAt(0) - 0x80]) : s;
}

/** A UTF-8 file turned out not to be UTF-8 after its first bytes (read it again as Windows-1252). */
export class NotUtf8 extends Error {
  /** Whether the text before it held characters beyond ASCII (then it was UTF-8 after all: a damaged file). */
  sawNonAscii = false;
  constructor(readonly offset: number) {
    super('not UTF-8');
  }
}

/** Read and decoded 64 KB at a time: each chunk's text is young garbage, never an old-space object to sweep. */
export const CHUNK_BYTES = 1 << 16;
/** How much of the start decides the encoding (and, decoded, the delimiter). */
export const SNIFF_BYTES = 1 << 16;

/**
 * The text of a file in chunks, in the given encoding (after its byte order mark). For UTF-8 a chunk that
 * does not decode throws NotUtf8 with its offset (the caller reads again as Windows-1252, or refuses a file
 * that mixes both).
 */
export function forEachChunk(bytes: Bytes, encoding: Encoding, bom: number, onText: (text: string) => void): void {
  const buf = new Uint8Array(CHUNK_BYTES);
  const decoder = encoding === 'windows-1252' ? null : new TextDecoder(encoding, { fatal: encoding === 'utf-8' });
  let position = bom;
  for (;;) {
    const got = bytes.read(buf, position);
    const part = buf.subarray(0, got);
    let text: string;
    if (decoder) {
      try {
        text = decoder.decode(part, { stream: got > 0 });
      } catch {
        throw new NotUtf8(position + firstInvalidUtf8(part));
      }
    } else text = decodeWindows1252(part);
    if (text.length) onText(text);
    if (got === 0) return;
    position += got;
  }
}

/** Where the first byte that is not UTF-8 is in a chunk (approximately at its start, for the message). */
function firstInvalidUtf8(b: Uint8Array): number {
  let lo = 0;
  let hi = b.length;
  // The longest valid prefix, by halving (the end of a prefix may cut a character: trimPartial allows it).
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (isUtf8(trimPartial(b.subarray(0, mid)))) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The 1-based line of a byte offset in a file, counted by reading it again (for a message). */
export function lineOfOffset(bytes: Bytes, offset: number): number {
  const buf = new Uint8Array(CHUNK_BYTES);
  let line = 1;
  let position = 0;
  let lastCr = false;
  while (position < offset) {
    const got = bytes.read(buf, position);
    if (got === 0) break;
    const end = Math.min(got, offset - position);
    for (let i = 0; i < end; i++) {
      const x = buf[i];
      if (x === 10) {
        if (!lastCr) line++;
        lastCr = false;
      } else if (x === 13) {
        line++;
        lastCr = true;
      } else lastCr = false;
    }
    position += got;
  }
  return line;
}
