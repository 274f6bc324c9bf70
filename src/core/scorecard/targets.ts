import { type MeasureInfo } from './measures';
import { suggestTarget } from './suggestTarget';
import { pathTargetAt } from './targetPath';

/**
 * A measure's target, from what the manager gave: a number typed (in the wizard or into the sheet), a
 * path "from X to Y by when" (whose target moves period by period), or nothing, and then the target the
 * history suggests (suggestTarget.ts). One function, so that the sheet and the command line agree.
 */
export type TargetKind = 'typed' | 'path' | 'suggested';

export interface MeasureTarget {
  /** The target of the latest value's period; null when there is none (no history to suggest from). */
  readonly value: number | null;
  readonly kind: TargetKind | null;
  /** In words: where the target comes from. */
  readonly why: string;
}

/** A path with its periods as indexes of the scorecard's period (targetPath.ts pathIndexes). */
export interface PathAt {
  readonly from: number;
  readonly to: number;
  readonly start: number;
  readonly by: number;
  readonly startLabel: string;
  readonly byLabel: string;
}

export function measureTarget(
  info: Pick<MeasureInfo, 'id' | 'format' | 'better'>,
  history: readonly (number | null)[],
  typed: number | null | undefined,
  path: PathAt | undefined,
  latestIndex: number | null,
): MeasureTarget {
  if (path) {
    const at = latestIndex === null ? path.to : pathTargetAt(path.from, path.to, path.start, path.by, latestIndex);
    return {
      value: at,
      kind: 'path',
      why: `From ${path.from} in ${path.startLabel} to ${path.to} by ${path.byLabel}: the line's value now.`,
    };
  }
  if (typed !== undefined && typed !== null) return { value: typed, kind: 'typed', why: 'Typed by you.' };
  const s = suggestTarget(history, info);
  return { value: s.value, kind: s.value === null ? null : 'suggested', why: s.why };
}
