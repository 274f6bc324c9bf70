import { okrScore } from '../measures/okr';
import { type MeasureInfo } from '../scorecard/measures';
import { type Goal, levelOf } from './read';
import { rollUp } from './rollup';
import { type GoalTree, chainOf, goalLabel } from './tree';

/**
 * Every goal scored, chained to its company goal and flagged: what the Goals sheet shows (its formulas:
 * server/goals/layout.ts) and the command line prints, from the same rules.
 *
 * Flags (a key result): no current value yet; no update for `staleDays` (a typed key result whose last
 * update, its "Updated" date or its latest check-in, or without either the day the sheet was first built, is
 * older: goals are abandoned when updating them is work); 1.0 at every check-in, 3 or more (not ambitious: Google's 0.7 is a good result for a stretch goal);
 * past its due date short of 1.0. An objective: no key result tied to a lead measure (customer measures can
 * be acted on this week; money only tells the score).
 */
export interface CheckIn {
  readonly id: string;
  readonly day: number;
  readonly score: number | null;
}

export interface GoalsContext {
  /** A measure's latest value: a number, null when it has none yet, undefined when the scorecard does not show it. */
  readonly live: (m: MeasureInfo) => number | null | undefined;
  readonly checkins: readonly CheckIn[];
  /** The day judged by (today). */
  readonly asOf: number;
  readonly staleDays: number;
  /** The day the goals sheet was first built: a goal never updated counts from it. Null: not counted. */
  readonly since: number | null;
}

export interface GoalLine {
  readonly goal: Goal;
  readonly depth: number;
  readonly level: string;
  readonly current: number | null;
  readonly ownScore: number | null;
  readonly score: number | null;
  readonly chain: string;
  readonly flags: readonly string[];
}

export const MIN_CHECKINS_FOR_AMBITION = 3;

/** "No update for 3 weeks" (or days, when not whole weeks). */
export function staleWords(days: number): string {
  return days % 7 === 0 ? `No update for ${days / 7} week${days === 7 ? '' : 's'}` : `No update for ${days} days`;
}

export const FLAG_WORDS = {
  noValue: 'No current value yet',
  notOnScorecard: (m: MeasureInfo) => `Not on the scorecard: add ${m.label} to it`,
  noLiveValue: 'No value yet on the scorecard',
  notAmbitious: '1.0 at every check-in: not ambitious',
  pastDue: 'Past due',
  noLead: 'No key result tied to a lead measure',
} as const;

/** The goals in tree order, each with its score, chain and flags. */
export function goalsReport(goals: readonly Goal[], tree: GoalTree, ctx: GoalsContext): GoalLine[] {
  const current = goals.map((g) => (g.kind !== 'key_result' ? null : g.measure ? (ctx.live(g.measure) ?? null) : g.current));
  const own = goals.map((g, i) => {
    const c = current[i];
    return g.kind === 'key_result' && c !== null && g.start !== null && g.target !== null ? okrScore(g.start, c, g.target) : null;
  });
  const ids = goals.map((g) => g.id);
  const score = rollUp(
    tree,
    own,
    goals.map((g) => g.weight),
    goalLabel(ids, (i) => `row ${goals[i].row}`),
  );
  const names = goals.map((g) => g.title);
  const byId = new Map<string, CheckIn[]>();
  for (const c of ctx.checkins) {
    const k = c.id.trim().toLowerCase();
    if (!byId.has(k)) byId.set(k, []);
    byId.get(k)!.push(c);
  }
  return tree.order.map((i) => {
    const g = goals[i];
    const flags: string[] = [];
    if (g.kind === 'key_result') {
      const mine = byId.get(g.id.trim().toLowerCase()) ?? [];
      if (current[i] === null) {
        if (!g.measure) flags.push(FLAG_WORDS.noValue);
        else flags.push(ctx.live(g.measure) === undefined ? FLAG_WORDS.notOnScorecard(g.measure) : FLAG_WORDS.noLiveValue);
      }
      if (!g.measure) {
        // The latest evidence of an update: its Updated date or a check-in; without either, when it was first built.
        let last = g.updated ?? -Infinity;
        for (const c of mine) last = Math.max(last, c.day);
        if (last === -Infinity) last = ctx.since ?? -Infinity;
        if (last > -Infinity && ctx.asOf - last > ctx.staleDays) flags.push(staleWords(ctx.staleDays));
      }
      const scored = mine.filter((c) => c.score !== null);
      if (scored.length >= MIN_CHECKINS_FOR_AMBITION && scored.every((c) => c.score! >= 1)) flags.push(FLAG_WORDS.notAmbitious);
      if (g.due !== null && g.due < ctx.asOf && !(score[i] !== null && score[i]! >= 1)) flags.push(FLAG_WORDS.pastDue);
    } else if (!tree.children[i].some((c) => goals[c].kind === 'key_result' && goals[c].measure?.kind === 'lead')) {
      flags.push(FLAG_WORDS.noLead);
    }
    return {
      goal: g,
      depth: tree.depth[i],
      level: levelOf(goals, tree, i),
      current: current[i],
      ownScore: own[i],
      score: score[i],
      chain: chainOf(tree, i, names, ids),
      flags,
    };
  });
}
