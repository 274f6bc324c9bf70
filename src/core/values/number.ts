import { type Cell } from './cell';

/**
 * Reads a number the way a person pasted it. Returns the number, `null` for a blank (no answer),
 * or `undefined` when the cell cannot be read as a number.
 *
 * Text rules (DOMAIN.md):
 * - currency signs and codes before or after: "£1,234", "$ 1,234.00", "1 234,56 €", "EUR 12";
 * - thousands separators: comma, dot, space, no-break space, thin space, apostrophe;
 * - the decimal mark: where both "," and "." appear, the last one; a lone "," followed by exactly
 *   three digits groups thousands ("1,234" = 1234), otherwise it is decimal ("12,5" = 12.5);
 *   a lone "." is decimal ("1.234" = 1.234), several dots group thousands ("1.234.567");
 * - negatives: "-12.5", "−12.5" (Unicode minus), "(1,200)" = −1200;
 * - percent: "12%" = 0.12 (Sheets passes percent-formatted cells as fractions already);
 * - "-", "–", "—", "n/a", "na" and "none" alone are blanks (how exports show "nothing").
 * Booleans and dates are not numbers.
 *
 * @example readNumber("(£1,234.50)") // -1234.5
 */
export function readNumber(c: Cell): number | null | undefined {
  if (typeof c === 'number') return Number.isFinite(c) ? c : undefined;
  if (typeof c === 'string') return parseNumberText(c);
  if (c === null || c === undefined) return null;
  return undefined;
}

const CURRENCY_SIGNS = '£$€¥₹₩₽₺₪₦¢฿₫₱₴₲₡₵';
const CURRENCY_CODES = new Set([
  'USD',
  'GBP',
  'EUR',
  'JPY',
  'CHF',
  'CAD',
  'AUD',
  'NZD',
  'SEK',
  'NOK',
  'DKK',
  'PLN',
  'CZK',
  'HUF',
  'INR',
  'CNY',
  'RMB',
  'HKD',
  'SGD',
  'ZAR',
  'BRL',
  'MXN',
  'TRY',
  'ILS',
  'AED',
  'SAR',
  'KR',
  'ZŁ',
  'ZL',
  'R$',
  'US$',
  'A$',
  'C$',
  'NZ$',
  'HK$',
  'S$',
  'RS',
  'RS.',
  'KČ',
  'FT',
  'LEI',
  'CHF.',
]);
const BLANK_WORDS = new Set(['-', '–', '—', 'N/A', 'NA', 'NONE', 'NIL']);

/** "-", "n/a", "none" and the like: how exports write "nothing". */
export function isBlankWord(s: string): boolean {
  if (s.length > 6) return false;
  // Every blank word starts with a dash or an n (after white space): most cells are out at once.
  const first = s.trimStart().charCodeAt(0);
  if (first !== 45 && first !== 0x2013 && first !== 0x2014 && (first | 32) !== 110) return false;
  return BLANK_WORDS.has(s.trim().toUpperCase());
}

const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * The common pasted forms read in one pass without building strings: "123", "-12.5", "£1,234.50", "-$1,234",
 * "(£1,200.00)", "1,234", "12.5%", "€ 99". Thousands commas must group by three. Anything else
 * (decimal commas, codes, spaces inside) returns undefined and takes the general path.
 * The value is an exact integer divided by a power of ten: the same double Number() gives.
 */
function fastCommon(s: string, from = 0, to = s.length): number | undefined {
  const n = to;
  if (n - from === 0 || n - from > 24) return undefined;
  let i = from;
  let c = s.charCodeAt(i);
  let negative = false;
  let paren = false;
  if (c === 40) {
    paren = true;
    c = s.charCodeAt(++i);
  } // (
  if (c === 45 || c === 0x2212) {
    negative = true;
    c = s.charCodeAt(++i);
  } // - −
  if (c === 163 || c === 36 || c === 0x20ac) {
    // £ $ €
    c = s.charCodeAt(++i);
    if (c === 32) c = s.charCodeAt(++i);
    if (!negative && (c === 45 || c === 0x2212)) {
      negative = true;
      c = s.charCodeAt(++i);
    }
  }
  let int = 0;
  let digits = 0;
  let group = -1; // digits since the last comma, -1 before any comma
  for (; i < n; c = s.charCodeAt(++i)) {
    if (c >= 48 && c <= 57) {
      int = int * 10 + (c - 48);
      digits++;
      if (group >= 0) group++;
    } else if (c === 44) {
      // ,
      if (digits === 0 || (group < 0 ? digits > 3 : group !== 3)) return undefined;
      group = 0;
    } else break;
  }
  if (digits === 0 || digits > 15 || (group >= 0 && group !== 3)) return undefined;
  let scale = 0;
  if (i < n && c === 46) {
    // .
    for (c = s.charCodeAt(++i); i < n && c >= 48 && c <= 57; c = s.charCodeAt(++i)) {
      int = int * 10 + (c - 48);
      scale++;
    }
    if (scale === 0 || digits + scale > 15) return undefined;
  }
  let percent = false;
  if (i < n && c === 37) {
    percent = true;
    c = s.charCodeAt(++i);
  } // %
  if (paren) {
    if (i >= n || c !== 41 || negative) return undefined;
    negative = true;
    i++;
  }
  if (i !== n) return undefined;
  let value = scale ? int / POW10[scale] : int;
  if (percent) value /= 100;
  return negative ? -value : value;
}

/**
 * readNumber of the text s.slice(from, to), without building it when it is one of the common forms (the
 * command line reads its CSV fields where they lie in the file's text).
 */
export function readNumberAt(s: string, from: number, to: number): number | null | undefined {
  return fastCommon(s, from, to) ?? parseNumberText(s.slice(from, to));
}

export function parseNumberText(raw: string): number | null | undefined {
  const common = fastCommon(raw);
  if (common !== undefined) return common;
  let s = raw.replace(/[\s\u00a0\u2007\u2009\u202f]+/g, ' ').trim();
  if (s === '') return null;
  if (BLANK_WORDS.has(s.toUpperCase())) return null;
  // Quick rejections before the general path: a number has digits, no "/" or ":" (dates, times)
  // and at most a short currency code in letters ("Customer 12" is not a number).
  let digits = 0;
  let letters = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if (c === 47 || c === 58) return undefined;
    else if ((c | 32) >= 97 && (c | 32) <= 122 && ++letters > 4) return undefined;
  }
  if (digits === 0) return undefined;

  let negative = false;
  if (s.startsWith('(') && s.endsWith(')')) {
    negative = true;
    s = s.slice(1, -1).trim();
  }
  let percent = false;
  if (s.endsWith('%')) {
    percent = true;
    s = s.slice(0, -1).trim();
  }
  s = stripCurrency(s);
  if (s.startsWith('-') || s.startsWith('−') || s.startsWith('–')) {
    if (negative) return undefined;
    negative = true;
    s = s.slice(1).trim();
  } else if (s.startsWith('+')) {
    s = s.slice(1).trim();
  }
  // A sign may also stand before the currency: "-£12", "£-12".
  s = stripCurrency(s);
  if (!negative && (s.startsWith('-') || s.startsWith('−'))) {
    negative = true;
    s = s.slice(1).trim();
  }
  if (s.endsWith('%') && !percent) {
    percent = true;
    s = s.slice(0, -1).trim();
  }
  const value = parseDigits(s);
  if (value === undefined) return undefined;
  const signed = negative ? -value : value;
  const out = percent ? signed / 100 : signed;
  return Number.isFinite(out) ? out : undefined;
}

function stripCurrency(s: string): string {
  let out = s;
  for (let pass = 0; pass < 2; pass++) {
    if (out.length > 0 && CURRENCY_SIGNS.includes(out[0])) out = out.slice(1).trim();
    if (out.length > 0 && CURRENCY_SIGNS.includes(out[out.length - 1])) out = out.slice(0, -1).trim();
    const lead = /^([A-Za-zŁłČč$.]{1,4})\s?(?=[\d(+\-−.,])/.exec(out);
    if (lead && CURRENCY_CODES.has(lead[1].toUpperCase())) out = out.slice(lead[0].length).trim();
    const trail = /(?<=[\d.,)])\s?([A-Za-zŁłČč$.]{1,4})$/.exec(out);
    if (trail && CURRENCY_CODES.has(trail[1].toUpperCase())) out = out.slice(0, out.length - trail[0].length).trim();
  }
  return out;
}

const SCIENTIFIC = /^\d+(?:\.\d+)?[eE][+-]?\d+$/;

/** Digits with thousands separators and one decimal mark; no sign, no currency. */
function parseDigits(s: string): number | undefined {
  if (s === '') return undefined;
  if (SCIENTIFIC.test(s)) return Number(s);
  if (!/^[\d.,][\d.,' ’]*$/.test(s)) return undefined;
  const lastComma = s.lastIndexOf(',');
  const lastDot = s.lastIndexOf('.');
  let decimal: string | null = null;
  if (lastComma >= 0 && lastDot >= 0) decimal = lastComma > lastDot ? ',' : '.';
  else if (lastComma >= 0) {
    const commas = s.split(',').length - 1;
    const after = s.length - lastComma - 1;
    decimal = commas === 1 && !(after === 3 && lastComma > 0 && !/[ '’]/.test(s)) ? ',' : null;
  } else if (lastDot >= 0) {
    decimal = s.split('.').length - 1 === 1 ? '.' : null;
  }
  let intPart = s;
  let frac = '';
  if (decimal !== null) {
    const at = s.lastIndexOf(decimal);
    intPart = s.slice(0, at);
    frac = s.slice(at + 1);
    if (!/^\d*$/.test(frac)) return undefined;
  }
  if (intPart === '') intPart = '0';
  // Group separators sit between digits; every group after the first has 2 or 3 digits
  // (Indian lakh grouping uses 2) and the last has exactly 3.
  const groups = intPart.split(/[.,' ’]/);
  if (groups.length > 1) {
    if (groups[0] === '' || groups[0].length > 3) return undefined;
    for (let i = 1; i < groups.length; i++) {
      const g = groups[i];
      const last = i === groups.length - 1;
      if (!/^\d+$/.test(g) || (last ? g.length !== 3 : g.length < 2 || g.length > 3)) return undefined;
    }
  }
  if (decimal !== null && frac === '' && intPart === '0') return undefined;
  const text = groups.join('') + (frac ? `.${frac}` : '');
  if (!/^\d+(\.\d+)?$/.test(text)) return undefined;
  return Number(text);
}
