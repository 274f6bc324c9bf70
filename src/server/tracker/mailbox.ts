import { toColumn } from '../../core/values/column';
import { type DateOptions, readDayColumn } from '../../core/values/date';
import { isoDay } from '../../core/time/days';
import { parsePeriod, periodLabel, periodOfDay } from '../../core/time/periods';
import { improvementSummary, readStatus } from '../../core/measures/improvementSummary';
import { type OverdueLine, digestMail, reminderMail } from '../../core/tracker/mail';
import type { Reminder } from '../../core/survey/setup';
import { utf8Bytes, type PropertiesPort } from '../ports/properties';
import type { SheetPort, WorkbookPort } from '../ports/workbook';
import type { LoggedError } from '../../core/survey/automation';
import { type Automation, type AutomationContext, MAILBOX_KEY, readRecord } from '../survey/automation';
import { TRACKER, type TrackerColumn, readOwn } from './sheets';
import { type ScoreSummary, summaryMail } from '../../core/scorecard/summary';
import { readScoreSummary } from '../scorecard/summary';

/**
 * The weekly mails. An add-on's clock trigger runs without a document (opening the spreadsheet by id would
 * need access to all the user's spreadsheets), so every run that has the document (a response, a sidebar
 * call) leaves in the user's properties what the mails need: the "mailbox" of that spreadsheet. The clock
 * reads only mailboxes: one clock per user serves all of that user's spreadsheets.
 */
export interface Mailbox {
  readonly spreadsheet: string;
  readonly url: string;
  readonly owner: string;
  readonly reminder: Reminder;
  /** The month or quarter last surveyed or reminded, e.g. "2026-Q4". */
  readonly reminded: string;
  readonly digest: boolean;
  readonly links: readonly { title: string; url: string }[];
  /** Open or in-progress actions and done ones, as IMPROVEMENT_SUMMARY counts them, when last read. */
  readonly open: number;
  readonly done: number;
  /** Due day numbers of the open actions (for the overdue count on the day of the mail). */
  readonly dueDays: readonly number[];
  /** The first open actions by due date, for the mail. */
  readonly lines: readonly OverdueLine[];
  /** ISO day the tracker was read. */
  readonly asOf: string;
  /** The last mail that could not be sent. */
  readonly error?: LoggedError;
  /** The spreadsheet's time zone (IANA): the clock runs without the spreadsheet, and "today" is its day there. */
  readonly zone?: string;
  /** The weekly scorecard mail is on, and what the Scorecard showed when last read (null: no scorecard). */
  readonly scoreMail?: boolean;
  readonly score?: ScoreSummary | null;
  /** The key accounts at risk in the last scorecard mail: the next one says which are new. */
  readonly scoreKnown?: readonly string[];
}

/** The month or quarter a day falls in, e.g. "2026-11" or "2026-Q4": one reminder each. */
export function reminderLabel(reminder: 'monthly' | 'quarterly', day: number): string {
  const spec = parsePeriod(reminder === 'monthly' ? 'month' : 'quarter');
  return periodLabel(periodOfDay(day, spec), spec);
}

export function readMailbox(props: PropertiesPort, id: string): Mailbox | null {
  try {
    return JSON.parse(props.get(MAILBOX_KEY + id) ?? 'null') as Mailbox | null;
  } catch {
    return null;
  }
}

type Grid = ReturnType<SheetPort['readValues']>;

/** The improvement tracker as it is now (read only), with its columns found by tag and header; null when there is none. */
type Tracker = { grid: Grid; at: (id: TrackerColumn) => number };

function readTracker(wb: WorkbookPort): Tracker | null {
  const t = readOwn(wb, TRACKER);
  return t && { grid: t.grid, at: (id) => t.cols.at.get(id) ?? -1 };
}

/** One tracker column, as IMPROVEMENT_SUMMARY reads it (a column that is gone reads blank). */
const trackerColumn = (t: Tracker, id: TrackerColumn) =>
  toColumn(
    t.grid.map((r) => [t.at(id) < 0 ? '' : r[t.at(id)]]),
    'tracker',
    true,
  );

/** Open (open or in progress), overdue and done actions of a tracker's cells. */
function countsOf(t: Tracker, dates: DateOptions, today: number): { open: number; overdue: number; done: number } {
  if (t.grid.length < 2) return { open: 0, overdue: 0, done: 0 };
  const { open, overdue, done } = improvementSummary(
    trackerColumn(t, 'status'),
    trackerColumn(t, 'due'),
    trackerColumn(t, 'closed'),
    null,
    dates,
    today,
  );
  return { open, overdue, done };
}

/** The tracker's counts now; null without a tracker or with a status it cannot read. */
export function trackerCounts(
  wb: WorkbookPort,
  auto: Pick<Automation, 'dates' | 'today'>,
): { open: number; overdue: number; done: number } | null {
  const t = readTracker(wb);
  try {
    return t && countsOf(t, auto.dates, auto.today());
  } catch {
    return null;
  }
}

/**
 * Writes this spreadsheet's mailbox from the survey and the tracker. `surveyed`: a survey just went out,
 * so the next reminder is due next month or quarter.
 */
export function refreshMailbox(ctx: AutomationContext, surveyed = false): void {
  const { wb, auto } = ctx;
  const record = readRecord(auto.props);
  const doc = auto.doc();
  if (!record) return;
  const today = auto.today();
  const old = readMailbox(auto.userProps, doc.id);
  const now = record.reminder === 'none' ? '' : reminderLabel(record.reminder, today);
  const t = readTracker(wb) ?? { grid: [], at: () => -1 };
  const { open, done } = countsOf(t, auto.dates, today);
  const dueDays: number[] = [];
  let lines: (OverdueLine & { day: number })[] = [];
  if (t.grid.length > 1) {
    const due = readDayColumn(trackerColumn(t, 'due'), auto.dates);
    const cell = (r: Grid[number], id: TrackerColumn) => (t.at(id) < 0 ? '' : String(r[t.at(id)] ?? ''));
    t.grid.forEach((r, i) => {
      const st = readStatus(cell(r, 'status'));
      if (i && (st === 'open' || st === 'in progress') && due[i] === due[i]) {
        dueDays.push(due[i]);
        lines.push({
          id: cell(r, 'id'),
          customer: cell(r, 'customer').slice(0, 40),
          wrong: cell(r, 'wrong').slice(0, 100),
          due: isoDay(due[i]),
          day: due[i],
        });
      }
    });
    lines = lines.sort((a, b) => a.day - b.day).slice(0, 20);
  }
  const box: Mailbox = {
    spreadsheet: ctx.spreadsheet,
    url: doc.url,
    owner: record.owner,
    reminder: record.reminder,
    reminded: surveyed || !old?.reminded ? now : old.reminded,
    digest: record.digest,
    links: record.forms.filter((f) => f.run === record.run).map((f) => ({ title: f.title, url: f.publishedUrl })),
    open,
    done,
    dueDays: dueDays.sort((a, b) => a - b).slice(0, 600),
    lines: lines.map(({ day, ...l }) => l),
    asOf: isoDay(today),
    zone: wb.timeZone(),
    scoreMail: record.scoreMail ?? false,
    score: record.scoreMail ? readScoreSummary(wb) : null,
    scoreKnown: old?.scoreKnown ?? [],
  };
  auto.userProps.set(MAILBOX_KEY + doc.id, fitted(box));
}

/** A property value holds at most 9 KB (PROPERTY_MAX_BYTES); the mailbox keeps under this, with room to spare. */
export const MAILBOX_MAX_BYTES = 8500;

/**
 * The mailbox as JSON within MAILBOX_MAX_BYTES: long names and many actions (or non-Latin text) could
 * pass the limit, and the write would fail. The soonest due dates and overdue lines are kept (they are
 * what the next digests count and list); the totals stay exact.
 */
function fitted(box: Mailbox): string {
  let json = JSON.stringify(box);
  let { dueDays, lines, links, score, scoreKnown = [] } = box;
  const accounts = () => score?.atRisk?.length ?? 0;
  while (utf8Bytes(json) > MAILBOX_MAX_BYTES && (dueDays.length || lines.length || links.length || accounts() || scoreKnown.length)) {
    if (lines.length > 5 || (lines.length && !dueDays.length)) lines = lines.slice(0, Math.floor(lines.length / 2));
    else if (accounts() > 2) score = { ...score!, atRisk: score!.atRisk!.slice(0, Math.floor(accounts() / 2)) };
    else if (dueDays.length) dueDays = dueDays.slice(0, Math.floor(dueDays.length / 2));
    else if (links.length) links = links.slice(0, Math.floor(links.length / 2));
    else if (accounts()) score = { ...score!, atRisk: [] };
    else scoreKnown = [];
    json = JSON.stringify({ ...box, dueDays, lines, links, score, scoreKnown });
  }
  return json;
}

/** What the weekly clock has: the user's properties, mail, today in the script's zone and, where it can, in another. */
export type WeeklyAutomation = Pick<Automation, 'userProps' | 'mail' | 'today'> & { readonly todayIn?: (zone: string) => number };

export interface WeeklyResult {
  readonly reminders: number;
  readonly digests: number;
  /** Weekly scorecard mails sent. */
  readonly scorecards: number;
}

/**
 * The weekly clock: for each of this user's spreadsheets, the reminder to survey again (on the first run of
 * each month or quarter) and, when switched on, the digest of open and overdue actions (only when something
 * is open). A mail that fails is noted in its mailbox (the sidebar shows it); the others still go.
 */
export function sendWeekly(auto: WeeklyAutomation): WeeklyResult {
  const out = { reminders: 0, digests: 0, scorecards: 0 };
  for (const key of auto.userProps.keys()) {
    if (!key.startsWith(MAILBOX_KEY)) continue;
    const box = readMailbox(auto.userProps, key.slice(MAILBOX_KEY.length));
    if (!box || !box.owner) continue;
    // The day in the spreadsheet's zone (the clock itself runs in the script's).
    const today = box.zone && auto.todayIn ? auto.todayIn(box.zone) : auto.today();
    let next: Mailbox = { ...box, error: undefined };
    try {
      if (box.reminder !== 'none' && reminderLabel(box.reminder, today) !== box.reminded) {
        const m = reminderMail(box.spreadsheet, box.links);
        auto.mail.send(box.owner, m.subject, m.body);
        next = { ...next, reminded: reminderLabel(box.reminder, today) };
        out.reminders++;
      }
      if (box.digest && box.open > 0) {
        const overdue = box.dueDays.filter((d) => d < today).length;
        const lines = box.lines.filter((l) => l.due < isoDay(today));
        const m = digestMail(box, { open: box.open, overdue, done: box.done, medianDaysToClose: null }, lines);
        auto.mail.send(box.owner, m.subject, m.body);
        out.digests++;
      }
      if (box.scoreMail && box.score) {
        const overdue = box.dueDays.filter((d) => d < today).length;
        const m = summaryMail(box.score, {
          spreadsheet: box.spreadsheet,
          url: box.url,
          overdue: box.lines.filter((l) => l.due < isoDay(today)).slice(0, 10),
          overdueCount: overdue,
          known: box.scoreKnown ?? [],
          readOn: box.asOf,
        });
        auto.mail.send(box.owner, m.subject, m.body, { htmlBody: m.htmlBody });
        next = { ...next, scoreKnown: (box.score.atRisk ?? []).map((a) => a.account) };
        out.scorecards++;
      }
    } catch (e) {
      next = {
        ...next,
        error: { at: isoDay(today), message: `Could not send the weekly mail: ${e instanceof Error ? e.message : String(e)}` },
      };
    }
    auto.userProps.set(key, JSON.stringify(next));
  }
  return out;
}
