import type { ScorecardResult } from '../core/scorecard/compute';
import { MEASURES } from '../core/scorecard/measures';
import { FLAG_WORDS } from '../core/measures/targetHealth/findings';
import { currencySign } from '../core/values/currency';

const MONEY = new Set(['revenue', 'margin', 'average_order_value']);

/** The scorecard as a plain-text table for a terminal; money rows in the sales' currency when it is known. */
export function renderScorecard(r: ScorecardResult, currency?: string | null): string {
  const sign = currencySign(currency ?? undefined);
  const fmt = (id: string, v: number | null): string => {
    if (v === null) return '';
    const f = MEASURES.find((m) => m.id === id)!.format;
    if (f.endsWith('%')) return `${(v * 100).toFixed(f.includes('.0') ? 1 : 0)}%`;
    const money = MONEY.has(id) ? sign : '';
    const minus = v < 0 ? '-' : '';
    if (f.includes('.00'))
      return `${minus}${money}${Math.abs(v).toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
    return `${minus}${money}${Math.abs(Math.round(v)).toLocaleString('en-GB')}`;
  };
  const header = ['Measure', ...r.periods, 'Target', 'Status'];
  const rows: string[][] = [];
  const last = r.periods[r.periods.length - 1];
  for (const kind of ['lead', 'lag'] as const) {
    rows.push([kind === 'lead' ? 'LEAD (customers)' : 'LAG (money)']);
    for (const m of r.measures.filter((x) => x.kind === kind)) {
      const target =
        m.target === null ? '' : `${fmt(m.id, m.target)}${m.target_kind === 'suggested' ? '*' : m.target_kind === 'path' ? '~' : ''}`;
      // A status judged on an earlier period than the last says which.
      const status = m.status && m.as_of && m.as_of !== last ? `${m.status} (as of ${m.as_of})` : (m.status ?? '');
      rows.push([`  ${m.label}`, ...m.values.map((v) => fmt(m.id, v)), target, status]);
    }
  }
  const widths = header.map((h, j) => Math.max(h.length, ...rows.map((row) => (row.length > 1 ? (row[j] ?? '').length : 0))));
  const line = (cells: string[]) => cells.map((c, j) => (j === 0 ? c.padEnd(widths[j]) : c.padStart(widths[j]))).join('  ');
  const out = [
    `Scorecard by ${r.period}${currency ? ` (money in ${currency})` : ''}`,
    '',
    line(header),
    widths.map((w) => '-'.repeat(w)).join('  '),
  ];
  for (const row of rows) out.push(row.length === 1 ? row[0] : line(row));
  if (r.measures.some((m) => m.target_kind === 'suggested'))
    out.push(
      '',
      '* suggested from the history: the median of the last 6 periods, one typical step better, no better than the best of them',
      '  (give your own with --target measure=value; --json has each rule with its figures)',
    );
  if (r.measures.some((m) => m.target_kind === 'path')) out.push('~ on the path "from X to Y by when": where the line is now');
  // A measure that cannot be counted says why; the others are counted all the same.
  const failed = r.measures.filter((m) => m.problem);
  if (failed.length) {
    out.push('', 'Not counted (the rest of the scorecard is):');
    for (const m of failed) out.push(`  ${m.label}: ${m.problem}`);
  }
  out.push('', 'Connect the dots (correlation is evidence, not proof)');
  if (r.connections.length === 0) out.push('  needs at least one lead and one lag measure');
  else {
    const claimed = r.connections.filter((c) => c.evidence === 'strong' || c.evidence === 'some').length;
    out.push(`  ${claimed} of ${r.connections.length} pairs show evidence of a link (q < 0.05 after prewhitening, over all pairs):`);
  }
  for (const c of r.connections.slice(0, 10)) out.push(`  ${c.sentence}`);
  if (r.target_health.length) out.push('', ...renderTargetHealth(r.target_health));
  if (r.skipped.length) {
    out.push('', `Left out: ${r.skipped.length} row(s)`);
    for (const s of r.skipped.slice(0, 8)) out.push(`  ${s.file} line ${s.row}: ${s.reason}`);
    if (r.skipped.length > 8) out.push(`  ... and ${r.skipped.length - 8} more (see --json)`);
  }
  return out.join('\n');
}

/** Target health: the team's row per period, then every finding as a sentence (rep rows are in --json). */
function renderTargetHealth(rows: ScorecardResult['target_health']): string[] {
  const pct = (v: number | null | undefined): string => (v === null || v === undefined ? '' : `${(v * 100).toFixed(1)}%`);
  const two = (a: string, b: string): string => (a === '' && b === '' ? '' : `${a} / ${b}`);
  const header = ['Period', 'Spike', 'Returned last / rest', 'Discount last / rest', 'Next start', 'Flags'];
  const team = rows.filter((h) => h.rep === null);
  const body = team.map((h) => [
    h.period,
    h.spike_ratio === null ? '-' : h.spike_ratio.toFixed(2),
    two(pct(h.returns?.last_days.rate), pct(h.returns?.rest.rate)),
    two(pct(h.discount?.last_days.rate), pct(h.discount?.rest.rate)),
    h.pull_forward?.ratio == null ? '' : h.pull_forward.ratio.toFixed(2),
    h.partial ? 'partial period' : h.flags.map((f) => FLAG_WORDS[f].toUpperCase()).join(', '),
  ]);
  const widths = header.map((t, j) => Math.max(t.length, ...body.map((b) => b[j].length)));
  const line = (cells: string[]): string =>
    '  ' +
    cells
      .map((c, j) => (j === 0 || j === cells.length - 1 ? c.padEnd(widths[j]) : c.padStart(widths[j])))
      .join('  ')
      .trimEnd();
  const out = ["Target health (what sales targets do to customers: each period's last days against the rest)", line(header)];
  for (const b of body) out.push(line(b));
  const findings = rows.filter((h) => h.finding !== null);
  out.push('', findings.length ? 'Findings' : 'Findings: nothing flagged');
  for (const h of findings) out.push(`  ${h.finding}`);
  const reps = new Set(rows.filter((h) => h.rep !== null).map((h) => h.rep)).size;
  if (reps) out.push(`  (${reps} reps' rows are in --json)`);
  return out;
}
