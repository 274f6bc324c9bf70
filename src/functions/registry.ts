import type { FormulaDef } from './types';
import { NPS } from './defs/nps';
import { NPS_DETAIL } from './defs/npsDetail';
import { NPS_BY_PERIOD } from './defs/npsByPeriod';
import { CSAT } from './defs/csat';
import { NET_COMPARISON } from './defs/netComparison';
import { ONTIME_RATE } from './defs/ontimeRate';
import { RETURN_RATE } from './defs/returnRate';
import { REVIEW_RESPONSE_RATE } from './defs/reviewResponseRate';
import { RATE_DETAIL } from './defs/rateDetail';
import { PERIOD_SERIES } from './defs/periodSeries';
import { LEADLAG } from './defs/leadlag';
import { SIGNALS } from './defs/signals';
import { TARGET_PRESSURE } from './defs/targetPressure';
import { TARGET_HEALTH } from './defs/targetHealth';
import { TARGET_RATCHET } from './defs/targetRatchet';
import { OKR_SCORE } from './defs/okrScore';
import { OKR_ROLLUP } from './defs/okrRollup';
import { KEY_ACCOUNTS } from './defs/keyAccounts';
import { KEY_ACCOUNT_PLAN } from './defs/keyAccountPlan';
import { IMPROVEMENT_SUMMARY } from './defs/improvementSummary';
import { ACTION_RESULT } from './defs/actionResult';
import { IMPROVEMENT_RESULTS } from './defs/improvementResults';
import { PERIODS } from './defs/periods';
import { MEASURE_SERIES } from './defs/measureSeries';
import { TARGET_STATUS } from './defs/targetStatus';
import { CONNECTIONS } from './defs/connections';
import { SALES_SERIES } from './defs/salesSeries';
import { FEEDBACK_SERIES } from './defs/feedbackSeries';
import { REVIEWS_SERIES } from './defs/reviewsSeries';

/**
 * Every formula's run-time part, in the order the README and autocomplete list them: the one source of truth for
 * their parameters. Their docs are in docs.ts, which the bundle never imports.
 */
export const FUNCTIONS: readonly FormulaDef[] = [
  NPS,
  NPS_DETAIL,
  NPS_BY_PERIOD,
  CSAT,
  NET_COMPARISON,
  ONTIME_RATE,
  RETURN_RATE,
  REVIEW_RESPONSE_RATE,
  RATE_DETAIL,
  PERIOD_SERIES,
  LEADLAG,
  SIGNALS,
  TARGET_PRESSURE,
  TARGET_HEALTH,
  TARGET_RATCHET,
  OKR_SCORE,
  OKR_ROLLUP,
  KEY_ACCOUNTS,
  KEY_ACCOUNT_PLAN,
  IMPROVEMENT_SUMMARY,
  ACTION_RESULT,
  IMPROVEMENT_RESULTS,
  // The scorecard's building blocks: its header, measure rows, status and connections are live formulas.
  PERIODS,
  MEASURE_SERIES,
  TARGET_STATUS,
  CONNECTIONS,
  SALES_SERIES,
  FEEDBACK_SERIES,
  REVIEWS_SERIES,
];

const BY_NAME = new Map(FUNCTIONS.map((f) => [f.name, f]));

export function findFormula(name: string): FormulaDef | undefined {
  return BY_NAME.get(name.toUpperCase());
}
