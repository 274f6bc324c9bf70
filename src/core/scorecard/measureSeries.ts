import { type Column, badCell, sameLength } from '../values/column';
import { isBlank } from '../values/cell';
import { fail } from '../values/errors';
import { type DateOptions, cachedDayColumn } from '../values/date';
import { readNumber } from '../values/number';
import { type PeriodSpec, periodIndexer } from '../time/periods';
import { type RatioRows } from '../measures/ratio';
import { npsRows } from '../measures/nps';
import { csatRows } from '../measures/csat';
import { comparisonRows } from '../measures/comparison';
import { returnRows } from '../measures/returns';
import { reviewRows } from '../measures/reviews';
import { type MeasureId } from './measures';

export interface SeriesInput {
  readonly dates: Column;
  readonly a?: Column;
  readonly b?: Column;
}

const AMOUNT = 'expected an amount such as 1234.5 or "£1,234.50"';

/**
 * One measure per period, for the given periods (e.g. the scorecard's last 12 months): the
 * arithmetic of DOMAIN.md on rows grouped by period. null where a period has nothing to measure
 * (no answers, no deliveries), 0 where a money sum is empty. Rows without a date are left out
 * (title, totals and blank rows).
 */
export function measureSeries(
  id: MeasureId,
  periods: readonly number[],
  spec: PeriodSpec,
  input: SeriesInput,
  opts: DateOptions,
): (number | null)[] {
  const { dates, a, b } = input;
  const need = (col: Column | undefined, what: string): Column => col ?? fail(`${id} needs ${what}`);
  for (const col of [a, b]) if (col) sameLength(dates, col);
  const days = cachedDayColumn(dates, opts);
  const slot = slots(days, periods, spec);
  const k = periods.length;

  const ratio = (rows: RatioRows, scale = 1): (number | null)[] => {
    const num = new Float64Array(k);
    const den = new Float64Array(k);
    for (let i = 0; i < slot.length; i++) {
      const p = slot[i];
      if (p >= 0 && rows.den[i] !== 0) {
        num[p] += rows.num[i];
        den[p] += rows.den[i];
      }
    }
    return Array.from(num, (x, p) => (den[p] === 0 ? null : (scale * x) / den[p]));
  };

  switch (id) {
    case 'nps':
      return ratio(npsRows(need(a, 'referral scores')), 100);
    case 'csat':
      return ratio(csatRows(need(a, 'satisfaction ratings')));
    case 'net_comparison':
      return ratio(comparisonRows(need(a, 'comparison answers')));
    case 'on_time': {
      // dates are the delivery days; a holds the promised days.
      const promised = cachedDayColumn(need(a, 'promised dates'), opts);
      const num = new Float64Array(days.length);
      const den = new Float64Array(days.length);
      for (let i = 0; i < days.length; i++) {
        if (days[i] !== days[i] || promised[i] !== promised[i]) continue;
        den[i] = 1;
        num[i] = days[i] <= promised[i] ? 1 : 0;
      }
      return ratio({ num, den });
    }
    case 'return_rate':
      return ratio(returnRows(need(a, 'quantities sold'), need(b, 'quantities returned')));
    case 'review_response':
      return ratio(reviewRows(need(a, 'stars'), need(b, 'whether each review was answered')));
    case 'revenue':
    case 'margin':
    case 'margin_pct':
    case 'orders':
    case 'average_order_value':
      return money(id, slot, k, input);
  }
}

/** Row i's position among the wanted periods, or −1. */
function slots(days: Float64Array, periods: readonly number[], spec: PeriodSpec): Int32Array {
  const at = new Map<number, number>();
  periods.forEach((p, i) => at.set(p, i));
  const of = periodIndexer(spec);
  const out = new Int32Array(days.length);
  for (let i = 0; i < days.length; i++) {
    const d = days[i];
    out[i] = d === d ? (at.get(of(d)) ?? -1) : -1;
  }
  return out;
}

function amountAt(col: Column, i: number): number | null {
  const c = col.cells[i];
  if (typeof c === 'number' && Number.isFinite(c)) return c;
  const x = readNumber(c);
  if (x === undefined) badCell(col, i, AMOUNT);
  return x;
}

function money(id: MeasureId, slot: Int32Array, k: number, { a, b }: SeriesInput): (number | null)[] {
  const revenue = new Float64Array(k);
  const margin = new Float64Array(k);
  const orders = new Float64Array(k);
  const seen: Set<string>[] = Array.from({ length: k }, () => new Set<string>());
  const needsAmount = id !== 'orders';
  const ids = id === 'orders' ? a : id === 'average_order_value' ? b : undefined;
  if (needsAmount && !a) fail(`${id} needs the amounts`);
  for (let i = 0; i < slot.length; i++) {
    const p = slot[i];
    if (p < 0) continue;
    if (needsAmount && a) {
      const amount = amountAt(a, i);
      if (amount !== null) {
        revenue[p] += amount;
        if (id === 'margin' || id === 'margin_pct') {
          if (b) margin[p] += amount - (amountAt(b, i) ?? 0);
          else margin[p] += amount;
        }
      }
    }
    if (id === 'orders' || id === 'average_order_value') {
      if (ids) {
        const c = ids.cells[i];
        if (isBlank(c)) orders[p]++;
        else {
          const key = String(c).trim();
          if (!seen[p].has(key)) {
            seen[p].add(key);
            orders[p]++;
          }
        }
      } else orders[p]++;
    }
  }
  const out: (number | null)[] = new Array(k);
  for (let p = 0; p < k; p++) {
    if (id === 'revenue') out[p] = revenue[p];
    else if (id === 'margin') out[p] = margin[p];
    else if (id === 'margin_pct') out[p] = revenue[p] === 0 ? null : margin[p] / revenue[p];
    else if (id === 'orders') out[p] = orders[p];
    else out[p] = orders[p] === 0 ? null : revenue[p] / orders[p];
  }
  return out;
}
