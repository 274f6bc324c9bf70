import { type Cell } from '../../core/values/cell';
import { isoDay } from '../../core/time/days';
import { findTable } from '../../core/tables/findTable';
import { COMPARISON_CHOICES } from '../../core/survey/texts';
import { type SurveyAnswer, readAnswers } from '../../core/survey/normalise';
import { type NewAction, type ReviewRow, responseActions, reviewActions } from '../../core/tracker/actions';
import type { WorkbookPort, WriteCell } from '../ports/workbook';
import { parseDefinition } from '../../core/scorecard/definition';
import { DEFINITION_KEY } from '../scorecard/build';
import { type AutomationContext, FORM_RESPONSES_TAG, type SurveyRecord, logError, readRecord, writeForm } from '../survey/automation';
import { RESPONSES, RESPONSE_HEADERS, TRACKER, TRACKER_COL, ensureOwn } from './sheets';
import { refreshMailbox } from './mailbox';

export interface SyncResult {
  /** Survey responses added to the feedback table. */
  readonly responses: number;
  /** Actions added to the improvement tracker (from responses and reviews). */
  readonly actions: number;
  /** Another execution held the lock past the wait: nothing was done, the next run picks it up. */
  readonly busy: boolean;
}

/** How long a form-submit execution waits for another to finish (Apps Script allows up to 6 minutes). */
export const LOCK_WAIT_MS = 30000;

const text = (s: string): WriteCell => (s ? { text: s } : null);

/** The reviews of the scorecard's reviews source (stars and a reply column needed), or none. */
function reviewRows(wb: WorkbookPort): ReviewRow[] {
  let ref;
  try {
    ref = parseDefinition(JSON.parse(wb.getSetting(DEFINITION_KEY) ?? 'null')).sources.reviews;
  } catch {
    return [];
  }
  const grid = ref && ref.columns.stars && ref.columns.responded ? wb.sheet(ref.sheet)?.readValues() : null;
  if (!ref || !grid) return [];
  let t;
  try {
    t = findTable(grid);
  } catch {
    return [];
  }
  const norm = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();
  const col = (role: 'date' | 'stars' | 'responded' | 'customer' | 'comment') => {
    const h = ref.columns[role];
    const i = h ? t.headers.findIndex((x) => norm(x) === norm(h)) : -1;
    return i < 0 ? -1 : t.firstCol + i;
  };
  const [d, s, r, c, m] = (['date', 'stars', 'responded', 'customer', 'comment'] as const).map(col);
  if (s < 0 || r < 0) return [];
  return t.dataRows.map((i) => {
    const at = (j: number): Cell => (j < 0 ? '' : grid[i][j]);
    return { date: at(d), stars: at(s), responded: at(r), customer: at(c), comment: at(m) };
  });
}

/** The survey's responses not yet in the feedback table, sheet by sheet (a renamed response sheet is found again). */
function pendingAnswers(ctx: AutomationContext, record: SurveyRecord, done: ReadonlySet<string>): SurveyAnswer[] {
  const { wb, auto } = ctx;
  const names = wb.sheetNames();
  const out: SurveyAnswer[] = [];
  for (let f of record.forms) {
    if (!names.includes(f.responseSheet)) {
      const now = auto.forms.responseSheet(f.id);
      if (!now) continue;
      writeForm(auto.props, (f = { ...f, responseSheet: now }));
      wb.setSheetTag(now, FORM_RESPONSES_TAG);
    }
    const grid = wb.sheet(f.responseSheet)?.readValues();
    if (grid) for (const a of readAnswers(grid, f.columns, f.id, f.role)) if (!done.has(a.key)) out.push(a);
  }
  return out;
}

/**
 * Brings the feedback table and the improvement tracker up to date: every survey response not yet in
 * the feedback table is normalised into it, and every unhappy signal (from responses and from low-star
 * reviews without a reply) that has no action yet becomes one. Runs under the document lock, so two
 * executions never interleave; it reads what is done from the sheets themselves (the Key columns), so it
 * is idempotent and a response missed by one run is picked up by the next. Actions are written before the
 * responses that record them as done: a run cut short between the two repeats no action.
 */
export function syncFeedback(ctx: AutomationContext): SyncResult {
  const { wb, auto } = ctx;
  if (!auto.lock.tryLock(LOCK_WAIT_MS)) {
    logError(auto, 'Another Leadlag run kept the spreadsheet busy; new responses will be picked up by the next run.');
    return { responses: 0, actions: 0, busy: true };
  }
  try {
    const record = readRecord(auto.props);
    const tracker = ensureOwn(wb, TRACKER);
    const actionGrid = tracker.sheet.readValues();
    const haveAction = new Set(actionGrid.slice(1).map((r) => String(r[TRACKER_COL.key - 1] ?? '')));
    let answers: SurveyAnswer[] = [];
    let feedback = null;
    let feedbackRows = 0;
    if (record) {
      feedback = ensureOwn(wb, RESPONSES);
      const grid = feedback.sheet.readValues();
      feedbackRows = grid.length;
      answers = pendingAnswers(ctx, record, new Set(grid.slice(1).map((r) => String(r[RESPONSE_HEADERS.length - 1] ?? ''))));
    }
    const fresh: NewAction[] = [];
    for (const a of [...answers.flatMap(responseActions), ...reviewActions(reviewRows(wb))]) {
      if (!haveAction.has(a.key)) fresh.push(a);
      haveAction.add(a.key);
    }
    if (fresh.length) {
      let id = actionGrid.slice(1).reduce((m, r) => Math.max(m, Number(r[0]) || 0), 0);
      const today = auto.today();
      const opened = isoDay(today);
      const due = isoDay(today + (record?.dueDays ?? 7));
      const owner = text(record?.owner ?? '');
      tracker.sheet.writeBlock(
        actionGrid.length + 1,
        1,
        fresh.map((a) => [
          ++id,
          opened,
          { text: a.source },
          text(a.customer),
          text(a.wrong),
          { text: a.measure },
          owner,
          null,
          due,
          'open',
          null,
          null,
          { text: a.key },
        ]),
      );
    }
    if (feedback && answers.length) {
      feedback.sheet.writeBlock(
        Math.max(feedbackRows, 1) + 1,
        1,
        answers.map((a) => [
          a.at instanceof Date || typeof a.at === 'number' ? a.at : text(String(a.at ?? '')),
          text(a.customer),
          text(a.role),
          a.referral,
          a.comparison ? COMPARISON_CHOICES[['better', 'same', 'worse'].indexOf(a.comparison)] : null,
          a.csat,
          text(a.satisfies),
          text(a.dissatisfies),
          text(a.hoped),
          text(a.roleAnswer),
          { text: a.key },
        ]),
      );
    }
    if (record) {
      try {
        refreshMailbox(ctx);
      } catch (e) {
        logError(auto, `Could not prepare the weekly mail: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    return { responses: answers.length, actions: fresh.length, busy: false };
  } catch (e) {
    logError(auto, `Could not handle new responses: ${e instanceof Error ? e.message : String(e)}`);
    throw e;
  } finally {
    auto.lock.release();
  }
}
