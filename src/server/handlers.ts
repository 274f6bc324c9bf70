import { calls, type CallName, type Handler, type Results, type HomeInfo, SAMPLE_ROWS, type SheetTable } from '../rpc/contract';
import { SettingsTooLarge, type WorkbookPort } from './ports/workbook';
import { isOwnTag } from './scorecard/detect';
import { findTable } from '../core/tables/findTable';
import {
  BuildError,
  DEFINITION_KEY,
  NeedsConfirmation,
  SCORECARD_SHEET_KEY,
  SCORECARD_TAG,
  type ScorecardExtra,
  buildScorecard,
} from './scorecard/build';
import { MEASURES } from '../core/scorecard/measures';
import { type DateOptions } from '../core/values/date';
import { reviewDefinition } from '../core/scorecard/plausibility';
import { isMonthFirstLocale } from '../core/values/locale';
import { RUNTIME_ZONE, UTC_ZONE } from '../core/time/zone';
import { type ScorecardDefinition, checkDefinition, parseDefinition } from '../core/scorecard/definition';
import { InputError } from '../core/values/errors';
import { type Cell, dateCellText, showDatesIn } from '../core/values/cell';
import type { TimeZone } from '../core/time/zone';
import { goalsHandlers } from './goals/handlers';
import { accountsHandlers } from './accounts/handlers';

/** What the handlers need from where they run: the workbook, a clock, and a lock against double starts. */
export interface ServerDeps {
  readonly wb: WorkbookPort;
  readonly spreadsheetName: () => string;
  /** "2026-11-23 10:04" in the spreadsheet's time zone. */
  readonly timestamp: () => string;
  /** Runs fn while holding the document's lock; throws UserError if another build holds it. */
  readonly withLock: <T>(fn: () => T) => T;
  /**
   * The survey and improvement-loop calls (src/server/survey/handlers.ts), plugged in by the Apps Script
   * server, the local preview and the tests, each over its own automation ports. Left out (the scorecard's
   * tests), dispatch answers that this version cannot do them.
   */
  readonly survey?: (core: ScorecardHooks) => SurveyHandlers;
  /** Sections under the scorecard that other features add (the tracker's summary). */
  readonly scorecardExtras?: readonly ScorecardExtra[];
  /**
   * The spreadsheet's time zone: its date cells are midnight in it, so that is where samples, headers and
   * messages show their day. Absent: the zone dates are already shown in (the runtime's outside Sheets).
   */
  readonly zone?: TimeZone;
  /**
   * How the spreadsheet reads dates (its zone and locale), for what the server computes itself (the checks
   * before a build, the builder's look at the data). Left out: the workbook's locale, in UTC when its zone is
   * UTC, else the runtime's zone.
   */
  readonly dates?: () => DateOptions;
}

/** What the survey calls need from the scorecard side. */
export interface ScorecardHooks {
  readonly wb: WorkbookPort;
  readonly spreadsheetName: () => string;
  readonly ownScorecard: () => string | null;
  readonly storedDefinition: () => ScorecardDefinition | null;
  readonly build: (def: ScorecardDefinition) => Results['buildScorecard'];
  /** Runs `fn` after every scorecard build (the weekly mail's snapshot is read again then). */
  readonly onBuilt: (fn: () => void) => void;
}

export type SurveyCall =
  | 'surveyDefaults'
  | 'previewSurvey'
  | 'createSurvey'
  | 'automationStatus'
  | 'setAutomation'
  | 'syncFeedback'
  | 'uninstallAutomation'
  | 'simulateResponses'
  | 'formStates'
  | 'retryFailed'
  | 'oldReviews'
  | 'surveyLinks'
  | 'trackerActions'
  | 'closeAction'
  | 'draftReply'
  | 'sendReply'
  | 'resultWindow';
/** The survey module's handlers: one per survey call of the contract, typed by it. */
export type SurveyHandlers = { [N in SurveyCall]: Handler<N> };

/** A failure the user can act on; its message is shown in the sidebar as it is. */
export class UserError extends Error {}

/**
 * A handler for every call of the contract, each taking the arguments its schema parsed and returning
 * its result type (the survey's may be absent: dispatch then says this version cannot do them).
 */
export type Handlers = { [N in Exclude<CallName, SurveyCall>]: Handler<N> } & Partial<SurveyHandlers>;

/** A sample cell as the sidebar gets it: a date cell as the day (and time) it shows in the spreadsheet's zone, never the UTC instant. */
function sampleValue(c: Cell, zone?: TimeZone): string | number | boolean {
  if (c instanceof Date) return isNaN(c.getTime()) ? '' : dateCellText(c, zone, true);
  return c === null || c === undefined ? '' : c;
}

/** One sheet's table for the wizard: found once here, its columns sampled for the sidebar's guesses. */
export function sheetTable(sheet: string, grid: Cell[][], zone?: TimeZone): SheetTable {
  try {
    if (zone) showDatesIn(zone); // date headers are named by their day there
    const t = findTable(grid);
    const rows = t.dataRows.slice(0, SAMPLE_ROWS);
    const columns = t.headers.map((_, j) => rows.map((r) => sampleValue(grid[r]?.[t.firstCol + j], zone)));
    return {
      sheet,
      headerRow: t.headerRow + 1,
      headers: t.headers,
      columns,
      dataRows: t.dataRows.length,
      skipped: t.skipped,
      problem: null,
      profile: t.profile ?? null,
      labels: t.labels ?? null,
    };
  } catch (e) {
    return {
      sheet,
      headerRow: null,
      headers: [],
      columns: [],
      dataRows: 0,
      skipped: [],
      problem: (e as Error).message,
      profile: null,
      labels: null,
    };
  }
}

export function createHandlers(deps: ServerDeps): Handlers {
  const { wb } = deps;
  if (deps.zone) showDatesIn(deps.zone);
  const storedDefinition = (): ScorecardDefinition | null => {
    const text = wb.getSetting(DEFINITION_KEY);
    if (!text) return null;
    try {
      return parseDefinition(JSON.parse(text));
    } catch {
      return null;
    }
  };
  const ownScorecard = (): string | null => {
    const name = wb.getSetting(SCORECARD_SHEET_KEY);
    return name && wb.sheetNames().includes(name) && wb.getSheetTag(name) === SCORECARD_TAG ? name : null;
  };
  const afterBuild: (() => void)[] = [];
  const build = (def: ScorecardDefinition, force = false): Results['buildScorecard'] =>
    deps.withLock(() => {
      try {
        const r = buildScorecard(wb, def, deps.timestamp(), deps.scorecardExtras, { dates: deps.dates?.(), force });
        for (const fn of afterBuild) fn();
        const label = (id: string) => MEASURES.find((m) => m.id === id)?.label ?? id;
        return {
          sheet: r.sheetName,
          measures: r.measures,
          missing: r.missing,
          skipped: r.skipped.length,
          problems: r.problems.map((p) => ({ measure: p.measure, label: label(p.measure), problem: p.problem })),
          confirm: null,
        };
      } catch (e) {
        if (!(e instanceof NeedsConfirmation)) throw e;
        return {
          sheet: e.sheet,
          measures: [],
          missing: [],
          skipped: 0,
          problems: [],
          confirm: { sheet: e.sheet, cells: e.cells, message: e.message },
        };
      }
    });

  return {
    home(): HomeInfo {
      const sheets = wb.sheetNames().filter((n) => !isOwnTag(wb.getSheetTag(n)));
      const scorecard = ownScorecard();
      return {
        spreadsheet: deps.spreadsheetName(),
        sheets,
        scorecard: scorecard ? { sheet: scorecard } : null,
        hasDefinition: storedDefinition() !== null,
      };
    },
    readTables(): SheetTable[] {
      const out: SheetTable[] = [];
      for (const name of wb.sheetNames()) {
        if (isOwnTag(wb.getSheetTag(name))) continue;
        const grid = wb.sheet(name)?.readValues();
        if (grid) out.push(sheetTable(name, grid, deps.zone));
      }
      return out;
    },
    getDefinition() {
      return storedDefinition();
    },
    buildScorecard({ definition, force }) {
      // dispatch parsed the shape; what is left are the rules (in words), and no second parse.
      let def: ScorecardDefinition;
      try {
        def = checkDefinition(definition);
      } catch (e) {
        throw new UserError((e as Error).message);
      }
      return build(def, force === true);
    },
    checkScorecard({ definition }) {
      let def: ScorecardDefinition;
      try {
        def = checkDefinition(definition);
      } catch (e) {
        throw new UserError((e as Error).message);
      }
      const dates = deps.dates?.() ?? {
        zone: wb.timeZone() === 'UTC' ? UTC_ZONE : RUNTIME_ZONE,
        monthFirst: isMonthFirstLocale(wb.locale()),
      };
      return reviewDefinition(def, (sheet) => (wb.sheetNames().includes(sheet) ? (wb.sheet(sheet)?.readValues() ?? null) : null), dates);
    },
    rebuildScorecard({ force }) {
      const def = storedDefinition();
      if (!def) throw new UserError('There is no scorecard to rebuild yet. Open Leadlag and build one with the wizard.');
      return build(def, force === true);
    },
    showSheet({ sheet }) {
      if (!wb.sheetNames().includes(sheet)) throw new UserError(`There is no sheet called "${sheet}" any more. Rebuild the scorecard.`);
      wb.activate?.(sheet);
      return null;
    },
    ...goalsHandlers({ ...deps, userError: (m) => new UserError(m) }),
    ...accountsHandlers({ ...deps, userError: (m) => new UserError(m) }),
    // Without the survey module its calls are unknown here, and dispatch says so.
    ...(deps.survey?.({
      wb,
      spreadsheetName: deps.spreadsheetName,
      ownScorecard,
      storedDefinition,
      build,
      onBuilt: (fn) => afterBuild.push(fn),
    }) as SurveyHandlers),
  };
}

/** How arguments that do not fit their call's schema read, where the generic words would not help. */
const INVALID: Partial<Record<CallName, string>> = {
  previewSurvey: 'The survey settings are not valid',
  createSurvey: 'The survey settings are not valid',
};

/**
 * The one entry the sidebar calls: checks the call's name against the contract, parses its arguments with
 * the contract's schema (the only parse on the way: handlers get them typed), and turns every failure into
 * a message the user can act on (never a stack trace).
 */
export function dispatch(handlers: Handlers, name: unknown, args: unknown): unknown {
  if (typeof name !== 'string' || !Object.prototype.hasOwnProperty.call(handlers, name)) {
    throw new UserError(
      `This version of Leadlag cannot do "${String(name)}" (the sidebar may be newer than the add-on). Reload the spreadsheet and try again.`,
    );
  }
  const call = name as CallName;
  const parsed = calls()[call].args.safeParse(args ?? {});
  if (!parsed.success) {
    const what = parsed.error.issues.map((i) => `${i.path.join('.') || 'arguments'}: ${i.message}`).join('; ');
    const lead = INVALID[call] ?? 'Leadlag could not use what the sidebar sent';
    throw new UserError(`${lead} (${what}). Reload the sidebar and try again.`);
  }
  try {
    return (handlers[call] as (args: unknown) => unknown)(parsed.data);
  } catch (e) {
    if (e instanceof UserError) throw e;
    if (e instanceof BuildError || e instanceof InputError || e instanceof SettingsTooLarge) throw new UserError(e.message);
    const why = e instanceof Error ? e.message : String(e);
    throw new UserError(
      `Something went wrong in Leadlag (${why}). Your data was not changed. Try again; if it happens again, tell us what you did.`,
    );
  }
}
