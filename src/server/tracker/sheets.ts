import { STATUSES } from '../../core/tracker/actions';
import { TEXTS } from '../../core/survey/texts';
import type { SheetPort, WorkbookPort, WriteCell } from '../ports/workbook';
import { openColumn } from '../scorecard/references';

/**
 * The two sheets the improvement loop writes, found or made through the workbook port and tagged as the
 * add-on's own. A sheet the add-on did not make is never written: when the name is taken, another is used.
 */
export interface OwnSheet {
  readonly sheet: SheetPort;
  readonly name: string;
  readonly created: boolean;
}

interface Kind {
  readonly tag: string;
  /** The workbook setting that remembers the sheet's name. */
  readonly key: string;
  readonly names: readonly string[];
  readonly headers: readonly string[];
  /** Formats, drop-downs and rules of a new sheet. */
  readonly init: (sheet: SheetPort) => void;
}

/** The tracker's columns (DOMAIN.md "Improvement tracker"); Key ties an action to its response or review. */
export const TRACKER_HEADERS = [
  'ID',
  'Opened',
  'Source',
  'Customer',
  'What was wrong',
  'Lead measure',
  'Owner',
  'Action',
  'Due',
  'Status',
  'Closed',
  'Result',
  'Key',
];
/** The columns of the tracker, 1-based, as IMPROVEMENT_SUMMARY and the digest read them. */
export const TRACKER_COL = { id: 1, opened: 2, due: 9, status: 10, closed: 11, key: 13 } as const;

/** Overdue: open or in progress, and due before today (Sheets computes it, so it stays current). */
export const OVERDUE_RULE = '=AND($I2<>"",$I2<TODAY(),OR($J2="open",$J2="in progress"))';

export const TRACKER: Kind = {
  tag: 'leadlag:tracker',
  key: 'leadlag.tracker.sheet',
  names: ['Improvement tracker', 'Leadlag improvement tracker'],
  headers: TRACKER_HEADERS,
  init(sheet) {
    sheet.applyStyles([
      { a1: 'A1:M1', bold: true, background: '#f1f3f4' },
      { a1: 'B2:B', numberFormat: 'yyyy-mm-dd' },
      { a1: 'I2:I', numberFormat: 'yyyy-mm-dd' },
      { a1: 'K2:K', numberFormat: 'yyyy-mm-dd' },
      { a1: 'E2:E', wrap: true },
      { a1: 'M2:M', color: '#9aa0a6' },
    ]);
    sheet.setValidation('J2:J', STATUSES);
    sheet.setConditionalRules([
      { a1: 'A2:L', formula: OVERDUE_RULE, background: '#fce8e6', color: '#c5221f' },
      { a1: 'J2:J', textEquals: 'done', background: '#e6f4ea', color: '#137333' },
      { a1: 'J2:J', textEquals: 'dropped', background: '#f1f3f4', color: '#5f6368' },
    ]);
    sheet.setFrozen(1, 1);
    sheet.setColumnWidths([
      { col: 5, width: 320 },
      { col: 8, width: 220 },
      { col: 12, width: 160 },
    ]);
  },
};

/**
 * The feedback table the scorecard reads: one row per survey response, with headers its column-role
 * detection recognises. Its tag does not start with "leadlag:", so the scorecard wizard lists it as data.
 */
export const RESPONSE_HEADERS = [
  'Timestamp',
  'Customer',
  'Role',
  TEXTS.referral,
  TEXTS.comparison,
  'Satisfaction (1-5)',
  'What satisfies them',
  'What dissatisfies them',
  'Result they hoped for',
  'Improvement they asked for',
  'Key',
];

export const RESPONSES: Kind = {
  tag: 'leadlag-data:responses',
  key: 'leadlag.responses.sheet',
  names: ['Survey responses', 'Leadlag survey responses'],
  headers: RESPONSE_HEADERS,
  init(sheet) {
    sheet.applyStyles([
      { a1: 'A1:K1', bold: true, background: '#f1f3f4', wrap: true },
      { a1: 'A2:A', numberFormat: 'yyyy-mm-dd hh:mm' },
      { a1: 'K2:K', color: '#9aa0a6' },
    ]);
    sheet.setFrozen(1, 0);
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
    sheet.writeBlock(1, 1, [kind.headers.map((h) => ({ text: h }))]);
    kind.init(sheet);
  }
  if (wb.getSetting(kind.key) !== name) wb.setSetting(kind.key, name);
  return { sheet: wb.sheet(name)!, name, created };
}

/** The scorecard's live IMPROVEMENT_SUMMARY section, once the tracker exists. */
export const trackerSummary = (wb: WorkbookPort): { title: string; rows: WriteCell[][] } | null => {
  const tracker = findOwn(wb, TRACKER);
  if (!tracker) return null;
  const col = (c: number) => openColumn(tracker, c - 1, 1);
  return {
    title: 'Improvement: every unhappy signal is an action with an owner and a due date',
    rows: [
      [
        {
          formula: `IMPROVEMENT_SUMMARY(${col(TRACKER_COL.status)}, ${col(TRACKER_COL.due)}, ${col(TRACKER_COL.closed)}, ${col(TRACKER_COL.opened)}, TODAY())`,
        },
      ],
    ],
  };
};
