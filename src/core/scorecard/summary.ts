import { escapeHtml } from '../values/html';
import { formatMoney } from '../values/currency';
import { type OverdueLine } from '../tracker/mail';
import { MEASURES, type MeasureId, type MeasureInfo } from './measures';
import { roundTo, shownDecimals } from './precision';
import { type ScorecardResult } from './compute';

/**
 * "Are we winning?" for a manager who does not open the sheet (issue 15): the measures marked as mattering
 * most with their latest value, target, status and signal; the key accounts at risk; the overdue actions.
 * One summary, three renderings: the command line's Markdown (`--summary`), and the weekly mail's plain text
 * and HTML. Every text from data is escaped for the rendering it lands in.
 */

export interface SummaryMeasure {
  readonly id: MeasureId;
  readonly label: string;
  /** As the sheet shows it (currency, %, whole NPS points), or null with no value yet. */
  readonly latest: string | null;
  readonly asOf: string | null;
  readonly target: string | null;
  readonly targetKind: 'typed' | 'path' | 'suggested' | null;
  readonly status: 'On track' | 'At risk' | 'Off track' | null;
  readonly signal: string | null;
}

/** A tier A or B account whose latest answer is a detractor or "worse" (DOMAIN.md key accounts). */
export interface AtRiskLine {
  readonly account: string;
  readonly tier: string;
  /** Its revenue, as shown (in the sales' currency). */
  readonly revenue: string;
  /** ISO day of its last answer. */
  readonly lastAnswer: string;
  /** Why it is at risk, in words ("referral score 3", "says we are worse"). */
  readonly why: string;
  readonly comment: string;
  /** The tracker's actions for it (their IDs). */
  readonly actions: readonly string[];
}

export interface ScoreSummary {
  /** The scorecard's last period. */
  readonly last: string;
  readonly measures: readonly SummaryMeasure[];
  /** Null when the accounts were not read (no customer column, or no panel): the summary then says nothing of them. */
  readonly atRisk: readonly AtRiskLine[] | null;
  /** How many accounts are at risk when more than `atRisk` lists. */
  readonly atRiskTotal?: number;
}

/** Where a summary is read, and what the tracker adds to it. */
export interface SummaryContext {
  readonly spreadsheet: string;
  readonly url?: string;
  readonly overdue?: readonly OverdueLine[];
  /** All overdue actions (the list may hold only the first). */
  readonly overdueCount?: number;
  /** Accounts that were at risk in the last mail: the others are new. */
  readonly known?: readonly string[];
  /** ISO day the numbers were read from the sheet (the weekly clock runs without it). */
  readonly readOn?: string;
}

const MONEY: ReadonlySet<MeasureId> = new Set(['revenue', 'margin', 'average_order_value']);
/** The mailbox holds the summary in a property of at most 9 KB: a few lines, short comments. */
export const SUMMARY_ACCOUNTS_MAX = 8;
export const SUMMARY_COMMENT_MAX = 140;

/** A measure's value as the scorecard shows it. */
export function shownValue(value: number, info: MeasureInfo, currency: string | undefined): string {
  if (MONEY.has(info.id)) return formatMoney(roundTo(value, info.id === 'average_order_value' ? 2 : 0), currency);
  const d = shownDecimals(info.format);
  if (info.format.endsWith('%')) return `${(roundTo(value, d) * 100).toFixed(Math.max(0, d - 2))}%`;
  const r = roundTo(value, d);
  return `${r < 0 ? '−' : ''}${Math.abs(r).toLocaleString('en-GB', { minimumFractionDigits: d, maximumFractionDigits: d })}`;
}

const clip = (text: string, max: number) => {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
};

/** The summary of a computed scorecard: the marked measures in their order, and the accounts at risk. */
export function scoreSummary(
  result: Pick<ScorecardResult, 'periods' | 'measures'>,
  marked: readonly MeasureId[],
  currency: string | undefined,
  atRisk: readonly AtRiskLine[] | null = null,
): ScoreSummary {
  const measures: SummaryMeasure[] = [];
  for (const id of marked) {
    const m = result.measures.find((x) => x.id === id);
    const info = MEASURES.find((x) => x.id === id);
    if (!m || !info) continue;
    let latest: number | null = null;
    for (let k = m.values.length - 1; k >= 0 && latest === null; k--) latest = m.values[k];
    measures.push({
      id,
      label: m.label,
      latest: latest === null ? null : shownValue(latest, info, currency),
      asOf: m.as_of,
      target: m.target === null ? null : shownValue(m.target, info, currency),
      targetKind: m.target_kind,
      status: m.status,
      signal: m.signal,
    });
  }
  return {
    last: result.periods[result.periods.length - 1] ?? '',
    measures,
    ...(atRisk && atRisk.length > SUMMARY_ACCOUNTS_MAX ? { atRiskTotal: atRisk.length } : {}),
    atRisk:
      atRisk &&
      atRisk.slice(0, SUMMARY_ACCOUNTS_MAX).map((a) => ({
        ...a,
        account: clip(a.account, 60),
        comment: clip(a.comment, SUMMARY_COMMENT_MAX),
        actions: a.actions.slice(0, 5),
      })),
  };
}

const KIND_WORDS = { typed: '', path: ' on the path', suggested: ' (suggested)' } as const;

/** "At risk as of 2026-09 · Run of 8": the period named when it is not the scorecard's last. */
function statusWords(m: SummaryMeasure, last: string): string {
  if (m.latest === null) return 'no data yet';
  const status = m.status ?? 'no target';
  const when = m.asOf && m.asOf !== last ? ` as of ${m.asOf}` : '';
  const signal = m.signal && m.signal !== 'Routine' ? ` · ${m.signal}` : m.signal === 'Routine' ? ' · routine variation' : '';
  return `${status}${when}${signal}`;
}

const targetWords = (m: SummaryMeasure) => (m.target === null ? 'no target' : `target ${m.target}${KIND_WORDS[m.targetKind ?? 'typed']}`);

/**
 * Markdown's inline markup characters as literals (emphasis, code, links and images, HTML, table cells,
 * strike-through): a comment stays text in any renderer. Text from data never starts a line here, so the
 * line-start markers (#, -, +, 1.) need no escape.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|~]/g, (ch) => `\\${ch}`).replace(/\r?\n/g, ' ');
}

const atRiskShown = (s: ScoreSummary) => s.atRisk?.length ?? 0;

const isNew = (a: AtRiskLine, c: SummaryContext) => !!c.known && !c.known.includes(a.account);

/** The summary as Markdown (the command line's `--summary`). */
export function summaryMarkdown(s: ScoreSummary, c: SummaryContext): string {
  const md = escapeMarkdown;
  const out = [`# Are we winning? ${md(c.spreadsheet)}, ${md(s.last)}`, ''];
  if (s.measures.length) {
    out.push('| Measure | Latest | Target | Status |', '|---|---:|---:|---|');
    for (const m of s.measures)
      out.push(`| ${md(m.label)} | ${m.latest === null ? '—' : md(m.latest)} | ${md(targetWords(m))} | ${md(statusWords(m, s.last))} |`);
  } else out.push('No measure to show yet.');
  if (s.atRisk) out.push('', '## Key accounts at risk', '');
  if (s.atRisk?.length)
    for (const a of s.atRisk)
      out.push(
        `- **${md(a.account)}** (tier ${md(a.tier)}, ${md(a.revenue)})${isNew(a, c) ? ' — new' : ''}: ${md(a.why)} on ${md(a.lastAnswer)}` +
          (a.comment ? `: “${md(a.comment)}”` : '') +
          (a.actions.length ? ` — actions ${a.actions.map((id) => `#${md(id)}`).join(', ')}` : ''),
      );
  else if (s.atRisk) out.push('None: no tier A or B account’s latest answer is a detractor or “worse”.');
  const more = (s.atRiskTotal ?? 0) - atRiskShown(s);
  if (more > 0) out.push(`- … and ${more} more on the Scorecard`);
  const overdue = c.overdue ?? [];
  if (c.overdueCount !== undefined) {
    out.push('', '## Overdue actions', '');
    if (!overdue.length) out.push('None.');
    for (const o of overdue) out.push(`- #${md(o.id)} ${o.customer ? `${md(o.customer)}: ` : ''}${md(o.wrong)} (due ${md(o.due)})`);
    if (c.overdueCount > overdue.length) out.push(`- … and ${c.overdueCount - overdue.length} more`);
  }
  if (c.url) out.push('', `Open the scorecard: <${c.url}>`);
  return `${out.join('\n')}\n`;
}

const STATUS_COLOUR = { 'On track': '#137333', 'At risk': '#8c4a00', 'Off track': '#c5221f' } as const;

/** The weekly scorecard mail: a short HTML body (every text from data escaped) and the same in plain text. */
export function summaryMail(s: ScoreSummary, c: SummaryContext): { subject: string; body: string; htmlBody: string } {
  const e = escapeHtml;
  const judged = s.measures.filter((m) => m.status);
  const onTrack = judged.filter((m) => m.status === 'On track').length;
  const atRisk = s.atRisk ?? [];
  const fresh = atRisk.filter((a) => isNew(a, c));
  const subject =
    `Leadlag: ${judged.length ? `${onTrack} of ${judged.length} on track` : 'the scorecard'} in "${c.spreadsheet}", ${s.last}` +
    (fresh.length ? `; ${fresh.length} new key ${fresh.length === 1 ? 'account' : 'accounts'} at risk` : '');
  const overdue = c.overdue ?? [];
  const overdueCount = c.overdueCount ?? overdue.length;

  const text: string[] = [`Are we winning? "${c.spreadsheet}", ${s.last}`, ''];
  for (const m of s.measures) text.push(`${m.label}: ${m.latest ?? '—'} (${targetWords(m)}) — ${statusWords(m, s.last)}`);
  if (s.atRisk) text.push('', atRisk.length ? 'Key accounts at risk:' : 'No key account at risk.');
  for (const a of atRisk)
    text.push(
      `- ${a.account} (tier ${a.tier}, ${a.revenue})${isNew(a, c) ? ' NEW' : ''}: ${a.why} on ${a.lastAnswer}${a.comment ? `: "${a.comment}"` : ''}`,
    );
  const more = (s.atRiskTotal ?? 0) - atRisk.length;
  if (more > 0) text.push(`- ... and ${more} more on the Scorecard`);
  if (overdueCount) {
    text.push('', `Overdue actions (${overdueCount}):`);
    for (const o of overdue) text.push(`- #${o.id} ${o.customer ? `${o.customer}: ` : ''}${o.wrong} (due ${o.due})`);
  }
  if (c.url) text.push('', `Open the scorecard: ${c.url}`);
  if (c.readOn) text.push(`Numbers as the Scorecard showed them on ${c.readOn}.`);

  const cell = 'padding:4px 8px;border-bottom:1px solid rgb(224,224,224);';
  const rows = s.measures
    .map(
      (m) =>
        `<tr><td style="${cell}">${e(m.label)}</td><td style="${cell}text-align:right;font-weight:bold">${e(m.latest ?? '—')}</td>` +
        `<td style="${cell}text-align:right;color:#5f6368">${e(targetWords(m))}</td>` +
        `<td style="${cell}color:${m.status ? STATUS_COLOUR[m.status] : '#5f6368'};font-weight:bold">${e(statusWords(m, s.last))}</td></tr>`,
    )
    .join('');
  const accounts = atRisk
    .map(
      (a) =>
        `<li><b>${e(a.account)}</b> (tier ${e(a.tier)}, ${e(a.revenue)})${isNew(a, c) ? ' <b style="color:#c5221f">new</b>' : ''}: ` +
        `${e(a.why)} on ${e(a.lastAnswer)}${a.comment ? `: “${e(a.comment)}”` : ''}` +
        `${a.actions.length ? ` (actions ${a.actions.map((id) => `#${e(id)}`).join(', ')})` : ''}</li>`,
    )
    .join('');
  const overdueHtml = overdue
    .map((o) => `<li>#${e(o.id)} ${o.customer ? `${e(o.customer)}: ` : ''}${e(o.wrong)} (due ${e(o.due)})</li>`)
    .join('');
  const htmlBody =
    `<div style="font-family:Arial,sans-serif;font-size:14px;color:#202124">` +
    `<h2 style="font-size:18px;margin:0 0 8px">Are we winning? ${e(c.spreadsheet)}, ${e(s.last)}</h2>` +
    (rows ? `<table style="border-collapse:collapse">${rows}</table>` : '<p>No measure to show yet.</p>') +
    (s.atRisk
      ? `<h3 style="font-size:15px;margin:16px 0 4px">Key accounts at risk</h3>` +
        (accounts ? `<ul>${accounts}${more > 0 ? `<li>… and ${more} more on the Scorecard</li>` : ''}</ul>` : '<p>None.</p>')
      : '') +
    (overdueCount
      ? `<h3 style="font-size:15px;margin:16px 0 4px">Overdue actions (${overdueCount})</h3><ul>${overdueHtml}${
          overdueCount > overdue.length ? `<li>… and ${overdueCount - overdue.length} more</li>` : ''
        }</ul>`
      : '') +
    (c.url ? `<p><a href="${e(c.url)}">Open the scorecard</a></p>` : '') +
    (c.readOn ? `<p style="color:#5f6368;font-size:12px">Numbers as the Scorecard showed them on ${e(c.readOn)}.</p>` : '') +
    `<p style="color:#5f6368;font-size:12px">You get this mail because the weekly scorecard mail is on in Leadlag › Customer survey. Switch it off there.</p></div>`;
  return { subject, body: `${text.join('\n')}\n`, htmlBody };
}
