import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MemoryWorkbook } from '../../../src/server/adapters/memory/memoryWorkbook';
import { buildScorecard, SCORECARD_TAG } from '../../../src/server/scorecard/build';
import { detectSheets, suggestDefinition } from '../../../src/server/scorecard/detect';
import { parseDefinition } from '../../../src/core/scorecard/definition';
import { run } from '../../../src/cli/main';
import { type ScorecardResult } from '../../../src/core/scorecard/compute';
import { runFormula } from '../../../src/functions/runtime';
import { contextFor } from '../../../src/functions/context';
import { UTC_ZONE } from '../../../src/core/time/zone';
import { type Cell } from '../../../src/core/values/cell';

const dataDir = join(__dirname, '..', '..', '..', 'examples', 'data');
const csv = (name: string) => readFileSync(join(dataDir, name), 'utf8');

function cliJson(): ScorecardResult {
  let out = '';
  const code = run(
    [
      'scorecard',
      '--sales',
      join(dataDir, 'sales.csv'),
      '--feedback',
      join(dataDir, 'feedback.csv'),
      '--reviews',
      join(dataDir, 'reviews.csv'),
      '--json',
    ],
    (s) => (out += s),
    (s) => {
      throw new Error(s);
    },
  );
  expect(code).toBe(0);
  return JSON.parse(out) as ScorecardResult;
}

function exampleWorkbook(): MemoryWorkbook {
  return MemoryWorkbook.fromCsv({ Sales: csv('sales.csv'), Feedback: csv('feedback.csv'), Reviews: csv('reviews.csv') });
}

function snapshot(wb: MemoryWorkbook, name: string): Cell[][] {
  return wb.sheet(name)!.readValues();
}

describe('the scorecard built in the in-memory workbook from the example data', () => {
  const wb = exampleWorkbook();
  const before = { Sales: snapshot(wb, 'Sales'), Feedback: snapshot(wb, 'Feedback'), Reviews: snapshot(wb, 'Reviews') };
  const def = suggestDefinition(detectSheets(wb));
  const result = buildScorecard(wb, def, '2026-11-23 10:00');
  const cli = cliJson();
  const values = wb.computedValues(result.sheetName);

  test('finds the three sources with their key columns', () => {
    expect(def.sources.sales?.sheet).toBe('Sales');
    expect(def.sources.sales?.columns.amount).toBe('Net Sales (£)');
    expect(def.sources.sales?.columns.date).toBe('Order Date');
    expect(def.sources.feedback?.columns.referral_score).toMatch(/recommend/);
    expect(def.sources.reviews?.columns.stars).toBe('Stars');
  });

  test('shows the same periods as the command line', () => {
    const header = values[result.layout.headerRow - 1].slice(1, 13);
    expect(header).toEqual(cli.periods);
  });

  test('every measure equals the command line, period by period', () => {
    expect(result.measures).toEqual(cli.measures.map((m) => m.id));
    for (const m of cli.measures) {
      const row = values[result.layout.measureRows[m.id] - 1].slice(1, 13);
      m.values.forEach((v, i) => {
        if (v === null) expect(row[i]).toBe('');
        else expect(row[i]).toBeCloseTo(v, 9);
      });
    }
  });

  test('NPS and revenue also match the formulas PERIOD_SERIES and NPS_BY_PERIOD on the raw columns', () => {
    const ctx = contextFor({ zone: UTC_ZONE, locale: 'en_GB', now: () => Date.now() });
    const sales = before.Sales;
    const header = sales.findIndex((r) => r.includes('Order Date'));
    const col = (rows: Cell[][], h: number, name: string) => rows.slice(h + 1).map((r) => [r[rows[h].indexOf(name)]]);
    const revenue = runFormula(
      'PERIOD_SERIES',
      [col(sales, header, 'Order Date'), col(sales, header, 'Net Sales (£)'), 'month', 'sum'],
      ctx,
    ) as (string | number)[][];
    const revenueCli = cli.measures.find((m) => m.id === 'revenue')!;
    cli.periods.forEach((p, i) => {
      const row = revenue.find((r) => r[0] === p)!;
      expect(row[1]).toBeCloseTo(revenueCli.values[i]!, 6);
    });
    const fb = before.Feedback;
    const fh = fb.findIndex((r) => r.includes('Timestamp'));
    const q = fb[fh].find((h) => String(h).startsWith('How likely')) as string;
    const nps = runFormula('NPS_BY_PERIOD', [col(fb, fh, 'Timestamp'), col(fb, fh, q), 'month'], ctx) as (string | number)[][];
    const npsCli = cli.measures.find((m) => m.id === 'nps')!;
    cli.periods.forEach((p, i) => {
      const row = nps.find((r) => r[0] === p)!;
      expect(row[2]).toBeCloseTo(npsCli.values[i]!, 9);
    });
  });

  test('connect the dots and target health are live tables', () => {
    const c = values[result.layout.connectionsRow - 1];
    expect(c.slice(0, 9)).toEqual(['Lead', 'Lag', 'Best lag', 'Correlation', 'Prewhitened r', 'Pairs', 'Adjusted p', 'Q-value', 'Reading']);
    const first = values[result.layout.connectionsRow];
    expect(first[0]).toBe(cli.measures.find((m) => m.id === cli.connections[0].lead)!.label);
    expect(first[2]).toBe(cli.connections[0].lag_periods);
    expect(first[3]).toBeCloseTo(cli.connections[0].r!, 9);
    expect(first[7]).toBeCloseTo(cli.connections[0].q!, 9);
    const h = values[result.layout.healthRow - 1];
    expect(h[0]).toBe('Period');
    const q3 = values.slice(result.layout.healthRow).find((r) => r[0] === '2025-Q3')!;
    expect(q3[5]).toBe('End-of-period push');
    expect(q3[4]).toBeCloseTo(cli.target_health.find((t) => t.period === '2025-Q3')!.spike_ratio!, 9);
  });

  test('cells are formulas a manager can read', () => {
    const f = wb.formulaAt(result.sheetName, `B${result.layout.measureRows.nps}`);
    expect(f).toMatch(/^=MEASURE_SERIES\("nps", \$B\$4:\$M\$4, 'Feedback'!\$A\$2:\$A, 'Feedback'!\$D\$2:\$D\)$/);
  });

  test('never changes the source sheets', () => {
    expect(snapshot(wb, 'Sales')).toEqual(before.Sales);
    expect(snapshot(wb, 'Feedback')).toEqual(before.Feedback);
    expect(snapshot(wb, 'Reviews')).toEqual(before.Reviews);
  });

  test('marks its own sheet and remembers the definition', () => {
    expect(wb.getSheetTag(result.sheetName)).toBe(SCORECARD_TAG);
    expect(parseDefinition(JSON.parse(wb.getSetting('leadlag.scorecard.definition')!))).toEqual(def);
  });

  test('is live: rows pasted below the data update it', () => {
    const latest = cli.periods[cli.periods.length - 1];
    const revenueRow = result.layout.measureRows.revenue;
    const beforeValue = wb.computedValues(result.sheetName)[revenueRow - 1][12] as number;
    const sales = wb.sheet('Sales')!;
    const height = sales.readValues().length;
    const [y, m] = latest.split('-');
    sales.writeBlock(height + 1, 1, [
      ['NEW-1', `15/${m}/${y}`, 'Late Paste Ltd', 'Alex', '£1,000.00', '£600.00', 1, 0, `${y}-${m}-16`, `${y}-${m}-16`],
    ]);
    const afterValue = wb.computedValues(result.sheetName)[revenueRow - 1][12] as number;
    expect(afterValue - beforeValue).toBeCloseTo(1000, 6);
  });
});

describe('building safely', () => {
  const sales = (rows: number): Cell[][] => {
    const out: Cell[][] = [
      ['Sales export'],
      [],
      ['Order ID', 'Order Date', 'Customer', 'Net Sales (£)', 'Cost (£)', 'Qty', 'Returned Qty', 'Promised Date', 'Delivered Date'],
    ];
    for (let i = 0; i < rows; i++) {
      const day = (i % 700) + 1;
      const d = new Date(Date.UTC(2025, 0, day));
      const iso = d.toISOString().slice(0, 10);
      out.push([`SO-${i}`, iso, `Customer ${i % 50}`, 100 + (i % 17), 60, 1 + (i % 3), i % 29 === 0 ? 1 : 0, iso, iso]);
    }
    out.push(['', '', 'Total', '', '', '', '', '', '']);
    return out;
  };
  const feedback: Cell[][] = [['Timestamp', 'Customer', 'How likely are you to recommend us to a colleague?']];
  for (let i = 0; i < 200; i++)
    feedback.push([new Date(Date.UTC(2025, 0, 1 + i * 3)).toISOString().slice(0, 10), `Customer ${i % 50}`, i % 11]);

  function callsFor(rows: number) {
    const wb = MemoryWorkbook.fromGrids({ Sales: sales(rows), Feedback: feedback });
    const def = suggestDefinition(detectSheets(wb));
    wb.resetCalls();
    buildScorecard(wb, def, 'now');
    return wb.callsByMethod;
  }

  test('the number of workbook calls does not grow with data rows (100 vs 100,000)', () => {
    const small = callsFor(100);
    const large = callsFor(100_000);
    expect(large).toEqual(small);
    const total = Object.values(small).reduce((a, b) => a + (b ?? 0), 0);
    expect(total).toBeLessThan(30);
  });

  test('never overwrites a sheet it did not create, and a rebuild replaces only its own', () => {
    const wb = MemoryWorkbook.fromGrids({ Sales: sales(300), Scorecard: [['my own notes'], ['keep me']] });
    const def = suggestDefinition(detectSheets(wb));
    const first = buildScorecard(wb, def, 'first');
    expect(first.sheetName).toBe('Leadlag Scorecard');
    expect(wb.sheet('Scorecard')!.readValues()).toEqual([['my own notes'], ['keep me']]);
    const names = wb.sheetNames();
    const second = buildScorecard(wb, def, 'second');
    expect(second.sheetName).toBe(first.sheetName);
    expect(wb.sheetNames()).toEqual(names);
    expect(String(wb.computedAt(second.sheetName, 'A2'))).toContain('Built second');
  });

  test('text from the data stays text', () => {
    const hostile = sales(60);
    hostile[0] = ['=IMPORTXML("http://example.com","//a")'];
    hostile[3][2] = '=HYPERLINK("http://evil.example","Acme")';
    const wb = MemoryWorkbook.fromGrids({ "Q3 'push'": hostile });
    const def = suggestDefinition(detectSheets(wb));
    const r = buildScorecard(wb, def, 'now');
    const all = wb.computedValues(r.sheetName).flat().map(String);
    expect(all.some((v) => v.includes('=IMPORTXML("http://example.com","//a")'))).toBe(true);
    for (let row = 1; row <= 80; row++) {
      const f = wb.formulaAt(r.sheetName, `A${row}`);
      expect(f ?? '').not.toMatch(/IMPORTXML|HYPERLINK/);
    }
    expect(wb.formulaAt(r.sheetName, `B${r.layout.measureRows.revenue}`)).toContain("'Q3 ''push'''!$B$4:$B");
  });

  test('a sheet that went missing is a clear error', () => {
    const wb = MemoryWorkbook.fromGrids({ Sales: sales(50) });
    const def = suggestDefinition(detectSheets(wb));
    wb.deleteSheet('Sales');
    expect(() => buildScorecard(wb, def, 'now')).toThrow(/The sheet "Sales" \(sales data\) is not in this spreadsheet any more/);
  });
});
