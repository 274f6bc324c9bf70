/**
 * The scorecard at scale (issue: from pasted data to a live scorecard):
 * - the command line on 100,000 sales rows and 20,000 feedback rows, against reading and parsing the
 *   same CSV files alone, alternated in this one process (target: under 3×);
 * - the sheet builder's calls into the workbook at 100 and at 100,000 rows (target: the same count).
 *   node --expose-gc --import tsx bench/scorecard.ts
 * Prints `RESULT {json}`.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mulberry32 } from '../examples/random';
import { parseCsv } from '../src/core/tables/csv';
import { scorecardFromFiles } from '../src/cli/main';
import { type Cell } from '../src/core/values/cell';
import { buildScorecard } from '../src/server/scorecard/build';
import { detectSheets, suggestDefinition } from '../src/server/scorecard/detect';
import { CountingWorkbook } from './countingWorkbook';
import { collect, keep, median, timeOnce } from './timing';

export interface ScorecardBench {
  salesRows: number;
  feedbackRows: number;
  cli: number[];
  read: number[];
  calls: { small: Record<string, number>; large: Record<string, number> };
}

const iso = (day: number) => new Date(Date.UTC(2024, 0, 1) + day * 86400000).toISOString().slice(0, 10);
const dmy = (day: number) => {
  const [y, m, d] = iso(day).split('-');
  return `${d}/${m}/${y}`;
};

export function salesCsv(rows: number, seed = 7): string {
  const r = mulberry32(seed);
  const out = [
    'Sales export,,,,,,,,,',
    ',,,,,,,,,',
    'Order ID,Order Date,Customer,Sales Rep,Net Sales (£),Cost (£),Qty,Returned Qty,Promised Date,Delivered Date',
  ];
  for (let i = 0; i < rows; i++) {
    const day = Math.floor((i / rows) * 1000);
    const amount = 50 + r() * 2000;
    const promised = day + 3 + Math.floor(r() * 5);
    const delivered = promised + Math.floor(r() * 4) - 2;
    out.push(
      [
        `SO-${100000 + Math.floor(i / 2)}`,
        dmy(day),
        `Customer ${Math.floor(r() * 400)}`,
        `Rep ${i % 5}`,
        `"£${amount.toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}"`,
        (amount * 0.7).toFixed(2),
        1 + Math.floor(r() * 20),
        r() < 0.02 ? 1 : 0,
        iso(promised),
        iso(delivered),
      ].join(','),
    );
  }
  out.push(',,Total,,,,,,,');
  return out.join('\n') + '\n';
}

export function feedbackCsv(rows: number, seed = 11): string {
  const r = mulberry32(seed);
  const out = [
    'Timestamp,Customer,Role,How likely are you to recommend us to a colleague?,"Compared with others in our industry, are we better, about the same, or worse?",How satisfied are you overall?',
  ];
  const sat = ['Very satisfied', 'Satisfied', 'Neutral', 'Dissatisfied', 'Very dissatisfied'];
  const cmp = ['Better', 'About the same', 'Worse'];
  for (let i = 0; i < rows; i++) {
    const day = Math.floor((i / rows) * 1000);
    out.push(
      [
        `${iso(day)} 10:${String(i % 60).padStart(2, '0')}:00`,
        `Customer ${Math.floor(r() * 400)}`,
        'decision maker',
        Math.min(10, Math.floor(r() * 12)),
        cmp[Math.floor(r() * 3)],
        sat[Math.floor(r() * 5)],
      ].join(','),
    );
  }
  return out.join('\n') + '\n';
}

function grid(csv: string): Cell[][] {
  return parseCsv(csv);
}

function builderCalls(salesRows: number): Record<string, number> {
  const wb = new CountingWorkbook({ Sales: grid(salesCsv(salesRows)), Feedback: grid(feedbackCsv(Math.max(100, salesRows / 5))) });
  const def = suggestDefinition(detectSheets(wb));
  wb.reset();
  buildScorecard(wb, def, 'bench');
  return wb.byMethod();
}

function main(): void {
  const salesRows = 100_000;
  const feedbackRows = 20_000;
  const dir = mkdtempSync(join(tmpdir(), 'leadlag-bench-'));
  const sales = join(dir, 'sales.csv');
  const feedback = join(dir, 'feedback.csv');
  writeFileSync(sales, salesCsv(salesRows));
  writeFileSync(feedback, feedbackCsv(feedbackRows));
  const args = { files: { sales, feedback }, period: 'month', periods: 12, maps: {}, targets: {}, monthFirst: false, json: true };
  const readAlone = () => [parseCsv(readFileSync(sales, 'utf8')), parseCsv(readFileSync(feedback, 'utf8'))];
  const cliRun = () => scorecardFromFiles(args, (p) => readFileSync(p, 'utf8'));
  keep(readAlone());
  keep(cliRun());
  const cli: number[] = [];
  const read: number[] = [];
  for (let i = 0; i < 5; i++) {
    collect();
    read.push(timeOnce(readAlone));
    collect();
    cli.push(timeOnce(cliRun));
  }
  const result: ScorecardBench = { salesRows, feedbackRows, cli, read, calls: { small: builderCalls(100), large: builderCalls(100_000) } };
  console.log(`RESULT ${JSON.stringify(result)}`);
}

if (require.main === module) main();
export { median };
