import { trackerSummary } from '../../../src/server/tracker/section';
import { world, setupWith, csv, NOW, ZONE } from '../../helpers/world';
import { MemoryWorkbook } from '../../../src/server/adapters/memory/memoryWorkbook';
import { buildScorecard } from '../../../src/server/scorecard/build';
import { detectSheets, suggestDefinition } from '../../../src/server/scorecard/detect';
import { columnLetter } from '../../../src/core/tables/kinds';

describe('the scorecard’s tracker section', () => {
  test('the scorecard shows IMPROVEMENT_SUMMARY once the tracker exists, live', () => {
    const w = world(
      {},
      {},
      MemoryWorkbook.fromCsv(
        { Sales: csv('sales.csv'), Feedback: csv('feedback.csv'), Reviews: csv('reviews.csv') },
        { now: () => NOW, zone: ZONE },
      ),
    );
    const built = buildScorecard(w.wb, suggestDefinition(detectSheets(w.wb)), '2026-11-23 10:00', [trackerSummary]);
    const summaryCell = () => {
      const grid = w.wb.computedValues(built.sheetName);
      const r = grid.findIndex((row) => row[0] === 'Open');
      return r < 0 ? null : grid[r + 1].slice(0, 4);
    };
    expect(summaryCell()).toBeNull();
    const r = w.call('createSurvey', { setup: setupWith() });
    expect(r.scorecardUpdated).toBe(true);
    const formula = w.wb.formulaAt(built.sheetName, `A${w.wb.computedValues(built.sheetName).findIndex((row) => row[0] === 'Open') + 1}`);
    expect(formula).toBe(
      "=IMPROVEMENT_SUMMARY('Improvement tracker'!$K$1:$K, 'Improvement tracker'!$J$1:$J, 'Improvement tracker'!$L$1:$L, 'Improvement tracker'!$B$1:$B)",
    );
    // The example's low-star reviews without a reply are all older than the loop: none is an action until the manager says so.
    expect(r.sync.actions).toBe(0);
    expect(summaryCell()).toEqual([0, 0, 0, '']);
    const fromReviews = w.call('oldReviews', { add: true }).sync!.actions;
    expect(fromReviews).toBe(r.oldReviews!.count);
    expect(fromReviews).toBeGreaterThan(0);
    expect(summaryCell()).toEqual([fromReviews, 0, 0, '']);
    w.twin.submit(r.forms[0].id, { customer: 'Acme', referral: 1 });
    w.wb.sheet('Improvement tracker')!.writeBlock(2, 11, [['done']]);
    w.wb.sheet('Improvement tracker')!.writeBlock(2, 12, [['2026-11-25']]);
    expect(summaryCell()).toEqual([fromReviews, 0, 1, 2]);
  });

  test('IMPROVEMENT_RESULTS sits after the connections on the glance layout, counts the tracker live, and a rebuild keeps it without asking', () => {
    const w = world(
      {},
      {},
      MemoryWorkbook.fromCsv(
        { Sales: csv('sales.csv'), Feedback: csv('feedback.csv'), Reviews: csv('reviews.csv') },
        { now: () => NOW, zone: ZONE },
      ),
    );
    const built = buildScorecard(w.wb, suggestDefinition(detectSheets(w.wb)), '2026-11-23 10:00', [trackerSummary]);
    w.call('createSurvey', { setup: setupWith() });
    const grid = () => w.wb.computedValues(built.sheetName);
    const at = (text: string) => grid().findIndex((r) => typeof r[0] === 'string' && r[0].startsWith(text));
    const sentence = () => grid()[at('Done') - 1][0];
    expect(at('Connect the dots')).toBeGreaterThan(0);
    expect(at('Improvement:')).toBeGreaterThan(at('Connect the dots'));
    expect(w.wb.formulaAt(built.sheetName, `A${at('Done')}`)).toMatch(/^=IMPROVEMENT_RESULTS\('Improvement tracker'!\$K\$1:\$K, /);
    expect(sentence()).toBe('No action closed this quarter (2026-Q4) yet');
    // An action closed this quarter and told: the sentence follows the tracker.
    const t = w.wb.sheet('Improvement tracker')!;
    const header = t.readValues()[0];
    const put = (h: string, v: string) => t.writeBlock(2, header.indexOf(h) + 1, [[v]]);
    put('ID', '1');
    put('Customer', 'Acme');
    put('Lead measure', 'Referral score');
    put('Opened', '2026-10-01');
    put('Status', 'done');
    put('Closed', '2026-10-09');
    put('Reply sent', '2026-10-10 09:00 to a@acme.example');
    expect(sentence()).toBe('1 action closed this quarter (2026-Q4); 0 moved their measure; 1 customer told what changed');
    expect(grid()[at('Done') + 1].slice(0, 10)).toEqual([1, 0, 0, 0, 0, 1, '0%', 0, 1, 0]);
    // The spills are the scorecard's own: a rebuild asks nothing about them.
    expect(w.call('rebuildScorecard', {}).confirm).toBeNull();
    expect(sentence()).toBe('1 action closed this quarter (2026-Q4); 0 moved their measure; 1 customer told what changed');
  });

  test('"the scorecard\u2019s period" follows the scorecard: a month each side on a monthly one, a quarter once it is rebuilt quarterly', () => {
    const w = world(
      {},
      {},
      MemoryWorkbook.fromCsv(
        { Sales: csv('sales.csv'), Feedback: csv('feedback.csv'), Reviews: csv('reviews.csv') },
        { now: () => NOW, zone: ZONE },
      ),
    );
    const def = suggestDefinition(detectSheets(w.wb));
    buildScorecard(w.wb, def, '2026-11-23 10:00', [trackerSummary]);
    w.call('createSurvey', { setup: setupWith() });
    const head = () => {
      const grid = w.wb.computedValues('Improvement tracker');
      return w.wb.formulaAt('Improvement tracker', `${columnLetter(grid[0].indexOf('Before'))}1`) ?? '';
    };
    expect(def.period).toBe('month');
    expect(w.call('resultWindow', { window: 'period' }).window).toEqual({ choice: 'period', words: '1 month', period: 'month' });
    expect(head()).toMatch(/, "month", "feedback=2(, sales=\d+)?(, reviews=\d+)?"\)$/);
    buildScorecard(w.wb, { ...def, period: 'quarter' }, '2026-11-23 10:05', [trackerSummary], { force: true });
    expect(head()).toMatch(/, "quarter", "/);
    expect(w.call('trackerActions').window).toEqual({ choice: 'period', words: '3 months', period: 'quarter' });
  });
});
