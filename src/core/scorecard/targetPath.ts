import { type PeriodSpec, parsePeriodLabel, sameSpec } from '../time/periods';

/**
 * 4DX's "from X to Y by when" (issue "targets that exist"): the measure should move in a straight line from
 * `from` in period `start` to `to` in period `by`; the target of any period is where that line is then
 * (`from` before the start, `to` from `by` on), and a status compares the value with it.
 */
export interface TargetPath {
  readonly from: number;
  readonly to: number;
  /** Period labels of the scorecard's period (`2026-01`, `2026-Q3`, `FY2027-Q1 (Jul)`). */
  readonly start: string;
  readonly by: string;
}

/** Where the line is at period `index` (the spec's period numbering; `start` and `by` as indexes). */
export function pathTargetAt(from: number, to: number, start: number, by: number, index: number): number {
  if (index <= start) return from;
  if (index >= by) return to;
  return from + ((to - from) * (index - start)) / (by - start);
}

/** The start and end of a path as period indexes of `spec`, or the reason it does not fit it. */
export function pathIndexes(path: TargetPath, spec: PeriodSpec): { start: number; by: number } | { problem: string } {
  let start;
  let by;
  try {
    start = parsePeriodLabel(path.start);
    by = parsePeriodLabel(path.by);
  } catch (e) {
    return { problem: (e as Error).message };
  }
  if (!sameSpec(start.spec, spec) || !sameSpec(by.spec, spec))
    return { problem: `"${path.start}" to "${path.by}" must be periods of the scorecard's kind (${spec.kind})` };
  if (by.index <= start.index) return { problem: `"${path.by}" must come after "${path.start}"` };
  return { start: start.index, by: by.index };
}
