import { type Cell } from './cell';

/**
 * The currency of an amount column, as an ISO 4217 code, from what the export writes: a code column
 * (Shopify's "Currency", Stripe's "Converted Currency"), the amount's header ("Net Sales (£)",
 * "Amount (GBP)", "Total USD") or the signs on its values ("$1,250.00", "1 234,56 €"). Undefined when
 * nothing says, or when the values carry several currencies (then `mixed` lists them).
 */
export interface CurrencyFound {
  readonly code: string | undefined;
  /** The codes seen when there are several (a column mixing "$" and "€"): nothing can be summed safely. */
  readonly mixed: readonly string[];
  /** In words: 'the header "Net Sales (£)"', 'the values ("$1,250.00")', 'the column "Currency"'. */
  readonly from: string;
}

/** The currency signs a value or header may carry, and the code each stands for. */
const SIGNS: Readonly<Record<string, string>> = {
  '£': 'GBP',
  $: 'USD',
  US$: 'USD',
  '€': 'EUR',
  '¥': 'JPY',
  '₹': 'INR',
  '₩': 'KRW',
  '₽': 'RUB',
  '₺': 'TRY',
  '₪': 'ILS',
  '₦': 'NGN',
  '฿': 'THB',
  '₫': 'VND',
  '₱': 'PHP',
  '₴': 'UAH',
  A$: 'AUD',
  C$: 'CAD',
  NZ$: 'NZD',
  HK$: 'HKD',
  S$: 'SGD',
  R$: 'BRL',
  CHF: 'CHF',
  zł: 'PLN',
  kr: 'SEK',
};

/** Codes written as words: in a header "(GBP)", in a code column "usd". */
const CODES = new Set(
  'USD GBP EUR JPY CHF CAD AUD NZD SEK NOK DKK PLN CZK HUF INR CNY HKD SGD ZAR BRL MXN TRY ILS AED SAR KRW RUB THB PHP UAH NGN VND IDR MYR'.split(
    ' ',
  ),
);

const SIGN_AT = /(US\$|A\$|C\$|NZ\$|HK\$|S\$|R\$|[£$€¥₹₩₽₺₪₦฿₫₱₴])/;
const CODE_WORD = /(?:^|[^A-Za-z])([A-Za-z]{3})(?:$|[^A-Za-z])/g;

/** The currency a header names: "Net Sales (£)" → GBP, "Amount (GBP)" → GBP, "Total USD" → USD. */
export function currencyOfHeader(header: string): string | undefined {
  const sign = SIGN_AT.exec(header);
  if (sign) return SIGNS[sign[1]];
  for (const m of header.matchAll(CODE_WORD)) {
    const code = m[1].toUpperCase();
    // A code in a header is a code only in capitals or in brackets: "Net" and "Tax" are words, "(usd)" is not.
    if (CODES.has(code) && (m[1] === code || /[([]\s*[A-Za-z]{3}\s*[)\]]/.test(header))) return code;
  }
  return undefined;
}

/** The currency a single value carries ("$1,250.00" → USD, "1 234,56 €" → EUR, "GBP 12" → GBP), or undefined. */
export function currencyOfValue(c: Cell): string | undefined {
  if (typeof c !== 'string' || c.length > 40 || !/\d/.test(c)) return undefined;
  const sign = SIGN_AT.exec(c);
  if (sign) return SIGNS[sign[1]];
  const code = /(?:^|\s)([A-Z]{3})(?:\s|$)/.exec(c.trim());
  return code && CODES.has(code[1]) ? code[1] : undefined;
}

/** The code a code column holds ("usd", "GBP"), when it holds one; several → mixed. */
function fromCodes(cells: readonly Cell[]): { codes: string[]; example: string } {
  const seen = new Set<string>();
  let example = '';
  for (const c of cells) {
    if (typeof c !== 'string') continue;
    const t = c.trim().toUpperCase();
    if (t === '') continue;
    if (!CODES.has(t)) return { codes: [], example: '' };
    if (!seen.has(t)) example ||= c.trim();
    seen.add(t);
  }
  return { codes: [...seen].sort(), example };
}

/**
 * The first value of each currency a column's values carry, in the order they come (what detectCurrency
 * reads of the values: a value without a currency says nothing). Filled one value at a time, so that a
 * reader that never holds the column as text (the command line's money columns, kept as numbers) gives the
 * same answer: `examples()` read by detectCurrency is the column read by it.
 */
export class CurrencySigns {
  private readonly seen = new Map<string, { text: string; at: number }>();
  private count = 0;

  /** A value, at its place among the column's values (by default after the last; places only order the examples). */
  add(c: Cell, at = this.count++): void {
    const code = currencyOfValue(c);
    if (code === undefined) return;
    const had = this.seen.get(code);
    if (!had || at < had.at) this.seen.set(code, { text: String(c), at });
  }

  /** The first value of each currency, in column order. */
  examples(): string[] {
    return [...this.seen.values()].sort((a, b) => a.at - b.at).map((x) => x.text);
  }
}

/**
 * The amounts' currency: a code column first (when the export has one), then the header, then the values'
 * signs. Blank cells and bare numbers say nothing. `cells` may be given as a function: it is asked for only
 * when neither the code column nor the header says.
 */
export function detectCurrency(
  header: string,
  cells: readonly Cell[] | (() => readonly Cell[]),
  codeColumn?: { header: string; cells: readonly Cell[] },
): CurrencyFound {
  if (codeColumn) {
    const { codes } = fromCodes(codeColumn.cells);
    if (codes.length === 1) return { code: codes[0], mixed: [], from: `the column "${codeColumn.header}"` };
    if (codes.length > 1) return { code: undefined, mixed: codes, from: `the column "${codeColumn.header}"` };
  }
  const h = currencyOfHeader(header);
  if (h) return { code: h, mixed: [], from: `the header "${header}"` };
  const signs = new CurrencySigns();
  for (const c of typeof cells === 'function' ? cells() : cells) signs.add(c);
  const seen = signs.examples();
  if (seen.length === 1) return { code: currencyOfValue(seen[0]), mixed: [], from: `the values ("${seen[0].trim()}")` };
  if (seen.length > 1) return { code: undefined, mixed: seen.map((x) => currencyOfValue(x)!).sort(), from: `the values of "${header}"` };
  return { code: undefined, mixed: [], from: '' };
}

const SYMBOL: Readonly<Record<string, string>> = { GBP: '£', USD: '$', EUR: '€', JPY: '¥', INR: '₹', KRW: '₩', ILS: '₪' };

/** The sign a money amount is written with: "£" for GBP; the code and a space for the others ("CHF "). */
export function currencySign(code: string | undefined): string {
  if (!code) return '';
  return SYMBOL[code] ?? `${code} `;
}

/** A money amount as a manager reads it: "£62,222", "$1,250.50" (cents only when it has them), "-£12". */
export function formatMoney(value: number, code: string | undefined): string {
  const whole = Math.abs(value - Math.round(value)) < 0.005;
  const text = Math.abs(value).toLocaleString('en-GB', {
    minimumFractionDigits: whole ? 0 : 2,
    maximumFractionDigits: whole ? 0 : 2,
  });
  return `${value < 0 ? '-' : ''}${currencySign(code)}${text}`;
}

/** A Sheets number format for money in the currency: `"£"#,##0`, or the plain `#,##0` without one. */
export function moneyFormat(code: string | undefined, decimals = 0): string {
  const digits = decimals > 0 ? `#,##0.${'0'.repeat(decimals)}` : '#,##0';
  return code ? `"${currencySign(code)}"${digits}` : digits;
}
