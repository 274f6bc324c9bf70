import { type Cell, isBlank } from '../../core/values/cell';
import { daysFromCivil, isoDay } from '../../core/time/days';
import { findTable } from '../../core/tables/findTable';
import { COMPARISON_CHOICES } from '../../core/survey/texts';
import type { QuestionId } from '../../core/survey/forms';
import { type SurveyAnswer, readAnswers } from '../../core/survey/normalise';
import {
  LEGACY_SUFFIXES,
  type NewAction,
  type ReviewAction,
  type ReviewRow,
  responseAction,
  reviewActions,
} from '../../core/tracker/actions';
import { type SheetPort, type WorkbookPort, type WriteCell, fitCell } from '../ports/workbook';
import { parseDefinition } from '../../core/scorecard/definition';
import { DEFINITION_KEY } from '../scorecard/build';
import {
  type AutomationContext,
  FORM_RESPONSES_TAG,
  type FailedEntry,
  type StoredForm,
  type SurveyRecord,
  logError,
  loopSince,
  readFailed,
  readRecord,
  updateSettings,
  writeFailed,
  writeForm,
} from '../survey/automation';
import { type OpenSheet, RESPONSES, type ResponseColumn, TRACKER, type TrackerColumn, openOwn } from './sheets';
import { rowFor } from './columns';
import { refreshMailbox } from './mailbox';

export interface SyncResult {
  /** Survey responses added to the feedback table. */
  readonly responses: number;
  /** Actions added to the improvement tracker (from responses and reviews). */
  readonly actions: number;
  /** Responses or reviews that could not be written this run: recorded with why, and skipped until Retry. */
  readonly failed: number;
  /** Nothing was done: the document lock was not there or not free; the next run picks everything up. */
  readonly busy: boolean;
  /** Why nothing was done, in words (null when it ran). */
  readonly why: string | null;
}

/** How long a form-submit execution waits for another to finish (Apps Script allows up to 6 minutes). */
export const LOCK_WAIT_MS = 30000;

/** Runs in a row a response may fail with every other write before it is skipped (a failure of its own skips it at once). */
export const MAX_ATTEMPTS = 3;

export const BUSY_MESSAGE = 'Another Leadlag run kept the spreadsheet busy; new responses will be picked up by the next run.';
export const NO_LOCK_MESSAGE =
  'Apps Script gave Leadlag no lock on this spreadsheet, so it processed nothing rather than risk doing it twice. The responses wait in their forms’ sheets; the next run picks them up.';

const text = (s: string): WriteCell => (s ? { text: fitCell(s) } : null);
const why = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** The reviews of the scorecard's reviews source (stars and a reply column needed), and its sheet; none without one. */
function reviewRows(wb: WorkbookPort): { sheet: string; rows: ReviewRow[] } {
  const none = { sheet: '', rows: [] };
  let ref;
  try {
    ref = parseDefinition(JSON.parse(wb.getSetting(DEFINITION_KEY) ?? 'null')).sources.reviews;
  } catch {
    return none;
  }
  const grid = ref && ref.columns.stars && ref.columns.responded ? wb.sheet(ref.sheet)?.readValues() : null;
  if (!ref || !grid) return none;
  let t;
  try {
    t = findTable(grid);
  } catch {
    return none;
  }
  const norm = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();
  const col = (role: 'date' | 'stars' | 'responded' | 'customer' | 'comment') => {
    const h = ref.columns[role];
    const i = h ? t.headers.findIndex((x) => norm(x) === norm(h)) : -1;
    return i < 0 ? -1 : t.firstCol + i;
  };
  const [d, s, r, c, m] = (['date', 'stars', 'responded', 'customer', 'comment'] as const).map(col);
  if (s < 0 || r < 0) return none;
  const rows = t.dataRows.map((i) => {
    const at = (j: number): Cell => (j < 0 ? '' : grid[i][j]);
    return { date: at(d), stars: at(s), responded: at(r), customer: at(c), comment: at(m) };
  });
  return { sheet: ref.sheet, rows };
}

/** One response as read, with its form. */
interface Read extends SurveyAnswer {
  readonly form: StoredForm;
  readonly sheet: string;
  readonly asked: ReadonlySet<QuestionId>;
}

/** Every response of every form of the survey, sheet by sheet (a renamed or late-found response sheet is found again). */
function readAll(ctx: AutomationContext, record: SurveyRecord): Read[] {
  const { wb, auto } = ctx;
  const names = wb.sheetNames();
  const out: Read[] = [];
  for (let f of record.forms) {
    if (!f.responseSheet || !names.includes(f.responseSheet)) {
      const now = auto.forms.responseSheet(f.id);
      if (!now) continue; // the status panel says so (run.ts formProblems)
      writeForm(auto.props, (f = { ...f, responseSheet: now }));
      wb.setSheetTag(now, FORM_RESPONSES_TAG);
    }
    const grid = wb.sheet(f.responseSheet)?.readValues();
    if (!grid) continue;
    const asked = new Set(Object.values(f.columns));
    for (const a of readAnswers(grid, f.columns, f.id, f.role)) out.push({ ...a, form: f, sheet: f.responseSheet, asked });
  }
  return out;
}

/** The key column's cells of an open sheet, and its rows that have content but no key (a deleted or emptied Key column). */
function keysOf<Id extends string>(open: OpenSheet<Id>, keyId: Id): { keys: Set<string>; keyless: number[] } {
  const j = open.cols.at.get(keyId)!;
  const keys = new Set<string>();
  const keyless: number[] = [];
  open.grid.forEach((r, i) => {
    if (!i) return;
    const k = r[j];
    if (!isBlank(k)) keys.add(String(k));
    else if (r.some((c, x) => x !== j && !isBlank(c))) keyless.push(i);
  });
  return { keys, keyless };
}

interface Item {
  readonly key: string;
  readonly cells: WriteCell[];
  readonly fail: Omit<FailedEntry, 'reason' | 'at' | 'attempts' | 'skip' | 'stage'>;
}

/**
 * Appends rows in one write; when that fails, one row at a time, so that a row Sheets refuses is found and
 * the rows after it are written. When no row can be written the failure is the run's, not a row's: it is
 * thrown (and counted against each row, see MAX_ATTEMPTS).
 */
function appendRows(
  sheet: SheetPort,
  firstRow: number,
  items: readonly Item[],
): { written: number; refused: { item: Item; reason: string }[] } {
  if (!items.length) return { written: 0, refused: [] };
  try {
    sheet.writeBlock(
      firstRow,
      1,
      items.map((i) => i.cells),
    );
    return { written: items.length, refused: [] };
  } catch (whole) {
    if (items.length === 1) throw whole;
    let row = firstRow;
    const refused: { item: Item; reason: string }[] = [];
    for (const item of items) {
      try {
        sheet.writeBlock(row, 1, [item.cells]);
        row++;
      } catch (e) {
        refused.push({ item, reason: why(e) });
      }
    }
    if (refused.length === items.length) throw whole;
    return { written: row - firstRow, refused };
  }
}

/** Runs one write of a stage, recording what it could not write; every later stage still runs. */
class Failures {
  readonly list: FailedEntry[];
  added = 0;
  constructor(
    private readonly ctx: AutomationContext,
    failed: FailedEntry[],
  ) {
    this.list = failed;
  }
  skipped(key: string, stage: FailedEntry['stage']): boolean {
    return this.list.some((f) => f.key === key && f.stage === stage && f.skip);
  }
  append(sheet: SheetPort, firstRow: number, stage: FailedEntry['stage'], items: readonly Item[]): number {
    const at = this.ctx.auto.stamp();
    try {
      const { written, refused } = appendRows(sheet, firstRow, items);
      for (const { item, reason } of refused) this.put({ ...item.fail, key: item.key, stage, reason, at, attempts: 1, skip: true });
      // What was written is no longer failed.
      const done = new Set(items.map((i) => i.key));
      for (const { item } of refused) done.delete(item.key);
      this.drop(done, stage);
      return written;
    } catch (e) {
      for (const item of items) {
        const old = this.list.find((f) => f.key === item.key && f.stage === stage);
        const attempts = (old?.attempts ?? 0) + 1;
        this.put({ ...item.fail, key: item.key, stage, reason: why(e), at, attempts, skip: attempts >= MAX_ATTEMPTS });
      }
      throw e;
    }
  }
  private put(f: FailedEntry): void {
    const i = this.list.findIndex((x) => x.key === f.key && x.stage === f.stage);
    const was = i >= 0 && this.list[i].skip;
    if (i >= 0) this.list[i] = f;
    else this.list.push(f);
    if (f.skip && !was) this.added++;
  }
  private drop(keys: ReadonlySet<string>, stage: FailedEntry['stage']): void {
    for (let i = this.list.length - 1; i >= 0; i--) if (keys.has(this.list[i].key) && this.list[i].stage === stage) this.list.splice(i, 1);
  }
}

const dayOfIso = (iso: string) => daysFromCivil(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));

/** Which reviews are the loop's: from the day it was set up, and the older ones only when the manager chose so. */
function reviewsOfLoop(record: SurveyRecord, reviews: readonly ReviewAction[]): { mine: ReviewAction[]; older: ReviewAction[] } {
  const since = dayOfIso(loopSince(record));
  const added = (record.oldReviews ?? 'declined') === 'added';
  const mine: ReviewAction[] = [];
  const older: ReviewAction[] = [];
  for (const r of reviews) {
    if ((r.day !== null && r.day >= since) || added) mine.push(r);
    else older.push(r);
  }
  return { mine, older };
}

/**
 * Brings the feedback table and the improvement tracker up to date, from the sheets themselves on every
 * run (the form-submit trigger, "Process responses now", a weekly run with the document): every survey
 * response of the forms' sheets not yet in the feedback table is normalised into it, and every unhappy
 * response and every low-star review of the loop without a reply that has no action on the tracker gets
 * one, deleted rows included (a deleted action comes back while its signal is there; "dropped" dismisses
 * it). Runs only holding the document lock, so two executions never interleave; without it nothing is
 * done and the reason is recorded. Columns are found by tag and header, keys compared whatever the order
 * of the rows. Actions are written before the responses that record them as done: a run cut short between
 * the two repeats no action. A row Sheets refuses is recorded as failed and skipped; the others go in.
 */
export function syncFeedback(ctx: AutomationContext): SyncResult {
  const { auto } = ctx;
  const got = auto.lock.acquire(LOCK_WAIT_MS);
  if (got !== 'locked') {
    const reason = got === 'busy' ? BUSY_MESSAGE : NO_LOCK_MESSAGE;
    logError(auto, reason);
    return { responses: 0, actions: 0, failed: 0, busy: true, why: reason };
  }
  try {
    return reconcile(ctx);
  } catch (e) {
    logError(auto, `Could not handle new responses: ${why(e)}`);
    throw e;
  } finally {
    auto.lock.release();
  }
}

function reconcile(ctx: AutomationContext): SyncResult {
  const { wb, auto } = ctx;
  const record = readRecord(auto.props);
  if (!record) return { responses: 0, actions: 0, failed: 0, busy: false, why: null };
  const failures = new Failures(ctx, readFailed(auto.props));
  try {
    const tracker = openOwn(wb, TRACKER);
    const feedback = openOwn(wb, RESPONSES);
    const acted = keysOf(tracker, 'key');
    const done = keysOf(feedback, 'key');
    const answers = readAll(ctx, record);
    const hasAction = (key: string) => acted.keys.has(key) || LEGACY_SUFFIXES.some((s) => acted.keys.has(key + s));

    // The actions the signals call for, and the ones the tracker lacks.
    const calls: { action: NewAction; from: Item['fail'] }[] = [];
    for (const a of answers) {
      const action = responseAction(a, a.asked);
      if (action) calls.push({ action, from: { key: a.key, form: a.form.title, sheet: a.sheet, row: a.row, customer: a.customer } });
    }
    const reviews = reviewRows(wb);
    const { mine, older } = reviewsOfLoop(record, reviewActions(reviews.rows, auto.dates));
    for (const r of mine)
      calls.push({ action: r, from: { key: r.key, form: 'Reviews', sheet: reviews.sheet, row: 0, customer: r.customer } });
    const oldCount = older.filter((r) => !hasAction(r.key)).length;
    if ((record.oldReviews ?? 'declined') === 'ask' && record.oldReviewCount !== oldCount)
      updateSettings(auto.props, { oldReviewCount: oldCount });

    const seen = new Set<string>();
    const fresh = calls.filter(({ action }) => {
      if (hasAction(action.key) || seen.has(action.key) || failures.skipped(action.key, 'action')) return false;
      seen.add(action.key);
      return true;
    });
    const restored = restoreKeys(tracker, acted.keyless, fresh, (a) => [a.source, a.customer, a.wrong], ['source', 'customer', 'wrong']);
    const toAdd = fresh.filter((c) => !restored.has(c.action.key));

    let added = 0;
    if (toAdd.length) {
      const idCol = tracker.cols.at.get('id');
      let id = idCol === undefined ? 0 : tracker.grid.slice(1).reduce((m, r) => Math.max(m, Number(r[idCol]) || 0), 0);
      const today = auto.today();
      const opened = isoDay(today);
      const due = isoDay(today + record.dueDays);
      const owner = text(record.owner);
      const items: Item[] = toAdd.map(({ action: a, from }) => ({
        key: a.key,
        fail: from,
        cells: rowFor<TrackerColumn>(tracker.cols, {
          id: ++id,
          opened,
          source: { text: a.source },
          customer: text(a.customer),
          contact: text(a.contact),
          wrong: text(a.wrong),
          measure: { text: a.measure },
          owner,
          due,
          status: 'open',
          key: { text: a.key },
        }),
      }));
      // When nothing can go on the tracker this throws: the responses wait too, so that their actions come first next run.
      added = failures.append(tracker.sheet, tracker.grid.length + 1, 'action', items);
    }

    const pending = answers.filter((a) => !done.keys.has(a.key) && !failures.skipped(a.key, 'response'));
    const refilled = restoreKeys(
      feedback,
      done.keyless,
      pending.map((a) => ({ action: a })),
      (a) => [stamp(a.at), a.customer, a.role],
      ['at', 'customer', 'role'],
    );
    const rows: Item[] = pending
      .filter((a) => !refilled.has(a.key))
      .map((a) => ({
        key: a.key,
        fail: { key: a.key, form: a.form.title, sheet: a.sheet, row: a.row, customer: a.customer },
        cells: rowFor<ResponseColumn>(feedback.cols, {
          at: a.at instanceof Date || typeof a.at === 'number' ? a.at : text(String(a.at ?? '')),
          customer: text(a.customer),
          role: text(a.role),
          referral: a.referral,
          comparison: a.comparison ? { text: COMPARISON_CHOICES[['better', 'same', 'worse'].indexOf(a.comparison)] } : null,
          csat: a.csat,
          satisfies: text(a.satisfies),
          dissatisfies: text(a.dissatisfies),
          hoped: text(a.hoped),
          roleAnswer: text(a.roleAnswer),
          contact: text(a.contact),
          key: { text: a.key },
        }),
      }));
    const responses = failures.append(feedback.sheet, feedback.grid.length + 1, 'response', rows);
    try {
      refreshMailbox(ctx);
    } catch (e) {
      logError(auto, `Could not prepare the weekly mail: ${why(e)}`);
    }
    return { responses, actions: added, failed: failures.added, busy: false, why: null };
  } finally {
    writeFailed(auto.props, failures.list);
  }
}

/** A Timestamp cell as comparable text (a Date by its instant). */
const stamp = (c: Cell): string => (c instanceof Date ? `@${c.getTime()}` : isBlank(c) ? '' : String(c).trim());

/**
 * Rows that lost their key (the Key column deleted, emptied, or made again) get it back when exactly one
 * of the items still to write matches them on every `by` column: what the add-on itself wrote there, so
 * the match is a fact, not a guess. Returns the keys given back; unmatched rows stay as they are.
 */
function restoreKeys<Id extends string, T extends { key: string }>(
  open: OpenSheet<Id>,
  keyless: readonly number[],
  items: readonly { action: T }[],
  of: (t: T) => string[],
  by: readonly Id[],
): Set<string> {
  const back = new Set<string>();
  if (!keyless.length || !items.length) return back;
  const cols = by.map((id) => open.cols.at.get(id));
  if (cols.some((c) => c === undefined)) return back;
  const want = new Map<string, T[]>();
  for (const { action } of items) {
    const k = JSON.stringify(of(action).map((v) => fitCell(v)));
    want.set(k, [...(want.get(k) ?? []), action]);
  }
  const j = open.cols.at.get('key' as Id)!;
  for (const i of keyless) {
    const k = JSON.stringify(cols.map((c) => stamp(open.grid[i][c!])));
    const match = want.get(k);
    if (match?.length !== 1 || back.has(match[0].key)) continue;
    open.sheet.writeBlock(i + 1, j + 1, [[{ text: match[0].key }]]);
    back.add(match[0].key);
  }
  return back;
}
