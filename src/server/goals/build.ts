import { type DateOptions, readDay } from '../../core/values/date';
import { cellText } from '../../core/tables/kinds';
import { type GoalsDefinition, parseGoalsDefinition } from '../../core/goals/definition';
import { levelOf } from '../../core/goals/read';
import { UTC_ZONE } from '../../core/time/zone';
import { type WorkbookPort, checkSettingFits } from '../ports/workbook';
import { BuildError } from '../scorecard/resolve';
import { SCORECARD_SHEET_KEY, SCORECARD_TAG } from '../scorecard/build';
import { COL as SCORECARD_COL } from '../scorecard/layout';
import { type GoalsSource, resolveGoals } from './source';
import { historyRanges } from './checkins';
import { GOALS_TYPED, planGoals } from './layout';
import { keyOf, keyedFootprint, parseKeyedFootprint, readBackKeyed } from './keep';
import { KeepConfirmation, ownSheet } from './own';

export const GOALS_TAG = 'leadlag:goals';
export const GOALS_SHEET_KEY = 'leadlag.goals.sheet';
export const GOALS_DEFINITION_KEY = 'leadlag.goals.definition';
export const GOALS_FOOTPRINT_KEY = 'leadlag.goals.footprint';
const NAMES = ['Goals that connect', 'Leadlag goals'];

export interface GoalsBuildResult {
  readonly sheet: string;
  readonly history: string;
  readonly objectives: number;
  readonly keyResults: number;
  /** Key results tied to a scorecard measure (live), and those whose measure the scorecard does not show. */
  readonly live: number;
  readonly notOnScorecard: readonly string[];
  readonly scorecard: string | null;
  /** What the goals table says that the build went past (an objective's unused target, …). */
  readonly notes: readonly string[];
  /** Each goal's row on the sheet. */
  readonly rows: Readonly<Record<string, number>>;
}

/** The Scorecard the add-on built, or null. */
export function ownScorecard(wb: WorkbookPort): string | null {
  const name = wb.getSetting(SCORECARD_SHEET_KEY);
  return name && wb.sheetNames().includes(name) && wb.getSheetTag(name) === SCORECARD_TAG ? name : null;
}

/** The stored goals definition, or null (none yet, or not readable any more). */
export function storedGoals(wb: WorkbookPort): GoalsDefinition | null {
  const text = wb.getSetting(GOALS_DEFINITION_KEY);
  if (!text) return null;
  try {
    return parseGoalsDefinition(JSON.parse(text));
  } catch {
    return null;
  }
}

/** The measure labels a Scorecard shows (its column A), for telling which tied key results it can serve. */
function scorecardLabels(wb: WorkbookPort, sheet: string | null): Set<string> {
  const out = new Set<string>();
  if (!sheet) return out;
  for (const row of wb.sheet(sheet)?.readValues() ?? []) out.add(cellText(row[SCORECARD_COL.measure]));
  return out;
}

export interface GoalsBuildOptions {
  readonly dates?: DateOptions;
  readonly force?: boolean;
  /** Today in the spreadsheet's zone, as a day number (core/time/days.ts). */
  readonly today: number;
}

/** Reads a goals table and says what a build would make of it: the tree, and every problem, with its row. */
export function previewGoals(wb: WorkbookPort, def: GoalsDefinition, dates: DateOptions): GoalsSource {
  return resolveGoals(wb, def, dates);
}

/**
 * Builds (or rebuilds) the Goals sheet: one read of the goals table, of the scorecard's labels, of the
 * check-in history and of the sheet itself (what was typed), then one block, one batch of styles, one set of
 * rules: the number of workbook calls does not depend on the number of goals.
 */
export function buildGoals(wb: WorkbookPort, def: GoalsDefinition, builtAt: string, options: GoalsBuildOptions): GoalsBuildResult {
  const dates = options.dates ?? { zone: UTC_ZONE, monthFirst: false };
  checkSettingFits(wb, GOALS_DEFINITION_KEY, JSON.stringify(def), 'The goals');
  const source = resolveGoals(wb, def, dates);
  const { goals, tree, problems } = source.read;
  const blocking = problems.filter((p) => p.blocking);
  if (blocking.length || !tree) {
    const shown = blocking.slice(0, 6).map((p) => p.message);
    throw new BuildError(
      `The goals table needs fixing before the sheet can be built: ${shown.join('; ')}${blocking.length > 6 ? `; and ${blocking.length - 6} more` : ''}.`,
    );
  }
  const scorecard = ownScorecard(wb);
  const labels = scorecardLabels(wb, scorecard);
  const history = historyRanges(wb);
  const target = ownSheet(wb, GOALS_TAG, NAMES, wb.getSetting(GOALS_SHEET_KEY));
  const footprint = parseKeyedFootprint(wb.getSetting(GOALS_FOOTPRINT_KEY));
  const kept = target.exists && footprint ? readBackKeyed(wb.sheet(target.name)!.readValues(), footprint) : null;
  if (kept?.added.length && !options.force)
    throw new KeepConfirmation(target.name, kept.added, 'Confidence and comments typed in their columns are always kept.');
  const plan = planGoals({
    goals,
    tree,
    levels: goals.map((_, i) => levelOf(goals, tree, i)),
    source: { sheet: source.sheet, ranges: source.ranges, ids: source.idCount },
    idCell: (g) => source.idCell(g.row),
    scorecard,
    history,
    kept: kept?.typed ?? new Map(),
    since: (g) => {
      const v = kept?.typed.get(keyOf(g.id))?.since;
      const d = v === undefined ? null : readDay(v, dates);
      return typeof d === 'number' ? d : options.today;
    },
    staleDays: def.staleDays,
    title: 'Goals that connect: every goal scored, and its chain to the company goal',
    reads:
      `Reads "${source.sheet}" (its goals by ID, rows ${source.firstRow}–${source.lastRow} and any pasted below)` +
      `${scorecard ? ` and the latest values on "${scorecard}"` : ''}. Built ${builtAt}. Scores are live formulas.`,
  });
  const footprintValue = JSON.stringify(
    keyedFootprint(plan.block, plan.spills, { key: 0, first: plan.first, last: plan.last, typed: GOALS_TYPED }),
  );
  checkSettingFits(wb, GOALS_FOOTPRINT_KEY, footprintValue, 'The goals sheet');

  const sheet = target.exists ? wb.sheet(target.name)! : wb.insertSheet(target.name);
  if (target.exists) sheet.clear();
  else wb.setSheetTag(target.name, GOALS_TAG);
  sheet.writeBlock(1, 1, plan.block);
  sheet.applyStyles(plan.styles);
  sheet.setConditionalRules(plan.rules);
  sheet.setFrozen(plan.frozen.rows, plan.frozen.cols);
  sheet.setColumnWidths(plan.widths);
  wb.setSetting(GOALS_SHEET_KEY, target.name);
  wb.setSetting(GOALS_DEFINITION_KEY, JSON.stringify(def));
  wb.setSetting(GOALS_FOOTPRINT_KEY, footprintValue);
  const krs = goals.filter((g) => g.kind === 'key_result');
  const tied = krs.filter((g) => g.measure);
  return {
    sheet: target.name,
    history: history.sheet,
    objectives: goals.length - krs.length,
    keyResults: krs.length,
    live: tied.length,
    notOnScorecard: [...new Set(tied.filter((g) => !labels.has(g.measure!.label)).map((g) => g.measure!.label))],
    scorecard,
    notes: problems.map((p) => p.message),
    rows: plan.rows,
  };
}
