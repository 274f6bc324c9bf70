/**
 * The smoke test: what only a real spreadsheet can show, run once by a maintainer in Google Sheets
 * (docs/smoke.md) and by CI against the in-memory twins (tests/smoke/smoke.test.ts). One function goes
 * through the add-on's real entry points (the top-level `rpc` the sidebar calls, the loader, the formulas
 * as Sheets computes them) and writes one OK/FAIL row per check to the sheet "Leadlag smoke". What differs
 * between Sheets and the twins is the `SmokeEnv` each side gives (src/smoke/appsScript.ts, src/smoke/twins.ts).
 */
import type { CallArgs, CallName, Results } from '../rpc/contract';
import type { FormState } from '../server/ports/forms';
import type { ChartSpec, WorkbookPort } from '../server/ports/workbook';
import type { QuestionId } from '../core/survey/forms';
import { type SurveySetup, defaultSetup } from '../core/survey/setup';
import { type Cell, dateCellText } from '../core/values/cell';
import type { TimeZone } from '../core/time/zone';
import { isoDay } from '../core/time/days';
import { columnLetter } from '../core/tables/kinds';
import { STATUSES } from '../core/tracker/actions';
import { runFormula } from '../functions/runtime';
import { contextFor } from '../functions/context';
import { FUNCTIONS } from '../functions/registry';
import { SERVER_ENTRIES } from '../functions/declarations';
import { SERVER_FUNCTION } from '../appsscript/loader';

export const SMOKE_SHEET = 'Leadlag smoke';

/** One row of the smoke sheet. */
export interface SmokeRow {
  readonly check: string;
  readonly ok: boolean;
  readonly detail: string;
}

/** What the smoke test needs from where it runs. */
export interface SmokeEnv {
  /** The spreadsheet, through the add-on's own workbook port. */
  readonly wb: WorkbookPort;
  /** The add-on's RPC entry, as the sidebar calls it (google.script.run.rpc in Sheets). */
  rpc<N extends CallName>(name: N, args: CallArgs<N>): Results[N];
  /** What is wrong with the loader and the globals it needs (Code.js, Server.js, the top-level functions); empty when all is there. */
  loader(): string[];
  /** Lets the spreadsheet catch up (SpreadsheetApp.flush, then a wait); in the twins, nothing to wait for. */
  settle(ms: number): void;
  /** The spreadsheet's zone as a TimeZone, and today as the platform's own clock says (Utilities.formatDate in Sheets). */
  readonly zone: TimeZone;
  today(): string;
  /** Whether the user granted the survey scopes (ScriptApp.getAuthorizationInfo). */
  scopes(): boolean;
  /** Takes and releases the document lock: 'locked', 'busy' or 'unavailable'. */
  lock(): string;
  /** A respondent's answers to a form by question id (FormResponse.submit in Sheets: it does not fire the trigger). */
  submit(formId: string, answers: Partial<Record<QuestionId, string | number>>, role: string | null): void;
  /** Published and accepting, straight from Forms (FormApp.openById). */
  formState(formId: string): FormState;
  /** Conditional format rules of a sheet, and the drop-down values of one cell. */
  layout(sheet: string, a1: string): { rules: number; validation: readonly string[] | null };
  /** How many of this user's triggers run a Leadlag handler for this spreadsheet. */
  triggers(): number;
  /**
   * The charts on a sheet as the spreadsheet holds them (Sheets: Sheet.getCharts(), then each chart's getRanges,
   * getContainerInfo, getTransposeRowsAndColumns, getNumHeaders, getOptions().get('title') and modify().getChartType()).
   */
  charts(sheet: string): SmokeChart[];
}

/** One chart as the smoke test reads it back. */
export interface SmokeChart {
  readonly ranges: readonly string[];
  readonly row: number;
  readonly col: number;
  readonly transposed: boolean;
  readonly headers: number;
  /** LINE or COMBO (Charts.ChartType). */
  readonly type: string;
  /** The title option as the chart holds it (ChartOptions.get('title')): setOption reached it. */
  readonly title: string;
}

/** The smoke test's two charts over H12:L14: a line with a dashed target, and columns with a line on a right axis. */
export const SMOKE_CHARTS: readonly ChartSpec[] = [
  {
    key: 'smoke:trend',
    title: 'Smoke: NPS against its target',
    kind: 'line',
    range: 'H12:L14',
    dashed: [1],
    format: '0',
    anchor: { row: 2, col: 14 },
    width: 480,
    height: 280,
  },
  {
    key: 'smoke:combo',
    title: 'Smoke: NPS as columns in £ (the money format), the target on a right axis',
    kind: 'column',
    range: 'H12:L14',
    lines: [1],
    rightAxis: [1],
    format: '"£"#,##0',
    rightFormat: '0.0',
    colors: ['#1a73e8', '#e37400'],
    anchor: { row: 18, col: 14 },
    width: 480,
    height: 280,
  },
];

const SCORES = [10, 9, 9, 3, 7];
const CSATS = [5, 4, 3, 2, 5];
const COMPARISONS = ['Better', 'Better', 'Worse', 'About the same', 'Better'];
/** A response whose every text looks like a formula, a number or a mention. */
export const HOSTILE = {
  customer: '=HYPERLINK("http://example.com","click")',
  dissatisfies: '+SUM(1,2) then @home, -1 and =1/0',
  hoped: "'quoted",
} as const;
export const SMOKE_ROLES = ['Smoke buyer', 'Smoke user'];

/** The survey the smoke test makes: two roles in one form that branches, no reminder (no mail is sent). */
export const SMOKE_SETUP: SurveySetup = {
  ...defaultSetup(),
  title: 'Leadlag smoke test',
  roles: SMOKE_ROLES,
  layout: 'branching',
  reminder: 'none',
  digest: false,
  owner: '',
};

/**
 * The globals Code.js and Server.js must leave (in Apps Script's global scope, or a bare V8 context loaded with
 * them): the function holding the server in its comment, Leadlag.server() (which reads that comment back with
 * Function.prototype.toString and compiles it), every top-level entry.
 */
export function globalsProblems(g: Record<string, unknown>): string[] {
  const problems: string[] = [];
  if (typeof g[SERVER_FUNCTION] !== 'function') problems.push(`${SERVER_FUNCTION} is missing (Server.js was not pushed)`);
  const leadlag = g.Leadlag as { server?: () => Record<string, unknown> } | undefined;
  if (typeof leadlag?.server !== 'function') problems.push('the global Leadlag has no server()');
  else {
    try {
      const server = leadlag.server();
      for (const e of SERVER_ENTRIES) if (typeof server[e.target] !== 'function') problems.push(`Leadlag.server().${e.target} is missing`);
    } catch (e) {
      problems.push(`Leadlag.server() does not compile: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  for (const name of [...FUNCTIONS.map((f) => f.name), ...SERVER_ENTRIES.map((e) => e.name)])
    if (typeof g[name] !== 'function') problems.push(`${name} is not a top-level function`);
  return problems;
}

/** Runs fn, turning a throw into a FAIL row with its message. */
function check(rows: SmokeRow[], name: string, fn: () => string | { ok: boolean; detail: string }): void {
  try {
    const r = fn();
    rows.push(typeof r === 'string' ? { check: name, ok: true, detail: r } : { check: name, ...r });
  } catch (e) {
    rows.push({ check: name, ok: false, detail: e instanceof Error ? e.message : String(e) });
  }
}

const same = (a: Cell, b: unknown) => (typeof a === 'number' && typeof b === 'number' ? Math.abs(a - b) < 1e-9 : a === b);

/** Waits (settling the spreadsheet between looks) until `ready` is true, at most `tries` looks. */
function until(env: SmokeEnv, ready: () => boolean, tries = 20, ms = 1500): boolean {
  for (let i = 0; i < tries; i++) {
    if (ready()) return true;
    env.settle(ms);
  }
  return ready();
}

/** The smoke test's checks, in order; each is a row, and a check that throws is a FAIL, never the end of the run. */
export function runSmoke(env: SmokeEnv): SmokeRow[] {
  const rows: SmokeRow[] = [];
  const { wb } = env;

  check(rows, 'Loader and its globals', () => {
    const problems = env.loader();
    return {
      ok: !problems.length,
      detail: problems.length ? problems.join('; ') : 'Code.js, Server.js and every top-level entry are there; Leadlag.server() compiles.',
    };
  });

  // A sheet of its own: the data three formulas read, recomputed by the spreadsheet, compared with the core's own result.
  if (wb.sheetNames().includes(SMOKE_SHEET)) wb.deleteSheet(SMOKE_SHEET);
  const sheet = wb.insertSheet(SMOKE_SHEET);
  sheet.writeBlock(1, 8, [['Score', 'CSAT', 'Compared'], ...SCORES.map((s, i) => [s, CSATS[i], { text: COMPARISONS[i] }])]);
  const formulas: [string, string, Cell[][]][] = [
    ['NPS', '=NPS(H2:H6)', SCORES.map((s) => [s])],
    ['CSAT', '=CSAT(I2:I6)', CSATS.map((s) => [s])],
    ['NET_COMPARISON', '=NET_COMPARISON(J2:J6)', COMPARISONS.map((s) => [s])],
  ];
  sheet.writeBlock(
    2,
    12,
    formulas.map(([, f]) => [{ formula: f }]),
  );
  check(rows, 'Three formulas recalculated by the spreadsheet', () => {
    const ctx = contextFor({ zone: env.zone, locale: wb.locale(), now: () => Date.now() });
    const want = formulas.map(([name, , args]) => runFormula(name, [args], ctx));
    const got = () =>
      wb
        .sheet(SMOKE_SHEET)!
        .readValues()
        .slice(1, 4)
        .map((r) => r[11]);
    until(env, () => got().every((v) => typeof v === 'number'), 10, 1000);
    const values = got();
    const wrong = formulas
      .filter((_, i) => !same(values[i], want[i]))
      .map(([n], i) => `${n} gave ${JSON.stringify(values[i])}, the core ${JSON.stringify(want[i])}`);
    return {
      ok: !wrong.length,
      detail: wrong.length
        ? wrong.join('; ')
        : `NPS ${values[0]}, CSAT ${values[1]}, NET_COMPARISON ${values[2]}, as the core computes them.`,
    };
  });

  check(rows, 'Time zone and locale', () => {
    const zone = wb.timeZone();
    const today = env.today();
    // A date typed into a cell comes back as its midnight in the spreadsheet's zone: shown, it is the same day.
    sheet.writeBlock(9, 8, [['2026-01-31']]);
    sheet.applyStyles([{ a1: 'H9', numberFormat: 'yyyy-mm-dd' }]);
    const cell = wb.sheet(SMOKE_SHEET)!.readValues()[8][7];
    const shown = cell instanceof Date ? dateCellText(cell, env.zone) : String(cell);
    const ours = isoDay(contextFor({ zone: env.zone, locale: wb.locale(), now: () => Date.now() }).today());
    const ok = shown === '2026-01-31' && ours === today && zone === env.zone.name;
    return {
      ok,
      detail: `zone ${zone}, locale ${wb.locale()}; today ${ours} (the platform says ${today}); a date cell 2026-01-31 reads back as ${shown}.`,
    };
  });

  check(rows, 'Two charts from their specifications: range, series in rows, anchor; set again, they replace', () => {
    if (!sheet.setCharts) return { ok: false, detail: 'This workbook does not set charts (SheetPort.setCharts is missing).' };
    sheet.writeBlock(12, 8, [
      [null, { text: '2026-01' }, { text: '2026-02' }, { text: '2026-03' }, { text: '2026-04' }],
      [{ text: 'NPS' }, 12, 18, null, 21],
      [{ text: 'Target' }, 20, 20, 25, 25],
    ]);
    sheet.setCharts(SMOKE_CHARTS);
    sheet.setCharts(SMOKE_CHARTS); // replaces: still two
    const got = env.charts(SMOKE_SHEET).sort((a, b) => a.row - b.row);
    const want: [number, string][] = [
      [2, 'LINE'],
      [18, 'COMBO'],
    ];
    const ok =
      got.length === want.length &&
      got.every(
        (c, i) =>
          c.ranges.join() === 'H12:L14' &&
          c.row === want[i][0] &&
          c.col === 14 &&
          c.transposed &&
          c.headers === 1 &&
          c.type === want[i][1] &&
          c.title === SMOKE_CHARTS[i].title,
      );
    const say = (c: SmokeChart) =>
      `${c.type} "${c.title}" over ${c.ranges.join(', ')} at ${columnLetter(c.col - 1)}${c.row}, ${c.transposed ? 'series in rows' : 'series in columns'}, ${c.headers} header row`;
    return { ok, detail: `${got.length} chart(s): ${got.map(say).join('; ') || 'none'}.` };
  });

  check(rows, 'Scopes', () => ({
    ok: env.scopes(),
    detail: env.scopes()
      ? 'Forms, triggers and mail are granted.'
      : 'The survey scopes are not granted: choose Extensions › Leadlag › Set up a customer survey.',
  }));

  check(rows, 'Document lock', () => {
    const got = env.lock();
    return { ok: got === 'locked', detail: `LockService.getDocumentLock(): ${got}.` };
  });

  // A survey of two roles in one form that branches.
  let formId = '';
  let responseSheet = '';
  check(rows, 'A two-role branching survey: published, accepting, its response sheet found in the same run', () => {
    const made = env.rpc('createSurvey', { setup: { ...SMOKE_SETUP, roles: [...SMOKE_SETUP.roles] } });
    const f = made.forms[0];
    formId = f.id;
    responseSheet = f.responseSheet;
    const state = env.formState(f.id);
    const found = !!f.responseSheet && wb.sheetNames().includes(f.responseSheet);
    const ok = made.forms.length === 1 && state.published !== false && state.accepting === true && found;
    return {
      ok,
      detail: `${made.forms.length} form; published ${String(state.published)}, accepting ${String(state.accepting)}; response sheet ${found ? `“${f.responseSheet}”` : 'not found'}${state.problem ? `; ${state.problem}` : ''}.`,
    };
  });

  check(rows, 'A response of formula-looking text reaches the tracker as text', () => {
    if (!formId) return { ok: false, detail: 'No form to answer (the survey check failed).' };
    env.submit(
      formId,
      {
        customer: HOSTILE.customer,
        role: SMOKE_ROLES[0],
        referral: 2,
        comparison: 'Worse',
        dissatisfies: HOSTILE.dissatisfies,
        hoped: HOSTILE.hoped,
      },
      SMOKE_ROLES[0],
    );
    // Forms writes the row in its own time; every run reconciles from the sheets.
    const arrived = until(env, () => (responseSheet ? (wb.sheet(responseSheet)?.readValues().length ?? 0) > 1 : false));
    if (!arrived) return { ok: false, detail: `The response did not reach “${responseSheet}” within half a minute.` };
    const sync = env.rpc('syncFeedback', {});
    const status = env.rpc('automationStatus', {});
    const tracker = status.trackerSheet ? (wb.sheet(status.trackerSheet)?.readValues() ?? []) : [];
    const head = tracker[0] ?? [];
    const row = tracker.find((r) => r[head.indexOf('Customer')] === HOSTILE.customer);
    const wrong = row ? String(row[head.indexOf('What was wrong')]) : '';
    // In the feedback table too, including a text that itself starts with an apostrophe.
    const fb = status.responsesSheet ? (wb.sheet(status.responsesSheet)?.readValues() ?? []) : [];
    const fbRow = fb.find((r) => r[(fb[0] ?? []).indexOf('Customer')] === HOSTILE.customer);
    const hoped = fbRow ? fbRow[fb[0].indexOf('Result they hoped for')] : undefined;
    const ok = sync.responses >= 1 && !!row && wrong.includes(HOSTILE.dissatisfies) && hoped === HOSTILE.hoped;
    return {
      ok,
      detail: row
        ? `Action ${String(row[head.indexOf('ID')])}: ${wrong} The hoped-for result reads ${JSON.stringify(hoped)} (sent ${JSON.stringify(HOSTILE.hoped)}).`
        : `No action names the customer (run: ${JSON.stringify(sync)}).`,
    };
  });

  check(rows, 'Conditional formats and the status drop-down on the tracker', () => {
    const status = env.rpc('automationStatus', {});
    if (!status.trackerSheet) return { ok: false, detail: 'No tracker.' };
    const head = wb.sheet(status.trackerSheet)!.readValues()[0];
    const col = head.indexOf('Status');
    const a1 = `${String.fromCharCode(65 + col)}2`;
    const { rules, validation } = env.layout(status.trackerSheet, a1);
    const ok = rules >= 3 && JSON.stringify(validation) === JSON.stringify(STATUSES);
    return { ok, detail: `${rules} conditional format rules; ${a1} allows ${validation ? validation.join(', ') : 'anything'}.` };
  });

  check(rows, 'Triggers installed, then removed', () => {
    const before = env.rpc('automationStatus', {}).triggers;
    const installed = env.triggers();
    const gone = env.rpc('uninstallAutomation', {});
    const after = env.triggers();
    const ok = before.formSubmit && before.weekly && gone.removed >= 1 && after === 0 && !gone.status.triggers.formSubmit;
    return {
      ok,
      detail: `installed: form-submit ${before.formSubmit ? 'on' : 'off'}, weekly ${before.weekly ? 'on' : 'off'} (${installed}); removed ${gone.removed}; left ${after}.`,
    };
  });

  writeRows(wb, rows);
  return rows;
}

/** The rows on the smoke sheet, under the formulas' data: Check, Result, Detail. */
function writeRows(wb: WorkbookPort, rows: readonly SmokeRow[]): void {
  const sheet = wb.sheet(SMOKE_SHEET) ?? wb.insertSheet(SMOKE_SHEET);
  const passed = rows.filter((r) => r.ok).length;
  sheet.writeBlock(1, 1, [
    [{ text: 'Check' }, { text: 'Result' }, { text: 'Detail' }],
    ...rows.map((r) => [{ text: r.check }, { text: r.ok ? 'OK' : 'FAIL' }, { text: r.detail }]),
    [{ text: `${passed} of ${rows.length} OK` }, { text: passed === rows.length ? 'OK' : 'FAIL' }, null],
  ]);
  sheet.applyStyles([
    { a1: 'A1:C1', bold: true, background: '#f1f3f4' },
    { a1: 'C2:C', wrap: true },
  ]);
  sheet.setConditionalRules([
    { a1: 'B2:B', textEquals: 'OK', background: '#e6f4ea', color: '#137333' },
    { a1: 'B2:B', textEquals: 'FAIL', background: '#fce8e6', color: '#c5221f' },
  ]);
  sheet.setColumnWidths([
    { col: 1, width: 320 },
    { col: 3, width: 480 },
  ]);
  wb.activate?.(SMOKE_SHEET);
}
