import * as z from 'zod/mini';
import { MEASURE_IDS, type MeasureId } from './measures';
import { ROLES, type Role, isRole } from '../tables/roles';
import { MAX_MARKED, SCORECARD_DEFAULTS } from './defaults';
import { SOURCES } from './sourceKind';
import { type FilterRule, MAX_FILTERS, type SourceRules, filtersRead } from '../sources/rules';
import { type PeriodKind, calendarSpec } from '../time/periods';
import { type TargetPath, pathIndexes } from './targetPath';

/**
 * What a scorecard is built from, stored in the spreadsheet (a document setting) so that it can be
 * rebuilt or edited later. It crosses from the sidebar and from the settings store into the server:
 * zod checks its shape (zod/mini, with only the few schema kinds that keep the Apps Script bundle
 * small: the open-ended maps are checked by hand), then `checkDefinition` checks the rules and says in
 * words what is wrong. The sidebar sends one (the RPC contract's `buildScorecard`, whose dispatch parses it
 * once) and the server stores one as JSON (`parseDefinition` reads it back); where it is stored is the
 * server's business (its settings key lives in src/server/scorecard/build.ts).
 */
function makeShape() {
  const SourceRef = z.object({
    sheet: z.string(),
    /** Column role → header name as shown in the sheet. */
    columns: z.unknown(),
    /** How the rows are read (core/sources/rules.ts): amounts per order or per line, rows to leave out. */
    rules: z.optional(z.unknown()),
    /** The header names of the columns the leave-out rules read, by their place (rules.leaveOut[].filter). */
    filters: z.optional(z.unknown()),
    /** The export the sheet was recognised as (core/tables/profiles), for messages: "Shopify orders". */
    profile: z.optional(z.string()),
    /** The amounts' currency (ISO code such as "GBP"), from the amount header or its values: money rows are formatted in it. */
    currency: z.optional(z.string()),
  });
  return z.object({
    version: z.number(),
    period: z.optional(z.string()),
    periods: z.optional(z.number()),
    sources: z.object({
      sales: z.optional(SourceRef),
      feedback: z.optional(SourceRef),
      reviews: z.optional(SourceRef),
    }),
    /** Which measures to show; absent: every one the data supports. */
    measures: z.optional(z.unknown()),
    /** Measure id → target (null: none). */
    targets: z.optional(z.unknown()),
    /** Measure id → the note a manager typed beside it on the scorecard (kept on rebuild). */
    notes: z.optional(z.unknown()),
    /** Measure id → "from X to Y by when" (targetPath.ts), which then sets the target of every period. */
    paths: z.optional(z.unknown()),
    /** The (at most 3) measures that matter most, shown big at the top and in the weekly mail. */
    marked: z.optional(z.unknown()),
    maxLag: z.optional(z.number()),
    lastDays: z.optional(z.number()),
  });
}

let shape: ReturnType<typeof makeShape> | null = null;

/** The zod shape of a definition, built on first use: schemas cost load time, and every formula execution loads the script. */
export function definitionShape(): ReturnType<typeof makeShape> {
  return (shape ??= makeShape());
}

/** What may be sent as a definition (the sidebar builds one). */
export type DefinitionInput = z.input<ReturnType<typeof makeShape>>;
/** What zod let through: the shape is right, the rules are not checked yet (checkDefinition does). */
export type DefinitionShaped = z.output<ReturnType<typeof makeShape>>;

export interface SourceRefDef {
  readonly sheet: string;
  readonly columns: Partial<Record<Role, string>>;
  readonly rules?: SourceRules;
  /** Header names of the filter columns, by place: filters[0] is what leave1 reads. */
  readonly filters?: readonly string[];
  readonly profile?: string;
  /** ISO 4217 code of the amounts (core/values/currency.ts), e.g. "GBP"; absent when nothing says. */
  readonly currency?: string;
}

export interface ScorecardDefinition {
  readonly version: 1;
  readonly period: 'week' | 'month' | 'quarter';
  readonly periods: number;
  readonly sources: { readonly sales?: SourceRefDef; readonly feedback?: SourceRefDef; readonly reviews?: SourceRefDef };
  readonly measures?: readonly MeasureId[];
  readonly targets: Partial<Record<MeasureId, number | null>>;
  readonly notes?: Partial<Record<MeasureId, string>>;
  /** "From X to Y by when": the target of each period is where the line from X to Y is then. */
  readonly paths?: Partial<Record<MeasureId, TargetPath>>;
  /** The measures that matter most (at most MAX_MARKED), in the order the manager gave; absent: chosen by default. */
  readonly marked?: readonly MeasureId[];
  readonly maxLag: number;
  readonly lastDays: number;
}

const PERIODS = ['week', 'month', 'quarter'] as const;

/** 4DX: a team that chases more than two or three "wildly important" goals achieves none. */
export { MAX_MARKED };

function checkPath(id: string, value: unknown, period: string, problems: string[]): TargetPath | null {
  const at = `paths.${id}`;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problems.push(`${at} must be { from, to, start, by }`);
    return null;
  }
  const { from, to, start, by } = value as Record<string, unknown>;
  if (typeof from !== 'number' || !Number.isFinite(from) || typeof to !== 'number' || !Number.isFinite(to)) {
    problems.push(`${at}: from and to must be numbers`);
    return null;
  }
  if (typeof start !== 'string' || typeof by !== 'string') {
    problems.push(`${at}: start and by must be period labels such as 2026-01`);
    return null;
  }
  const path = { from, to, start: start.trim(), by: by.trim() };
  if ((PERIODS as readonly string[]).includes(period)) {
    const fit = pathIndexes(path, calendarSpec(period as PeriodKind));
    if ('problem' in fit) {
      problems.push(`${at}: ${fit.problem}`);
      return null;
    }
  }
  return path;
}

/** A list of filter rules as stored, or null when it is not one. */
function filterRules(value: unknown, keepAllowed: boolean): FilterRule[] | null {
  if (!Array.isArray(value)) return null;
  const out: FilterRule[] = [];
  for (const r of value as unknown[]) {
    if (typeof r !== 'object' || r === null) return null;
    const { filter, values, keep } = r as { filter?: unknown; values?: unknown; keep?: unknown };
    if (!Number.isInteger(filter) || (filter as number) < 0 || (filter as number) >= MAX_FILTERS) return null;
    if (!Array.isArray(values) || !values.every(isString)) return null;
    if (keep !== undefined && (keep !== true || !keepAllowed)) return null;
    const rule = { filter: filter as number, values: (values as string[]).map((x) => x.trim().toLowerCase()) };
    out.push(keep ? { ...rule, keep: true } : rule);
  }
  return out;
}

/** Source rules as stored: checked field by field (they come back from a settings store or the sidebar). */
function checkRules(value: unknown, at: string, problems: string[]): SourceRules | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problems.push(`${at} must be an object`);
    return null;
  }
  const v = value as { amounts?: unknown; leaveOut?: unknown; returns?: unknown; negatives?: unknown; scale?: unknown; topBox?: unknown };
  const out: { -readonly [K in keyof SourceRules]: SourceRules[K] } = {};
  if (v.amounts !== undefined) {
    if (v.amounts === 'line' || v.amounts === 'order') out.amounts = v.amounts;
    else problems.push(`${at}.amounts must be "line" or "order"`);
  }
  for (const key of ['leaveOut', 'returns'] as const) {
    if (v[key] === undefined) continue;
    const rules = filterRules(v[key], key === 'leaveOut');
    if (rules) out[key] = rules;
    else
      problems.push(`${at}.${key} must list { filter: 0..${MAX_FILTERS - 1}, values: [text]${key === 'leaveOut' ? ', keep?: true' : ''} }`);
  }
  if (v.negatives !== undefined) {
    if (v.negatives === 'returns') out.negatives = 'returns';
    else problems.push(`${at}.negatives must be "returns"`);
  }
  if (v.scale !== undefined) {
    if (typeof v.scale === 'number' && Number.isInteger(v.scale) && v.scale >= 2 && v.scale <= 100) out.scale = v.scale;
    else problems.push(`${at}.scale must be a whole number from 2 to 100`);
  }
  if (v.topBox !== undefined) {
    if (typeof v.topBox === 'number' && Number.isInteger(v.topBox) && v.topBox >= 1 && v.topBox < (out.scale ?? 5)) out.topBox = v.topBox;
    else problems.push(`${at}.topBox must be a whole number from 1 to ${(out.scale ?? 5) - 1}`);
  }
  return out;
}

/** A plain object whose values all pass `ok`, or null. */
function map<T>(value: unknown, ok: (v: unknown) => v is T): Record<string, T> | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  for (const v of Object.values(value)) if (!ok(v)) return null;
  return value as Record<string, T>;
}
const isString = (v: unknown): v is string => typeof v === 'string';
const isTarget = (v: unknown): v is number | null => v === null || (typeof v === 'number' && Number.isFinite(v));

function whole(value: number | undefined, fallback: number, min: number, max: number, what: string, problems: string[]): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < min || value > max) problems.push(`${what} must be a whole number from ${min} to ${max}`);
  return value;
}

/** Parses a definition (zod once, then the rules), or throws an Error whose message lists what is wrong, field by field. */
export function parseDefinition(value: unknown): ScorecardDefinition {
  const r = definitionShape().safeParse(value);
  if (!r.success) {
    const shape = r.error.issues.map((i) => `${i.path.join('.') || 'definition'}: ${i.message}`);
    throw new Error(`The scorecard settings are not valid: ${shape.join('; ')}`);
  }
  return checkDefinition(r.data);
}

/**
 * Checks the rules of a definition whose shape zod has already checked (no second parse), and fills in
 * the defaults; throws an Error whose message lists what is wrong, field by field.
 */
export function checkDefinition(d: DefinitionShaped): ScorecardDefinition {
  const problems: string[] = [];
  if (d.version !== 1) problems.push(`version ${d.version} is not one this Leadlag knows; update the add-on`);
  const sources: { sales?: SourceRefDef; feedback?: SourceRefDef; reviews?: SourceRefDef } = {};
  for (const kind of SOURCES) {
    const s = d.sources[kind];
    if (!s) continue;
    if (s.sheet.trim() === '') problems.push(`sources.${kind}.sheet is empty`);
    const columns = map(s.columns, isString);
    if (!columns) problems.push(`sources.${kind}.columns must map column roles to header names`);
    for (const role of Object.keys(columns ?? {}))
      if (!isRole(role)) problems.push(`sources.${kind}.columns: "${role}" is not a column role (${ROLES.join(', ')})`);
    const ref: { -readonly [K in keyof SourceRefDef]: SourceRefDef[K] } = {
      sheet: s.sheet,
      columns: (columns ?? {}) as Partial<Record<Role, string>>,
    };
    if (s.rules !== undefined) {
      const rules = checkRules(s.rules, `sources.${kind}.rules`, problems);
      if (rules) ref.rules = rules;
    }
    if (s.filters !== undefined) {
      if (Array.isArray(s.filters) && s.filters.every(isString) && s.filters.length <= MAX_FILTERS) ref.filters = s.filters as string[];
      else problems.push(`sources.${kind}.filters must be at most ${MAX_FILTERS} header names`);
    }
    for (const f of ref.rules ? filtersRead(ref.rules) : [])
      if (!ref.filters?.[f]) problems.push(`sources.${kind}.rules read filter ${f + 1}, which names no column`);
    if (s.profile !== undefined) ref.profile = s.profile;
    if (s.currency !== undefined) {
      if (/^[A-Z]{3}$/.test(s.currency)) ref.currency = s.currency;
      else problems.push(`sources.${kind}.currency must be a three-letter currency code such as GBP, not "${s.currency}"`);
    }
    sources[kind] = ref;
  }
  const known = (id: string) => (MEASURE_IDS as readonly string[]).includes(id);
  const measures =
    d.measures === undefined ? undefined : Array.isArray(d.measures) && d.measures.every(isString) ? (d.measures as string[]) : null;
  if (measures === null) problems.push('measures must be a list of measure ids');
  for (const id of measures ?? []) if (!known(id)) problems.push(`measures: "${id}" is not a measure (${MEASURE_IDS.join(', ')})`);
  const targets = d.targets === undefined ? {} : map(d.targets, isTarget);
  if (!targets) problems.push('targets must map measure ids to numbers (or null for none)');
  for (const id of Object.keys(targets ?? {})) if (!known(id)) problems.push(`targets: "${id}" is not a measure`);
  const notes = d.notes === undefined ? undefined : map(d.notes, isString);
  if (notes === null) problems.push('notes must map measure ids to text');
  for (const id of Object.keys(notes ?? {})) if (!known(id)) problems.push(`notes: "${id}" is not a measure`);
  const period = d.period ?? SCORECARD_DEFAULTS.period;
  if (!(PERIODS as readonly string[]).includes(period)) problems.push(`period must be ${PERIODS.join(', ')}, not "${period}"`);
  const pathsIn = d.paths === undefined ? undefined : map(d.paths, (_v): _v is unknown => true);
  if (pathsIn === null) problems.push('paths must map measure ids to { from, to, start, by }');
  const paths: Partial<Record<MeasureId, TargetPath>> = {};
  for (const [id, v] of Object.entries(pathsIn ?? {})) {
    if (!known(id)) problems.push(`paths: "${id}" is not a measure`);
    else {
      const p = checkPath(id, v, period, problems);
      if (p) paths[id as MeasureId] = p;
    }
  }
  const marked = d.marked === undefined ? undefined : Array.isArray(d.marked) && d.marked.every(isString) ? (d.marked as string[]) : null;
  if (marked === null) problems.push('marked must be a list of measure ids');
  for (const id of marked ?? []) if (!known(id)) problems.push(`marked: "${id}" is not a measure`);
  if (marked && marked.length > MAX_MARKED)
    problems.push(`marked: choose at most ${MAX_MARKED} measures that matter most, not ${marked.length}`);
  if (marked && new Set(marked).size !== marked.length) problems.push('marked: a measure is listed twice');
  const def: ScorecardDefinition = {
    version: 1,
    period: period as ScorecardDefinition['period'],
    periods: whole(d.periods, SCORECARD_DEFAULTS.periods, 3, 36, 'periods', problems),
    sources,
    measures: (measures ?? undefined) as MeasureId[] | undefined,
    targets: (targets ?? {}) as Partial<Record<MeasureId, number | null>>,
    maxLag: whole(d.maxLag, SCORECARD_DEFAULTS.maxLag, 0, 12, 'maxLag', problems),
    lastDays: whole(d.lastDays, SCORECARD_DEFAULTS.lastDays, 1, 30, 'lastDays', problems),
  };
  if (def.measures === undefined) delete (def as { measures?: unknown }).measures;
  if (notes && Object.keys(notes).length) (def as { notes?: unknown }).notes = notes;
  if (Object.keys(paths).length) (def as { paths?: unknown }).paths = paths;
  if (marked) (def as { marked?: unknown }).marked = marked;
  if (problems.length) throw new Error(`The scorecard settings are not valid: ${problems.join('; ')}`);
  return def;
}
