/**
 * The formulas' docs (summary, what each returns, an example, each argument's help), joined to their
 * run-time parts. Node only: the build writes the JSDoc of dist/Code.js from it and `npm run docs` the
 * README's formula reference; src/appsscript/main.ts never imports it, so none of this prose ships in
 * the bundle (a test checks).
 */
import type { DocumentedFormula } from './types';
import { FUNCTIONS } from './registry';
import { NPS_DOCS } from './defs/nps.docs';
import { NPS_DETAIL_DOCS } from './defs/npsDetail.docs';
import { NPS_BY_PERIOD_DOCS } from './defs/npsByPeriod.docs';
import { CSAT_DOCS } from './defs/csat.docs';
import { NET_COMPARISON_DOCS } from './defs/netComparison.docs';
import { ONTIME_RATE_DOCS } from './defs/ontimeRate.docs';
import { RETURN_RATE_DOCS } from './defs/returnRate.docs';
import { REVIEW_RESPONSE_RATE_DOCS } from './defs/reviewResponseRate.docs';
import { RATE_DETAIL_DOCS } from './defs/rateDetail.docs';
import { PERIOD_SERIES_DOCS } from './defs/periodSeries.docs';
import { LEADLAG_DOCS } from './defs/leadlag.docs';
import { SIGNALS_DOCS } from './defs/signals.docs';
import { TARGET_PRESSURE_DOCS } from './defs/targetPressure.docs';
import { TARGET_HEALTH_DOCS } from './defs/targetHealth.docs';
import { TARGET_RATCHET_DOCS } from './defs/targetRatchet.docs';
import { OKR_SCORE_DOCS } from './defs/okrScore.docs';
import { OKR_ROLLUP_DOCS } from './defs/okrRollup.docs';
import { KEY_ACCOUNTS_DOCS } from './defs/keyAccounts.docs';
import { KEY_ACCOUNT_PLAN_DOCS } from './defs/keyAccountPlan.docs';
import { IMPROVEMENT_SUMMARY_DOCS } from './defs/improvementSummary.docs';
import { ACTION_RESULT_DOCS } from './defs/actionResult.docs';
import { IMPROVEMENT_RESULTS_DOCS } from './defs/improvementResults.docs';
import { PERIODS_DOCS } from './defs/periods.docs';
import { MEASURE_SERIES_DOCS } from './defs/measureSeries.docs';
import { TARGET_STATUS_DOCS } from './defs/targetStatus.docs';
import { CONNECTIONS_DOCS } from './defs/connections.docs';
import { SALES_SERIES_DOCS } from './defs/salesSeries.docs';
import { FEEDBACK_SERIES_DOCS } from './defs/feedbackSeries.docs';
import { REVIEWS_SERIES_DOCS } from './defs/reviewsSeries.docs';

const ALL: readonly DocumentedFormula[] = [
  NPS_DOCS,
  NPS_DETAIL_DOCS,
  NPS_BY_PERIOD_DOCS,
  CSAT_DOCS,
  NET_COMPARISON_DOCS,
  ONTIME_RATE_DOCS,
  RETURN_RATE_DOCS,
  REVIEW_RESPONSE_RATE_DOCS,
  RATE_DETAIL_DOCS,
  PERIOD_SERIES_DOCS,
  LEADLAG_DOCS,
  SIGNALS_DOCS,
  TARGET_PRESSURE_DOCS,
  TARGET_HEALTH_DOCS,
  TARGET_RATCHET_DOCS,
  OKR_SCORE_DOCS,
  OKR_ROLLUP_DOCS,
  KEY_ACCOUNTS_DOCS,
  KEY_ACCOUNT_PLAN_DOCS,
  IMPROVEMENT_SUMMARY_DOCS,
  ACTION_RESULT_DOCS,
  IMPROVEMENT_RESULTS_DOCS,
  PERIODS_DOCS,
  MEASURE_SERIES_DOCS,
  TARGET_STATUS_DOCS,
  CONNECTIONS_DOCS,
  SALES_SERIES_DOCS,
  FEEDBACK_SERIES_DOCS,
  REVIEWS_SERIES_DOCS,
];

/** Every formula of the registry with its docs, in the registry's order; a formula without docs stops the build. */
export const DOCUMENTED: readonly DocumentedFormula[] = FUNCTIONS.map((def) => {
  const found = ALL.find((d) => d.def === def);
  if (!found) throw new Error(`${def.name} has no docs: add src/functions/defs/<name>.docs.ts and list it in src/functions/docs.ts`);
  return found;
});
if (ALL.length !== DOCUMENTED.length) throw new Error('src/functions/docs.ts lists docs of a formula that is not in the registry');
