import type { DefinitionInput, ScorecardDefinition } from '../core/scorecard/definition';
import { MAX_MARKED, SCORECARD_DEFAULTS } from '../core/scorecard/defaults';
import { type TargetPath, pathIndexes } from '../core/scorecard/targetPath';
import { calendarSpec } from '../core/time/periods';
import { MEASURES, type MeasureId, type MeasureInfo, type Source } from '../core/scorecard/measures';
import { SOURCES } from '../core/scorecard/sourceKind';
import { bindMeasure } from '../core/scorecard/bindings';
import { MULTI_COLUMN_ROLES, ROLE_LABELS, type Role } from '../core/tables/roles';
import { SOURCE_LABELS, type SheetGuess } from './detect';
import { sourceRefFor } from '../core/tables/profiles/setup';
import type { CheckId, DefinitionReview, Implausible } from '../core/scorecard/plausibility';

/**
 * The wizard's choices, kept apart from the views so that each step can go back and forth without
 * losing anything, and turned into the server's scorecard definition only at the end.
 */
export type Period = ScorecardDefinition['period'];

export interface SourceChoice {
  readonly sheet: string;
  /** Role of each column of the sheet's table (index as in its headers). */
  roles: (Role | null)[];
}

export interface Draft {
  sources: Partial<Record<Source, SourceChoice>>;
  period: Period;
  periods: number;
  /** Measures the manager switched off (the others the data supports are on). */
  off: Set<MeasureId>;
  /** Targets as typed, by measure. */
  targets: Partial<Record<MeasureId, string>>;
  /** The measures the manager marked as mattering most (the top band), in the order marked; empty: Leadlag's choice. */
  marked: MeasureId[];
  /** "From X to Y by when" as typed, by measure; all four blank: no path. */
  paths: Partial<Record<MeasureId, PathDraft>>;
}

export interface PathDraft {
  from: string;
  to: string;
  /** Period labels of the scorecard's period, e.g. 2026-01 or 2026-Q3. */
  start: string;
  by: string;
}

const key = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

/** The roles of a sheet's columns: as saved in the last build when it used this sheet, else as guessed. */
export function rolesFor(guess: SheetGuess, source: Source, stored: ScorecardDefinition | null): (Role | null)[] {
  const saved = stored?.sources[source];
  if (saved && saved.sheet === guess.table.sheet) {
    const roles: (Role | null)[] = guess.table.headers.map(() => null);
    let found = 0;
    for (const [role, header] of Object.entries(saved.columns) as [Role, string][]) {
      const at = guess.table.headers.findIndex((h) => key(h) === key(header));
      if (at >= 0 && roles[at] === null) {
        roles[at] = role;
        found++;
      }
    }
    if (found > 0) return roles;
  }
  return [...guess.roles];
}

/**
 * The roles of a sheet read again (after new data was pasted, or columns renamed): each column keeps
 * the role its header had; a role no header keeps goes to the column newly guessed for it.
 */
export function remapRoles(oldHeaders: readonly string[], oldRoles: readonly (Role | null)[], fresh: SheetGuess): (Role | null)[] {
  const roles = fresh.table.headers.map((h) => {
    const at = oldHeaders.findIndex((o) => key(o) === key(h));
    return at >= 0 ? (oldRoles[at] ?? null) : null;
  });
  const kept = new Set(roles);
  fresh.roles.forEach((r, j) => {
    if (r && roles[j] === null && !kept.has(r) && oldRoles.includes(r)) roles[j] = r;
  });
  return roles;
}

/** The scorecard's default period, as a period the wizard offers (week, month or quarter). */
const DEFAULT_PERIOD = SCORECARD_DEFAULTS.period as Period;

/** The first draft: the last build's choices when there was one, else the first sheet of each kind. */
export function initialDraft(guesses: readonly SheetGuess[], stored: ScorecardDefinition | null): Draft {
  const sources: Partial<Record<Source, SourceChoice>> = {};
  for (const source of SOURCES) {
    const saved = stored?.sources[source];
    // A source the last build left out stays out; one whose sheet is gone is found again.
    if (stored && !saved) continue;
    const guess = guesses.find((g) => g.table.sheet === saved?.sheet && g.table.headers.length) ?? guesses.find((g) => g.kind === source);
    if (guess) sources[source] = { sheet: guess.table.sheet, roles: rolesFor(guess, source, stored) };
  }
  const draft: Draft = {
    sources,
    period: stored?.period ?? DEFAULT_PERIOD,
    periods: stored?.periods ?? SCORECARD_DEFAULTS.periods,
    off: new Set(),
    targets: {},
    marked: [...(stored?.marked ?? [])],
    paths: {},
  };
  if (stored) {
    if (stored.measures) for (const m of MEASURES) if (!stored.measures.includes(m.id)) draft.off.add(m.id);
    for (const [id, value] of Object.entries(stored.targets) as [MeasureId, number | null][]) {
      const info = MEASURES.find((m) => m.id === id);
      if (info && value !== null && value !== undefined) draft.targets[id] = formatTarget(value, info);
    }
    for (const [id, p] of Object.entries(stored.paths ?? {}) as [MeasureId, TargetPath][]) {
      const info = MEASURES.find((m) => m.id === id);
      if (info && p) draft.paths[id] = { from: formatTarget(p.from, info), to: formatTarget(p.to, info), start: p.start, by: p.by };
    }
  }
  return draft;
}

/**
 * Gives a column a role. A role belongs to one column (comments excepted), so the column that had it
 * loses it; returns that column's index, or null.
 */
export function setRole(choice: SourceChoice, column: number, role: Role | null): number | null {
  let moved: number | null = null;
  if (role && !MULTI_COLUMN_ROLES.has(role)) {
    choice.roles.forEach((r, i) => {
      if (r === role && i !== column) {
        choice.roles[i] = null;
        moved = i;
      }
    });
  }
  choice.roles[column] = role;
  return moved;
}

export function rolesOf(draft: Draft): Partial<Record<Source, ReadonlySet<string>>> {
  const out: Partial<Record<Source, ReadonlySet<string>>> = {};
  for (const s of SOURCES) {
    const c = draft.sources[s];
    if (c) out[s] = new Set(c.roles.filter((r): r is Role => r !== null));
  }
  return out;
}

/** Measures the chosen columns can compute, in the scorecard's order. */
export function supportedMeasures(draft: Draft): MeasureInfo[] {
  const roles = rolesOf(draft);
  return MEASURES.filter((m) => bindMeasure(m.id, roles) !== null);
}

/** What one source's chosen columns give, e.g. ["Revenue", "Orders"]. */
export function measuresFrom(draft: Draft, source: Source): MeasureInfo[] {
  return supportedMeasures(draft).filter((m) => m.source === source);
}

const NEEDS: Readonly<Record<Source, string>> = {
  sales: `${ROLE_LABELS.date} and ${ROLE_LABELS.amount}`,
  feedback: `${ROLE_LABELS.date} and a Referral score, Satisfaction or Compared with others column`,
  reviews: `${ROLE_LABELS.date}, ${ROLE_LABELS.stars} and ${ROLE_LABELS.responded}`,
};

/** Step 1's problems, in words. */
export function sourceProblems(draft: Draft): string[] {
  if (!draft.sources.sales && !draft.sources.feedback)
    return ['Choose a sheet with sales or with customer feedback: the scorecard counts its periods from their dates.'];
  return [];
}

/** Step 2's problems, in words. */
export function columnProblems(draft: Draft): string[] {
  const out: string[] = [];
  for (const s of SOURCES) {
    const c = draft.sources[s];
    if (c && measuresFrom(draft, s).length === 0)
      out.push(`${SOURCE_LABELS[s]} (“${c.sheet}”) gives no measure yet: choose its ${NEEDS[s]} columns.`);
  }
  const roles = rolesOf(draft);
  if (!out.length && !roles.sales?.has('date') && !roles.feedback?.has('date')) {
    out.push('Choose the Date column of the sales or the feedback sheet: the scorecard counts its periods from it.');
  }
  return out;
}

export type TargetUnit = 'percent' | 'points' | 'number';

export function targetUnit(info: MeasureInfo): TargetUnit {
  if (info.format.includes('%')) return 'percent';
  return info.id === 'nps' ? 'points' : 'number';
}

/** A typed target: blank is "no target"; percentages are typed as 85 or 85%. */
export function parseTarget(text: string, info: MeasureInfo): { value: number | null } | { error: string } {
  const t = text.replace(/[\s,£$€]/g, '').replace(/^−/, '-');
  if (t === '') return { value: null };
  const unit = targetUnit(info);
  const n = Number(t.replace(/%$/, ''));
  if (!Number.isFinite(n)) {
    const example = unit === 'percent' ? '85 (for 85%)' : unit === 'points' ? '30' : '150000';
    return { error: `${info.label}: “${text}” is not a number. Type a number such as ${example}, or leave it blank.` };
  }
  if (unit === 'points' && (n < -100 || n > 100)) return { error: `${info.label}: a referral score (NPS) target is from −100 to 100.` };
  return { value: unit === 'percent' ? n / 100 : n };
}

export function formatTarget(value: number, info: MeasureInfo): string {
  const v = targetUnit(info) === 'percent' ? value * 100 : value;
  return String(Math.round(v * 10000) / 10000);
}

const blankPath = (p: PathDraft | undefined) => !p || [p.from, p.to, p.start, p.by].every((x) => x.trim() === '');

/** A typed path: all blank is "no path"; otherwise all four, as numbers and periods of the scorecard's kind. */
export function parsePath(p: PathDraft | undefined, info: MeasureInfo, period: Period): { value: TargetPath | null } | { error: string } {
  if (blankPath(p)) return { value: null };
  const from = parseTarget(p!.from, info);
  const to = parseTarget(p!.to, info);
  if ('error' in from) return from;
  if ('error' in to) return to;
  if (from.value === null || to.value === null || !p!.start.trim() || !p!.by.trim())
    return { error: `${info.label}: a path needs all four: from, to, the period it starts and the period it is due.` };
  const path: TargetPath = { from: from.value, to: to.value, start: p!.start.trim(), by: p!.by.trim() };
  const fit = pathIndexes(path, calendarSpec(period));
  if ('problem' in fit) return { error: `${info.label}: ${fit.problem}.` };
  return { value: path };
}

/** Marks or unmarks a measure for the top band; at most MAX_MARKED, so a fourth is refused (false). */
export function toggleMarked(draft: Draft, id: MeasureId, on: boolean): boolean {
  const i = draft.marked.indexOf(id);
  if (!on) {
    if (i >= 0) draft.marked.splice(i, 1);
    return true;
  }
  if (i >= 0) return true;
  if (draft.marked.length >= MAX_MARKED) return false;
  draft.marked.push(id);
  return true;
}

/** Step 3's problems, in words. */
export function measureProblems(draft: Draft): string[] {
  const on = supportedMeasures(draft).filter((m) => !draft.off.has(m.id));
  const out: string[] = [];
  if (on.length === 0) out.push('Choose at least one measure.');
  if (!Number.isInteger(draft.periods) || draft.periods < 3 || draft.periods > 36)
    out.push('Periods shown must be a whole number from 3 to 36.');
  for (const m of on) {
    const r = parseTarget(draft.targets[m.id] ?? '', m);
    if ('error' in r) out.push(r.error);
    const p = parsePath(draft.paths[m.id], m, draft.period);
    if ('error' in p) out.push(p.error);
  }
  return out;
}

/** The definition the server builds from (definitionShape in src/core/scorecard/definition.ts). */
export function toDefinition(draft: Draft, guesses: readonly SheetGuess[]): DefinitionInput {
  const sources: DefinitionInput['sources'] = {};
  for (const s of SOURCES) {
    const c = draft.sources[s];
    const guess = c && guesses.find((g) => g.table.sheet === c.sheet);
    if (!c || !guess) continue;
    // A role several columns share (comments) is sent once: the column that fits it best, as the server picks.
    const fit = (i: number) => (guess.suggestions[i]?.role === c.roles[i] ? guess.suggestions[i].confidence : 0);
    const order = c.roles.map((_, i) => i).sort((a, b) => fit(b) - fit(a) || a - b);
    const mapping: Partial<Record<Role, number>> = {};
    for (const i of order) {
      const role = c.roles[i];
      if (role && mapping[role] === undefined) mapping[role] = i;
    }
    // The rules its export's profile reads it by (or a status column's), the filter columns and the currency.
    sources[s] = sourceRefFor(c.sheet, guess.table, mapping, guess.table.columns);
  }
  const supported = supportedMeasures(draft);
  const on = supported.filter((m) => !draft.off.has(m.id));
  const targets: Record<string, number> = {};
  for (const m of on) {
    const r = parseTarget(draft.targets[m.id] ?? '', m);
    if ('value' in r && r.value !== null) targets[m.id] = r.value;
  }
  const def: DefinitionInput = { version: 1, period: draft.period, periods: draft.periods, sources, targets };
  if (on.length < supported.length) def.measures = on.map((m) => m.id);
  const marked = draft.marked.filter((id) => on.some((m) => m.id === id));
  if (marked.length) def.marked = marked;
  const paths: Record<string, TargetPath> = {};
  for (const m of on) {
    const r = parsePath(draft.paths[m.id], m, draft.period);
    if ('value' in r && r.value) paths[m.id] = r.value;
  }
  if (Object.keys(paths).length) def.paths = paths;
  return def;
}

/** The server's checks of the draft as it stands (checkScorecard): in flight, done, or failed with a message. */
export interface DraftCheck {
  /** The definition's sources and period as JSON: which draft the answer is for. */
  readonly key: string;
  readonly state: 'pending' | 'done' | 'failed';
  readonly result?: DefinitionReview;
  readonly error?: string;
  readonly done: Promise<DraftCheck>;
}

/** Which draft a check is for: the sources as they would be built, and the period. */
export function checkKey(def: DefinitionInput): string {
  return JSON.stringify([def.sources, def.period]);
}

/** The checks a manager may confirm as right: all but a sheet of the wrong kind (that one is chosen again). */
export function acceptable(r: DefinitionReview): Implausible[] {
  return r.problems.filter((p) => p.check !== 'kind');
}

/** What the checks stop, in words: nothing once every problem is confirmed (a sheet of the wrong kind never is). */
export function checkProblems(check: DraftCheck | null, accepted: ReadonlySet<CheckId>): string[] {
  if (!check || check.state === 'pending')
    return ['Leadlag is still checking the columns against the whole sheets; wait a moment, then try again.'];
  if (check.state === 'failed' || !check.result) return [check.error ?? 'The columns could not be checked. Read the sheets again.'];
  return check.result.problems
    .filter((p) => p.check === 'kind' || !accepted.has(p.check))
    .map((p) => `${SOURCE_LABELS[p.source]}: ${capital(p.message)}.`);
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
