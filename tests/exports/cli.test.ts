import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../src/cli/main';
import { MemoryWorkbook } from '../../src/server/adapters/memory/memoryWorkbook';
import { parseCsv } from '../../src/core/tables/csv';
import { checkOf, handlersFor, pathOf, sourceFormulaTable, vendor, wizardDefinition } from './helpers';
import { dispatch } from '../../src/server/handlers';

/** The command line on real exports (issue 11): one cell fails only its measure, columns can be left out, checks can be accepted. */
let dir: string;
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'leadlag-exports-'))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cli(...args: string[]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = run(
    args,
    (s) => (out += s + '\n'),
    (s) => (err += s + '\n'),
  );
  return { code, out, err };
}

/** The SurveyMonkey export with one satisfaction answer that is no label ("Very happy") on file line 9. */
function surveyWithBadCell(): string {
  const text = readFileSync(pathOf(vendor('surveymonkey')), 'utf8');
  const lines = text.split('\r\n');
  lines[8] = lines[8].replace(
    /,(Very satisfied|Somewhat satisfied|Neither satisfied nor dissatisfied|Somewhat dissatisfied|Very dissatisfied),/,
    ',Very happy,',
  );
  const path = join(dir, 'survey-bad-cell.csv');
  writeFileSync(path, lines.join('\r\n'));
  return path;
}

describe('leadlag scorecard on vendor exports', () => {
  const survey = pathOf(vendor('surveymonkey'));
  const shopify = pathOf(vendor('shopify-orders'));

  test('a cell that cannot be read fails only its measure, says which row and why; the rest prints with exit 0', () => {
    const path = surveyWithBadCell();
    expect(readFileSync(path, 'utf8')).toContain('Very happy');
    const r = cli('scorecard', '--feedback', path, '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    const csat = j.measures.find((m: { id: string }) => m.id === 'csat');
    expect(csat.problem).toBe(
      `${path}: line 9: column "Overall, how satisfied or dissatisfied are you with our company?" holds "Very happy"; ` +
        'ratings are whole numbers from 1 to 5 or the labels Very dissatisfied, Dissatisfied, Neutral, Satisfied, Very satisfied',
    );
    expect(csat.values.every((v: unknown) => v === null)).toBe(true);
    const nps = j.measures.find((m: { id: string }) => m.id === 'nps');
    expect(nps.problem).toBeNull();
    const table = cli('scorecard', '--feedback', path);
    expect(table.code).toBe(0);
    expect(table.out).toContain(`Not counted (the rest of the scorecard is):\n  Satisfaction (CSAT): ${path}: line 9: column`);
  });

  test('the preview shows the same: the CSAT row of the source formula says why, NPS counts, and the wizard’s check names it', () => {
    const wb = MemoryWorkbook.fromPasted({ Survey: parseCsv(readFileSync(surveyWithBadCell(), 'utf8')) });
    try {
      const def = wizardDefinition(wb, { feedback: 'Survey' });
      const table = sourceFormulaTable(wb, 'feedback', def.sources.feedback!);
      const csat = table.find((r) => r[0] === 'csat')!;
      expect(String(csat[1])).toMatch(/^sheet row 9 of .* holds "Very happy"; ratings are whole numbers from 1 to 5/);
      expect(
        table
          .find((r) => r[0] === 'nps')!
          .slice(2)
          .some((x) => typeof x === 'number'),
      ).toBe(true);
      const review = checkOf(wb, def);
      expect(review.latest.find((m) => m.id === 'csat')).toMatchObject({ problem: expect.stringMatching(/holds "Very happy"/) });
      expect(review.latest.find((m) => m.id === 'nps')).toMatchObject({ problem: null });
    } finally {
      wb.destroy();
    }
  });

  test('--map satisfaction=none (and an empty value) leaves the column out; the other measures stay', () => {
    for (const flag of ['satisfaction=none', 'satisfaction=']) {
      const r = cli('scorecard', '--feedback', surveyWithBadCell(), '--map', flag, '--json');
      expect(r.code).toBe(0);
      const ids = JSON.parse(r.out).measures.map((m: { id: string }) => m.id);
      expect(ids).toEqual(['nps']);
    }
  });

  test('exit 2 when no measure can be counted, naming each', () => {
    const r = cli('scorecard', '--feedback', surveyWithBadCell(), '--map', 'referral_score=none');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^leadlag: no measure can be counted:\n {2}Satisfaction \(CSAT\): \S+survey-bad-cell\.csv: line 9: column /);
  });

  test('an implausible mapping stops with what to do; --accept builds anyway', () => {
    const stop = cli('scorecard', '--sales', shopify, '--map', 'amount=Discount Amount');
    expect(stop.code).toBe(2);
    expect(stop.out).toBe('');
    expect(stop.err).toContain('"Discount Amount" is 0 on 75% of the rows that have a value');
    expect(stop.err).toContain('run again with --accept amount-zero,returns-over-100.');
    const go = cli(
      'scorecard',
      '--sales',
      shopify,
      '--map',
      'amount=Discount Amount',
      '--accept',
      'amount-zero,returns-over-100',
      '--json',
    );
    expect(go.code).toBe(0);
    expect(cli('scorecard', '--sales', shopify, '--accept', 'nonsense').err).toMatch(
      /--accept: "nonsense" is not a check; the checks are kind, amount-zero/,
    );
  });

  test('money is printed in the export’s currency; --json says which', () => {
    const r = cli('scorecard', '--sales', shopify, '--periods', '4');
    expect(r.out).toMatch(/^Scorecard by month \(money in USD\)/);
    expect(r.out).toMatch(/Revenue\s+\$1,874\s+\$867\s+\$1,675\s+\$2,226/);
    expect(JSON.parse(cli('scorecard', '--sales', shopify, '--json').out).currency).toBe('USD');
    expect(JSON.parse(cli('scorecard', '--feedback', survey, '--json').out).currency).toBeNull();
  });

  test('JSON exports are read as files too (Delighted, Google Business Profile reviews)', () => {
    const r = cli(
      'scorecard',
      '--feedback',
      pathOf(vendor('delighted')),
      '--reviews',
      pathOf(vendor('google-business-profile-reviews')),
      '--json',
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).measures.map((m: { id: string }) => m.id)).toEqual(['nps', 'review_response']);
  });
});

describe('one reader: the preview and the command line read a mixed US date column the same (issue 11)', () => {
  // "10/02/2024 12:00:00 AM" and "10/13/2024 …" in one column: month-first, because 13 is no month.
  const csv = [
    'Date,How likely are you to recommend us?',
    '10/02/2024 12:00:00 AM,10',
    '10/13/2024 3:10:00 PM,9',
    '08/05/2024 9:00:00 AM,3',
    '08/06/2024 9:00:00 AM,9',
    '08/07/2024 9:00:00 AM,6',
    '02/10/2024 9:00:00 AM,0',
  ].join('\n');
  test('the command line and the sheet seeded from the file give the same NPS per month', () => {
    const path = join(dir, 'us-dates.csv');
    writeFileSync(path, csv);
    const j = JSON.parse(cli('scorecard', '--feedback', path, '--json', '--periods', '9').out);
    const nps = j.measures.find((m: { id: string }) => m.id === 'nps');
    const cliBy = Object.fromEntries(j.periods.map((p: string, i: number) => [p, nps.values[i]]));
    expect(cliBy).toMatchObject({ '2024-02': -100, '2024-08': -100 / 3, '2024-10': 100 });

    const wb = MemoryWorkbook.fromCsv({ Feedback: csv });
    try {
      expect(wb.valueAt('Feedback', 'A2')).toEqual(new Date(Date.UTC(2024, 9, 2)));
      expect(wb.valueAt('Feedback', 'A3')).toEqual(new Date(Date.UTC(2024, 9, 13)));
      const def = wizardDefinition(wb, { feedback: 'Feedback' });
      const table = sourceFormulaTable(wb, 'feedback', def.sources.feedback!);
      const header = table[0];
      const row = table.find((r) => r[0] === 'nps')!;
      const sheetBy = Object.fromEntries(header.slice(2).map((p, i) => [p, row[2 + i]]));
      for (const p of ['2024-02', '2024-08', '2024-10']) expect(sheetBy[p]).toBeCloseTo(cliBy[p], 10);
    } finally {
      wb.destroy();
    }
  });
  test('a sheet seeded from an export (the preview) is recognised as the file is (the command line)', () => {
    for (const folder of ['shopify-orders', 'surveymonkey', 'qualtrics', 'quickbooks-sales']) {
      const v = vendor(folder);
      const wb = MemoryWorkbook.fromCsv({ Data: readFileSync(pathOf(v), 'utf8') });
      try {
        const [t] = dispatch(handlersFor(wb), 'readTables', {}) as { headers: string[]; dataRows: number; profile: string }[];
        expect([folder, t.profile]).toEqual([folder, v.profile]);
      } finally {
        wb.destroy();
      }
    }
  });
});
