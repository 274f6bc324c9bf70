/**
 * The precision a measure is shown at, which is the precision it is judged at: 29.96% shown as "30.0%"
 * against a 30.0% target is on track, as the manager reads it (issue "status that tells the truth").
 */

/** Decimal places a Sheets number format shows, a percentage's two more (`0.0%` → 3, `#,##0` → 0). */
export function shownDecimals(format: string): number {
  const m = /\.(0+)/.exec(format);
  const places = m ? m[1].length : 0;
  return format.endsWith('%') ? places + 2 : places;
}

/**
 * Rounds as a sheet's ROUND does: half away from zero, with the binary noise of x·10^d taken out first
 * (0.285 is 0.28499999… in binary and ROUND(0.285, 2) is 0.29).
 *
 * @example roundTo(0.2996, 3) // 0.3
 */
export function roundTo(x: number, decimals: number): number {
  const f = Math.pow(10, decimals);
  const scaled = Number((Math.abs(x) * f).toPrecision(15));
  return (Math.sign(x) * Math.round(scaled)) / f;
}
