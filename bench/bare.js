/**
 * The bare loops the formulas are timed against, as a plain script evaluated in the same node:vm context as
 * dist/Code.js (bench/vmCase.ts). They assume clean input (every date a Date or the expected text, every value
 * a number or "£1,234.50"), validate nothing, and build the same table as the formula: a header, then every
 * month from the first to the last, with its label. Like the bundle (scripts/build.ts bindBuiltins), they read
 * the builtins they use as locals, so that neither side pays the context's interceptor on every read.
 */
// eslint-disable-next-line no-unused-vars
var Bare = (() => {
  const Math = globalThis.Math;
  const Number = globalThis.Number;
  const Int32Array = globalThis.Int32Array;
  const Float64Array = globalThis.Float64Array;

  function label(k) {
    const y = Math.floor(k / 12);
    const m = (k % 12) + 1;
    return `${y}-${m < 10 ? '0' : ''}${m}`;
  }

  /** Month index (year*12 + month-1) of every row's Date, and the first and last. */
  function monthsOfDates(dates) {
    const n = dates.length;
    const key = new Int32Array(n);
    let min = Infinity;
    let max = -Infinity;
    for (let i = 0; i < n; i++) {
      const d = dates[i][0];
      const k = d.getFullYear() * 12 + d.getMonth();
      key[i] = k;
      if (k < min) min = k;
      if (k > max) max = k;
    }
    return { key, min, max };
  }

  /** The same from text: ISO "2026-01-31" or day-first "31/01/2026", read with slice and Number. */
  function monthsOfText(dates, iso) {
    const n = dates.length;
    const key = new Int32Array(n);
    let min = Infinity;
    let max = -Infinity;
    for (let i = 0; i < n; i++) {
      const s = dates[i][0];
      const k = iso ? Number(s.slice(0, 4)) * 12 + Number(s.slice(5, 7)) - 1 : Number(s.slice(6, 10)) * 12 + Number(s.slice(3, 5)) - 1;
      key[i] = k;
      if (k < min) min = k;
      if (k > max) max = k;
    }
    return { key, min, max };
  }

  function seriesTable(sums, min) {
    const out = [['Period', 'Value']];
    for (let k = 0; k < sums.length; k++) out.push([label(min + k), sums[k]]);
    return out;
  }

  /** PERIOD_SERIES(dates, values, "month", "sum") on Date cells and number values. */
  function seriesDates(dates, values) {
    const { key, min, max } = monthsOfDates(dates);
    const sums = new Float64Array(max - min + 1);
    for (let i = 0; i < key.length; i++) sums[key[i] - min] += values[i][0];
    return seriesTable(sums, min);
  }

  /** The same on text dates and "£1,234.50" text amounts (replace and Number). */
  function seriesText(dates, values, iso) {
    const { key, min, max } = monthsOfText(dates, iso);
    const sums = new Float64Array(max - min + 1);
    for (let i = 0; i < key.length; i++) sums[key[i] - min] += Number(values[i][0].replace(/[£,]/g, ''));
    return seriesTable(sums, min);
  }

  const Z95 = 1.959963984540054; // DOMAIN.md: the exact quantile, as NPS_BY_PERIOD uses it

  /** Responses, NPS, adjusted-Wald margin, change and its significance per month. */
  function npsTable(key, min, max, scores) {
    const k = max - min + 1;
    const n = new Float64Array(k);
    const p = new Float64Array(k);
    const d = new Float64Array(k);
    for (let i = 0; i < key.length; i++) {
      const b = key[i] - min;
      const s = scores[i][0];
      n[b]++;
      if (s >= 9) p[b]++;
      else if (s <= 6) d[b]++;
    }
    const out = [['Period', 'Responses', 'NPS', 'Margin of error', 'Change', 'Significant']];
    let prevNps = 0;
    let prevM = 0;
    let prevSe = -1;
    for (let b = 0; b < k; b++) {
      if (n[b] === 0) {
        out.push([label(min + b), 0, '', '', '', '']);
        prevSe = -1;
        continue;
      }
      const nps = (100 * (p[b] - d[b])) / n[b];
      const n1 = n[b] + 3;
      const pp = (p[b] + 0.75) / n1;
      const dd = (d[b] + 0.75) / n1;
      const m = pp - dd;
      const se = Math.sqrt((pp + dd - m * m) / n1);
      const has = prevSe >= 0;
      out.push([
        label(min + b),
        n[b],
        nps,
        100 * Z95 * se,
        has ? nps - prevNps : '',
        has ? Math.abs(m - prevM) > Z95 * Math.sqrt(prevSe * prevSe + se * se) : '',
      ]);
      prevNps = nps;
      prevM = m;
      prevSe = se;
    }
    return out;
  }

  function npsDates(dates, scores) {
    const { key, min, max } = monthsOfDates(dates);
    return npsTable(key, min, max, scores);
  }

  function npsText(dates, scores, iso) {
    const { key, min, max } = monthsOfText(dates, iso);
    return npsTable(key, min, max, scores);
  }

  // CONNECTIONS (DOMAIN.md, "Connecting lead to lag"): per lead × lag pair, the lead's AR(1) coefficient φ, both
  // series prewhitened with it, at lags 0..maxLag the prewhitened Pearson r and its p-value from Student's t
  // (I_{1−r²}(df/2, 1/2), by the continued fraction of Numerical Recipes' betai), the best lag (smallest p), the raw
  // r there, its Bonferroni-adjusted p; then Benjamini–Hochberg q-values over the table's pairs, sorted by q.
  const LANCZOS = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
    -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  function logGamma(x) {
    if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
    x -= 1;
    let a = LANCZOS[0];
    const t = x + 7.5;
    for (let i = 1; i < 9; i++) a += LANCZOS[i] / (x + i);
    return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
  }
  function betaFraction(x, a, b) {
    const qab = a + b;
    const qap = a + 1;
    const qam = a - 1;
    let c = 1;
    let d = 1 - (qab * x) / qap;
    if (Math.abs(d) < 1e-300) d = 1e-300;
    d = 1 / d;
    let h = d;
    for (let m = 1; m <= 10000; m++) {
      const m2 = 2 * m;
      let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
      d = 1 + aa * d;
      if (Math.abs(d) < 1e-300) d = 1e-300;
      c = 1 + aa / c;
      if (Math.abs(c) < 1e-300) c = 1e-300;
      d = 1 / d;
      h *= d * c;
      aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
      d = 1 + aa * d;
      if (Math.abs(d) < 1e-300) d = 1e-300;
      c = 1 + aa / c;
      if (Math.abs(c) < 1e-300) c = 1e-300;
      d = 1 / d;
      const del = d * c;
      h *= del;
      if (Math.abs(del - 1) < 1e-16) break;
    }
    return h;
  }
  /** I_x(a, b), with y = 1 − x given exactly. */
  function betai(x, y, a, b) {
    if (x <= 0) return 0;
    if (y <= 0) return 1;
    const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(y));
    if (x < (a + 1) / (a + b + 2)) return (front * betaFraction(x, a, b)) / a;
    return 1 - (front * betaFraction(y, b, a)) / b;
  }
  function pValue(r, pairs) {
    const abs = Math.abs(r);
    if (abs >= 1) return 0;
    if (abs === 0) return 1;
    return betai((1 - abs) * (1 + abs), abs * abs, (pairs - 2) / 2, 0.5);
  }

  /** Pearson r of the pairs (a[t], b[t + k]) where both are present (into xs, ys); its pairs; r null under 3 or flat. */
  function pearsonAt(a, b, k, xs, ys) {
    let n = 0;
    for (let t = 0; t + k < a.length; t++) {
      const x = a[t];
      const y = b[t + k];
      if (x === x && y === y) {
        xs[n] = x;
        ys[n] = y;
        n++;
      }
    }
    if (n < 3) return { r: null, n };
    let sx = 0;
    let sy = 0;
    for (let t = 0; t < n; t++) {
      sx += xs[t];
      sy += ys[t];
    }
    const mx = sx / n;
    const my = sy / n;
    let sxx = 0;
    let syy = 0;
    let sxy = 0;
    for (let t = 0; t < n; t++) {
      const dx = xs[t] - mx;
      const dy = ys[t] - my;
      sxx += dx * dx;
      syy += dy * dy;
      sxy += dx * dy;
    }
    if (sxx === 0 || syy === 0) return { r: null, n };
    return { r: Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy))), n };
  }

  /** φ = Σab / Σa² over the consecutive present pairs, a and b their deviations from their means. */
  function ar1(x) {
    let n = 0;
    let sa = 0;
    let sb = 0;
    for (let t = 1; t < x.length; t++) {
      if (x[t - 1] === x[t - 1] && x[t] === x[t]) {
        n++;
        sa += x[t - 1];
        sb += x[t];
      }
    }
    const ma = sa / n;
    const mb = sb / n;
    let sab = 0;
    let saa = 0;
    for (let t = 1; t < x.length; t++) {
      if (x[t - 1] === x[t - 1] && x[t] === x[t]) {
        sab += (x[t - 1] - ma) * (x[t] - mb);
        saa += (x[t - 1] - ma) * (x[t - 1] - ma);
      }
    }
    return sab / saa;
  }

  /** x'[t] = x[t] − φ·x[t − 1] (NaN at 0 and where either is missing). */
  function prewhiten(x, phi) {
    const out = new Float64Array(x.length);
    out[0] = NaN;
    for (let t = 1; t < x.length; t++) out[t] = x[t] - phi * x[t - 1];
    return out;
  }

  function connections(leads, lags, leadNames, lagNames, maxLag) {
    const rows = (grid) => grid.map((r) => Float64Array.from(r, (c) => (typeof c === 'number' ? c : NaN)));
    const L = rows(leads);
    const G = rows(lags);
    const xs = new Float64Array(L[0].length);
    const ys = new Float64Array(L[0].length);
    const found = [];
    for (let i = 0; i < L.length; i++) {
      const phi = ar1(L[i]);
      const x = prewhiten(L[i], phi);
      for (let j = 0; j < G.length; j++) {
        const y = prewhiten(G[j], phi);
        let best = null;
        let most = 0;
        for (let k = 0; k <= maxLag; k++) {
          const { r, n } = pearsonAt(x, y, k, xs, ys);
          if (n > most) most = n;
          if (r === null || n < 8) continue;
          const p = pValue(r, n);
          if (best === null || p < best.p) best = { k, r, p, n };
        }
        const row = [leadNames[i][0], lagNames[j][0], null, null, null, most, null, null, '', found.length];
        if (best) {
          row[2] = best.k;
          row[3] = pearsonAt(L[i], G[j], best.k, xs, ys).r;
          row[4] = best.r;
          row[5] = best.n;
          row[6] = Math.min(1, best.p * (maxLag + 1));
        }
        found.push(row);
      }
    }
    // Benjamini–Hochberg: q₍ᵢ₎ = min over j ≥ i of m·p₍ⱼ₎ / j, over the pairs with an adjusted p.
    const tested = found.filter((row) => row[6] !== null).sort((a, b) => a[6] - b[6] || a[9] - b[9]);
    let running = 1;
    for (let rank = tested.length; rank >= 1; rank--) {
      const row = tested[rank - 1];
      running = Math.min(running, (row[6] * tested.length) / rank);
      row[7] = Math.max(running, row[6]);
    }
    found.sort((a, b) => {
      if (a[7] === null || b[7] === null) return a[7] === b[7] ? a[9] - b[9] : a[7] === null ? 1 : -1;
      return a[7] - b[7] || a[6] - b[6] || a[9] - b[9];
    });
    const header = ['Lead', 'Lag', 'Best lag', 'Correlation', 'Prewhitened r', 'Pairs', 'Adjusted p', 'Q-value', 'Reading'];
    return [header, ...found.map((row) => row.slice(0, 9))];
  }

  return { seriesDates, seriesText, npsDates, npsText, connections };
})();
