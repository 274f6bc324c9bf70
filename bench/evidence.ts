/**
 * How sure is a link? The lead/lag evidence of the add-on (src/core/measures/leadLag.ts for one LEADLAG,
 * src/core/scorecard/connections.ts for a CONNECTIONS table) run on simulated series whose truth is known:
 * - false links: independent pairs (random walks, AR(1) φ = 0.8, white noise), 24 periods, max lag 3;
 *   a LEADLAG claims a link where its adjusted p < 0.05 (goal: at most 7% of pairs);
 * - null scorecards: 6 lead × 5 lag independent series, a CONNECTIONS table claims a link where q < 0.05;
 *   the share of tables with any claim (goal: at most 10%);
 * - detection: a real link two periods later, lag[t + 2] = lead[t] + noise (AR(1) lead, noise sd 1); the
 *   share of pairs where LEADLAG claims it at lag 2 (goal: at least 70%); inside a scorecard, over 24 and
 *   36 periods, for information.
 * The "before" column is the method the add-on had: raw Pearson at the best of the 4 lags, p < 0.05.
 *
 * The series are generated exactly as /work/scratch/stats/leadlag_null.js (the team's reference script)
 * does: scenario s draws from mulberry32(seed + 1000·s) through Box–Muller, in the same order, so the
 * figures can be compared with that script's one for one.
 *
 *   npx tsx bench/evidence.ts [reps] [seed] [scorecard reps]     prints the table and `RESULT {json}`
 */
import { mulberry32 } from '../examples/random';
import { leadLag } from '../src/core/measures/leadLag';
import { connectDots } from '../src/core/scorecard/connections';
import { correlationPValue } from '../src/core/stats/correlationPValue';

export const DEFAULT_SEED = 20240611;
const N = 24;
const MAX_LAG = 3;
const ALPHA = 0.05;

/** Standard normal draws by Box–Muller, the cosine first and the sine kept for the next call. */
function gauss(seed: number): () => number {
  const u = mulberry32(seed);
  let spare: number | null = null;
  return () => {
    if (spare !== null) {
      const s = spare;
      spare = null;
      return s;
    }
    let u1: number;
    do u1 = u();
    while (u1 <= 0);
    const u2 = u();
    const rad = Math.sqrt(-2 * Math.log(u1));
    spare = rad * Math.sin(2 * Math.PI * u2);
    return rad * Math.cos(2 * Math.PI * u2);
  };
}

type Gen = (g: () => number, n: number) => number[];
const randomWalk: Gen = (g, n) => {
  const x = [g()];
  for (let t = 1; t < n; t++) x.push(x[t - 1] + g());
  return x;
};
/** AR(1) with a stationary start and innovations of sd 1. */
const ar =
  (phi: number): Gen =>
  (g, n) => {
    const x = [g() / Math.sqrt(1 - phi * phi)];
    for (let t = 1; t < n; t++) x.push(phi * x[t - 1] + g());
    return x;
  };
const whiteNoise: Gen = (g, n) => Array.from({ length: n }, () => g());

/** A real link: lead = AR(1) φ, lag[t] = lead[t − 2] + N(0, 1) (the lead simulated for n + 2 periods). */
function linked(g: () => number, n: number, phi: number): { lead: number[]; lag: number[] } {
  const d = ar(phi)(g, n + 2);
  const lag: number[] = [];
  for (let t = 0; t < n; t++) lag.push(d[t] + g());
  return { lead: d.slice(2), lag };
}

/** LEADLAG's claim: the adjusted p of its best lag below 0.05; and the lag it names. */
function single(lead: number[], lag: number[]): { claim: boolean; lag: number | null; raw: boolean } {
  const res = leadLag(lead, lag, MAX_LAG);
  // The method before: raw Pearson at the best of the lags, p < 0.05, no correction.
  let raw = false;
  for (const row of res.rows) if (row.r !== null && (correlationPValue(row.r, row.rawPairs) ?? 1) < ALPHA) raw = true;
  return { claim: res.adjustedP !== null && res.adjustedP < ALPHA, lag: res.best ? res.best.lag : null, raw };
}

/** A CONNECTIONS table's claims (q < 0.05), in the order leads × lags. */
function table(leads: number[][], lags: number[][]): { claim: boolean; lag: number | null }[] {
  const named = (xs: number[][], kind: string) => xs.map((values, i) => ({ name: `${kind} ${i}`, values }));
  const out = connectDots(named(leads, 'lead'), named(lags, 'lag'), MAX_LAG);
  const at = new Map(out.map((c) => [`${c.lead}|${c.lag}`, c]));
  const claims: { claim: boolean; lag: number | null }[] = [];
  for (let i = 0; i < leads.length; i++)
    for (let j = 0; j < lags.length; j++) {
      const c = at.get(`lead ${i}|lag ${j}`)!;
      claims.push({ claim: c.q !== null && c.q < ALPHA, lag: c.lagPeriods });
    }
  return claims;
}

export interface Rate {
  readonly hits: number;
  readonly reps: number;
}

export interface EvidenceResult {
  readonly seed: number;
  readonly reps: number;
  readonly scorecardReps: number;
  /** Independent pairs: LEADLAG's false links, and the raw best-of-4 Pearson's before. */
  readonly falseLinks: Record<'randomWalk' | 'ar08' | 'whiteNoise', { now: Rate; before: Rate }>;
  /** Null 6 × 5 scorecards with at least one claimed link, now and with the raw best-of-4 Pearson before. */
  readonly nullScorecards: Record<'randomWalk' | 'ar08' | 'whiteNoise' | 'mixed', { now: Rate; before: Rate }>;
  /** A real link 2 periods later, found at lag 2: by one LEADLAG, and inside a 6 × 5 scorecard. */
  readonly detection: Record<'phi05' | 'phi08', { single: Rate; scorecard: Rate; scorecard36: Rate }>;
  readonly ms: number;
}

const rate = (hits: number, reps: number): Rate => ({ hits, reps });

/**
 * The simulation, seeded: `reps` pairs per single-pair case and `scorecardReps` tables per scorecard
 * case (defaults: the same). Scenario numbers follow the reference script's.
 */
export function simulateEvidence(reps: number, seed = DEFAULT_SEED, scorecardReps = reps): EvidenceResult {
  const started = Date.now();
  const stream = (s: number) => gauss(seed + 1000 * s);
  const singleNull = (s: number, gen: Gen) => {
    const g = stream(s);
    let now = 0;
    let before = 0;
    for (let r = 0; r < reps; r++) {
      const lead = gen(g, N);
      const lag = gen(g, N);
      const o = single(lead, lag);
      if (o.claim) now++;
      if (o.raw) before++;
    }
    return { now: rate(now, reps), before: rate(before, reps) };
  };
  const scorecardNull = (s: number, leadGens: Gen[], lagGens: Gen[]) => {
    const g = stream(s);
    let any = 0;
    let before = 0;
    for (let r = 0; r < scorecardReps; r++) {
      const leads = leadGens.map((f) => f(g, N));
      const lags = lagGens.map((f) => f(g, N));
      if (table(leads, lags).some((c) => c.claim)) any++;
      if (leads.some((lead) => lags.some((lag) => single(lead, lag).raw))) before++;
    }
    return { now: rate(any, scorecardReps), before: rate(before, scorecardReps) };
  };
  const detect = (s: number, phi: number, inScorecard: boolean, n = N) => {
    const g = stream(s);
    const count = inScorecard ? scorecardReps : reps;
    let found = 0;
    for (let r = 0; r < count; r++) {
      const real = linked(g, n, phi);
      if (!inScorecard) {
        const o = single(real.lead, real.lag);
        if (o.claim && o.lag === 2) found++;
        continue;
      }
      // Pair (0, 0) is real; the other leads are independent AR(1) φ, the other lags built like the real
      // lag from their own unseen drivers.
      const leads = [real.lead];
      const lags = [real.lag];
      for (let i = 1; i < 6; i++) leads.push(ar(phi)(g, n));
      for (let j = 1; j < 5; j++) lags.push(linked(g, n, phi).lag);
      const c = table(leads, lags)[0];
      if (c.claim && c.lag === 2) found++;
    }
    return rate(found, count);
  };
  const falseLinks = {
    randomWalk: singleNull(1, randomWalk),
    ar08: singleNull(2, ar(0.8)),
    whiteNoise: singleNull(3, whiteNoise),
  };
  const six = <T>(x: T) => [x, x, x, x, x, x];
  const five = <T>(x: T) => [x, x, x, x, x];
  const nullScorecards = {
    randomWalk: scorecardNull(4, six(randomWalk), five(randomWalk)),
    ar08: scorecardNull(5, six(ar(0.8)), five(ar(0.8))),
    whiteNoise: scorecardNull(6, six(whiteNoise), five(whiteNoise)),
    mixed: scorecardNull(
      7,
      [randomWalk, randomWalk, ar(0.8), ar(0.8), whiteNoise, whiteNoise],
      [randomWalk, randomWalk, ar(0.8), ar(0.8), whiteNoise],
    ),
  };
  const detection = {
    phi05: { single: detect(8, 0.5, false), scorecard: detect(9, 0.5, true), scorecard36: detect(13, 0.5, true, 36) },
    phi08: { single: detect(10, 0.8, false), scorecard: detect(11, 0.8, true), scorecard36: detect(15, 0.8, true, 36) },
  };
  return { seed, reps, scorecardReps, falseLinks, nullScorecards, detection, ms: Date.now() - started };
}

/** "5.5% (110 of 2,000; 95% Wilson 4.6–6.6%)". */
export function showRate({ hits, reps }: Rate): string {
  const z = 1.959963984540054;
  const p = hits / reps;
  const d = 1 + (z * z) / reps;
  const c = (p + (z * z) / (2 * reps)) / d;
  const h = (z * Math.sqrt((p * (1 - p)) / reps + (z * z) / (4 * reps * reps))) / d;
  const pct = (x: number) => (100 * x).toFixed(1);
  return `${pct(p)}% (${hits.toLocaleString('en-GB')} of ${reps.toLocaleString('en-GB')}; 95% CI ${pct(Math.max(0, c - h))}–${pct(Math.min(1, c + h))}%)`;
}

/** The markdown table the README and `npm run bench` show. */
export function evidenceTable(r: EvidenceResult): string {
  const pct = ({ hits, reps }: Rate) => hits / reps;
  const ok = (yes: boolean) => (yes ? 'yes' : '**NO**');
  const rows: string[][] = [
    [
      'False links, independent random walks (one LEADLAG)',
      showRate(r.falseLinks.randomWalk.now),
      showRate(r.falseLinks.randomWalk.before),
      '≤ 7%',
      ok(pct(r.falseLinks.randomWalk.now) <= 0.07),
    ],
    [
      'False links, independent AR(1) φ = 0.8',
      showRate(r.falseLinks.ar08.now),
      showRate(r.falseLinks.ar08.before),
      '≤ 7%',
      ok(pct(r.falseLinks.ar08.now) <= 0.07),
    ],
    [
      'False links, independent white noise',
      showRate(r.falseLinks.whiteNoise.now),
      showRate(r.falseLinks.whiteNoise.before),
      '≤ 7%',
      ok(pct(r.falseLinks.whiteNoise.now) <= 0.07),
    ],
    ...(['randomWalk', 'ar08', 'whiteNoise', 'mixed'] as const).map((k) => [
      {
        randomWalk: 'Null 6 × 5 scorecards with any claimed link: random walks',
        ar08: '… AR(1) φ = 0.8',
        whiteNoise: '… white noise',
        mixed: '… a mix (2 random walks, 2 AR(1), 2 white noise leads; 2, 2, 1 lags)',
      }[k],
      showRate(r.nullScorecards[k].now),
      showRate(r.nullScorecards[k].before),
      '≤ 10%',
      ok(pct(r.nullScorecards[k].now) <= 0.1),
    ]),
    [
      'Real link 2 periods later found at lag 2 (one LEADLAG), lead AR(1) φ = 0.5',
      showRate(r.detection.phi05.single),
      '',
      '≥ 70%',
      ok(pct(r.detection.phi05.single) >= 0.7),
    ],
    ['… lead AR(1) φ = 0.8', showRate(r.detection.phi08.single), '', '≥ 70%', ok(pct(r.detection.phi08.single) >= 0.7)],
    ['… the same link inside a 6 × 5 scorecard (q < 0.05), φ = 0.5', showRate(r.detection.phi05.scorecard), '', 'info', '—'],
    ['… inside a scorecard, φ = 0.8', showRate(r.detection.phi08.scorecard), '', 'info', '—'],
    ['… inside a scorecard over 36 periods, φ = 0.5', showRate(r.detection.phi05.scorecard36), '', 'info', '—'],
    ['… inside a scorecard over 36 periods, φ = 0.8', showRate(r.detection.phi08.scorecard36), '', 'info', '—'],
  ];
  return [
    '| case (24 periods, max lag 3) | claimed now | before (raw best-of-4 Pearson) | goal | ok? |',
    '|---|---:|---:|---|---|',
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n');
}

/** The rows `npm run bench` prints (bench/run.ts): the same cases, in its table's columns. */
export function evidenceBenchRows(
  r: EvidenceResult,
  verdict: (ok: boolean, what: string, why: string) => string,
): { case: string; rows: string; ours: string; base: string; ratio: string; target: string; memory: string; ok: string }[] {
  const pct = ({ hits, reps }: Rate) => `${((100 * hits) / reps).toFixed(1)}%`;
  const row = (label: string, x: Rate, goal: 'max7' | 'max10' | 'min70' | 'info', before?: Rate) => {
    const v = x.hits / x.reps;
    const ok = goal === 'max7' ? v <= 0.07 : goal === 'max10' ? v <= 0.1 : goal === 'min70' ? v >= 0.7 : true;
    return {
      case: label,
      rows: x.reps.toLocaleString('en-GB'),
      ours: pct(x),
      base: before ? `${pct(before)} (raw best-of-4 Pearson, as before)` : '',
      ratio: '',
      target: goal === 'max7' ? '≤ 7%' : goal === 'max10' ? '≤ 10%' : goal === 'min70' ? '≥ 70%' : 'info',
      memory: '',
      ok: goal === 'info' ? '—' : verdict(ok, label, pct(x)),
    };
  };
  return [
    row(
      'Lead/lag evidence: false links on independent random walks (one LEADLAG, 24 periods, max lag 3)',
      r.falseLinks.randomWalk.now,
      'max7',
      r.falseLinks.randomWalk.before,
    ),
    row('↳ false links on independent AR(1) φ = 0.8', r.falseLinks.ar08.now, 'max7', r.falseLinks.ar08.before),
    row('↳ false links on independent white noise', r.falseLinks.whiteNoise.now, 'max7', r.falseLinks.whiteNoise.before),
    row(
      '↳ null 6 × 5 scorecards (CONNECTIONS) with any claimed link, random walks',
      r.nullScorecards.randomWalk.now,
      'max10',
      r.nullScorecards.randomWalk.before,
    ),
    row('↳ null 6 × 5 scorecards, AR(1) φ = 0.8', r.nullScorecards.ar08.now, 'max10', r.nullScorecards.ar08.before),
    row('↳ null 6 × 5 scorecards, white noise', r.nullScorecards.whiteNoise.now, 'max10', r.nullScorecards.whiteNoise.before),
    row('↳ null 6 × 5 scorecards, a mix of the three', r.nullScorecards.mixed.now, 'max10', r.nullScorecards.mixed.before),
    row('↳ a real link 2 periods later found at lag 2 (one LEADLAG), lead AR(1) φ = 0.5', r.detection.phi05.single, 'min70'),
    row('↳ the same, lead AR(1) φ = 0.8', r.detection.phi08.single, 'min70'),
    row('↳ the same link inside a 6 × 5 scorecard (q < 0.05), φ = 0.5', r.detection.phi05.scorecard, 'info'),
    row('↳ inside a 6 × 5 scorecard, φ = 0.8', r.detection.phi08.scorecard, 'info'),
    row('↳ inside a 6 × 5 scorecard over 36 periods, φ = 0.5', r.detection.phi05.scorecard36, 'info'),
    row('↳ inside a 6 × 5 scorecard over 36 periods, φ = 0.8', r.detection.phi08.scorecard36, 'info'),
  ];
}

function main(): void {
  const reps = Number(process.argv[2] ?? 2000);
  const seed = Number(process.argv[3] ?? DEFAULT_SEED);
  const scorecardReps = Number(process.argv[4] ?? reps);
  const r = simulateEvidence(reps, seed, scorecardReps);
  console.log(
    `Seed ${seed}, ${reps.toLocaleString('en-GB')} pairs per case and ${scorecardReps.toLocaleString('en-GB')} scorecards, ${(r.ms / 1000).toFixed(1)} s.\n`,
  );
  console.log(evidenceTable(r));
  console.log(`RESULT ${JSON.stringify(r)}`);
}

if (require.main === module) main();
