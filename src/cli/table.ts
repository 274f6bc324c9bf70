import type { ScorecardResult } from '../core/scorecard/compute';
import { MEASURES } from '../core/scorecard/measures';

/** The scorecard as a plain-text table for a terminal. */
export function renderScorecard(r: ScorecardResult): string {
  const fmt = (id: string, v: number | null): string => {
    if (v === null) return '';
    const f = MEASURES.find((m) => m.id === id)!.format;
    if (f.endsWith('%')) return `${(v * 100).toFixed(f.includes('.0') ? 1 : 0)}%`;
    if (f.includes('.00')) return v.toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    return Math.round(v).toLocaleString('en-GB');
  };
  const header = ['Measure', ...r.periods, 'Target', 'Status'];
  const rows: string[][] = [];
  for (const kind of ['lead', 'lag'] as const) {
    rows.push([kind === 'lead' ? 'LEAD (customers)' : 'LAG (money)']);
    for (const m of r.measures.filter((x) => x.kind === kind)) {
      rows.push([`  ${m.label}`, ...m.values.map((v) => fmt(m.id, v)), m.target === null ? '' : fmt(m.id, m.target), m.status ?? '']);
    }
  }
  const widths = header.map((h, j) => Math.max(h.length, ...rows.map((row) => (row.length > 1 ? (row[j] ?? '').length : 0))));
  const line = (cells: string[]) => cells.map((c, j) => (j === 0 ? c.padEnd(widths[j]) : c.padStart(widths[j]))).join('  ');
  const out = [`Scorecard by ${r.period}`, '', line(header), widths.map((w) => '-'.repeat(w)).join('  ')];
  for (const row of rows) out.push(row.length === 1 ? row[0] : line(row));
  out.push('', 'Connect the dots (correlation is evidence, not proof)');
  if (r.connections.length === 0) out.push('  not enough periods yet');
  for (const c of r.connections.slice(0, 10)) out.push(`  ${c.sentence}`);
  if (r.target_health.length) {
    out.push('', 'Target health (share of sales in the last 7 days of each quarter)');
    for (const h of r.target_health) {
      out.push(
        `  ${h.period.padEnd(8)} spike ratio ${h.spike_ratio === null ? '   -' : h.spike_ratio.toFixed(2)}${h.flag ? '  END-OF-PERIOD PUSH' : ''}`,
      );
    }
  }
  if (r.skipped.length) {
    out.push('', `Left out: ${r.skipped.length} row(s)`);
    for (const s of r.skipped.slice(0, 8)) out.push(`  ${s.file} line ${s.row}: ${s.reason}`);
    if (r.skipped.length > 8) out.push(`  ... and ${r.skipped.length - 8} more (see --json)`);
  }
  return out.join('\n');
}
