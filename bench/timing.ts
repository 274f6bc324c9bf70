/** Timing helpers: medians of alternated runs, each after a full GC when --expose-gc is on. */

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length;
  if (m === 0) return NaN;
  return m % 2 ? s[(m - 1) >> 1] : (s[m / 2 - 1] + s[m / 2]) / 2;
}

const gc = (globalThis as { gc?: () => void }).gc;

/**
 * A full collection, so one contender's garbage is not collected on the next one's clock, then a
 * 100 ms nap: right after a forced GC, V8 is still sweeping on the other core and freed pages must be
 * faulted in again, which made the next run up to 2× slower (measured: bare loop 20 ms → 40–150 ms).
 */
export function collect(): void {
  if (!gc) return;
  gc();
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
}

/** Keeps results alive so that nothing is optimised away. */
export let sink: unknown = null;
export function keep(x: unknown): void {
  sink = x;
}

/** One timed call, on a freshly collected heap. */
export function timeOnce(f: () => unknown): number {
  collect();
  const t0 = performance.now();
  const out = f();
  const t = performance.now() - t0;
  keep(out);
  return t;
}

/**
 * Runs every contender `rounds` times, rotating who goes first in each round, and returns the
 * times per contender (ms). Every run starts on a freshly collected heap, so that no contender pays
 * for (or has its cores shared with) a collection of another one's garbage. Warm-up is the caller's job.
 */
export function alternate(contenders: ReadonlyArray<() => unknown>, rounds: number): number[][] {
  const times = contenders.map(() => [] as number[]);
  for (let r = 0; r < rounds; r++) {
    for (let j = 0; j < contenders.length; j++) {
      const k = (j + r) % contenders.length;
      times[k].push(timeOnce(contenders[k]));
    }
  }
  return times;
}

export const MB = 1024 * 1024;

/** Peak resident set size of this process so far, in MB (resourceUsage reports KB). */
export function peakRssMB(): number {
  return process.resourceUsage().maxRSS / 1024;
}

/** What the JS heap and typed-array buffers hold right now, in MB. */
export function heldMB(): number {
  const m = process.memoryUsage();
  return (m.heapUsed + m.arrayBuffers) / MB;
}
