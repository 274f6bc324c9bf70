import { MEASURES, type MeasureId } from '../../core/scorecard/measures';
import { parseDefinition } from '../../core/scorecard/definition';
import { markedMeasures } from '../../core/scorecard/marked';
import {
  type AtRiskLine,
  type ScoreSummary,
  SUMMARY_ACCOUNTS_MAX,
  SUMMARY_COMMENT_MAX,
  type SummaryMeasure,
  shownValue,
} from '../../core/scorecard/summary';
import { formatMoney } from '../../core/values/currency';
import { type WorkbookPort } from '../ports/workbook';
import { parseFootprint } from './keep';
import { COL } from './layout';
import { type AT_RISK_HEADERS, AT_RISK_TITLE } from './atRisk';
import { DEFINITION_KEY, FOOTPRINT_KEY, SCORECARD_SHEET_KEY, SCORECARD_TAG } from './build';

type Grid = ReturnType<NonNullable<ReturnType<WorkbookPort['sheet']>>['readValues']>;

const text = (v: unknown) => (v === null || v === undefined ? '' : String(v).trim());
const STATUSES = new Set(['On track', 'At risk', 'Off track']);

/**
 * The weekly mail's summary, read from the built Scorecard as it shows now (its formulas are live, so a
 * summary read after new rows were pasted has their numbers): the marked measures' rows, found by their
 * names under the header (a manager may have inserted rows), and the key accounts at risk from its panel.
 * Null without a scorecard of ours.
 */
export function readScoreSummary(wb: WorkbookPort): ScoreSummary | null {
  const name = wb.getSetting(SCORECARD_SHEET_KEY);
  if (!name || !wb.sheetNames().includes(name) || wb.getSheetTag(name) !== SCORECARD_TAG) return null;
  let def;
  try {
    def = parseDefinition(JSON.parse(wb.getSetting(DEFINITION_KEY) ?? 'null'));
  } catch {
    return null;
  }
  const footprint = parseFootprint(wb.getSetting(FOOTPRINT_KEY));
  const grid: Grid = wb.sheet(name)?.readValues() ?? [];
  const header = grid.findIndex((r) => text(r[COL.measure]) === 'Measure' && text(r[COL.latest]) === 'Latest');
  if (header < 0) return null;
  let last = '';
  for (let c = COL.history; c < grid[header].length && text(grid[header][c]) !== ''; c++) last = text(grid[header][c]);
  const shownIds = Object.values(footprint?.measures ?? {}) as MeasureId[];
  const rowOf = (id: MeasureId): number => {
    const label = MEASURES.find((m) => m.id === id)!.label;
    for (let r = header + 1; r < grid.length; r++) if (text(grid[r][COL.measure]) === label) return r;
    return -1;
  };
  const writtenOf = (id: MeasureId) => {
    const row = Object.entries(footprint?.measures ?? {}).find(([, m]) => m === id)?.[0];
    return row === undefined ? undefined : footprint?.written?.[row];
  };
  const currency = def.sources.sales?.currency;
  const measures: SummaryMeasure[] = [];
  for (const id of markedMeasures(def.marked, shownIds).ids) {
    const r = rowOf(id);
    if (r < 0) continue;
    const info = MEASURES.find((m) => m.id === id)!;
    const row = grid[r];
    const latest = row[COL.latest];
    const target = row[COL.target];
    const written = writtenOf(id);
    const hasTarget = typeof target === 'number' && Number.isFinite(target);
    const status = text(row[COL.status]);
    measures.push({
      id,
      label: info.label,
      latest: typeof latest === 'number' && Number.isFinite(latest) ? shownValue(latest, info, currency) : null,
      asOf: text(row[COL.period]).split(' ')[0] || null,
      target: hasTarget ? shownValue(target, info, currency) : null,
      targetKind: !hasTarget ? null : written === 'path' ? 'path' : written === target ? 'suggested' : 'typed',
      status: STATUSES.has(status) ? (status as SummaryMeasure['status']) : null,
      signal: text(row[COL.signal]) || null,
    });
  }
  const atRisk = readAtRisk(grid, currency);
  return {
    last,
    measures,
    ...(atRisk && atRisk.length > SUMMARY_ACCOUNTS_MAX ? { atRiskTotal: atRisk.length } : {}),
    atRisk: atRisk && atRisk.slice(0, SUMMARY_ACCOUNTS_MAX).map((a) => ({ ...a, comment: a.comment.slice(0, SUMMARY_COMMENT_MAX) })),
  };
}

/** The rows of the scorecard's "Key accounts at risk" panel (its last-answer day is written as text), as the mail lists them. */
function readAtRisk(grid: Grid, currency: string | undefined): AtRiskLine[] | null {
  const title = grid.findIndex((r) => text(r[0]).startsWith(AT_RISK_TITLE));
  if (title < 0) return null;
  const head = grid[title + 1]?.map(text) ?? [];
  const at = (h: string) => head.indexOf(h);
  const [account, tier, date, revenue, why, actions, comment] = (
    [
      'Account',
      'Tier',
      'Last answer',
      'Revenue',
      'Why',
      'Actions',
      'Comment',
    ] as const satisfies readonly (typeof AT_RISK_HEADERS)[number][]
  ).map(at);
  if (account < 0) return null;
  const out: AtRiskLine[] = [];
  // The rows end at the sentence under them (it has no tier).
  for (let r = title + 2; r < grid.length && text(grid[r][account]) !== '' && text(grid[r][tier]) !== ''; r++) {
    const row = grid[r];
    const rev = row[revenue];
    out.push({
      account: text(row[account]),
      tier: text(row[tier]),
      revenue: typeof rev === 'number' ? formatMoney(Math.round(rev), currency) : text(rev),
      lastAnswer: text(row[date]),
      why: text(row[why]),
      comment: text(row[comment]),
      actions: text(row[actions])
        .split(/[,\s]+/)
        .filter((x) => x.startsWith('#'))
        .map((x) => x.slice(1)),
    });
  }
  return out;
}
