import type { GoalsBuilt, GoalsPreview, GoalsSetup, Handler } from '../../rpc/contract';
import { type GoalsDefinition, checkGoalsDefinition } from '../../core/goals/definition';
import { levelOf } from '../../core/goals/read';
import { MEASURES } from '../../core/scorecard/measures';
import { cellText } from '../../core/tables/kinds';
import { daysFromCivil } from '../../core/time/days';
import { UTC_ZONE } from '../../core/time/zone';
import { type DateOptions } from '../../core/values/date';
import { isMonthFirstLocale } from '../../core/values/locale';
import { type WorkbookPort } from '../ports/workbook';
import { COL as SCORECARD_COL } from '../scorecard/layout';
import { findOwn } from '../tracker/sheets';
import { GOALS_FOOTPRINT_KEY, GOALS_SHEET_KEY, GOALS_TAG, buildGoals, ownScorecard, storedGoals } from './build';
import { CHECKINS, recordCheckIn } from './checkins';
import { KeepConfirmation } from './own';
import { resolveGoals } from './source';

/** What the goals calls need from where they run (a part of the server's deps). */
export interface GoalsDeps {
  readonly wb: WorkbookPort;
  readonly timestamp: () => string;
  readonly withLock: <T>(fn: () => T) => T;
  /** How the spreadsheet reads dates (its zone and locale); left out: UTC and the workbook's locale. */
  readonly dates?: () => DateOptions;
  /** Failures the user can act on, as the server's dispatch shows them. */
  readonly userError: (message: string) => Error;
}

export type GoalsCall = 'goalsSetup' | 'previewGoals' | 'buildGoals' | 'rebuildGoals' | 'recordCheckIn';

/** "2026-12-01 10:04" → its day. */
export function dayOf(timestamp: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(timestamp);
  if (!m) throw new Error(`the clock gave "${timestamp}", not a date`);
  return daysFromCivil(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** The built Goals sheet, or null. */
export function ownGoals(wb: WorkbookPort): string | null {
  const name = wb.getSetting(GOALS_SHEET_KEY);
  return name && wb.sheetNames().includes(name) && wb.getSheetTag(name) === GOALS_TAG ? name : null;
}

export function goalsHandlers(deps: GoalsDeps): { [N in GoalsCall]: Handler<N> } {
  const { wb } = deps;
  // Asked for on each call (as the scorecard's checks do), not when the handlers are made.
  const dates = (): DateOptions => deps.dates?.() ?? { zone: UTC_ZONE, monthFirst: isMonthFirstLocale(wb.locale()) };
  const checked = (d: Parameters<typeof checkGoalsDefinition>[0]): GoalsDefinition => {
    try {
      return checkGoalsDefinition(d);
    } catch (e) {
      throw deps.userError((e as Error).message);
    }
  };
  const build = (def: GoalsDefinition, force: boolean): GoalsBuilt =>
    deps.withLock(() => {
      const stamp = deps.timestamp();
      try {
        const r = buildGoals(wb, def, stamp, { dates: dates(), force, today: dayOf(stamp) });
        wb.activate?.(r.sheet);
        return {
          sheet: r.sheet,
          history: r.history,
          objectives: r.objectives,
          keyResults: r.keyResults,
          live: r.live,
          notOnScorecard: r.notOnScorecard,
          scorecard: r.scorecard,
          notes: r.notes,
          confirm: null,
        };
      } catch (e) {
        if (!(e instanceof KeepConfirmation)) throw e;
        return {
          sheet: e.sheet,
          history: '',
          objectives: 0,
          keyResults: 0,
          live: 0,
          notOnScorecard: [],
          scorecard: null,
          notes: [],
          confirm: { sheet: e.sheet, cells: e.cells, message: e.message },
        };
      }
    });
  return {
    goalsSetup(): GoalsSetup {
      const scorecard = ownScorecard(wb);
      const labels = new Set<string>();
      if (scorecard) for (const row of wb.sheet(scorecard)?.readValues() ?? []) labels.add(cellText(row[SCORECARD_COL.measure]));
      return {
        stored: storedGoals(wb),
        sheet: ownGoals(wb),
        history: findOwn(wb, CHECKINS),
        scorecard,
        measures: MEASURES.map((m) => ({ id: m.id, label: m.label, kind: m.kind, onScorecard: labels.has(m.label) })),
      };
    },
    previewGoals({ definition }): GoalsPreview {
      const def = checked(definition);
      const source = resolveGoals(wb, def, dates());
      const { goals, tree, problems } = source.read;
      const scorecard = ownScorecard(wb);
      const labels = new Set<string>();
      if (scorecard) for (const row of wb.sheet(scorecard)?.readValues() ?? []) labels.add(cellText(row[SCORECARD_COL.measure]));
      const krs = goals.filter((g) => g.kind === 'key_result').length;
      return {
        objectives: goals.length - krs,
        keyResults: krs,
        problems: problems.map((p) => ({ row: p.row, message: p.message, blocking: p.blocking })),
        goals: tree
          ? tree.order.slice(0, 200).map((i) => {
              const g = goals[i];
              return {
                id: g.id,
                title: g.title,
                level: levelOf(goals, tree, i),
                depth: tree.depth[i],
                measure: g.measure?.label ?? null,
                onScorecard: g.measure ? labels.has(g.measure.label) : false,
              };
            })
          : [],
      };
    },
    buildGoals({ definition, force }) {
      return build(checked(definition), force === true);
    },
    rebuildGoals({ force }) {
      const def = storedGoals(wb);
      if (!def) throw deps.userError('There is no Goals sheet to rebuild yet. Open Leadlag and build it with Goals that connect.');
      return build(def, force === true);
    },
    recordCheckIn() {
      const sheet = ownGoals(wb);
      if (!sheet) throw deps.userError('There is no Goals sheet to check in yet. Build it first with Goals that connect.');
      return deps.withLock(() => recordCheckIn(wb, sheet, wb.getSetting(GOALS_FOOTPRINT_KEY), dayOf(deps.timestamp())));
    },
  };
}
