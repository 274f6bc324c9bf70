/**
 * An independent implementation of DOMAIN.md's "Connecting lead to lag", written from the page and
 * sharing no code with src/: textbook sums for Pearson r and the AR(1) slope, and the two-sided Student t
 * p-value from the closed forms of Abramowitz & Stegun 26.7.3–26.7.4 (finite sums in cos θ for whole
 * degrees of freedom), not the incomplete beta function the add-on uses. Not a test file itself.
 */

export interface ReferenceRow {
  lag: number;
  r: number | null;
  prewhitenedR: number | null;
  pairs: number;
  p: number | null;
}

export interface Reference {
  phi: number | null;
  rows: ReferenceRow[];
  bestLag: number | null;
  adjustedP: number | null;
}

const present = (v: number) => !Number.isNaN(v);

/** Pearson r by the textbook sums Σ(x − x̄)(y − ȳ) / √(Σ(x − x̄)² Σ(y − ȳ)²); null for a constant side. */
export function referencePearson(x: number[], y: number[]): number | null {
  const n = x.length;
  const mx = x.reduce((s, v) => s + v, 0) / n;
  const my = y.reduce((s, v) => s + v, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) ** 2;
    syy += (y[i] - my) ** 2;
  }
  if (sxx === 0 || syy === 0) return null;
  return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
}

/**
 * Two-sided p of a correlation r from `pairs` pairs: Student t with ν = pairs − 2 at t = r√(ν/(1 − r²)).
 * With θ = atan(|t|/√ν), sin θ = |r| and cos² θ = 1 − r², and A(t|ν) = P(|T| < |t|) is
 *   ν even: sin θ · (1 + cos²θ/2 + 1·3 cos⁴θ/(2·4) + … + 1·3⋯(ν−3)/(2·4⋯(ν−2)) cos^(ν−2)θ),
 *   ν odd:  (2/π)(θ + sin θ cos θ (1 + 2/3 cos²θ + … + 2·4⋯(ν−3)/(1·3⋯(ν−2)) cos^(ν−3)θ)) (ν = 1: 2θ/π);
 * p = 1 − A.
 */
export function referencePValue(r: number, pairs: number): number {
  const nu = pairs - 2;
  const s = Math.abs(r);
  if (s >= 1) return 0;
  const c2 = (1 - s) * (1 + s);
  const theta = Math.atan2(s, Math.sqrt(c2));
  let a: number;
  if (nu % 2 === 0) {
    let term = 1;
    let sum = 1;
    for (let i = 1; i <= (nu - 2) / 2; i++) {
      term *= (c2 * (2 * i - 1)) / (2 * i);
      sum += term;
    }
    a = s * sum;
  } else if (nu === 1) {
    a = (2 / Math.PI) * theta;
  } else {
    let term = 1;
    let sum = 1;
    for (let i = 1; i <= (nu - 3) / 2; i++) {
      term *= (c2 * (2 * i)) / (2 * i + 1);
      sum += term;
    }
    a = (2 / Math.PI) * (theta + s * Math.sqrt(c2) * sum);
  }
  return Math.max(0, 1 - a);
}

/** φ by the textbook least-squares slope of x[t] on x[t − 1] over the consecutive present pairs. */
export function referencePhi(x: number[]): number | null {
  const a: number[] = [];
  const b: number[] = [];
  for (let t = 1; t < x.length; t++) {
    if (present(x[t - 1]) && present(x[t])) {
      a.push(x[t - 1]);
      b.push(x[t]);
    }
  }
  if (a.length < 2) return null;
  const ma = a.reduce((s, v) => s + v, 0) / a.length;
  const mb = b.reduce((s, v) => s + v, 0) / b.length;
  let num = 0;
  let den = 0;
  for (let i = 0; i < a.length; i++) {
    num += (a[i] - ma) * (b[i] - mb);
    den += (a[i] - ma) ** 2;
  }
  return den === 0 ? null : num / den;
}

function pairsAt(x: number[], y: number[], k: number): [number[], number[]] {
  const xs: number[] = [];
  const ys: number[] = [];
  for (let t = 0; t + k < x.length; t++) {
    if (present(x[t]) && present(y[t + k])) {
      xs.push(x[t]);
      ys.push(y[t + k]);
    }
  }
  return [xs, ys];
}

/** DOMAIN.md steps 1–4, literally. */
export function referenceLeadLag(lead: number[], lag: number[], maxLag: number): Reference {
  const phi = referencePhi(lead);
  const filter = (s: number[]) => s.map((v, t) => (t > 0 && present(v) && present(s[t - 1]) ? v - (phi ?? 0) * s[t - 1] : NaN));
  const x = filter(lead);
  const y = filter(lag);
  const rows: ReferenceRow[] = [];
  for (let k = 0; k <= maxLag; k++) {
    const [rx, ry] = pairsAt(lead, lag, k);
    const [px, py] = pairsAt(x, y, k);
    const r = rx.length >= 3 ? referencePearson(rx, ry) : null;
    const prewhitenedR = phi !== null && px.length >= 3 ? referencePearson(px, py) : null;
    const p = prewhitenedR !== null && px.length >= 8 ? referencePValue(prewhitenedR, px.length) : null;
    rows.push({ lag: k, r, prewhitenedR, pairs: px.length, p });
  }
  let best: ReferenceRow | null = null;
  for (const row of rows) if (row.p !== null && (best === null || row.p < best.p!)) best = row;
  return { phi, rows, bestLag: best ? best.lag : null, adjustedP: best ? Math.min(1, best.p! * (maxLag + 1)) : null };
}
