import { type PeriodSpec } from '../time/periods';
import { type Cell } from '../values/cell';
import { type HealthSales, readReps } from '../measures/targetHealth/read';
import { type Column } from '../values/column';
import { targetHealth } from '../measures/targetHealth/targetHealth';
import { FLAG_WORDS } from '../measures/targetHealth/findings';
import { readTargets } from '../measures/targetHealth/targets';
import { type SalesLedger } from './salesLedger';
import { type SourceSeries } from './sourceSeries';

// The section's header: apart, so that the sales table's layout (table.ts) loads none of the code below.
export { HEALTH_HEADERS } from './healthHeaders';

/**
 * A ledger's sales as target health reads them: the counted sales only (left-out orders and refund rows out),
 * an order-level amount on its order's first line, returns against units (or refunds against amounts),
 * discounts as money off (a column written as negative amounts, as Square writes them, counts by size; a
 * column of rates only is left out: TARGET_HEALTH's discount_is says how to read one), and reps when given.
 */
export function healthSalesOf(ledger: SalesLedger, rep?: Column): HealthSales {
  const n = ledger.n;
  const amount = ledger.values.amount!;
  const days = new Float64Array(n).fill(NaN);
  const amounts = new Float64Array(n).fill(NaN);
  const orderLevel = ledger.level === 'order';
  for (let i = 0; i < n; i++) {
    if (!ledger.sale[i]) continue;
    if (orderLevel && ledger.orderFirst[ledger.order[i]] !== i && amount[i] === 0) continue;
    days[i] = ledger.day[i];
    amounts[i] = amount[i];
  }
  const v = ledger.values;
  let returns: HealthSales['returns'] = null;
  if (v.returned && v.quantity) returns = { returned: v.returned, base: v.quantity };
  else if (v.refunded) returns = { returned: v.refunded, base: amount };
  let discount: HealthSales['discount'] = null;
  if (v.discount) {
    let money = false;
    for (let i = 0; i < n; i++) if (Math.abs(v.discount[i]) > 1) money = true;
    if (money) {
      const off = Float64Array.from(v.discount, Math.abs);
      const list = new Float64Array(n);
      for (let i = 0; i < n; i++) list[i] = amounts[i] === amounts[i] && amounts[i] > 0 ? amounts[i] + off[i] : 0;
      discount = { off, list };
    }
  }
  return { days, amounts, returns, discount, ...(rep ? readReps(rep, amounts) : { rep: null, reps: [] }) };
}

/** The section's rows (header first), or none without amounts. `targets`: a targets table (rows of cells), if any. */
export function healthRows(
  ledger: SalesLedger,
  spec: PeriodSpec,
  lastDays: number,
  targets?: readonly (readonly Cell[])[] | null,
): (string | number | null)[][] {
  if (!ledger.values.amount) return [];
  const t = targets && targets.some((r) => r.some((c) => c !== '' && c !== null && c !== undefined)) ? readTargets(targets, spec) : null;
  const h = targetHealth(healthSalesOf(ledger), spec, lastDays, t);
  const out: (string | number | null)[][] = [];
  for (const r of h.rows) {
    if (r.rep !== null) continue;
    out.push([
      r.label,
      r.push.sales,
      r.push.share,
      r.push.expected,
      r.push.ratio,
      r.returns?.push.rate ?? null,
      r.returns?.rest.rate ?? null,
      r.discount?.push.rate ?? null,
      r.discount?.rest.rate ?? null,
      r.pullForward?.ratio ?? null,
      r.partial ? 'Partial period' : r.flags.map((f) => FLAG_WORDS[f]).join(', '),
      r.finding,
    ]);
  }
  return out;
}

/** What target health reads: its period, the last days a rep is judged on, the targets (or none). */
export interface HealthAsk {
  readonly spec: PeriodSpec;
  readonly lastDays: number;
  readonly targets?: readonly (readonly Cell[])[] | null;
}

/** The sales series with its target health per period (`health`), when asked for and a ledger is there. */
export function withHealth(series: SourceSeries, health: HealthAsk | undefined): SourceSeries {
  if (!health || !series.ledger) return series;
  return { ...series, health: healthRows(series.ledger, health.spec, health.lastDays, health.targets) };
}
