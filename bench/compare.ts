/** Cell-by-cell equality of two result tables; numbers within a relative 1e-9 (only the first `columns` columns, if given). */
export function sameTable(a: unknown, b: unknown, columns?: number): string | null {
  if (!Array.isArray(a) || !Array.isArray(b)) return 'not tables';
  if (a.length !== b.length) return `${a.length} rows vs ${b.length}`;
  for (let i = 0; i < a.length; i++) {
    const ra = a[i] as unknown[];
    const rb = b[i] as unknown[];
    if (ra.length !== rb.length) return `row ${i}: ${ra.length} columns vs ${rb.length}`;
    for (let j = 0; j < Math.min(ra.length, columns ?? ra.length); j++) {
      const x = ra[j];
      const y = rb[j];
      if (typeof x === 'number' && typeof y === 'number') {
        if (Math.abs(x - y) > 1e-9 * Math.max(1, Math.abs(x), Math.abs(y))) return `row ${i} col ${j}: ${x} vs ${y}`;
      } else if (x !== y) return `row ${i} col ${j}: ${String(x)} vs ${String(y)}`;
    }
  }
  return null;
}
