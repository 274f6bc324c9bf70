import { SERIAL_EPOCH_OFFSET, civilFromDays } from '../../../core/time/days';

/**
 * Sheets' TEXT(value, format) for the in-memory workbook: HyperFormula's own TEXT knows only a few
 * codes (`mmm yyyy` comes out as `010 2026`, `0.0%` as `0.3%`). This covers the codes a scorecard
 * uses: dates and times (`yyyy-mm-dd`, `mmm yyyy`, `d mmmm`, `ddd`, `hh:mm`, `h:mm AM/PM`), numbers
 * (`0`, `0.0`, `#,##0.00`, `0%`, `£#,##0`, `0.0,,"M"`), up to three sections (`+0;-0;0`), quoted and
 * escaped literals. English month and day names; no fractions, no scientific notation, no colours.
 */

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

type Token =
  | { readonly kind: 'lit'; readonly text: string }
  | { readonly kind: 'date'; readonly code: string }
  | { readonly kind: 'num'; readonly code: string };

function splitSections(format: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < format.length; i++) {
    const ch = format[i];
    if (ch === '"') quoted = !quoted;
    if (ch === '\\' && !quoted && i + 1 < format.length) {
      cur += ch + format[++i];
      continue;
    }
    if (ch === ';' && !quoted) {
      out.push(cur);
      cur = '';
      continue;
    }
    cur += ch;
  }
  out.push(cur);
  return out;
}

function tokenize(section: string): Token[] {
  const tokens: Token[] = [];
  const lit = (text: string) => {
    const last = tokens[tokens.length - 1];
    if (last && last.kind === 'lit') tokens[tokens.length - 1] = { kind: 'lit', text: last.text + text };
    else tokens.push({ kind: 'lit', text });
  };
  let i = 0;
  while (i < section.length) {
    const ch = section[i];
    const rest = section.slice(i);
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      lit(section.slice(i + 1, end < 0 ? section.length : end));
      i = end < 0 ? section.length : end + 1;
    } else if (ch === '\\') {
      lit(section[i + 1] ?? '');
      i += 2;
    } else if (ch === '[') {
      const end = section.indexOf(']', i);
      i = end < 0 ? section.length : end + 1; // colours and conditions are not drawn
    } else if (/^(am\/pm|a\/p)/i.test(rest)) {
      const m = /^(am\/pm|a\/p)/i.exec(rest)![0];
      tokens.push({ kind: 'date', code: m.toLowerCase() });
      i += m.length;
    } else if (/[ymdhs]/i.test(ch)) {
      let j = i;
      while (j < section.length && section[j].toLowerCase() === ch.toLowerCase()) j++;
      tokens.push({ kind: 'date', code: section.slice(i, j).toLowerCase() });
      i = j;
    } else if (/[0#?.,%]/.test(ch)) {
      tokens.push({ kind: 'num', code: ch });
      i++;
    } else if (ch === '_' || ch === '*') {
      i += 2; // padding codes: no width to pad in a value
    } else if (ch === '@') {
      tokens.push({ kind: 'num', code: '@' });
      i++;
    } else {
      lit(ch);
      i++;
    }
  }
  return tokens;
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');

function formatDate(serial: number, tokens: Token[]): string {
  let day = Math.floor(serial);
  let secs = Math.round((serial - day) * 86400);
  if (secs >= 86400) {
    day++;
    secs -= 86400;
  }
  const { year, month, day: dd } = civilFromDays(day - SERIAL_EPOCH_OFFSET);
  const weekday = (((day - SERIAL_EPOCH_OFFSET + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
  const hours = Math.floor(secs / 3600);
  const minutes = Math.floor(secs / 60) % 60;
  const seconds = secs % 60;
  const twelve = tokens.some((t) => t.kind === 'date' && (t.code === 'am/pm' || t.code === 'a/p'));
  const dateCodes = tokens.flatMap((t) => (t.kind === 'date' ? [t.code] : []));
  const isMinute = (k: number) => {
    const prev = dateCodes[k - 1] ?? '';
    const next = dateCodes[k + 1] ?? '';
    return prev.startsWith('h') || next.startsWith('s');
  };
  const out: string[] = [];
  let k = 0;
  for (const t of tokens) {
    if (t.kind === 'lit') {
      out.push(t.text);
      continue;
    }
    if (t.kind === 'num') {
      out.push(t.code === '.' || t.code === ',' ? t.code : ''); // "0" inside a date format: not supported
      continue;
    }
    const c = t.code;
    if (c[0] === 'y') out.push(c.length <= 2 ? pad(year % 100, 2) : String(year));
    else if (c[0] === 'm' && c.length <= 2 && isMinute(k)) out.push(c.length === 2 ? pad(minutes, 2) : String(minutes));
    else if (c[0] === 'm')
      out.push(
        c.length === 1
          ? String(month)
          : c.length === 2
            ? pad(month, 2)
            : c.length === 3
              ? MONTHS[month - 1].slice(0, 3)
              : c.length === 5
                ? MONTHS[month - 1][0]
                : MONTHS[month - 1],
      );
    else if (c[0] === 'd')
      out.push(c.length === 1 ? String(dd) : c.length === 2 ? pad(dd, 2) : c.length === 3 ? DAYS[weekday].slice(0, 3) : DAYS[weekday]);
    else if (c[0] === 'h') {
      const h = twelve ? ((hours + 11) % 12) + 1 : hours;
      out.push(c.length >= 2 ? pad(h, 2) : String(h));
    } else if (c[0] === 's') out.push(c.length >= 2 ? pad(seconds, 2) : String(seconds));
    else if (c === 'am/pm') out.push(hours < 12 ? 'AM' : 'PM');
    else if (c === 'a/p') out.push(hours < 12 ? 'A' : 'P');
    k++;
  }
  return out.join('');
}

/** Half away from zero, as Sheets rounds for display; x is not negative. */
function roundTo(x: number, decimals: number): string {
  const f = 10 ** decimals;
  return (Math.round(x * f * (1 + Number.EPSILON)) / f).toFixed(decimals);
}

function formatNumber(value: number, tokens: Token[], signed: boolean): string {
  const codes = tokens.filter((t) => t.kind === 'num').map((t) => t.code);
  const placeholders = /[0#?]/;
  const first = tokens.findIndex((t) => t.kind === 'num' && placeholders.test(t.code));
  let last = -1;
  tokens.forEach((t, i) => {
    if (t.kind === 'num' && placeholders.test(t.code)) last = i;
  });
  let x = value;
  const percents = codes.filter((c) => c === '%').length;
  x *= 100 ** percents;
  if (first < 0) {
    return tokens.map((t) => (t.kind === 'lit' ? t.text : t.kind === 'num' && t.code === '%' ? '%' : '')).join('');
  }
  // The numeric core runs from the first to the last placeholder; commas right after it scale by 1000.
  const core = tokens
    .slice(first, last + 1)
    .filter((t) => t.kind === 'num')
    .map((t) => t.code)
    .join('');
  let after = last + 1;
  const isComma = (t: Token | undefined) => t !== undefined && t.kind === 'num' && t.code === ',';
  while (isComma(tokens[after])) {
    x /= 1000;
    after++;
  }
  const dot = core.indexOf('.');
  const intPart = dot < 0 ? core : core.slice(0, dot);
  const decPart = dot < 0 ? '' : core.slice(dot + 1).replace(/,/g, '');
  const grouping = /[0#?],[0#?]/.test(intPart);
  const minInt = (intPart.match(/0/g) ?? []).length;
  const maxDec = (decPart.match(/[0#?]/g) ?? []).length;
  const minDec = (decPart.match(/0/g) ?? []).length;
  const fixed = roundTo(Math.abs(x), maxDec);
  let [int, dec = ''] = fixed.split('.');
  while (dec.length > minDec && dec.endsWith('0')) dec = dec.slice(0, -1);
  int = int.replace(/^0+/, '');
  if (int.length < minInt) int = int.padStart(minInt, '0');
  if (grouping) int = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const number = dot < 0 ? int : `${int}.${dec}`;
  const negative = signed && Number(fixed) !== 0 && x < 0;
  const out: string[] = [];
  tokens.forEach((t, i) => {
    if (i === first) out.push(number);
    else if (i > first && i < after) return;
    else if (t.kind === 'lit') out.push(t.text);
    else if (t.kind === 'num' && t.code === '%') out.push('%');
  });
  return (negative ? '-' : '') + out.join('');
}

/** TEXT(value, format) as Sheets shows it, for the codes listed above. */
export function formatText(value: number | string | boolean, format: string): string {
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  let n = value;
  if (typeof n === 'string') {
    const t = n.trim();
    if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t)) return n;
    n = Number(t);
  }
  if (!Number.isFinite(n)) return String(n);
  const sections = splitSections(format);
  let section = sections[0];
  let signed = true;
  if (n < 0 && sections.length > 1) {
    section = sections[1];
    signed = false;
    n = -n;
  } else if (n === 0 && sections.length > 2) {
    section = sections[2];
  }
  if (/^\s*general\s*$/i.test(section) || section === '') return String(n);
  const tokens = tokenize(section);
  if (tokens.some((t) => t.kind === 'num' && t.code === '@')) return String(n);
  if (tokens.some((t) => t.kind === 'date')) return formatDate(n, tokens);
  return formatNumber(n, tokens, signed);
}

/** How Sheets shows a number with no format: up to 10 significant digits. */
export function generalText(n: number): string {
  if (Number.isInteger(n)) return String(n);
  return String(Number(n.toPrecision(10)));
}

/**
 * A computed value as its cell shows it: the cell's number format applied (a date cell without one as
 * yyyy-mm-dd, with its time when it has one), a number without one in Sheets' general format, booleans as
 * TRUE/FALSE, text and error text as they are, '' for an empty cell.
 */
export function shownText(value: string | number | boolean, format: string | undefined, isDate: boolean): string {
  if (typeof value === 'number') {
    const f = format ?? (isDate ? (value % 1 ? 'yyyy-mm-dd hh:mm:ss' : 'yyyy-mm-dd') : undefined);
    return f ? formatText(value, f) : generalText(value);
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return value;
}
