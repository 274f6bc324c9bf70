import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MemoryWorkbook } from '../../../src/server/adapters/memory/memoryWorkbook';
import { buildScorecard, SCORECARD_TAG } from '../../../src/server/scorecard/build';
import { DATA_TAG } from '../../../src/server/scorecard/dataSheet';
import { COL } from '../../../src/server/scorecard/layout';
import { detectSheets, suggestDefinition } from '../../../src/server/scorecard/detect';
import { parseDefinition } from '../../../src/core/scorecard/definition';
import { run } from '../../../src/cli/main';
import { type ScorecardResult } from '../../../src/core/scorecard/compute';
import { runFormula } from '../../../src/functions/runtime';
import { contextFor } from '../../../src/functions/context';
import { UTC_ZONE } from '../../../src/core/time/zone';
import { type Cell } from '../../../src/core/values/cell';
import { MEASURES } from '../../../src/core/scorecard/measures';
import { targetStatus } from '../../../src/core/scorecard/status';
import { shownDecimals } from '../../../src/core/scorecard/precision';
import { columnLetter } from '../../../src/server/scorecard/references';

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
  const result = buildScorecard(wb, def, '2026-11-23 10:00', [], { dates: wb.dateOptions() });
  const cli = cliJson();
  const shown = (row: Cell[]) => row.slice(COL.history, COL.history + 12);
  const values = wb.computedValues(result.sheetName);

  test('finds the three sources with their key columns', () => {
    expect(def.sources.sales?.sheet).toBe('Sales');
    expect(def.sources.sales?.columns.amount).toBe('Net Sales (£)');
    expect(def.sources.sales?.columns.date).toBe('Order Date');
    expect(def.sources.feedback?.columns.referral_score).toMatch(/recommend/);
    expect(def.sources.reviews?.columns.stars).toBe('Stars');
  });

  test('shows the same periods as the command line', () => {
    expect(shown(values[result.layout.headerRow - 1])).toEqual(cli.periods);
  });

  test('every measure equals the command line, period by period, with the count behind each value', () => {
    expect(result.measures).toEqual(cli.measures.map((m) => m.id));
    const countsFrom = COL.history + 13;
    for (const m of cli.measures) {
      const row = values[result.layout.measureRows[m.id] - 1];
      m.values.forEach((v, i) => {
        if (v === null) expect(shown(row)[i]).toBe('');
        else expect(shown(row)[i]).toBeCloseTo(v, 9);
      });
      m.counts.forEach((c, i) => expect(row[countsFrom + i]).toBe(c === null ? '' : c));
    }
  });

  test('the glance columns: the latest value with its period, and the sample size behind it', () => {
    for (const m of cli.measures) {
      const row = values[result.layout.measureRows[m.id] - 1];
      const last = m.values
        .map((v, i) => [v, i] as const)
        .filter(([v]) => v !== null)
        .pop()!;
      expect(row[COL.latest]).toBeCloseTo(last[0]!, 9);
      expect(m.as_of).toBe(cli.periods[last[1]]);
      expect(String(row[COL.period]).startsWith(m.as_of!)).toBe(true);
      expect(row[COL.sample]).toBe(m.counts[last[1]]);
    }
  });

  describe('a scoreboard for a glance (issue 15)', () => {
    const lastPeriod = cli.periods[cli.periods.length - 1];
    const rowOf = (id: string) => values[result.layout.measureRows[id] - 1];

    test("with no typed targets, every measure has a suggested target and a status: the command line's", () => {
      expect(Object.keys(def.targets)).toEqual([]);
      for (const m of cli.measures) {
        expect(m.target_kind).toBe('suggested');
        expect(rowOf(m.id)[COL.target]).toBeCloseTo(m.target!, 9);
        expect(rowOf(m.id)[COL.status]).toBe(m.status);
        expect(['On track', 'At risk', 'Off track']).toContain(m.status);
        expect(result.targets[m.id]).toMatchObject({ kind: 'suggested', value: m.target });
        const style = wb.styleAt(result.sheetName, `${columnLetter(COL.target)}${result.layout.measureRows[m.id]}`);
        expect(style.italic).toBe(true); // a suggestion looks unlike a typed target
      }
    });

    test('the period a status judges is named when it is not the last one shown', () => {
      expect(rowOf('review_response')[COL.period]).toBe('2026-05 (no unhappy reviews since)');
      expect(rowOf('review_response')[COL.status]).not.toBe('');
      for (const m of cli.measures.filter((x) => x.id !== 'review_response')) expect(rowOf(m.id)[COL.period]).toBe(lastPeriod);
    });

    test('signal or noise beside the status: routine variation is said to be routine', () => {
      for (const m of cli.measures) expect(['Routine', 'Outside limits', 'Run of 8']).toContain(rowOf(m.id)[COL.signal]);
    });

    test('every period shown is coloured against its own target, at the precision shown', () => {
      const colour = { 'On track': '#e6f4ea', 'At risk': '#fef7e0', 'Off track': '#fce8e6' } as const;
      for (const m of cli.measures) {
        const info = MEASURES.find((x) => x.id === m.id)!;
        const row = result.layout.measureRows[m.id];
        m.values.forEach((v, j) => {
          expect(rowOf(m.id)[result.layout.targetsCol + j]).toBeCloseTo(m.target!, 9);
          const status = targetStatus(v, m.target, info.better, shownDecimals(info.format));
          const bg = wb.styleAt(result.sheetName, `${columnLetter(COL.history + j)}${row}`).background;
          if (status) expect(bg).toBe(colour[status]);
          else expect(bg).not.toBe(colour['On track']);
        });
      }
    });

    test('the top band: the three measures that matter most, each a big number with its target and status', () => {
      expect(result.layout.band).toEqual(['nps', 'csat', 'revenue']);
      const b = result.layout.bandRow;
      expect(values[b - 1][0]).toMatch(/^The measures that matter most \(chosen for you/);
      const cols = [0, COL.period, COL.trend];
      result.layout.band.forEach((id, k) => {
        const m = cli.measures.find((x) => x.id === id)!;
        const c = cols[k];
        expect(values[b][c]).toBe(m.label);
        expect(values[b + 3][c]).toBe(m.status);
        expect(values[b + 4][c]).toBe(`As of ${lastPeriod} · ${rowOf(id)[COL.signal]}`);
      });
      expect(values[b + 1][0]).toBe(String(Math.round(cli.measures[0].values[11]!)));
      expect(values[b + 1][COL.trend]).toBe(
        `£${Math.round(cli.measures.find((x) => x.id === 'revenue')!.values[11]!).toLocaleString('en-GB')}`,
      );
      expect(values[b + 2][COL.trend]).toMatch(/^Target £\d{3},\d{3} \(suggested\)$/);
      // The band and the header stay on screen: frozen down to the header row, and the names column.
      expect(wb.layoutOf(result.sheetName).frozen).toEqual({ rows: result.layout.headerRow, cols: 1 });
      expect(result.layout.headerRow).toBeGreaterThan(b + 4);
    });

    test("money in the sales' currency, percentages, NPS in whole points, counts with separators: one format per row", () => {
      const fmt = (id: string, col: number) =>
        wb.styleAt(result.sheetName, `${columnLetter(col)}${result.layout.measureRows[id]}`).numberFormat;
      for (const col of [COL.latest, COL.target, COL.history, COL.history + 11, result.layout.targetsCol]) {
        expect(fmt('revenue', col)).toBe('"£"#,##0');
        expect(fmt('average_order_value', col)).toBe('"£"#,##0.00');
        expect(fmt('nps', col)).toBe('0');
        expect(fmt('margin_pct', col)).toBe('0.0%');
        expect(fmt('orders', col)).toBe('#,##0');
      }
      expect(fmt('nps', COL.sample)).toBe('#,##0');
    });
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

  test('connect the dots uses every period the data has, as the command line does; target health is live', () => {
    const c = values[result.layout.connectionsRow - 1];
    expect(c.slice(0, 9)).toEqual(['Lead', 'Lag', 'Best lag', 'Correlation', 'Prewhitened r', 'Pairs', 'Adjusted p', 'Q-value', 'Reading']);
    expect(cli.connections_periods).toBe(24);
    const first = values[result.layout.connectionsRow];
    expect(first[0]).toBe(cli.measures.find((m) => m.id === cli.connections[0].lead)!.label);
    expect(first[2]).toBe(cli.connections[0].lag_periods);
    expect(first[3]).toBeCloseTo(cli.connections[0].r!, 9);
    expect(first[5]).toBe(cli.connections[0].pairs);
    expect(first[7]).toBeCloseTo(cli.connections[0].q!, 9);
    const h = values[result.layout.healthRow - 1];
    expect(h[0]).toBe('Period');
    const q3 = values.slice(result.layout.healthRow).find((r) => r[0] === '2025-Q3')!;
    expect(q3[10]).toBe('End-of-period push, Returns after push, Discounting at the end');
    const cliQ3 = cli.target_health.find((t) => t.period === '2025-Q3' && t.rep === null)!;
    expect(q3[4]).toBeCloseTo(cliQ3.spike_ratio!, 9);
    expect(q3[11]).toBe(cliQ3.finding);
    // Partial quarters say so, and are never flagged.
    expect(values.slice(result.layout.healthRow).find((r) => r[0] === '2024-Q4')![10]).toBe('Partial period');
  });

  test('one source formula per source sheet, on the add-on’s own data sheet; the scorecard points into it', () => {
    expect(wb.getSheetTag(result.dataSheet)).toBe(DATA_TAG);
    const formulas = wb
      .computedValues(result.dataSheet)
      .map((_, i) => wb.formulaAt(result.dataSheet, `A${i + 1}`) ?? '')
      .filter((f) => /_SERIES\(/.test(f));
    expect(formulas).toHaveLength(3);
    expect(formulas.find((f) => f.startsWith('=SALES_SERIES'))).toMatch(
      /^=SALES_SERIES\('Sales'!\$B\$4:\$B, 'Sales'!\$E\$4:\$E, "month", 'Sales'!\$A\$4:\$A, 'Sales'!\$F\$4:\$F, 'Sales'!\$G\$4:\$G, 'Sales'!\$H\$4:\$H, 'Sales'!\$I\$4:\$I, 'Sales'!\$J\$4:\$J, "", "", 'Sales'!\$K\$4:\$K, "2024-11", "row=4"/,
    );
    const cell = wb.formulaAt(result.sheetName, `${String.fromCharCode(65 + COL.history)}${result.layout.measureRows.nps}`);
    expect(cell).toMatch(/^=IF\('Leadlag data'!\$C\$1<3, "", INDEX\('Leadlag data'!\$\d+:\$\d+, 1, 'Leadlag data'!\$C\$1\)\)$/);
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

  test('is live: a row pasted below the data updates it, in at most 3 custom-function executions shipping at most 70,000 cells', () => {
    const latest = cli.periods[cli.periods.length - 1];
    const revenueRow = result.layout.measureRows.revenue;
    const at = COL.history + 11;
    const beforeValue = wb.computedValues(result.sheetName)[revenueRow - 1][at] as number;
    const beforeLink = wb.computedValues(result.sheetName)[result.layout.connectionsRow];
    const sales = wb.sheet('Sales')!;
    const height = sales.readValues().length;
    const [y, m] = latest.split('-');
    wb.resetCustomFunctionCalls();
    sales.writeBlock(height + 1, 1, [
      ['NEW-1', `15/${m}/${y}`, 'Late Paste Ltd', 'Alex', '£1,000.00', '£600.00', 1, 0, `${y}-${m}-16`, `${y}-${m}-16`],
    ]);
    const after = wb.computedValues(result.sheetName);
    const calls = wb.customFunctionCalls();
    expect(after[revenueRow - 1][at] as number).toBeCloseTo(beforeValue + 1000, 6);
    // The sales sheet's one call and the evidence; the feedback and review calls do not run again. Each sales
    // column the measures and target health need (9 of the sheet's 11) is shipped once, and the evidence's
    // rows of per-period values once: no column twice.
    expect(calls.executions).toBeLessThanOrEqual(3);
    const rows = height + 1 - 3;
    expect(calls.cells).toBeLessThanOrEqual(9 * rows + 2_000);
    // The evidence moved with the new row (it reads the data sheet, not a copy).
    expect(after[result.layout.connectionsRow][3]).not.toBe(beforeLink[3]);
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
    // (30 with the charts: setCharts is one call, whatever the data; 34 with the key accounts' panel, which
    // looks for the tracker's open actions once)
    expect(total).toBeLessThanOrEqual(34);
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
    const data = wb.computedValues(r.dataSheet).map((_, i) => wb.formulaAt(r.dataSheet, `A${i + 1}`) ?? '');
    expect(data.find((f) => f.startsWith('=SALES_SERIES'))).toContain("'Q3 ''push'''!$B$4:$B");
  });

  test('a sheet that went missing is a clear error', () => {
    const wb = MemoryWorkbook.fromGrids({ Sales: sales(50) });
    const def = suggestDefinition(detectSheets(wb));
    wb.deleteSheet('Sales');
    expect(() => buildScorecard(wb, def, 'now')).toThrow(/The sheet "Sales" \(sales data\) is not in this spreadsheet any more/);
  });
});
