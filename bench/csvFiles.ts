/**
 * Seeded CSV exports for the command-line rows, written in batches (a 5,000,000-row file is larger than
 * the longest string V8 makes). The same layout as a real export: a title line and a blank line above the
 * header, "£1,234.56" amounts in quotes, day-first order dates, ISO promised and delivered dates, a totals
 * line at the end; a survey export with a timestamp, 0–10 scores and labels.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { mulberry32 } from '../examples/random';

const DAY = 86400000;
const START = Date.UTC(2024, 0, 1);
const iso = (day: number): string => new Date(START + day * DAY).toISOString().slice(0, 10);
const two = (x: number): string => (x < 10 ? `0${x}` : String(x));

/** "1,234.56" for pence. */
function money(pence: number): string {
  let whole = String(Math.floor(pence / 100));
  for (let k = whole.length - 3; k > 0; k -= 3) whole = `${whole.slice(0, k)},${whole.slice(k)}`;
  return `${whole}.${two(pence % 100)}`;
}

function writeLines(path: string, lines: (write: (line: string) => void) => void): void {
  const fd = openSync(path, 'w');
  let batch: string[] = [];
  const flush = (): void => {
    writeSync(fd, batch.join('\n') + '\n');
    batch = [];
  };
  try {
    lines((line) => {
      batch.push(line);
      if (batch.length === 20000) flush();
    });
    if (batch.length) flush();
  } finally {
    closeSync(fd);
  }
}

/** A sales export of `rows` order lines over 1,000 days (two lines per order). */
export function writeSalesCsv(path: string, rows: number, seed = 7): void {
  const r = mulberry32(seed);
  writeLines(path, (put) => {
    put('Sales export,,,,,,,,,');
    put(',,,,,,,,,');
    put('Order ID,Order Date,Customer,Sales Rep,Net Sales (£),Cost (£),Qty,Returned Qty,Promised Date,Delivered Date');
    const dates = new Map<number, [string, string]>();
    let total = 0;
    let cost = 0;
    for (let i = 0; i < rows; i++) {
      const day = Math.floor((i / rows) * 1000);
      let d = dates.get(day);
      if (!d) {
        const [y, m, dd] = iso(day).split('-');
        dates.set(day, (d = [`${dd}/${m}/${y}`, iso(day)]));
      }
      const pence = 5000 + Math.floor(r() * 200000);
      const promised = day + 3 + Math.floor(r() * 5);
      const delivered = promised + Math.floor(r() * 4) - 2;
      total += pence;
      cost += Math.round(pence * 0.7);
      put(
        `SO-${100000 + Math.floor(i / 2)},${d[0]},Customer ${Math.floor(r() * 400)},Rep ${i % 5},"£${money(pence)}",` +
          `${money(Math.round(pence * 0.7)).replace(/,/g, '')},${1 + Math.floor(r() * 20)},${r() < 0.02 ? 1 : 0},${iso(promised)},${iso(delivered)}`,
      );
    }
    put(`,,Total,,"£${money(total)}",${money(cost).replace(/,/g, '')},,,,`);
  });
}

const SATISFACTION = ['Very satisfied', 'Satisfied', 'Neutral', 'Dissatisfied', 'Very dissatisfied'];
const COMPARISON = ['Better', 'About the same', 'Worse'];

/** A survey export of `rows` answers over the same 1,000 days. */
export function writeFeedbackCsv(path: string, rows: number, seed = 11): void {
  const r = mulberry32(seed);
  writeLines(path, (put) => {
    put(
      'Timestamp,Customer,Role,How likely are you to recommend us to a colleague?,' +
        '"Compared with others in our industry, are we better, about the same, or worse?",How satisfied are you overall?',
    );
    for (let i = 0; i < rows; i++) {
      const day = Math.floor((i / rows) * 1000);
      put(
        `${iso(day)} ${two(8 + (i % 10))}:${two(i % 60)}:00,Customer ${Math.floor(r() * 400)},decision maker,` +
          `${Math.min(10, Math.floor(r() * 12))},${COMPARISON[Math.floor(r() * 3)]},${SATISFACTION[Math.floor(r() * 5)]}`,
      );
    }
  });
}
