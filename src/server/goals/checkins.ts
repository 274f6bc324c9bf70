import { type Cell, isBlank } from '../../core/values/cell';
import { readNumber } from '../../core/values/number';
import { calendarSpec, periodLabel, periodOfDay } from '../../core/time/periods';
import { civilFromDays } from '../../core/time/days';
import { type WorkbookPort, type WriteCell, fitCell } from '../ports/workbook';
import { BuildError } from '../scorecard/resolve';
import { openColumn } from '../scorecard/references';
import { type Kind, ensureOwn } from '../tracker/sheets';
import { type Located, locateColumns } from '../tracker/columns';
import { GOAL_COL } from './layout';
import { keyOf, parseKeyedFootprint } from './keep';

/**
 * The weekly check-in, kept as history: the Goal check-ins sheet, one row per goal and ISO week (its score
 * and current value then, and the confidence and comment typed beside it on the Goals sheet). Recording a
 * check-in twice in a week replaces that week's rows. The Goals sheet's flags read it (the last check-in, and
 * 1.0 at every check-in). Its columns are found by tag and header, never by position, as the tracker's are.
 */
export type CheckInColumn = 'week' | 'date' | 'id' | 'goal' | 'current' | 'score' | 'confidence' | 'comment';

const col = (id: CheckInColumn, header: string) => ({ id, header, recreate: true });

export const CHECKINS: Kind<CheckInColumn> = {
  tag: 'leadlag:goal-checkins',
  key: 'leadlag.goals.checkins.sheet',
  names: ['Goal check-ins', 'Leadlag goal check-ins'],
  columns: [
    col('week', 'Week'),
    col('date', 'Date'),
    col('id', 'ID'),
    col('goal', 'Goal'),
    col('current', 'Current'),
    col('score', 'Score'),
    col('confidence', 'Confidence (1–10)'),
    col('comment', 'Comment'),
  ],
  keyId: null,
  init(sheet) {
    sheet.applyStyles([
      { a1: 'A1:H1', bold: true, background: '#f1f3f4' },
      { a1: 'B2:B', numberFormat: 'yyyy-mm-dd' },
      { a1: 'F2:F', numberFormat: '0.00' },
      { a1: 'H2:H', wrap: true },
    ]);
    sheet.setFrozen(1, 1);
    sheet.setColumnWidths([
      { col: 4, width: 360 },
      { col: 8, width: 320 },
    ]);
  },
};

/** The history's ranges the Goals sheet's formulas read (made with its header when there is none yet). */
export function historyRanges(wb: WorkbookPort): { sheet: string; date: string; id: string; score: string } {
  const own = ensureOwn(wb, CHECKINS);
  const located = locateColumns(own.sheet, own.sheet.readValues(), CHECKINS.tag, CHECKINS.columns, 'id');
  const range = (id: CheckInColumn) => openColumn(own.name, located.at.get(id)!, 2);
  return { sheet: own.name, date: range('date'), id: range('id'), score: range('score') };
}

export interface CheckInResult {
  readonly sheet: string;
  readonly week: string;
  /** Goals recorded now, and how many of them replaced this week's earlier check-in. */
  readonly recorded: number;
  readonly replaced: number;
  /** Key results with a confidence typed this week. */
  readonly withConfidence: number;
  /** Something to do next (the history sheet had to be made again), or null. */
  readonly note: string | null;
}

function cellOf(c: Cell): WriteCell {
  if (c === undefined || c === null || isBlank(c)) return null;
  return typeof c === 'string' ? { text: fitCell(c) } : c;
}

/**
 * Records this week's check-in from the Goals sheet (`sheet`, built with the footprint in `footprintText`):
 * every goal's current value and score, and the confidence (a whole number from 1 to 10) and comment typed
 * beside it. A confidence that is not one is refused with its row, and nothing is written.
 */
export function recordCheckIn(wb: WorkbookPort, sheet: string, footprintText: string | null, today: number): CheckInResult {
  const f = parseKeyedFootprint(footprintText);
  const goals = wb.sheet(sheet);
  if (!goals || !f) throw new BuildError('There is no Goals sheet to check in yet. Build it first (Goals that connect).');
  const values = goals.readValues();
  const problems: string[] = [];
  const rows: { id: Cell; goal: string; current: Cell; score: Cell; confidence: number | null; comment: Cell }[] = [];
  for (let r = f.first; r <= f.last; r++) {
    const row = values[r - 1] ?? [];
    const id = row[GOAL_COL.id];
    if (isBlank(id)) continue;
    const c = row[GOAL_COL.confidence];
    const x = readNumber(c);
    if (x === undefined || (x !== null && !(Number.isInteger(x) && x >= 1 && x <= 10)))
      problems.push(`row ${r} (${String(id)}): the confidence ${JSON.stringify(c)} is not a whole number from 1 to 10`);
    const num = (v: Cell) => (typeof v === 'number' ? v : '');
    rows.push({
      id,
      goal: String(row[GOAL_COL.goal] ?? '').trim(),
      current: num(row[GOAL_COL.current]),
      score: num(row[GOAL_COL.score]),
      confidence: typeof x === 'number' ? x : null,
      comment: row[GOAL_COL.comment],
    });
  }
  if (problems.length)
    throw new BuildError(
      `Nothing was recorded: ${problems.slice(0, 5).join('; ')}${problems.length > 5 ? ` and ${problems.length - 5} more` : ''}. Type 1 (not at all sure) to 10 (certain), or leave it blank.`,
    );
  if (!rows.length) throw new BuildError(`"${sheet}" lists no goals to check in. Rebuild it.`);
  const week = periodLabel(periodOfDay(today, calendarSpec('week')), calendarSpec('week'));
  const own = ensureOwn(wb, CHECKINS);
  const grid = own.sheet.readValues();
  const at: Located<CheckInColumn> = locateColumns(own.sheet, grid, CHECKINS.tag, CHECKINS.columns, 'id');
  const j = (id: CheckInColumn) => at.at.get(id)!;
  // This week's rows already there, by goal: replaced in place.
  const mine = new Map<string, number>();
  for (let i = 1; i < grid.length; i++) {
    if (String(grid[i][j('week')] ?? '').trim() !== week) continue;
    const k = keyOf(grid[i][j('id')]);
    if (k) mine.set(k, i + 1);
  }
  const { year, month, day } = civilFromDays(today);
  const line = (x: (typeof rows)[number]): WriteCell[] => {
    const out: WriteCell[] = new Array<WriteCell>(at.width).fill(null);
    // Cells of the user's own columns (if any) are left as they are: only this row's own cells are written.
    out[j('week')] = { text: week };
    out[j('date')] = { formula: `DATE(${year}, ${month}, ${day})` };
    out[j('id')] = typeof x.id === 'number' ? x.id : { text: String(x.id) };
    out[j('goal')] = { text: fitCell(x.goal) };
    out[j('current')] = cellOf(x.current);
    out[j('score')] = cellOf(x.score);
    out[j('confidence')] = x.confidence;
    out[j('comment')] = cellOf(x.comment);
    return out;
  };
  let replaced = 0;
  const appended: WriteCell[][] = [];
  const updates: { row: number; cells: WriteCell[] }[] = [];
  for (const x of rows) {
    const r = mine.get(keyOf(x.id));
    if (r !== undefined) {
      updates.push({ row: r, cells: keepOthers(line(x), grid[r - 1], at) });
      replaced++;
    } else appended.push(line(x));
  }
  // Replacements in runs of consecutive rows (this week's rows are together unless the sheet was sorted).
  updates.sort((a, b) => a.row - b.row);
  for (let k = 0; k < updates.length;) {
    let e = k;
    while (e + 1 < updates.length && updates[e + 1].row === updates[e].row + 1) e++;
    own.sheet.writeBlock(
      updates[k].row,
      1,
      updates.slice(k, e + 1).map((u) => u.cells),
    );
    k = e + 1;
  }
  if (appended.length) own.sheet.writeBlock(lastRowOf(grid) + 1, 1, appended);
  return {
    sheet: own.name,
    week,
    recorded: rows.length,
    replaced,
    withConfidence: rows.filter((x) => x.confidence !== null).length,
    note: own.created
      ? `The check-in history was not there any more, so "${own.name}" was made again: rebuild the goals sheet so that its flags read it.`
      : null,
  };
}

/** A replaced row keeps what the user typed in columns that are not the add-on's. */
function keepOthers(cells: WriteCell[], before: readonly Cell[] | undefined, at: Located<CheckInColumn>): WriteCell[] {
  const mine = new Set(at.at.values());
  return cells.map((c, i) => (mine.has(i) ? c : cellOf(before?.[i] ?? '')));
}

function lastRowOf(grid: readonly (readonly Cell[])[]): number {
  for (let i = grid.length - 1; i >= 0; i--) if (grid[i].some((c) => !isBlank(c))) return i + 1;
  return 1;
}
