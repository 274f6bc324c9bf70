import { type MeasureId } from './measures';
import { MAX_MARKED } from './defaults';

/**
 * The measures that matter most when the manager has not marked any: two lead measures customers feel
 * (the referral score first, then satisfaction, then on-time delivery) and the first money measure, so that
 * the top band answers "are customers and money both moving?" from the first build.
 */
const LEADS: readonly MeasureId[] = ['nps', 'csat', 'on_time', 'net_comparison', 'review_response', 'return_rate'];
const LAGS: readonly MeasureId[] = ['revenue', 'margin', 'orders', 'margin_pct', 'average_order_value'];

export function markedMeasures(
  marked: readonly MeasureId[] | undefined,
  shown: readonly MeasureId[],
): { ids: MeasureId[]; byDefault: boolean } {
  const has = new Set(shown);
  if (marked && marked.length) return { ids: marked.filter((id) => has.has(id)).slice(0, MAX_MARKED), byDefault: false };
  const leads = LEADS.filter((id) => has.has(id));
  const lags = LAGS.filter((id) => has.has(id));
  const ids = [...leads.slice(0, lags.length ? 2 : MAX_MARKED), ...lags.slice(0, 1)];
  for (const id of [...leads, ...lags]) if (ids.length < MAX_MARKED && !ids.includes(id)) ids.push(id);
  return { ids: ids.slice(0, MAX_MARKED), byDefault: true };
}
