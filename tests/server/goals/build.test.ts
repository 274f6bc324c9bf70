import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MemoryWorkbook } from '../../../src/server/adapters/memory/memoryWorkbook';
import { createHandlers, dispatch } from '../../../src/server/handlers';
import { detectSheets, suggestDefinition } from '../../../src/server/scorecard/detect';
import { guessGoalColumns } from '../../../src/core/goals/columns';
import { okrScore } from '../../../src/core/measures/okr';
import type { Results } from '../../../src/rpc/contract';
import { goalsFromFiles } from '../../../src/cli/goals';
import { scorecardFromFiles } from '../../../src/cli/main';
import { GOAL_COL } from '../../../src/server/goals/layout';
import { GOALS_DEFINITION_KEY, GOALS_FOOTPRINT_KEY, GOALS_TAG } from '../../../src/server/goals/build';
import { CHECKINS } from '../../../src/server/goals/checkins';
import { parseCsv } from '../../../src/core/tables/csv';
import { columnLetter } from '../../../src/core/tables/kinds';

const C = (k: keyof typeof GOAL_COL) => columnLetter(GOAL_COL[k]);

const dataDir = join(__dirname, '..', '..', '..', 'examples', 'data');
const csv = (name: string) => readFileSync(join(dataDir, name), 'utf8');
const DAY = 86_400_000;

/** The example spreadsheet with its goals table, the scorecard built, on a clock that tests move. */
function example(goals = csv('goals.csv')) {
  let now = Date.UTC(2026, 11, 1, 9);
  const wb = MemoryWorkbook.fromCsv(
    { Sales: csv('sales.csv'), Feedback: csv('feedback.csv'), Reviews: csv('reviews.csv'), Goals: goals },
    { now: () => now },
  );
  const stamp = () => new Date(now).toISOString().slice(0, 16).replace('T', ' ');
  const h = createHandlers({
    wb,
    spreadsheetName: () => 'Example',
    timestamp: stamp,
    withLock: (fn) => fn(),
    dates: () => wb.dateOptions(),
  });
  const call = <N extends keyof Results>(name: N, args: unknown = {}) => dispatch(h, name, args) as Results[N];
  call('buildScorecard', { definition: suggestDefinition(detectSheets(wb)) });
  const headers = wb.sheet('Goals')!.readValues()[0].map(String);
  const columns: Record<string, string> = {};
  guessGoalColumns(headers).forEach((r, j) => r && (columns[r] = headers[j]));
  const definition = { version: 1, source: { sheet: 'Goals', columns } };
  return { wb, call, definition, clock: { advance: (days: number) => (now += days * DAY), get: () => now } };
}

/** The goals sheet's rows by ID: what a manager sees. */
function rows(wb: MemoryWorkbook, sheet: string) {
  const v = wb.computedValues(sheet);
  const out: Record<string, (string | number | boolean)[]> = {};
  for (const r of v.slice(5)) if (r[GOAL_COL.id] !== '') out[String(r[GOAL_COL.id])] = r;
  return out;
}

describe('the Goals sheet built from the example data', () => {
  const { wb, call, definition } = example();
  wb.resetCalls();
  const built = call('buildGoals', { definition });
  const calls = wb.calls;
  const sheet = built.sheet;

  test('is the add-on’s own, beside a check-in history; its settings are stored with the scorecard’s', () => {
    expect(built).toMatchObject({
      sheet: 'Goals that connect',
      history: 'Goal check-ins',
      objectives: 7,
      keyResults: 13,
      live: 7,
      notOnScorecard: [],
      confirm: null,
    });
    expect(wb.getSheetTag(sheet)).toBe(GOALS_TAG);
    expect(wb.getSheetTag('Goal check-ins')).toBe(CHECKINS.tag);
    expect(JSON.parse(wb.getSetting(GOALS_DEFINITION_KEY)!)).toMatchObject({ version: 1, source: { sheet: 'Goals' }, staleDays: 21 });
    expect(wb.getSetting(GOALS_FOOTPRINT_KEY)!.length).toBeLessThan(1000);
    expect(wb.errorAt(sheet, `${C('rolled')}6`)).toBeNull();
  });

  test('shows the numbers the command line prints on the same files: scores, chains, current values, flags', () => {
    const cli = goalsFromFiles(
      [
        '--file',
        join(dataDir, 'goals.csv'),
        '--sales',
        join(dataDir, 'sales.csv'),
        '--feedback',
        join(dataDir, 'feedback.csv'),
        '--reviews',
        join(dataDir, 'reviews.csv'),
        '--as-of',
        '2026-12-01',
      ],
      (p) => readFileSync(p, 'utf8'),
      scorecardFromFiles,
    ).result;
    const sheetRows = rows(wb, sheet);
    const order = wb
      .computedValues(sheet)
      .slice(5)
      .map((r) => r[GOAL_COL.id]);
    expect(order).toEqual(cli.goals.map((g) => g.id));
    for (const g of cli.goals) {
      const r = sheetRows[g.id];
      expect(r[GOAL_COL.chain]).toBe(g.chain);
      expect(r[GOAL_COL.flags]).toBe(g.flags.join('; '));
      if (g.score === null) expect(r[GOAL_COL.score]).toBe('');
      else expect(r[GOAL_COL.score]).toBeCloseTo(g.score, 12);
      if (g.kind === 'key_result') expect(r[GOAL_COL.current] === '' ? null : r[GOAL_COL.current]).toBeCloseTo(g.current!, 9);
    }
    expect(sheetRows.O5[GOAL_COL.chain]).toBe(
      'Reply to every 1–2 star review within 2 days → Referral score from 30 to 70 → Grow revenue 15%',
    );
    expect(sheetRows.O4[GOAL_COL.flags]).toBe('No key result tied to a lead measure');
    expect(sheetRows.KR9[GOAL_COL.flags]).toBe('No update for 3 weeks');
  });

  test('a key result tied to the referral score updates when feedback rows are pasted', () => {
    const before = rows(wb, sheet).KR2;
    const o1 = rows(wb, sheet).O1[GOAL_COL.score] as number;
    const feedback = wb.sheet('Feedback')!;
    const n = feedback.readValues().length;
    const paste = Array.from({ length: 60 }, (_, i) => [
      `2026-10-${String(10 + (i % 20)).padStart(2, '0')} 09:00:00`,
      'Walk-in',
      'Purchasing',
      i % 3 ? 2 : 3,
      'Worse',
      'Dissatisfied',
      '',
      'Late',
    ]);
    feedback.writeBlock(n + 1, 1, paste);
    const after = rows(wb, sheet).KR2;
    // The measure's own row, under the header (the top band above names it too).
    const scorecard = wb.computedValues('Scorecard');
    const header = scorecard.findIndex((r) => r[0] === 'Measure' && r[1] === 'Latest');
    expect(scorecard.slice(0, header).some((r) => r[0] === 'Referral score (NPS)')).toBe(true);
    const latest = scorecard.slice(header).find((r) => r[0] === 'Referral score (NPS)')![1] as number;
    expect(latest).toBeLessThan(before[GOAL_COL.current] as number);
    expect(after[GOAL_COL.current]).toBeCloseTo(latest, 12);
    expect(after[GOAL_COL.score]).toBeCloseTo(okrScore(30, latest, 70), 12);
    expect(rows(wb, sheet).O1[GOAL_COL.score]).toBeLessThan(o1);
  });

  test('one custom-function execution per recalculation: a typed current value re-runs OKR_ROLLUP alone', () => {
    const row =
      wb
        .sheet('Goals')!
        .readValues()
        .findIndex((r) => r[0] === 'KR9') + 1;
    wb.resetCustomFunctionCalls();
    wb.typeInto('Goals', `I${row}`, 15);
    expect(wb.customFunctionCalls().executions).toBe(1);
    expect(rows(wb, sheet).KR9[GOAL_COL.score]).toBe(0.5);
  });

  test('costs the same number of workbook calls for five times the goals', () => {
    const grid = parseCsv(csv('goals.csv'));
    const more = [grid[0]];
    for (let k = 0; k < 5; k++)
      for (const r of grid.slice(1)) more.push(r.map((c, j) => (k && (j === 0 || j === 5) && c ? `${c}-${k}` : c)));
    const bigger = example(more.map((r) => r.map((c) => (/[,"]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\n'));
    bigger.wb.resetCalls();
    const r = bigger.call('buildGoals', { definition: bigger.definition });
    expect(r.objectives + r.keyResults).toBe(100);
    expect(bigger.wb.calls).toBe(calls);
    bigger.wb.destroy();
  });
});

describe('what a manager types is kept, and nothing of theirs is overwritten', () => {
  test('confidence and comments follow their goal by ID when the goals table changes; other added cells are asked about', () => {
    const { wb, call, definition } = example();
    const { sheet } = call('buildGoals', { definition });
    const at = (id: string) => 1 + wb.computedValues(sheet).findIndex((r) => r[0] === id);
    wb.typeInto(sheet, `${C('confidence')}${at('KR7')}`, 6);
    // Typed as text (with Sheets' apostrophe): kept as text, never turned into a formula.
    wb.typeInto(sheet, `${C('comment')}${at('KR7')}`, `'=HYPERLINK("x") callers booked`);
    // KR7 moves under another objective in the goals table: a rebuild puts it on another row.
    const goals = wb.sheet('Goals')!;
    const g = goals.readValues();
    const row = g.findIndex((r) => r[0] === 'KR7') + 1;
    wb.typeInto('Goals', `F${row}`, 'O2');
    const rebuilt = call('rebuildGoals');
    expect(rebuilt.confirm).toBeNull();
    expect(at('KR7')).not.toBe(0);
    expect(wb.valueAt(sheet, `${C('confidence')}${at('KR7')}`)).toBe(6);
    expect(wb.valueAt(sheet, `${C('comment')}${at('KR7')}`)).toBe('=HYPERLINK("x") callers booked');
    expect(wb.formulaAt(sheet, `${C('comment')}${at('KR7')}`)).toBeNull();
    // A note typed elsewhere: the rebuild asks first, then removes it only when told.
    wb.typeInto(sheet, 'X3', 'my note');
    const asked = call('rebuildGoals');
    expect(asked.confirm?.cells).toEqual(['X3']);
    expect(wb.valueAt(sheet, 'X3')).toBe('my note');
    call('rebuildGoals', { force: true });
    expect(wb.valueAt(sheet, 'X3')).toBe('');
    expect(wb.valueAt(sheet, `${C('confidence')}${at('KR7')}`)).toBe(6);
    wb.destroy();
  });

  test('a sheet of the manager’s called "Goals that connect" is left alone', () => {
    const { wb, call, definition } = example();
    wb.insertSheet('Goals that connect').writeBlock(1, 1, [['mine']]);
    const r = call('buildGoals', { definition });
    expect(r.sheet).toBe('Leadlag goals');
    expect(wb.valueAt('Goals that connect', 'A1')).toBe('mine');
    wb.destroy();
  });

  test('a goals table with a missing parent is not built, and says which row; a loop typed later shows on the sheet', () => {
    const { wb, call, definition } = example();
    const row =
      wb
        .sheet('Goals')!
        .readValues()
        .findIndex((r) => r[0] === 'O4') + 1;
    wb.typeInto('Goals', `F${row}`, 'KR99');
    expect(() => call('buildGoals', { definition })).toThrow(
      'The goals table needs fixing before the sheet can be built: the goal "O4" ("Goals" row 12) names the parent "KR99", which is not the ID of any goal',
    );
    wb.typeInto('Goals', `F${row}`, 'KR1');
    const { sheet } = call('buildGoals', { definition });
    // O1 now contributes to KR13, which is under O1: a loop, named with its row, live.
    wb.typeInto('Goals', 'F2', 'KR13');
    expect(wb.errorAt(sheet, `${C('rolled')}6`)).toMatch(
      /^OKR_ROLLUP: the goal "O1" \(row 1 of ids\) is part of a loop of parents: O1 → KR13 → O7 → KR9 → O4 → KR1 → O1/,
    );
    wb.destroy();
  });
});

describe('the weekly check-in, kept as history', () => {
  test('records every goal with its confidence and comment; again in the same week replaces; a wrong confidence writes nothing', () => {
    const { wb, call, definition, clock } = example();
    const { sheet } = call('buildGoals', { definition });
    const at = (id: string) => 1 + wb.computedValues(sheet).findIndex((r) => r[0] === id);
    wb.typeInto(sheet, `${C('confidence')}${at('KR9')}`, 'high');
    expect(() => call('recordCheckIn')).toThrow(
      /Nothing was recorded: row \d+ \(KR9\): the confidence "high" is not a whole number from 1 to 10/,
    );
    expect(wb.sheet('Goal check-ins')!.readValues()).toHaveLength(1);
    wb.typeInto(sheet, `${C('confidence')}${at('KR9')}`, 4);
    wb.typeInto(sheet, `${C('comment')}${at('KR9')}`, 'Diaries are full until January');
    const first = call('recordCheckIn');
    expect(first).toMatchObject({ sheet: 'Goal check-ins', week: '2026-W49', recorded: 20, replaced: 0, withConfidence: 1 });
    // The check-in is an update: KR9 is no longer stale, and its last check-in shows.
    expect(rows(wb, sheet).KR9[GOAL_COL.flags]).toBe('');
    expect(wb.valueAt(sheet, `${C('lastCheckIn')}${at('KR9')}`)).toEqual(new Date(Date.UTC(2026, 11, 1)));
    const again = call('recordCheckIn');
    expect(again).toMatchObject({ recorded: 20, replaced: 20 });
    const history = wb.sheet('Goal check-ins')!.readValues();
    expect(history).toHaveLength(21);
    const kr9 = history.find((r) => r[2] === 'KR9')!;
    expect(kr9.slice(0, 3)).toEqual(['2026-W49', new Date(Date.UTC(2026, 11, 1)), 'KR9']);
    expect(kr9.slice(4)).toEqual([11, 11 / 30, 4, 'Diaries are full until January']);
    // KR6 scores 1.0: at three weekly check-ins it is flagged as not ambitious.
    expect(rows(wb, sheet).KR6[GOAL_COL.flags]).toBe('');
    clock.advance(7);
    call('recordCheckIn');
    expect(rows(wb, sheet).KR6[GOAL_COL.flags]).toBe('');
    clock.advance(7);
    call('recordCheckIn');
    expect(rows(wb, sheet).KR6[GOAL_COL.flags]).toBe('1.0 at every check-in: not ambitious');
    expect(wb.sheet('Goal check-ins')!.readValues()).toHaveLength(61);
    // Three weeks on without a check-in, a typed key result is stale again.
    clock.advance(22);
    wb.insertSheet('Scratch'); // any change recalculates TODAY(), as Sheets does
    expect(rows(wb, sheet).KR9[GOAL_COL.flags]).toBe('No update for 3 weeks; Past due');
    wb.destroy();
  });
});
