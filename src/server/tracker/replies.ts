import { type Cell, dateCellText, isBlank } from '../../core/values/cell';
import { readDay } from '../../core/values/date';
import { isoDay } from '../../core/time/days';
import { readStatus } from '../../core/measures/improvementSummary';
import { REPLY_BODY_MAX, REPLY_SUBJECT_MAX, replyDraft, replyHtml } from '../../core/tracker/reply';
import type { ActionList, ActionView, ReplyDraft } from '../../rpc/contract';
import { UserError } from '../handlers';
import { type WriteCell, fitCell } from '../ports/workbook';
import type { PropertiesPort } from '../ports/properties';
import { type AutomationContext, readRecord } from '../survey/automation';
import { RESPONSES, TRACKER, type TrackerColumn, openTracker, readOwn } from './sheets';
import { RESULT_HEADERS } from '../../core/results/actionResults';
import { resultsColumn } from './resultsColumn';
import { RESULT_WINDOW_KEY, ensureResults, resultWindow } from './results';
import type { ResultWindowChoice } from '../../core/results/window';
import { refreshMailbox } from './mailbox';

/**
 * Closing actions and telling the customer what changed, from the sidebar. An action is found by its Key (or
 * "#ID" for one typed in by hand), never by its row, so a sorted tracker is no problem. A reply is possible
 * for a done action whose customer left an address (the survey's optional "May we contact you?") and that
 * has a note to the customer; it is drafted here, reviewed and sent by the owner, recorded on the action
 * (Reply sent) and in the document's properties, so that it is never sent twice, even when the column goes.
 */

/** How long a sidebar call waits for a run that holds the spreadsheet (processing responses). */
const LOCK_WAIT_MS = 10000;
/** The replies sent, newest last, as the guard against sending twice: a property holds 9 KB. */
export const REPLIES_KEY = 'leadlag.replies';
const REPLIES_KEPT = 120;
/** Most open actions the sidebar lists (soonest due first); the rest are counted. */
export const LIST_MAX = 40;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const text = (c: Cell) => (isBlank(c) ? '' : c instanceof Date ? dateCellText(c) : String(c).trim());

interface Tracker {
  readonly t: NonNullable<ReturnType<typeof readOwn<TrackerColumn>>>;
  readonly get: (row: readonly Cell[], id: TrackerColumn) => Cell;
}

function tracker(ctx: AutomationContext): Tracker {
  const t = readOwn(ctx.wb, TRACKER);
  if (!t) throw new UserError('There is no improvement tracker yet: set up a customer survey first.');
  return { t, get: (row, id) => (t.cols.at.has(id) ? row[t.cols.at.get(id)!] : '') };
}

/** The sent replies kept in the document's properties, by action. */
export function sentReplies(props: PropertiesPort): { ref: string; at: string; to: string }[] {
  try {
    const v = JSON.parse(props.get(REPLIES_KEY) ?? '[]') as unknown;
    return Array.isArray(v) ? (v as { ref: string; at: string; to: string }[]) : [];
  } catch {
    return [];
  }
}

const refOf = (key: Cell, id: Cell) => (text(key) ? text(key) : text(id) ? `#${text(id)}` : '');

function view(ctx: AutomationContext, tr: Tracker, row: readonly Cell[], sent: ReturnType<typeof sentReplies>): ActionView {
  const { get } = tr;
  const ref = refOf(get(row, 'key'), get(row, 'id'));
  const status = readStatus(text(get(row, 'status')) || 'open') ?? 'open';
  const day = (id: TrackerColumn) => {
    const d = readDay(get(row, id), ctx.auto.dates);
    return typeof d === 'number' ? isoDay(d) : text(get(row, id));
  };
  const replied =
    text(get(row, 'replied')) ||
    (() => {
      const s = sent.find((x) => x.ref === ref);
      return s ? `${s.at} to ${s.to}` : '';
    })();
  const contact = text(get(row, 'contact'));
  const note = text(get(row, 'note'));
  const due = readDay(get(row, 'due'), ctx.auto.dates);
  const results = resultsColumn(tr.t.sheet, tr.t.grid, tr.t.cols);
  const result = results === null ? '' : text(row[results - 1 + RESULT_HEADERS.indexOf('Measured result')]);
  return {
    ref,
    id: text(get(row, 'id')),
    customer: text(get(row, 'customer')).slice(0, 200),
    wrong: text(get(row, 'wrong')).slice(0, 600),
    measure: text(get(row, 'measure')),
    owner: text(get(row, 'owner')),
    due: day('due'),
    overdue: (status === 'open' || status === 'in progress') && typeof due === 'number' && due < ctx.auto.today(),
    status,
    closed: day('closed'),
    note: note.slice(0, 2000),
    contact: EMAIL.test(contact) ? contact : '',
    replied,
    result: result.slice(0, 600),
    canReply: status === 'done' && EMAIL.test(contact) && !replied,
  };
}

/** The actions the sidebar lists: open ones (soonest due first) to close, done ones whose customer still waits for a reply. */
export function listActions(ctx: AutomationContext): ActionList {
  const tr = tracker(ctx);
  const sent = sentReplies(ctx.auto.props);
  const all = tr.t.grid
    .slice(1)
    .filter((r) => r.some((c) => !isBlank(c)))
    .map((r) => view(ctx, tr, r, sent))
    .filter((a) => a.ref);
  const open = all
    .filter((a) => a.status === 'open' || a.status === 'in progress')
    .sort((a, b) => (a.due || '9').localeCompare(b.due || '9'));
  return {
    sheet: tr.t.name,
    open: open.slice(0, LIST_MAX),
    openMore: Math.max(0, open.length - LIST_MAX),
    replies: all.filter((a) => a.canReply),
    window: (({ choice, words, period }) => ({ choice, words, period }))(resultWindow(ctx.wb)),
  };
}

/**
 * How long the windows before and after each action are, for every action of the tracker: kept in the
 * document's settings and written into the tracker's results formula now (its results change with it).
 */
export function chooseResultWindow(ctx: AutomationContext, choice: ResultWindowChoice): ActionList {
  tracker(ctx);
  locked(ctx, () => {
    ctx.wb.setSetting(RESULT_WINDOW_KEY, choice);
    const state = ensureResults(ctx.wb, openTracker(ctx.wb), readOwn(ctx.wb, RESPONSES));
    if (state.problem) throw new UserError(`The length is kept, but the measured results are not on the tracker: ${state.problem}`);
  });
  return listActions(ctx);
}

/** The row of an action, found by its key or "#ID" now (rows may have been sorted since the sidebar listed it). */
function find(tr: Tracker, ref: string): { index: number; row: readonly Cell[] } {
  const byKey = !ref.startsWith('#');
  const index = tr.t.grid.findIndex(
    (r, i) => i > 0 && (byKey ? text(tr.get(r, 'key')) === ref : !text(tr.get(r, 'key')) && `#${text(tr.get(r, 'id'))}` === ref),
  );
  if (index < 0)
    throw new UserError('That action is not on the tracker any more (it was deleted, or its Key was changed). Reload the list.');
  return { index, row: tr.t.grid[index] };
}

/** Runs fn holding the document lock (the form-submit trigger may be writing the tracker). */
function locked<T>(ctx: AutomationContext, fn: () => T): T {
  const got = ctx.auto.lock.acquire(LOCK_WAIT_MS);
  if (got !== 'locked')
    throw new UserError(
      got === 'busy'
        ? 'Leadlag is processing responses in this spreadsheet right now. Wait a moment, then try again.'
        : 'Apps Script gave Leadlag no lock on this spreadsheet, so it changed nothing. Reload the spreadsheet and try again.',
    );
  try {
    const out = fn();
    try {
      refreshMailbox(ctx); // the weekly digest counts what is open and the replies still owed
    } catch {
      // The next run with the spreadsheet prepares it.
    }
    return out;
  } finally {
    ctx.auto.lock.release();
  }
}

function write(tr: Tracker, index: number, cells: Partial<Record<TrackerColumn, WriteCell>>): void {
  for (const [id, cell] of Object.entries(cells) as [TrackerColumn, WriteCell][]) {
    const j = tr.t.cols.at.get(id);
    if (j === undefined)
      throw new UserError(
        `The tracker has no "${TRACKER.columns.find((c) => c.id === id)!.header}" column: add it back (any position), then try again.`,
      );
    tr.t.sheet.writeBlock(index + 1, j + 1, [[cell]]);
  }
}

/** Closes an action: status done, closed today, with the note to the customer (what was changed). */
export function closeAction(ctx: AutomationContext, ref: string, note: string): ActionView {
  const what = note.trim();
  if (!what) throw new UserError('Say what was changed: it is what the customer reads, and what the next person on the action reads.');
  if (what.length > REPLY_BODY_MAX) throw new UserError(`Keep the note under ${REPLY_BODY_MAX.toLocaleString('en-US')} characters.`);
  return locked(ctx, () => {
    const tr = tracker(ctx);
    const { index, row } = find(tr, ref);
    const status = readStatus(text(tr.get(row, 'status')) || 'open');
    if (status === 'dropped') throw new UserError('That action was dropped. Set its status to open on the tracker to work on it again.');
    const closed = readDay(tr.get(row, 'closed'), ctx.auto.dates);
    // An action closed before keeps its day; the note is the owner's latest words.
    write(tr, index, {
      status: 'done',
      ...(typeof closed === 'number' && status === 'done' ? {} : { closed: isoDay(ctx.auto.today()) }),
      note: { text: fitCell(what) },
    });
    const again = tracker(ctx);
    return view(ctx, again, find(again, ref).row, sentReplies(ctx.auto.props));
  });
}

/** The customer's own words and the day they said them: from their response on the Survey responses sheet, else the action's "Said:". */
function theirWords(ctx: AutomationContext, key: string, wrong: string): { said: string; on: string | null; role: string } {
  const r = readOwn(ctx.wb, RESPONSES);
  if (r && key) {
    const at = (id: 'key' | 'dissatisfies' | 'at' | 'role') => r.cols.at.get(id);
    const k = at('key');
    const row = k === undefined ? undefined : r.grid.find((x, i) => i > 0 && text(x[k]) === key);
    if (row) {
      const cell = (id: 'dissatisfies' | 'at' | 'role') => (at(id) === undefined ? '' : row[at(id)!]);
      const day = readDay(cell('at'), ctx.auto.dates);
      const said = text(cell('dissatisfies'));
      return {
        said: /^(no|nothing|none|n\/?a|-+)$/i.test(said) ? '' : said,
        on: typeof day === 'number' ? isoDay(day) : null,
        role: text(cell('role')),
      };
    }
  }
  const m = /Said: "([\s\S]*)"$/.exec(wrong);
  return { said: m ? m[1] : '', on: null, role: '' };
}

/** The customer's own link to the survey's latest form (their role's, or the one that asks it), or null. */
function surveyLink(ctx: AutomationContext, customer: string, role: string): string | null {
  const record = readRecord(ctx.auto.props);
  if (!record) return null;
  const latest = record.forms.filter((f) => f.run === record.run);
  const form =
    latest.find((f) => f.role !== null && role && f.role.toLowerCase() === role.toLowerCase()) ??
    latest.find((f) => f.role === null) ??
    latest[0];
  if (!form) return null;
  try {
    const fill = { ...(customer ? { customer } : {}), ...(form.role === null && role ? { role } : {}) };
    return ctx.auto.forms.prefilled(form.id, [fill], form.columns)[0] ?? form.publishedUrl;
  } catch {
    return form.publishedUrl || null;
  }
}

function replyable(a: ActionView): void {
  if (a.status !== 'done')
    throw new UserError('Close the action first (with a note of what was changed): the reply tells the customer what changed.');
  if (!a.contact) throw new UserError('The customer left no e-mail address to hear back, so there is no one to reply to.');
  if (a.replied) throw new UserError(`A reply was sent already (${a.replied}). Nothing was sent again.`);
  if (!a.note) throw new UserError('Write the note to the customer first (what was changed): the reply is made of it.');
}

/** The reply the owner reviews: to whom, the subject and the plain text, and the link it invites them back with. */
export function draftReply(ctx: AutomationContext, ref: string): ReplyDraft {
  const tr = tracker(ctx);
  const { row } = find(tr, ref);
  const a = view(ctx, tr, row, sentReplies(ctx.auto.props));
  replyable(a);
  const key = text(tr.get(row, 'key'));
  const words = theirWords(ctx, key, text(tr.get(row, 'wrong')));
  const link = surveyLink(ctx, a.customer, words.role);
  const d = replyDraft({ said: words.said, on: words.on, changed: a.note, link });
  return { ref, to: a.contact, customer: a.customer, subject: d.subject, body: d.body, link, said: words.said.slice(0, 600) };
}

/**
 * Sends the reply as the owner reviewed it (plain text, and HTML made from it with every character of it
 * escaped), then records it on the action and in the document's properties. Never sends twice.
 */
export function sendReply(
  ctx: AutomationContext,
  ref: string,
  subject: string,
  body: string,
): { action: ActionView; to: string; at: string } {
  const s = subject.replace(/\s+/g, ' ').trim();
  const b = body.replace(/\r\n?/g, '\n').trim();
  if (!s) throw new UserError('Give the reply a subject.');
  if (!b) throw new UserError('The reply is empty: write what changed.');
  if (s.length > REPLY_SUBJECT_MAX) throw new UserError(`Keep the subject under ${REPLY_SUBJECT_MAX} characters.`);
  if (b.length > REPLY_BODY_MAX) throw new UserError(`Keep the reply under ${REPLY_BODY_MAX.toLocaleString('en-US')} characters.`);
  return locked(ctx, () => {
    const tr = tracker(ctx);
    const { index, row } = find(tr, ref);
    const sent = sentReplies(ctx.auto.props);
    const a = view(ctx, tr, row, sent);
    replyable(a);
    // The one address that may become a link in the HTML: the customer's own survey link, made here again.
    const link = surveyLink(ctx, a.customer, theirWords(ctx, text(tr.get(row, 'key')), '').role);
    try {
      ctx.auto.mail.send(a.contact, s, b, { htmlBody: replyHtml(b, link ? [link] : []), senderName: null });
    } catch (e) {
      throw new UserError(
        `The reply was not sent: ${e instanceof Error ? e.message : String(e)}. Try again later (Google limits how many mails a day an account sends).`,
      );
    }
    const at = ctx.auto.stamp();
    const problems: string[] = [];
    try {
      ctx.auto.props.set(REPLIES_KEY, JSON.stringify([...sent, { ref, at, to: a.contact }].slice(-REPLIES_KEPT)));
    } catch (e) {
      problems.push(e instanceof Error ? e.message : String(e));
    }
    try {
      write(tr, index, { replied: { text: `${at} to ${a.contact}` } });
    } catch (e) {
      problems.push(e instanceof Error ? e.message : String(e));
    }
    if (problems.length)
      throw new UserError(
        `The reply was sent to ${a.contact}, but Leadlag could not record it on the action (${problems.join('; ')}). Write "${at}" in its Reply sent column so it is not sent again.`,
      );
    const again = tracker(ctx);
    return { action: view(ctx, again, find(again, ref).row, sentReplies(ctx.auto.props)), to: a.contact, at };
  });
}
