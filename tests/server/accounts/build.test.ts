import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MemoryWorkbook } from '../../../src/server/adapters/memory/memoryWorkbook';
import { createHandlers, dispatch } from '../../../src/server/handlers';
import { detectSheets, suggestDefinition } from '../../../src/server/scorecard/detect';
import type { Results } from '../../../src/rpc/contract';
import { accountsFromFiles } from '../../../src/cli/accounts';
import { PLAN_COL, PLAN_HEADER_ROW } from '../../../src/server/accounts/layout';
import { ACCOUNTS_DEFINITION_KEY, ACCOUNTS_TAG } from '../../../src/server/accounts/build';
import { TRACKER, ensureOwn } from '../../../src/server/tracker/sheets';

const dataDir = join(__dirname, '..', '..', '..', 'examples', 'data');
const csv = (name: string) => readFileSync(join(dataDir, name), 'utf8');
const TURNED = ['Brookfield Construction Ltd', 'Pioneer Catering Ltd', 'Humber Fabrication & Co', 'Marlow Electrical plc'];

function example(sheets: Record<string, string> = { Sales: csv('sales.csv'), Feedback: csv('feedback.csv') }) {
  const wb = MemoryWorkbook.fromCsv(sheets, { now: () => Date.UTC(2026, 11, 1, 9) });
  const h = createHandlers({
    wb,
    spreadsheetName: () => 'Example',
    timestamp: () => '2026-12-01 09:00',
    withLock: (fn) => fn(),
    dates: () => wb.dateOptions(),
  });
  const call = <N extends keyof Results>(name: N, args: unknown = {}) => dispatch(h, name, args) as Results[N];
  return { wb, call };
}

/** The plan's rows by customer, as a manager sees them. */
function plan(wb: MemoryWorkbook, sheet: string) {
  const v = wb.computedValues(sheet);
  const out: Record<string, (string | number | boolean)[]> = {};
  for (const r of v.slice(PLAN_HEADER_ROW)) if (r[0] !== '' && typeof r[PLAN_COL.spill] === 'number') out[String(r[0])] = r;
  return { rows: out, all: v };
}

describe('the key-account plan on the example data', () => {
  const { wb, call } = example();
  // The scorecard's choices are the plan's defaults (no scorecard sheet is needed, only its definition).
  wb.setSetting('leadlag.scorecard.definition', JSON.stringify(suggestDefinition(detectSheets(wb))));
  const setup = call('accountsSetup');
  const definition = {
    ...setup.suggested!,
    answers: { ...setup.suggested!.answers!, columns: { ...setup.suggested!.answers!.columns, comment: 'What dissatisfies you?' } },
  };
  wb.resetCalls();
  const built = call('buildAccounts', { definition });
  const calls = wb.calls;
  const { rows, all } = plan(wb, built.sheet);

  test('is the add-on’s own sheet, its settings stored; the defaults come from the scorecard, attention from the survey responses', () => {
    expect(setup.suggested).toMatchObject({ sales: { sheet: 'Sales' }, answers: { sheet: 'Feedback' }, attention: { kind: 'responses' } });
    expect(built).toMatchObject({ sheet: 'Key-account plan', accounts: 299, confirm: null });
    expect(wb.getSheetTag(built.sheet)).toBe(ACCOUNTS_TAG);
    expect(JSON.parse(wb.getSetting(ACCOUNTS_DEFINITION_KEY)!)).toMatchObject({ version: 1, attention: { kind: 'responses' } });
    expect(wb.errorAt(built.sheet, `B${PLAN_HEADER_ROW}`)).toBeNull();
  });

  test('the four accounts that turn detractor from 2026-05 are at risk, their attention share against their revenue share', () => {
    for (const name of TURNED) {
      const r = rows[name];
      expect(r[PLAN_COL.tier]).toBe('A');
      expect(r[PLAN_COL.atRisk]).toBe(true);
      expect(r[PLAN_COL.why]).toMatch(/^latest referral score [2-6] of 10 \(2026-(0[5-9]|10)-\d\d\); said worse than others/);
      expect(r[PLAN_COL.lastAnswer]).toMatch(/^2026-(0[5-9]|10)-\d\d: [2-6] of 10, worse than others$/);
      expect(r[PLAN_COL.attentionShare]).toBeLessThan(r[PLAN_COL.share] as number);
    }
    expect(built.atRisk.map((a) => a.customer)).toEqual(expect.arrayContaining(TURNED));
    expect(rows['Brookfield Construction Ltd'][PLAN_COL.attentionFlag]).toBe('Far less than its share');
  });

  test('every number is the command line’s on the same files', () => {
    const cli = accountsFromFiles(['--sales', join(dataDir, 'sales.csv'), '--feedback', join(dataDir, 'feedback.csv')], (p) =>
      readFileSync(p, 'utf8'),
    ).result;
    expect(Object.keys(rows)).toHaveLength(cli.accounts.length);
    for (const a of cli.accounts) {
      const r = rows[a.customer];
      expect([r[PLAN_COL.spill], r[PLAN_COL.tier]]).toEqual([a.rank ?? '', a.tier === 'net negative' ? 'Net negative' : a.tier]);
      expect(r[PLAN_COL.revenue]).toBeCloseTo(a.revenue, 6);
      expect(r[PLAN_COL.share]).toBeCloseTo(a.share!, 12);
      expect(r[PLAN_COL.attention]).toBe(a.attention);
      expect(r[PLAN_COL.attentionShare]).toBeCloseTo(a.attention_share!, 12);
      expect(r[PLAN_COL.attentionFlag]).toBe(
        a.attention_flag === 'starved' ? 'Far less than its share' : a.attention_flag ? 'Far more than its share' : '',
      );
      expect(r[PLAN_COL.atRisk]).toBe(a.at_risk);
      expect(r[PLAN_COL.why]).toBe(a.why.join('; '));
      expect(r[PLAN_COL.lastAnswer]).toBe(a.last_answer);
      expect(r[PLAN_COL.comment]).toBe(a.comment);
    }
    // The tiers above the table, live.
    const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
    expect(all.slice(5, 8).map((r) => r[0])).toEqual(
      cli.tiers.map(
        (t) =>
          `Tier ${t.tier}: ${t.accounts} accounts, ${pct(t.share)} of revenue, ${pct(t.attentionShare!)} of attention, ` +
          `${cli.accounts.filter((a) => a.tier === t.tier && a.at_risk).length} at risk`,
      ),
    );
    expect(all[5][0]).toBe('Tier A: 96 accounts, 80.0% of revenue, 54.0% of attention, 17 at risk');
    expect(all[PLAN_HEADER_ROW + 299][PLAN_COL.spill]).toBe('Every account of the data is listed.');
  });

  test('the plan columns a manager fills in stay with their account when a rebuild reorders the rows', () => {
    const at = (name: string) => 1 + wb.computedValues(built.sheet).findIndex((r) => r[0] === name);
    const small = Object.keys(rows).find((n) => rows[n][PLAN_COL.tier] === 'C')!;
    wb.typeInto(built.sheet, `O${at(small)}`, 'Ann');
    wb.typeInto(built.sheet, `P${at(small)}`, "'=We want deliveries on Mondays");
    wb.typeInto(built.sheet, `Q${at(small)}`, '2027-01-15');
    wb.typeInto(built.sheet, `R${at(small)}`, 'Call about the framework');
    const before = at(small);
    wb.resetCalls();
    call('rebuildAccounts');
    const rebuildCalls = wb.calls;
    // A large sale makes the small account the largest.
    const sales = wb.sheet('Sales')!;
    const n = sales.readValues().length;
    sales.writeBlock(n + 1, 1, [['SO-999999', '20/10/2026', small, 'Priya Shah', 900000, 1, 1, 0, '2026-10-25', '2026-10-24', 0]]);
    // Live before any rebuild: its rank is now 1 where it stands.
    expect(wb.computedValues(built.sheet)[before - 1][PLAN_COL.spill]).toBe(1);
    wb.resetCalls();
    expect(call('rebuildAccounts').confirm).toBeNull();
    // The same number of workbook calls with more rows (and the first build only a few fewer: no sheet to read back).
    expect(wb.calls).toBe(rebuildCalls);
    expect(Math.abs(rebuildCalls - calls)).toBeLessThanOrEqual(3);
    expect(at(small)).toBe(PLAN_HEADER_ROW + 1);
    const row = at(small);
    expect([wb.valueAt(built.sheet, `O${row}`), wb.valueAt(built.sheet, `P${row}`), wb.valueAt(built.sheet, `R${row}`)]).toEqual([
      'Ann',
      '=We want deliveries on Mondays',
      'Call about the framework',
    ]);
    expect(wb.valueAt(built.sheet, `Q${row}`)).toEqual(new Date(Date.UTC(2027, 0, 15)));
    wb.typeInto(built.sheet, 'X2', 'mine');
    expect(call('rebuildAccounts').confirm?.cells).toEqual(['X2']);
  });
});

test('a plan over a quarter of the rows costs the same workbook calls as over all of them', () => {
  const count = (sales: string, feedback: string) => {
    const { wb, call } = example({ Sales: sales, Feedback: feedback });
    const def = suggestDefinition(detectSheets(wb));
    wb.resetCalls();
    const r = call('buildAccounts', {
      definition: { version: 1, sales: def.sources.sales, answers: def.sources.feedback, attention: { kind: 'responses' } },
    });
    const calls = wb.calls;
    wb.destroy();
    return { calls, accounts: r.accounts };
  };
  const head = (text: string, n: number) => text.split('\n').slice(0, n).join('\n');
  const small = count(head(csv('sales.csv'), 2000), head(csv('feedback.csv'), 500));
  const all = count(csv('sales.csv'), csv('feedback.csv'));
  expect(small.accounts).toBeLessThan(all.accounts);
  expect(small.calls).toBeGreaterThan(0);
  expect(small.calls).toBe(all.calls);
});

describe('what counts as attention', () => {
  const sales = [
    ['Order date', 'Customer', 'Amount'],
    ...Array.from({ length: 12 }, (_, m) => [
      [`2026-${String(m + 1).padStart(2, '0')}-10`, 'Acme', 700],
      [`2026-${String(m + 1).padStart(2, '0')}-10`, 'Bolt', 200],
      [`2026-${String(m + 1).padStart(2, '0')}-10`, 'Cog', 100],
    ]).flat(),
    ['2026-12-31', 'Cog', 0],
  ];
  const salesRef = { sheet: 'Sales', columns: { date: 'Order date', customer: 'Customer', amount: 'Amount' } };
  const grids = (extra: Record<string, (string | number)[][]> = {}) => {
    const wb = MemoryWorkbook.fromGrids({ Sales: sales, ...extra }, { now: () => Date.UTC(2026, 11, 1) });
    const h = createHandlers({
      wb,
      spreadsheetName: () => 'Shop',
      timestamp: () => '2026-12-01 09:00',
      withLock: (fn) => fn(),
      dates: () => wb.dateOptions(),
    });
    return { wb, call: <N extends keyof Results>(name: N, args: unknown) => dispatch(h, name, args) as Results[N] };
  };

  test('hours typed on the plan are read live by its formula and kept on rebuilds', () => {
    const { wb, call } = grids();
    const r = call('buildAccounts', { definition: { version: 1, sales: salesRef, attention: { kind: 'typed' } } });
    const v = () => wb.computedValues(r.sheet);
    expect(v()[PLAN_HEADER_ROW - 1][PLAN_COL.hours]).toBe('Hours / visits');
    wb.typeInto(r.sheet, `S${PLAN_HEADER_ROW + 1}`, 2); // Acme
    wb.typeInto(r.sheet, `S${PLAN_HEADER_ROW + 3}`, 8); // Cog
    expect(v()[PLAN_HEADER_ROW][PLAN_COL.attentionShare]).toBe(0.2);
    expect(v()[PLAN_HEADER_ROW][PLAN_COL.attentionFlag]).toBe('Far less than its share');
    expect(v()[PLAN_HEADER_ROW + 2][PLAN_COL.attentionFlag]).toBe('Far more than its share');
    call('rebuildAccounts', {});
    expect(v()[PLAN_HEADER_ROW + 2][PLAN_COL.hours]).toBe(8);
    expect(v()[PLAN_HEADER_ROW + 2][PLAN_COL.attentionShare]).toBe(0.8);
    wb.destroy();
  });

  test('answers read by the survey’s own rules: a partial response is no answer and no contact, on the sheet and in the build', () => {
    const feedback = [
      ['Date', 'Customer', 'Score', 'Response Type'],
      ['2026-10-01', 'Bolt', 9, 'completed'],
      ['2026-11-20', 'Bolt', 2, 'partial'],
      ['2026-11-01', 'Acme', 9, 'completed'],
    ];
    const { wb, call } = grids({ Feedback: feedback });
    const answers = {
      sheet: 'Feedback',
      columns: { date: 'Date', customer: 'Customer', referral_score: 'Score' },
      filters: ['Response Type'],
      rules: { leaveOut: [{ filter: 0, values: ['partial'] }] },
    };
    const r = call('buildAccounts', { definition: { version: 1, sales: salesRef, answers, attention: { kind: 'responses' } } });
    const bolt = () => wb.computedValues(r.sheet).find((row) => row[0] === 'Bolt')!;
    expect(r.atRisk).toEqual([]);
    expect([bolt()[PLAN_COL.attention], bolt()[PLAN_COL.atRisk], bolt()[PLAN_COL.lastAnswer]]).toEqual([1, false, '2026-10-01: 9 of 10']);
    // A completed detractor answer pasted below: at risk, live.
    wb.sheet('Feedback')!.writeBlock(5, 1, [['2026-11-25', 'Bolt', 3, 'completed']]);
    expect([bolt()[PLAN_COL.attention], bolt()[PLAN_COL.atRisk], bolt()[PLAN_COL.lastAnswer]]).toEqual([2, true, '2026-11-25: 3 of 10']);
    wb.destroy();
  });

  test('actions on the improvement tracker, by its Customer column wherever it is', () => {
    const { wb, call } = grids();
    const t = ensureOwn(wb, TRACKER);
    wb.insertColumns(t.name, 1, 2); // the manager inserted columns before the tracker's
    const customerCol = t.sheet.columnTags!().get('leadlag:tracker:customer')!;
    t.sheet.writeBlock(2, customerCol, [['Acme'], ['Bolt'], ['Bolt'], ['Bolt']]);
    const r = call('buildAccounts', { definition: { version: 1, sales: salesRef, attention: { kind: 'actions' } } });
    expect(r.attention).toBe('Attention counted: actions on "Improvement tracker", one per action naming the customer.');
    expect(wb.computedValues(r.sheet)[PLAN_HEADER_ROW + 1][PLAN_COL.attention]).toBe(3);
    wb.destroy();
  });

  test('without a tracker, counting its actions is refused with what to do', () => {
    const { wb, call } = grids();
    expect(() => call('buildAccounts', { definition: { version: 1, sales: salesRef, attention: { kind: 'actions' } } })).toThrow(
      /There is no improvement tracker with a Customer column yet/,
    );
    expect(() =>
      call('buildAccounts', {
        definition: { version: 1, sales: { ...salesRef, columns: { date: 'Order date' } }, attention: { kind: 'none' } },
      }),
    ).toThrow(
      'The key-account plan settings are not valid: sales: choose the column of the customer; sales: choose the column of the sales amount',
    );
    wb.destroy();
  });
});
