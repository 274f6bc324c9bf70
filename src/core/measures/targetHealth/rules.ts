/**
 * Target health's thresholds, in one place (DOMAIN.md *Target health*; the ones DOMAIN leaves open are
 * argued here and in README.md *Target health*).
 */
export const HEALTH_RULES = {
  /** End-of-period push: share in the last days ÷ the even share (DOMAIN). */
  spike: 1.5,
  /** Returns after the push: the push window's return rate ÷ the rest of the period's (DOMAIN). */
  returnsRatio: 1.5,
  /** Sales on each side before a comparison of two rates may flag (DOMAIN), and before any rep row may flag. */
  minSales: 20,
  /**
   * Pull-forward dip: the next period's start ratio (its first-days share ÷ the even share) at or below
   * 1 / 1.5, the push threshold mirrored; only after a flagged push (a dip alone is often a holiday).
   */
  dip: 1 / 1.5,
  /**
   * Discounting at the end: the push window's discount rate at least 2 percentage points above the rest of
   * the period's. Points of list price, not a ratio: a discount is money given away, and 2 points of revenue
   * is a third of what Larkin (2014) measured end-of-quarter deals to cost (6–8% of revenue).
   */
  discountPoints: 0.02,
  /**
   * Coasting after target: the daily sales rate after the day the target was reached at most half the rate
   * before it, with at least 7 calendar days on each side (a whole week each side, so weekends alone never
   * halve a rate).
   */
  coastRatio: 0.5,
  coastDays: 7,
  /** Ratchet: at least 3 rises in a row, all within 2 percentage points of each other (DOMAIN). */
  ratchetPoints: 0.02,
  ratchetRises: 3,
  /**
   * Larger than chance (beyond DOMAIN.md; argued in README.md *Target health*): a flag that compares one side of a
   * period with another (returns, discounts, the dip, coasting, and a rep's push, by value and by number of sales)
   * also needs its z statistic at least Φ⁻¹(0.999), one-sided p < 0.001. A panel of 5 reps over 8 quarters makes some 200 such comparisons: at
   * p < 0.01 it would show two flags of pure chance, at p < 0.001 one in five panels shows one (the effect sizes
   * above cut that further). On the example data's 2025-Q2, 0.9% of the last week's units came back against 0.5%
   * of the rest: 1.8×, from five returns, which a rate of rare events does by chance.
   */
  signalZ: 3.090232306167813,
  /**
   * A rep's push, and coasting, also need the number of sales to move the same way at z ≥ Φ⁻¹(0.99): sale values
   * are skewed, and a target is reached on a good day after good days, so value alone is beyond chance more often
   * than its z says. Measured on random panels of five reps with nothing planted
   * (tests/core/measures/targetHealth/falseFlags.test.ts): a rep's push in 0.65% of rep-quarters by value alone,
   * 0.2% with the count; coasting in 0.45%, 0.08% with the count.
   */
  countZ: 2.3263478740408408,
} as const;

/** Ratios compared with a threshold are computed in floating point: 1.5 stays flagged when it is 1.5 exactly. */
export const EPS = 1e-12;
