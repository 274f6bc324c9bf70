/**
 * The table `npm run bench` prints, and the suites that fill it. A suite is a file in bench/suites/ that
 * exports `suite: Suite`; the runner (bench/run.ts) loads every one, in `order`, so a new case is a new file.
 */

/** One line of the table. Empty strings leave a cell blank. */
export interface Row {
  case: string;
  rows: string;
  ours: string;
  base: string;
  ratio: string;
  target: string;
  memory: string;
  ok: string;
}

export interface Suite {
  /** Shown while it runs, and matched by BENCH_ONLY=name,name. */
  readonly name: string;
  /** Where its rows go: lower first (formulas 10, bundle 50, command line 60, builder 70, sidebar 80). */
  readonly order: number;
  run(report: Report): void;
}

/** The rows so far, and every target missed. */
export class Report {
  readonly rows: Row[] = [];
  readonly misses: string[] = [];
  checks = 0;

  add(...rows: Row[]): void {
    this.rows.push(...rows);
  }

  /** The ok? cell of a row with a target: "yes" or "**NO**", and the tables' agreement. */
  verdict(ok: boolean, mismatch: string | null, what: string, why: string): string {
    this.checks++;
    if (!ok) this.misses.push(`${what} (${why})`);
    if (mismatch) this.misses.push(`${what}: tables differ (${mismatch})`);
    return `${ok ? 'yes' : '**NO**'}${mismatch ? ` (tables differ: ${mismatch})` : ''}`;
  }

  /** The ok? cell of an information row: "—", unless its tables differ. */
  info(mismatch: string | null, what: string): string {
    if (!mismatch) return '—';
    this.misses.push(`${what}: tables differ (${mismatch})`);
    return `**tables differ: ${mismatch}**`;
  }
}

export const ms = (x: number): string => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
export const mb = (x: number): string => `${x.toFixed(0)} MB`;
export const times = (r: number): string => `${r < 10 ? r.toFixed(2) : r.toFixed(1)}×`;
export const count = (n: number): string => n.toLocaleString('en-GB');

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length;
  if (m === 0) return NaN;
  return m % 2 ? s[(m - 1) >> 1] : (s[m / 2 - 1] + s[m / 2]) / 2;
}

export const blank: Row = { case: '', rows: '', ours: '', base: '', ratio: '', target: '', memory: '', ok: '' };
