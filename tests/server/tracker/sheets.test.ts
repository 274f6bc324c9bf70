import { trackerSummary, TRACKER, TRACKER_HEADERS, ensureOwn } from '../../../src/server/tracker/sheets';
import { world, setupWith, values, csv, NOW, ZONE } from '../../helpers/world';
import { MemoryWorkbook } from '../../../src/server/adapters/memory/memoryWorkbook';
import { STATUSES } from '../../../src/core/tracker/actions';
import { buildScorecard } from '../../../src/server/scorecard/build';
import { detectSheets, suggestDefinition } from '../../../src/server/scorecard/detect';

describe('the Improvement tracker sheet', () => {
  test("made once, tagged as the add-on's own, with the columns of DOMAIN.md and a status drop-down", () => {
    const w = world();
    const r = w.call('createSurvey', { setup: setupWith() });
    expect(r.trackerSheet).toBe('Improvement tracker');
    expect(w.wb.getSheetTag('Improvement tracker')).toBe('leadlag:tracker');
    expect(values(w.wb, 'Improvement tracker')).toEqual([TRACKER_HEADERS]);
    for (const a1 of ['K2', 'K500', 'K5000']) expect(w.wb.validationAt('Improvement tracker', a1)).toEqual([...STATUSES]);
    expect(w.wb.validationAt('Improvement tracker', 'J2')).toBeNull();
    expect(w.wb.layoutOf('Improvement tracker').frozen).toEqual({ rows: 1, cols: 1 });
    w.call('createSurvey', { setup: setupWith() });
    expect(w.wb.sheetNames().filter((n) => /tracker/i.test(n))).toEqual(['Improvement tracker']);
  });

  test('never overwrites a user\'s sheet called "Improvement tracker" (or "Survey responses")', () => {
    const mine = [['My own list'], ['=HYPERLINK("x")'], ['keep me']];
    const w = world({ 'Improvement tracker': mine, 'Survey responses': [['Ours too']] });
    const before = values(w.wb, 'Improvement tracker');
    const r = w.call('createSurvey', { setup: setupWith() });
    expect(r.trackerSheet).toBe('Leadlag improvement tracker');
    expect(r.responsesSheet).toBe('Leadlag survey responses');
    w.twin.submit(r.forms[0].id, { customer: 'Acme', referral: 1 });
    expect(values(w.wb, 'Improvement tracker')).toEqual(before);
    expect(values(w.wb, 'Survey responses')).toEqual([['Ours too']]);
    expect(w.wb.getSheetTag('Improvement tracker')).toBeNull();
    expect(values(w.wb, 'Leadlag improvement tracker')).toHaveLength(2);
    // And when both names are taken, a numbered one.
    const wb = MemoryWorkbook.fromGrids({ 'Improvement tracker': [['a']], 'Leadlag improvement tracker': [['b']] });
    expect(ensureOwn(wb, TRACKER).name).toBe('Leadlag improvement tracker 2');
  });

  test('overdue actions are coloured: open or in progress, past due; done ones are not', () => {
    const w = world();
    const [f] = w.call('createSurvey', { setup: setupWith() }).forms;
    w.twin.submit(f.id, { customer: 'Acme', referral: 2 });
    w.twin.submit(f.id, { customer: 'Brill', referral: 3 });
    w.twin.submit(f.id, { customer: 'Cato', referral: 4 });
    const sheet = w.wb.sheet('Improvement tracker')!;
    sheet.writeBlock(3, 11, [['done']]);
    sheet.writeBlock(4, 11, [['in progress']]);
    const red = '#fce8e6';
    expect(w.wb.styleAt('Improvement tracker', 'E2').background).toBeUndefined(); // due 2026-11-30, today 11-23
    w.clock.set(Date.UTC(2026, 11, 5));
    expect(w.wb.styleAt('Improvement tracker', 'E2').background).toBe(red);
    expect(w.wb.styleAt('Improvement tracker', 'A4').background).toBe(red);
    expect(w.wb.styleAt('Improvement tracker', 'E3').background).toBeUndefined();
    expect(w.wb.styleAt('Improvement tracker', 'K3').background).toBe('#e6f4ea');
    expect(w.wb.styleAt('Improvement tracker', 'E5').background).toBeUndefined(); // an empty row
  });

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
      "=IMPROVEMENT_SUMMARY('Improvement tracker'!$K$1:$K, 'Improvement tracker'!$J$1:$J, 'Improvement tracker'!$L$1:$L, 'Improvement tracker'!$B$1:$B, TODAY())",
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
});
