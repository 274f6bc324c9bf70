import type { Source } from './measures';

/**
 * The kinds of data a scorecard reads, in the order the wizard and the builder go through them, and what
 * kind a sheet is from its column roles. The server (scorecard/detect.ts) and the sidebar (detect.ts)
 * both ask here, so they cannot disagree.
 */
export const SOURCES: readonly Source[] = ['sales', 'feedback', 'reviews'];

/** A sheet looks like sales with dates and amounts, feedback with scores or answers, reviews with stars. */
export function kindOf(roles: ReadonlySet<string>): Source | null {
  if (roles.has('stars')) return 'reviews';
  if (roles.has('referral_score') || roles.has('satisfaction') || roles.has('comparison')) return 'feedback';
  if (roles.has('amount') && roles.has('date')) return 'sales';
  return null;
}
