import { isBlank } from '../values/cell';
import { type Column, badCell, requireSome, sameLength, isHeaderCell } from '../values/column';
import { type DateOptions, readDayColumn } from '../values/date';
import { median } from '../stats/median';

export type ActionStatus = 'open' | 'in progress' | 'done' | 'dropped';
const STATUS: Record<string, ActionStatus> = {
  open: 'open',
  new: 'open',
  'to do': 'open',
  todo: 'open',
  'not started': 'open',
  'in progress': 'in progress',
  'in-progress': 'in progress',
  started: 'in progress',
  doing: 'in progress',
  'on hold': 'in progress',
  done: 'done',
  closed: 'done',
  complete: 'done',
  completed: 'done',
  resolved: 'done',
  dropped: 'dropped',
  cancelled: 'dropped',
  canceled: 'dropped',
  "won't do": 'dropped',
  'wont do': 'dropped',
};
export const STATUS_EXPECTED = 'a status is open, in progress, done or dropped';

export function readStatus(text: string): ActionStatus | undefined {
  return STATUS[text.trim().toLowerCase().replace(/\s+/g, ' ')];
}

export interface TrackerSummary {
  open: number;
  overdue: number;
  done: number;
  medianDaysToClose: number | null;
}

/**
 * Improvement tracker summary (DOMAIN.md): open (open or in progress), overdue (open and due before
 * asOf), done, and the median days from opened to closed over done actions with both dates.
 */
export function improvementSummary(
  status: Column,
  due: Column,
  closed: Column,
  opened: Column | null,
  opts: DateOptions,
  asOf: number,
): TrackerSummary {
  sameLength(status, due, closed);
  if (opened) sameLength(status, opened);
  requireSome(status, 'statuses');
  const dueDays = readDayColumn(due, opts);
  const closedDays = readDayColumn(closed, opts);
  const openedDays = opened ? readDayColumn(opened, opts) : null;
  let open = 0;
  let overdue = 0;
  let done = 0;
  const durations: number[] = [];
  for (let i = 0; i < status.cells.length; i++) {
    const c = status.cells[i];
    if (isBlank(c)) continue;
    const s = typeof c === 'string' ? readStatus(c) : undefined;
    if (s === undefined) {
      if (isHeaderCell(status, i, c)) continue;
      badCell(status, i, STATUS_EXPECTED);
    }
    if (s === 'open' || s === 'in progress') {
      open++;
      if (dueDays[i] === dueDays[i] && dueDays[i] < asOf) overdue++;
    } else if (s === 'done') {
      done++;
      if (openedDays && openedDays[i] === openedDays[i] && closedDays[i] === closedDays[i]) {
        // A negative time to close is a typing slip, not data: say where, rather than lower the median.
        if (closedDays[i] < openedDays[i]) badCell(closed, i, 'a closed date on or after the opened date');
        durations.push(closedDays[i] - openedDays[i]);
      }
    }
  }
  return { open, overdue, done, medianDaysToClose: median(durations) };
}
