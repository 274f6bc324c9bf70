import type { PeriodKind } from '../time/periods';

/**
 * The scorecard's defaults, in one place: the wizard, the stored definition, the sheet builder and the
 * command line all start from these.
 */
export const SCORECARD_DEFAULTS = {
  /** Columns of the scorecard: one per period. */
  period: 'month' as PeriodKind,
  /** How many periods the scorecard shows. */
  periods: 12,
  /** The most periods a lag measure may trail its lead measure by ("connect the dots"). */
  maxLag: 3,
  /** Target health: periods of the end-of-period push, and how many last days count. */
  healthPeriod: 'quarter' as PeriodKind,
  lastDays: 7,
} as const;

/** The most measures a manager marks as mattering most: the scorecard's top band has room for three. */
export const MAX_MARKED = 3;
