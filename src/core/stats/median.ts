/**
 * Median of a list of numbers: the middle value in sorted order, or the mean of
 * the two middle values for an even count.
 *
 * The input is copied into a Float64Array, so it is never mutated. Short lists
 * are sorted; long ones (a million amounts in the checks before a build) have
 * their middle found by selection, in linear time, with the same result as
 * sorting: −0 sorts before +0 there too. The two middle values are averaged
 * without overflow.
 *
 * Edge cases: `null` for an empty input; any NaN gives NaN; ±Infinity values
 * sort to the ends as usual (so the median of [−∞, ∞] is NaN).
 *
 * @example median([3, 1, 4, 1, 5]) // 3
 */
export function median(values: ArrayLike<number>): number | null {
  const n = values.length;
  if (n === 0) return null;
  const a = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (Number.isNaN(v)) return NaN;
    a[i] = v;
  }
  const mid = n >> 1;
  let lo: number;
  let hi: number;
  if (n <= SORTED_UP_TO || !select(a, mid)) {
    a.sort();
    lo = a[n % 2 === 1 ? mid : mid - 1];
    hi = a[mid];
  } else {
    hi = a[mid];
    // After selection every value before `mid` is ≤ a[mid]: the lower middle is their largest.
    lo = hi;
    if (n % 2 === 0) {
      lo = a[0];
      for (let i = 1; i < mid; i++) if (a[i] > lo) lo = a[i];
    }
    if (lo === 0 || hi === 0) {
      // Selection cannot tell −0 from +0; sorted, the −0s come first.
      let below = 0;
      for (let i = 0; i < n; i++) if (a[i] < 0 || Object.is(a[i], -0)) below++;
      if (hi === 0) hi = mid < below ? -0 : 0;
      if (lo === 0) lo = mid - 1 < below ? -0 : 0;
    }
  }
  if (n % 2 === 1) return hi;
  const sum = lo + hi;
  return Number.isFinite(sum) ? sum / 2 : lo / 2 + hi / 2;
}

const SORTED_UP_TO = 256;

/**
 * Puts the k-th smallest value at a[k], the smaller ones before it and the larger after (Hoare's selection,
 * a median-of-three pivot). False when it takes too many rounds (input built against the pivot rule): the
 * caller sorts instead, so the worst case stays n log n.
 */
function select(a: Float64Array, k: number): boolean {
  let left = 0;
  let right = a.length - 1;
  let rounds = 4 * Math.ceil(Math.log2(a.length));
  while (right > left) {
    if (rounds-- === 0) return false;
    const m = (left + right) >> 1;
    // Median of three as the pivot, which also guards the scans at both ends.
    if (a[m] < a[left]) swap(a, m, left);
    if (a[right] < a[left]) swap(a, right, left);
    if (a[right] < a[m]) swap(a, right, m);
    const pivot = a[m];
    let i = left;
    let j = right;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        swap(a, i, j);
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return true;
  }
  return true;
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i];
  a[i] = a[j];
  a[j] = t;
}
