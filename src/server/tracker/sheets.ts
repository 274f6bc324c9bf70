import { STATUSES } from '../../core/tracker/actions';
import { TEXTS } from '../../core/survey/texts';
import { columnLetter } from '../../core/tables/kinds';
import type { Cell } from '../../core/values/cell';
import type { SheetPort, WorkbookPort, WriteCell } from '../ports/workbook';
import { openColumn } from '../scorecard/references';
import { type ColumnSpec, type Located, columnTag, locateColumns } from './columns';

/**
 * The sheets the improvement loop writes, found or made through the workbook port and tagged as the
 * add-on's own. A sheet the add-on did not make is never written: when the name is taken, another is used.
 * Their columns are found by tag and header, never by position (columns.ts).
 */
export interface OwnSheet {
  readonly sheet: SheetPort;
  readonly name: string;
  readonly created: boolean;
}

export interface Kind<Id extends string = string> {
  readonly tag: string;
  /** The workbook setting that remembers the sheet's name. */
  readonly key: string;
  readonly names: readonly string[];
  readonly columns: readonly ColumnSpec<Id>[];
  /** The key column's id (none for a sheet that is only written). */
  readonly keyId: Id | null;
  /** Formats, drop-downs and rules of a new sheet. */
  readonly init: (sheet: SheetPort) => void;
}

const col = <Id extends string>(id: Id, header: string, recreate = true): ColumnSpec<Id> => ({ id, header, recreate });

export type TrackerColumn =
  | 'id'
  | 'opened'
  | 'source'
  | 'customer'
  | 'contact'
  | 'wrong'
  | 'measure'
  | 'owner'
  | 'action'
  | 'due'
  | 'status'
  | 'closed'
  | 'result'
  | 'key';

/**
 * The tracker's columns (DOMAIN.md "Improvement tracker"); Key ties an action to its response or review.
 * Action, Closed and Result are the owner's: left gone when deleted.
 */
export const TRACKER_COLUMNS: readonly ColumnSpec<TrackerColumn>[] = [
  col('id', 'ID'),
  col('opened', 'Opened'),
  col('source', 'Source'),
  col('customer', 'Customer'),
  col('contact', 'Contact'),
  col('wrong', 'What was wrong'),
  col('measure', 'Lead measure'),
  col('owner', 'Owner'),
  col('action', 'Action', false),
  col('due', 'Due'),
  col('status', 'Status'),
  col('closed', 'Closed', false),
  col('result', 'Result', false),
  col('key', 'Key'),
];
export const TRACKER_HEADERS = TRACKER_COLUMNS.map((c) => c.header);

/** A new tracker's column letter of a column. */
const L = (id: TrackerColumn) => columnLetter(TRACKER_COLUMNS.findIndex((c) => c.id === id));

/** Overdue: open or in progress, and due before today (Sheets computes it, so it stays current). */
export const OVERDUE_RULE = `=AND($${L('due')}2<>"",$${L('due')}2<TODAY(),OR($${L('status')}2="open",$${L('status')}2="in progress"))`;

export const TRACKER: Kind<TrackerColumn> = {
  tag: 'leadlag:tracker',
  key: 'leadlag.tracker.sheet',
  names: ['Improvement tracker', 'Leadlag improvement tracker'],
  columns: TRACKER_COLUMNS,
  keyId: 'key',
  init(sheet) {
    const last = L('key');
    sheet.applyStyles([
      { a1: `A1:${last}1`, bold: true, background: '#f1f3f4' },
      { a1: `${L('opened')}2:${L('opened')}`, numberFormat: 'yyyy-mm-dd' },
      { a1: `${L('due')}2:${L('due')}`, numberFormat: 'yyyy-mm-dd' },
      { a1: `${L('closed')}2:${L('closed')}`, numberFormat: 'yyyy-mm-dd' },
      { a1: `${L('wrong')}2:${L('wrong')}`, wrap: true },
      { a1: `${last}2:${last}`, color: '#9aa0a6' },
    ]);
    sheet.setValidation(`${L('status')}2:${L('status')}`, STATUSES);
    sheet.setConditionalRules([
      { a1: `A2:${L('result')}`, formula: OVERDUE_RULE, background: '#fce8e6', color: '#c5221f' },
      { a1: `${L('status')}2:${L('status')}`, textEquals: 'done', background: '#e6f4ea', color: '#137333' },
      { a1: `${L('status')}2:${L('status')}`, textEquals: 'dropped', background: '#f1f3f4', color: '#5f6368' },
    ]);
    sheet.setFrozen(1, 1);
    const at = (id: TrackerColumn) => TRACKER_COLUMNS.findIndex((c) => c.id === id) + 1;
    sheet.setColumnWidths([
      { col: at('wrong'), width: 320 },
      { col: at('action'), width: 220 },
      { col: at('result'), width: 160 },
    ]);
  },
};

export type ResponseColumn =
  | 'at'
  | 'customer'
  | 'role'
  | 'referral'
  | 'comparison'
  | 'csat'
  | 'satisfies'
  | 'dissatisfies'
  | 'hoped'
  | 'roleAnswer'
  | 'contact'
  | 'key';

/**
 * The feedback table the scorecard reads: one row per survey response, with headers its column-role
 * detection recognises. Its tag does not start with "leadlag:", so the scorecard wizard lists it as data.
 */
export const RESPONSE_COLUMNS: readonly ColumnSpec<ResponseColumn>[] = [
  col('at', 'Timestamp'),
  col('customer', 'Customer'),
  col('role', 'Role'),
  col('referral', TEXTS.referral),
  col('comparison', TEXTS.comparison),
  col('csat', 'Satisfaction (1-5)'),
  col('satisfies', 'What satisfies them'),
  col('dissatisfies', 'What dissatisfies them'),
  col('hoped', 'Result they hoped for'),
  col('roleAnswer', 'Improvement they asked for'),
  col('contact', 'Contact e-mail'),
  col('key', 'Key'),
];
export const RESPONSE_HEADERS = RESPONSE_COLUMNS.map((c) => c.header);

export const RESPONSES: Kind<ResponseColumn> = {
  tag: 'leadlag-data:responses',
  key: 'leadlag.responses.sheet',
  names: ['Survey responses', 'Leadlag survey responses'],
  columns: RESPONSE_COLUMNS,
  keyId: 'key',
  init(sheet) {
    const last = columnLetter(RESPONSE_COLUMNS.length - 1);
    sheet.applyStyles([
      { a1: `A1:${last}1`, bold: true, background: '#f1f3f4', wrap: true },
      { a1: 'A2:A', numberFormat: 'yyyy-mm-dd hh:mm' },
      { a1: `${last}2:${last}`, color: '#9aa0a6' },
    ]);
    sheet.setFrozen(1, 0);
  },
};

export type LinkColumn = 'customer' | 'role' | 'form' | 'link';

/** One pre-filled link per customer (and role): what the manager mail-merges. Written whole each time. */
export const LINKS: Kind<LinkColumn> = {
  tag: 'leadlag:survey-links',
  key: 'leadlag.links.sheet',
  names: ['Survey links', 'Leadlag survey links'],
  columns: [col('customer', 'Customer'), col('role', 'Role'), col('form', 'Form'), col('link', 'Link')],
  keyId: null,
  init(sheet) {
    sheet.applyStyles([{ a1: 'A1:D1', bold: true, background: '#f1f3f4' }]);
    sheet.setFrozen(1, 1);
    sheet.setColumnWidths([
      { col: 1, width: 220 },
      { col: 3, width: 220 },
      { col: 4, width: 420 },
    ]);
  },
};

/** The sheet of a kind the add-on made before, or null. */
export function findOwn(wb: WorkbookPort, kind: Kind): string | null {
  const names = wb.sheetNames();
  const remembered = wb.getSetting(kind.key);
  if (remembered && names.includes(remembered) && wb.getSheetTag(remembered) === kind.tag) return remembered;
  return names.find((n) => wb.getSheetTag(n) === kind.tag) ?? null;
}

/** The sheet of a kind: the add-on's own, or a new one under a free name (never a user's sheet). */
export function ensureOwn(wb: WorkbookPort, kind: Kind): OwnSheet {
  let name = findOwn(wb, kind);
  const created = !name;
  if (!name) {
    const taken = new Set(wb.sheetNames().map((n) => n.toLowerCase()));
    name = kind.names.find((n) => !taken.has(n.toLowerCase())) ?? '';
    for (let i = 2; !name; i++) if (!taken.has(`${kind.names[1]} ${i}`.toLowerCase())) name = `${kind.names[1]} ${i}`;
    const sheet = wb.insertSheet(name);
    wb.setSheetTag(name, kind.tag);
    sheet.writeBlock(1, 1, [kind.columns.map((c) => ({ text: c.header }))]);
    sheet.setColumnTags?.(kind.columns.map((c, i) => ({ col: i + 1, tag: columnTag(kind.tag, c.id) })));
    kind.init(sheet);
  }
  if (wb.getSetting(kind.key) !== name) wb.setSetting(kind.key, name);
  return { sheet: wb.sheet(name)!, name, created };
}

/** A sheet of a kind, its values and where its columns are now (missing ones made again). */
export interface OpenSheet<Id extends string> extends OwnSheet {
  readonly grid: Cell[][];
  readonly cols: Located<Id>;
}

export function openOwn<Id extends string>(wb: WorkbookPort, kind: Kind<Id>): OpenSheet<Id> {
  const own = ensureOwn(wb, kind);
  const grid = own.sheet.readValues();
  const cols = locateColumns(own.sheet, grid, kind.tag, kind.columns, kind.keyId ?? kind.columns[0].id);
  return { ...own, grid, cols };
}

/** A sheet of a kind as it is, read only (nothing made or tagged): null when there is none. */
export function readOwn<Id extends string>(wb: WorkbookPort, kind: Kind<Id>): Omit<OpenSheet<Id>, 'created'> | null {
  const name = findOwn(wb, kind);
  const sheet = name ? wb.sheet(name) : null;
  if (!name || !sheet) return null;
  const grid = sheet.readValues();
  return { sheet, name, grid, cols: locateColumns(sheet, grid, kind.tag, kind.columns, kind.keyId ?? kind.columns[0].id, false) };
}

/**
 * The scorecard's live IMPROVEMENT_SUMMARY section, once the tracker exists. Its ranges point at the
 * tracker's columns where they are now; Sheets moves them when columns are inserted or moved later.
 */
export const trackerSummary = (wb: WorkbookPort): { title: string; rows: WriteCell[][] } | null => {
  const t = readOwn(wb, TRACKER);
  if (!t) return null;
  const tracker = t.name;
  const range = (id: TrackerColumn) => {
    const j = t.cols.at.get(id);
    return j === undefined ? '""' : openColumn(tracker, j, 1);
  };
  return {
    title: 'Improvement: every unhappy signal is an action with an owner and a due date',
    rows: [
      [
        {
          formula: `IMPROVEMENT_SUMMARY(${range('status')}, ${range('due')}, ${range('closed')}, ${range('opened')}, TODAY())`,
        },
      ],
    ],
  };
};
