/**
 * Benjamini–Hochberg q-values (the false-discovery-rate adjusted p-values) of a family of tests:
 * with the m present p-values sorted ascending, p₍₁₎ ≤ … ≤ p₍ₘ₎,
 *   q₍ᵢ₎ = min over j ≥ i of min(1, m·p₍ⱼ₎ / j).
 * Claiming every test with q < α keeps the expected share of false claims among the claims at α or
 * less (Benjamini & Hochberg 1995, independent or positively dependent tests); it is the same decision
 * as the step-up procedure "the largest i with p₍ᵢ₎ ≤ i·α/m, and every test up to it".
 *
 * `null` entries are tests that could not be run (no p-value): they are left out of m and get a null
 * q-value. The result is in the order of the input; ties share their q-value.
 *
 * Edge cases: an empty input gives []; a NaN p-value throws a `RangeError` (a p-value must be a number
 * from 0 to 1 or null).
 *
 * @example benjaminiHochberg([0.01, 0.04, 0.03, 0.2]) // [0.04, 0.0533…, 0.0533…, 0.2]
 */
export function benjaminiHochberg(p: readonly (number | null)[]): (number | null)[] {
  const present: number[] = [];
  for (let i = 0; i < p.length; i++) {
    const v = p[i];
    if (v === null) continue;
    if (!(v >= 0 && v <= 1)) throw new RangeError(`benjaminiHochberg: p-values must be from 0 to 1, got ${v} at ${i}`);
    present.push(i);
  }
  const m = present.length;
  present.sort((a, b) => (p[a] as number) - (p[b] as number) || a - b);
  const q: (number | null)[] = new Array<number | null>(p.length).fill(null);
  let running = 1;
  for (let rank = m; rank >= 1; rank--) {
    const i = present[rank - 1];
    const pi = p[i] as number;
    const v = (pi * m) / rank;
    if (v < running) running = v;
    // q ≥ p holds exactly; (p·m)/m can round a hair below p.
    q[i] = running < pi ? pi : running;
  }
  return q;
}
