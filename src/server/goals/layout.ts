import { type Cell } from '../../core/values/cell';
import { civilFromDays } from '../../core/time/days';
import { type Goal } from '../../core/goals/read';
import { type GoalRole } from '../../core/goals/columns';
import { FLAG_WORDS, MIN_CHECKINS_FOR_AMBITION, staleWords } from '../../core/goals/report';
import { type GoalTree } from '../../core/goals/tree';
import { type MeasureInfo } from '../../core/scorecard/measures';
import { type ConditionalRule, type StyledRange, type WriteCell } from '../ports/workbook';
import { COL as SCORECARD_COL } from '../scorecard/layout';
import { columnLetter, formulaString, quoteSheet } from '../scorecard/references';
import { type Rect } from './keep';

/**
 * The Goals sheet, as a pure plan (written by build.ts in one block). One row per goal, in the tree's order
 * (company goal first, each goal under the one it contributes to), fixed when built and keyed by the goal's
 * ID in column A; every value a live formula: the goal's words, owner, start, target and due date come from
 * the manager's goals table by ID (MATCH, so sorting or inserting rows there changes nothing), a key result
 * tied to a scorecard measure takes that measure's latest value from the Scorecard by its label, on its row
 * under the header (so a scorecard rebuild that moves its rows, or a top band that names it, changes nothing), OKR_ROLLUP scores the tree and writes each chain,
 * and the flags are native formulas over the check-in history and TODAY(). Confidence and comment are typed
 * (kept by ID on rebuilds).
 */
/** The text of the Scorecard's header row in its measure column (server/scorecard/layout.ts). */
export const SCORECARD_HEADER = 'Measure';

export const GOAL_COL = {
  id: 0,
  goal: 1,
  level: 2,
  score: 3,
  owner: 4,
  start: 5,
  current: 6,
  target: 7,
  due: 8,
  flags: 9,
  confidence: 10,
  comment: 11,
  lastCheckIn: 12,
  chain: 13,
  tied: 14,
  // Workings: what the formulas read (live from the goals table), and OKR_ROLLUP's spill.
  parent: 15,
  weight: 16,
  own: 17,
  since: 18,
  rolled: 19,
  rolledChain: 20,
} as const;

export const GOALS_HEADER_ROW = 5;
const WIDTH = GOAL_COL.rolledChain + 1;
/** Em spaces: kept as they are wherever the sheet is shown (plain spaces may be collapsed). */
const INDENT = '\u2003\u2003';

export const GOALS_HEADERS: readonly string[] = [
  'ID',
  'Goal',
  'Level',
  'Score',
  'Owner',
  'Start',
  'Current',
  'Target',
  'Due',
  'Flags',
  'Confidence (1–10)',
  'Comment this week',
  'Last check-in',
  'Chain to the company goal',
  'Current comes from',
  'Parent',
  'Weight',
  'Own score',
  'On this sheet since',
  'Rolled-up score',
  'Chain',
];

/** The typed columns, kept by ID on rebuilds (the date a goal came onto the sheet is kept the same way). */
export const GOALS_TYPED = { confidence: GOAL_COL.confidence, comment: GOAL_COL.comment, since: GOAL_COL.since } as const;

export interface GoalsLayoutInput {
  readonly goals: readonly Goal[];
  readonly tree: GoalTree;
  readonly levels: readonly string[];
  /** The goals table: its sheet, its columns as open-ended ranges, each goal's ID cell as the table holds it. */
  readonly source: { readonly sheet: string; readonly ranges: Partial<Record<GoalRole, string>>; readonly ids: number };
  readonly idCell: (g: Goal) => Cell;
  /** The Scorecard sheet (its measure labels in column A, latest values in B), or null before one is built. */
  readonly scorecard: string | null;
  /** The Goal check-ins sheet's ranges of dates, IDs and scores. */
  readonly history: { readonly sheet: string; readonly date: string; readonly id: string; readonly score: string };
  /** What was typed before, by ID (lower case). */
  readonly kept: ReadonlyMap<string, Readonly<Record<string, Cell>>>;
  /** The day (core/time/days.ts) each goal came onto the sheet: kept from before, else today. */
  readonly since: (g: Goal) => number;
  readonly staleDays: number;
  readonly title: string;
  readonly reads: string;
}

export interface GoalsPlan {
  readonly block: WriteCell[][];
  readonly styles: StyledRange[];
  readonly rules: ConditionalRule[];
  readonly widths: { col: number; width: number }[];
  readonly frozen: { rows: number; cols: number };
  readonly spills: Rect[];
  readonly first: number;
  readonly last: number;
  /** Each goal's row, by ID. */
  readonly rows: Readonly<Record<string, number>>;
}

const GREEN = '#e6f4ea';
const AMBER = '#fef7e0';
const RED = '#fce8e6';
const SECTION = '#f1f3f4';
const GREY = '#5f6368';

/** A number format for a key result's start, current and target: the measure's, else a percentage where they are fractions. */
function formatOf(g: Goal): string {
  if (g.measure) return g.measure.format;
  const s = g.start ?? 0;
  const t = g.target ?? 0;
  const fractions = Math.abs(s) <= 1 && Math.abs(t) <= 1 && !(Number.isInteger(s) && Number.isInteger(t));
  return fractions ? '0%' : Number.isInteger(s) && Number.isInteger(t) ? '#,##0' : '#,##0.00';
}

export function planGoals(input: GoalsLayoutInput): GoalsPlan {
  const { goals, tree, source } = input;
  const first = GOALS_HEADER_ROW + 1;
  const last = first + tree.order.length - 1;
  const rows: WriteCell[][] = [];
  const put = (cells: WriteCell[]): number => {
    const row = new Array<WriteCell>(WIDTH).fill(null);
    cells.forEach((c, i) => (row[i] = c));
    rows.push(row);
    return rows.length;
  };
  const ids = source.ranges.id!;
  const n = source.ids;
  put([{ text: input.title }]);
  put([{ text: input.reads }]);
  put([
    {
      formula:
        `IF(COUNTA(${ids})<>${n}, "The goals table has "&COUNTA(${ids})&" IDs and this sheet shows ${n}: rebuild it ` +
        `(Leadlag › Goals that connect) to show every goal.", "0.7 is a good score for a stretch goal; 1.0 every time means the goals were not ambitious.")`,
    },
  ]);
  put([
    {
      text:
        'Each week: type your confidence (1 to 10) and a comment beside each key result, then Record check-in in the Leadlag sidebar; ' +
        `"${input.history.sheet}" keeps them as history.`,
    },
  ]);
  put(GOALS_HEADERS.map((t) => ({ text: t })));

  const styles: StyledRange[] = [];
  const rules: ConditionalRule[] = [];
  const L = columnLetter;
  const lastCol = L(WIDTH - 1);
  const out: Record<string, number> = {};
  const sc = input.scorecard ? quoteSheet(input.scorecard) : null;
  const scCol = (c: number) => `${sc}!$${columnLetter(c)}:$${columnLetter(c)}`;
  const hist = input.history;
  const range = (from: number, col: number) => `$${columnLetter(col)}$${from}:$${columnLetter(col)}$${last}`;
  tree.order.forEach((i, k) => {
    const g = goals[i];
    const r = first + k;
    out[g.id] = r;
    const at = (col: number) => `$${columnLetter(col)}${r}`;
    const match = `MATCH($A${r}, ${ids}, 0)`;
    const src = (role: GoalRole): WriteCell => {
      const range = source.ranges[role];
      return range ? { formula: `IFERROR(INDEX(${range}, ${match}), "")` } : null;
    };
    const kept = input.kept.get(g.id.trim().toLowerCase()) ?? {};
    const keptCell = (id: string): WriteCell => {
      const v = kept[id];
      return v === undefined || v === null || v === '' ? null : typeof v === 'string' ? { text: v } : v;
    };
    const id = input.idCell(g);
    const cells: WriteCell[] = new Array<WriteCell>(WIDTH).fill(null);
    cells[GOAL_COL.id] = typeof id === 'number' ? id : { text: g.id };
    cells[GOAL_COL.goal] = {
      formula: `${formulaString(INDENT.repeat(tree.depth[i]))}&IFERROR(INDEX(${source.ranges.title ?? ids}, ${match}), "(no longer in the goals table: rebuild)")`,
    };
    cells[GOAL_COL.level] = { text: input.levels[i] };
    cells[GOAL_COL.owner] = src('owner');
    cells[GOAL_COL.due] = src('due');
    cells[GOAL_COL.parent] = src('parent');
    cells[GOAL_COL.weight] = src('weight');
    cells[GOAL_COL.confidence] = keptCell('confidence');
    cells[GOAL_COL.comment] = keptCell('comment');
    const { year, month, day } = civilFromDays(input.since(g));
    cells[GOAL_COL.since] = { formula: `DATE(${year}, ${month}, ${day})` };
    cells[GOAL_COL.lastCheckIn] = {
      formula: `IF(COUNTIF(${hist.id}, $A${r})=0, "", MAXIFS(${hist.date}, ${hist.id}, $A${r}))`,
    };
    if (g.kind === 'key_result') {
      cells[GOAL_COL.start] = src('start');
      cells[GOAL_COL.target] = src('target');
      const m: MeasureInfo | null = g.measure;
      const flags: string[] = [];
      if (m) {
        cells[GOAL_COL.tied] = { text: `${m.label} (${m.kind} measure)` };
        const label = formulaString(m.label);
        if (sc) {
          // The measure's row is the label's first match under the Scorecard's header row: the top band above it
          // names its first card's measure in the same column (and sections below name measures again).
          const labels = scCol(SCORECARD_COL.measure);
          const inBand = `(MATCH(${label}, ${labels}, 0)<MATCH(${formulaString(SCORECARD_HEADER)}, ${labels}, 0))`;
          cells[GOAL_COL.current] = {
            formula: `IFERROR(INDEX(FILTER(${scCol(SCORECARD_COL.latest)}, ${labels}=${label}), 1+${inBand}), "")`,
          };
          flags.push(
            `IF(ISNA(MATCH(${label}, ${scCol(SCORECARD_COL.measure)}, 0)), ${formulaString(FLAG_WORDS.notOnScorecard(m))}, IF(${at(GOAL_COL.current)}="", ${formulaString(FLAG_WORDS.noLiveValue)}, ""))`,
          );
        } else flags.push(formulaString(FLAG_WORDS.notOnScorecard(m)));
      } else {
        cells[GOAL_COL.tied] = { text: 'typed in the goals table' };
        cells[GOAL_COL.current] = src('current');
        flags.push(`IF(${at(GOAL_COL.current)}="", ${formulaString(FLAG_WORDS.noValue)}, "")`);
        const updated = source.ranges.updated ? `N(IFERROR(INDEX(${source.ranges.updated}, ${match}), 0))` : '0';
        const evidence = `MAX(${updated}, N(${at(GOAL_COL.lastCheckIn)}))`;
        flags.push(
          `IF(TODAY()-IF(${evidence}=0, ${at(GOAL_COL.since)}, ${evidence})>${input.staleDays}, ${formulaString(staleWords(input.staleDays))}, "")`,
        );
      }
      flags.push(
        `IF(AND(COUNTIFS(${hist.id}, $A${r}, ${hist.score}, ">=1")>=${MIN_CHECKINS_FOR_AMBITION}, COUNTIFS(${hist.id}, $A${r}, ${hist.score}, "<1")=0), ${formulaString(FLAG_WORDS.notAmbitious)}, "")`,
        `IF(AND(ISNUMBER(${at(GOAL_COL.due)}), ${at(GOAL_COL.due)}<TODAY(), N(${at(GOAL_COL.score)})<1), ${formulaString(FLAG_WORDS.pastDue)}, "")`,
      );
      cells[GOAL_COL.flags] = { formula: `TEXTJOIN("; ", TRUE(), ${flags.join(', ')})` };
      const [s, c, t] = [at(GOAL_COL.start), at(GOAL_COL.current), at(GOAL_COL.target)];
      // OKR_SCORE's arithmetic (DOMAIN.md), natively: one custom-function round trip fewer per key result.
      cells[GOAL_COL.own] = {
        formula: `IF(OR(${c}="", ${s}="", ${t}=""), "", IF(${t}=${s}, IF(${c}=${t}, 1, 0), MIN(1, MAX(0, (${c}-${s})/(${t}-${s})))))`,
      };
      const f = formatOf(g);
      styles.push({ a1: `${L(GOAL_COL.start)}${r}:${L(GOAL_COL.target)}${r}`, numberFormat: f });
    } else {
      const lead = tree.children[i].some((c) => goals[c].kind === 'key_result' && goals[c].measure?.kind === 'lead');
      cells[GOAL_COL.flags] = lead ? null : { text: FLAG_WORDS.noLead };
      styles.push({ a1: `A${r}:${L(GOAL_COL.level)}${r}`, bold: true });
    }
    // The score and the chain shown where a manager reads them, from the roll-up's spill.
    cells[GOAL_COL.score] = { formula: `${at(GOAL_COL.rolled)}` };
    cells[GOAL_COL.chain] = { formula: `${at(GOAL_COL.rolledChain)}` };
    rows.push(cells);
  });
  // The roll-up: one formula in the workings, reading the rows (each goal's parent, own score, weight and words).
  rows[first - 1][GOAL_COL.rolled] = {
    formula: `OKR_ROLLUP(${range(first, GOAL_COL.id)}, ${range(first, GOAL_COL.parent)}, ${range(first, GOAL_COL.own)}, ${range(first, GOAL_COL.weight)}, ${range(first, GOAL_COL.goal)})`,
  };
  const spills: Rect[] = [[first, GOAL_COL.rolled + 1, last, GOAL_COL.rolledChain + 1]];

  const col = (c: number, rest: Omit<StyledRange, 'a1'>): StyledRange => ({ a1: `${L(c)}${first}:${L(c)}${last}`, ...rest });
  styles.push(
    { a1: 'A1:A1', bold: true, fontSize: 14 },
    { a1: 'A2:A4', italic: true, color: GREY },
    { a1: `A${GOALS_HEADER_ROW}:${lastCol}${GOALS_HEADER_ROW}`, bold: true, background: SECTION, wrap: true },
    { a1: `${L(GOAL_COL.parent)}${GOALS_HEADER_ROW}:${lastCol}${last}`, color: GREY },
    col(GOAL_COL.id, { color: GREY }),
    col(GOAL_COL.score, { numberFormat: '0.00', bold: true, align: 'center' }),
    col(GOAL_COL.due, { numberFormat: 'yyyy-mm-dd' }),
    col(GOAL_COL.flags, { wrap: true, color: '#b06000' }),
    col(GOAL_COL.confidence, { align: 'center' }),
    col(GOAL_COL.comment, { wrap: true }),
    col(GOAL_COL.lastCheckIn, { numberFormat: 'yyyy-mm-dd', color: GREY }),
    col(GOAL_COL.tied, { color: GREY }),
    col(GOAL_COL.own, { numberFormat: '0.00' }),
    col(GOAL_COL.since, { numberFormat: 'yyyy-mm-dd' }),
    col(GOAL_COL.rolled, { numberFormat: '0.00' }),
  );
  const sc0 = `$${L(GOAL_COL.score)}${first}`;
  const scores = `${L(GOAL_COL.score)}${first}:${L(GOAL_COL.score)}${last}`;
  const flagsAt = `${L(GOAL_COL.flags)}${first}:${L(GOAL_COL.flags)}${last}`;
  rules.push(
    { a1: scores, formula: `=AND(ISNUMBER(${sc0}), ${sc0}>=0.7)`, background: GREEN, color: '#137333' },
    { a1: scores, formula: `=AND(ISNUMBER(${sc0}), ${sc0}>=0.4)`, background: AMBER, color: '#b06000' },
    { a1: scores, formula: `=ISNUMBER(${sc0})`, background: RED, color: '#c5221f' },
    { a1: flagsAt, formula: `=$${L(GOAL_COL.flags)}${first}<>""`, background: AMBER },
  );
  const widths = [56, 360, 140, 60, 110, 80, 80, 80, 90, 260, 96, 260, 96, 520, 190, 64, 64, 64, 96, 80, 200];
  return {
    block: rows,
    styles,
    rules,
    widths: widths.map((width, i) => ({ col: i + 1, width })),
    frozen: { rows: GOALS_HEADER_ROW, cols: 2 },
    spills,
    first,
    last,
    rows: out,
  };
}
