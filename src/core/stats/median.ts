/**
 * Median of a list of numbers: the middle value after sorting, or the mean of
 * the two middle values for an even count.
 *
 * The input is copied into a Float64Array and sorted numerically, so it is
 * never mutated. The two middle values are averaged without overflow.
 *
 * Edge cases: `null` for an empty input; any NaN gives NaN; ±Infinity values
 * sort to the ends as usual (so the median of [−∞, ∞] is NaN).
 *
 * @example median([3, 1, 4, 1, 5]) // 3
 */
export function median(values: ArrayLike<number>): number | null {
  const n = values.length;
  if (n === 0) return null;
  const sorted = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (Number.isNaN(v)) return NaN;
    sorted[i] = v;
  }
  sorted.sort();
  const mid = n >> 1;
  if (n % 2 === 1) return sorted[mid];
  const lo = sorted[mid - 1];
  const hi = sorted[mid];
  const sum = lo + hi;
  return Number.isFinite(sum) ? sum / 2 : lo / 2 + hi / 2;
}
