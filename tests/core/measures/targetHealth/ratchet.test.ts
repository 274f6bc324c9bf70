import fc from 'fast-check';
import { type RatchetPoint, ratchet } from '../../../../src/core/measures/targetHealth/ratchet';

const series = (targets: (number | null)[], results: (number | null)[]): RatchetPoint[] =>
  targets.map((target, t) => ({ target, result: results[t], complete: true }));

describe('ratchet: targets that rise by about the same step every period, however the period before went', () => {
  test('worked by hand: +10% four times, after a hit and after misses', () => {
    const { steps, runs } = ratchet(series([100, 110, 121, 133.1, 146.41], [105, 100, 130, 120, 150]));
    expect(steps.map((s) => s.hit)).toEqual([true, false, true, false, true]);
    expect(steps[0].rise).toBeNull();
    for (const s of steps.slice(1)) expect(s.rise).toBeCloseTo(0.1, 12);
    expect(steps.map((s) => s.flagged)).toEqual([false, true, true, true, true]);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ from: 1, to: 4, afterMisses: 2, afterHits: 2 });
    expect(runs[0].smallest).toBeCloseTo(0.1, 12);
    expect(runs[0].largest).toBeCloseTo(0.1, 12);
  });

  test('within 2 points: 9% to 11% is one step; 9% to 11.1% is not', () => {
    const rises = (rs: number[]) => rs.reduce<number[]>((t, r) => [...t, t[t.length - 1] * (1 + r)], [100]);
    const misses = (n: number) => Array.from({ length: n }, () => 1);
    expect(ratchet(series(rises([0.09, 0.11, 0.1]), misses(4))).runs).toHaveLength(1);
    expect(ratchet(series(rises([0.09, 0.111, 0.1]), misses(4))).runs).toHaveLength(0);
  });

  test('not a ratchet: two rises, a flat period, a fall, a gap, or every rise after a hit', () => {
    expect(ratchet(series([100, 110, 121], [1, 1, 1])).runs).toHaveLength(0);
    expect(ratchet(series([100, 110, 110, 121, 133.1], [1, 1, 1, 1, 1])).runs).toHaveLength(0);
    expect(ratchet(series([100, 110, 121, 115, 126.5], [1, 1, 1, 1, 1])).runs).toHaveLength(0);
    expect(ratchet(series([100, 110, null, 121, 133.1], [1, 1, 1, 1, 1])).runs).toHaveLength(0);
    // Targets that rise because every period beat them are listening to results.
    expect(ratchet(series([100, 110, 121, 133.1], [200, 200, 200, 200])).runs).toHaveLength(0);
  });

  test('a result not yet final (a partial period) is neither a hit nor a miss', () => {
    const pts = series([100, 110, 121, 133.1], [1, 1, 1, 1]).map((p, t) => ({ ...p, complete: t === 3 }));
    const { steps, runs } = ratchet(pts);
    expect(steps.map((s) => s.hit)).toEqual([null, null, null, false]);
    expect(runs).toHaveLength(0);
  });

  test('runs are found from the oldest period, as long as they go, and do not overlap', () => {
    // 10%, 10%, 10%, then 20%, 20%, 20%: two runs of three.
    const targets = [100, 110, 121, 133.1, 159.72, 191.664, 229.9968];
    const { runs } = ratchet(
      series(
        targets,
        targets.map(() => 0),
      ),
    );
    expect(runs.map((r) => [r.from, r.to])).toEqual([
      [1, 3],
      [4, 6],
    ]);
  });

  test('property: a constant step after every miss is always found, as one run', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.005, max: 0.5, noNaN: true }), fc.integer({ min: 3, max: 20 }), (step, rises) => {
        const targets = Array.from({ length: rises + 1 }, (_, t) => 1000 * (1 + step) ** t);
        const { runs, steps } = ratchet(
          series(
            targets,
            targets.map((x) => x / 2),
          ),
        );
        expect(runs).toHaveLength(1);
        expect(steps.filter((s) => s.flagged)).toHaveLength(rises);
      }),
    );
  });
});
