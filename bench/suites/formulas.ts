/**
 * The formulas as they ship: dist/Code.js in a fresh node:vm context, each against a bare loop in the same
 * context (bench/vmCase.ts, bench/bare.js), warm (medians) and cold (the first call after the script is
 * evaluated, as every Sheets recalculation is); and against HyperFormula's SUMIFS / COUNTIFS.
 */
import { child } from '../child';
import { type Report, type Row, type Suite, count, mb, median, ms, times } from '../table';
import type { VmCaseName, VmResult } from '../vmCase';

const run = (name: VmCaseName, rounds?: number): VmResult =>
  child<VmResult>('vmCase.ts', rounds === undefined ? [name] : [name, String(rounds)], name);

function memoryOf(r: VmResult): string {
  return `${mb(r.peakRssMB)} (ours: +${mb(Math.max(0, r.oursRssMB))} RSS, ${mb(r.oursHeapMB)} heap)`;
}

/** Ours vs the bare loop, warm (ratio ≤ limit), then the cold calls, then (text cases) vs a loop that parses the text. */
function loopRows(report: Report, label: string, r: VmResult, limit: number, base = 'bare Date loop'): Row[] {
  const o = median(r.ours);
  const b = median(r.base);
  const rows: Row[] = [
    {
      case: label,
      rows: count(r.rows),
      ours: ms(o),
      base: `${ms(b)} (${base})`,
      ratio: times(o / b),
      target: `≤ ${limit}×`,
      memory: memoryOf(r),
      ok: report.verdict(o / b <= limit, r.mismatch, label, `${times(o / b)} > ${limit}×`),
    },
    {
      case: '↳ cold: the first call after Code.js is evaluated in a new context (every recalculation in Sheets)',
      rows: '',
      ours: ms(r.coldOurs),
      base: ms(r.coldBase),
      ratio: times(r.coldOurs / r.coldBase),
      target: 'info',
      memory: '',
      ok: '—',
    },
  ];
  if (r.info) {
    const i = median(r.info);
    rows.push({
      case: '↳ warm, vs a bare loop that also parses the text (slice/Number, replace/Number)',
      rows: '',
      ours: ms(o),
      base: ms(i),
      ratio: times(o / i),
      target: 'info',
      memory: '',
      ok: '—',
    });
  }
  return rows;
}

function hfRow(report: Report, label: string, r: VmResult): Row {
  const o = median(r.ours);
  const h = median(r.base);
  const faster = h / o;
  return {
    case: label,
    rows: count(r.rows),
    ours: ms(o),
    base: `${ms(h)} (HyperFormula, ${r.base.length} run${r.base.length > 1 ? 's' : ''})`,
    ratio: `${(o / h).toFixed(4)}× (${faster.toFixed(0)}× faster)`,
    target: '≤ 0.05× (≥ 20× faster)',
    memory: `${mb(r.peakRssMB)} (process with HyperFormula)`,
    ok: report.verdict(faster >= 20, r.mismatch, label, `only ${faster.toFixed(1)}× faster`),
  };
}

export const suite: Suite = {
  name: 'formulas',
  order: 10,
  run(report) {
    report.add(...loopRows(report, 'PERIOD_SERIES month/sum: Date cells, number values', run('series-date'), 3));
    report.add(
      ...loopRows(report, 'PERIOD_SERIES month/sum: Date cells in random order (a sheet sorted by customer)', run('series-date-random'), 3),
    );
    report.add(...loopRows(report, 'NPS_BY_PERIOD month: Date cells, scores 0–10', run('nps-date'), 3));
    report.add(...loopRows(report, 'NPS_BY_PERIOD month: Date cells in random order', run('nps-date-random'), 3));
    // The slow text cases run 5 rounds instead of 7 to keep the bench short.
    report.add(...loopRows(report, 'PERIOD_SERIES month/sum: ISO text dates, "£1,234.50" text values', run('series-iso', 5), 10));
    report.add(
      ...loopRows(report, 'PERIOD_SERIES month/sum: day-first text dates, "£1,234.50" text values', run('series-dayfirst', 5), 10),
    );
    report.add(...loopRows(report, 'NPS_BY_PERIOD month: ISO text dates', run('nps-iso', 5), 10));
    report.add(...loopRows(report, 'NPS_BY_PERIOD month: day-first text dates', run('nps-dayfirst', 5), 10));
    const c = run('connections', 21);
    report.add(
      ...loopRows(
        report,
        'CONNECTIONS: 6 lead × 5 lag measures over 520 periods, max lag 3',
        { ...c, rows: c.rows },
        3,
        'bare Pearson + p-value loop',
      ).map((row, i) => (i === 0 ? { ...row, rows: '520 periods' } : row)),
    );
    report.add(hfRow(report, 'PERIOD_SERIES vs HyperFormula SUMIFS per month (build + evaluate)', run('hf-series', 1)));
    report.add(hfRow(report, 'NPS_BY_PERIOD vs HyperFormula COUNTIFS NPS per month (build + evaluate)', run('hf-nps', 1)));
  },
};
