/**
 * TARGET_HEALTH against a plain reference written here, on random sales: every number of every row (the
 * team's and each rep's) and every flag, computed again from the rows with Date.UTC calendars, object
 * records and explicit loops: the push (share, ratio, z), returns and discounts of the last days against
 * the rest (rates and the z of the two ratios), the next period's start, coasting after a target (the day
 * reached, daily rates, Welch z) and the ratchet (rises, greedy runs). Some cases plant a push (sales moved
 * into the last days, more returns, deeper discounts) and a coasting rep, so that every flag is seen.
 */
import fc from 'fast-check';
import type { Cell } from '../../src/core/values/cell';
import { readHealthSales } from '../../src/core/measures/targetHealth/read';
import { readTargets } from '../../src/core/measures/targetHealth/targets';
import { targetHealth, type HealthRow } from '../../src/core/measures/targetHealth/targetHealth';
import { calendarSpec } from '../../src/core/time/periods';
import { UTC_ZONE } from '../../src/core/time/zone';
import { toColumn } from '../../src/core/values/column';
import { runFormula } from '../../src/functions/runtime';
import { contextFor } from '../../src/functions/context';
import { runs } from './engine';

// ---------------------------------------------------------------------------------------------
// The reference

const Z = 3.090232306167813; // Φ⁻¹(0.999)
const Z99 = 2.3263478740408408; // Φ⁻¹(0.99), for the counts beside the value
const DAY = 86_400_000;
const ymd = (d: number) => {
  const t = new Date(d * DAY);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
};
const dayOf = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / DAY;
const iso = (d: number) => new Date(d * DAY).toISOString().slice(0, 10);

type Kind = 'month' | 'quarter';
interface RefPeriod {
  label: string;
  start: number;
  end: number;
}
function periodOf(d: number, kind: Kind): number {
  const { y, m } = ymd(d);
  const month = y * 12 + m - 1;
  return kind === 'month' ? month : Math.floor(month / 3);
}
function periodInfo(index: number, kind: Kind): RefPeriod {
  const first = kind === 'month' ? index : index * 3;
  const y = Math.floor(first / 12);
  const m = (first % 12) + 1;
  const start = dayOf(y, m, 1);
  const end = dayOf(y, m + (kind === 'month' ? 1 : 3), 1) - 1;
  const label = kind === 'month' ? `${y}-${String(m).padStart(2, '0')}` : `${y}-Q${Math.floor((m - 1) / 3) + 1}`;
  return { label, start, end };
}

interface RefSale {
  day: number | null;
  amount: number | null;
  rep: string;
  qty: number;
  back: number;
  off: number;
}

interface Side {
  num: number;
  den: number;
  count: number;
  rate: number | null;
}
/** A flag with whether its statistic sits on a threshold (where floating point may go either way). */
interface Flag {
  on: boolean;
  near: boolean;
}
const near = (x: number | null, t: number) => x !== null && Number.isFinite(x) && Math.abs(x - t) <= 1e-9 * Math.max(1, Math.abs(t));

function twoSided(w: { num: number; den: number }[], o: { num: number; den: number }[]): { push: Side; rest: Side; z: number | null } {
  const side = (xs: { num: number; den: number }[]): Side => {
    let num = 0;
    let den = 0;
    for (const x of xs) {
      num += x.num;
      den += x.den;
    }
    return { num, den, count: xs.length, rate: den > 0 ? num / den : null };
  };
  const push = side(w);
  const rest = side(o);
  if (push.rate === null || rest.rate === null) return { push, rest, z: null };
  const r = (push.num + rest.num) / (push.den + rest.den);
  let vw = 0;
  for (const x of w) vw += (x.num - r * x.den) ** 2;
  let vo = 0;
  for (const x of o) vo += (x.num - r * x.den) ** 2;
  const se = Math.sqrt(vw / push.den ** 2 + vo / rest.den ** 2);
  const diff = push.rate - rest.rate;
  return { push, rest, z: se > 0 ? diff / se : diff === 0 ? 0 : diff > 0 ? Infinity : -Infinity };
}

interface RefRow {
  label: string;
  rep: string | null;
  partial: boolean;
  sales: number;
  count: number;
  share: number | null;
  expected: number;
  ratio: number | null;
  z: number | null;
  countZ: number | null;
  push: Flag;
  returns: { push: Side; rest: Side; ratio: number | null; z: number | null; flag: Flag };
  discount: { push: Side; rest: Side; points: number | null; z: number | null; flag: Flag };
  next: { share: number | null; ratio: number | null; z: number | null; flag: Flag } | null;
  coast: {
    target: number;
    reached: number | null;
    rateBefore: number | null;
    rateAfter: number | null;
    ratio: number | null;
    z: number | null;
    countZ: number | null;
    flag: Flag;
  } | null;
  ratchet: { rise: number | null; hit: boolean | null; flag: boolean } | null;
}

function reference(sales: RefSale[], kind: Kind, lastDays: number, targets: Map<string, Map<string, number>>): RefRow[] {
  const dated = sales.filter((s) => s.day !== null).map((s) => s.day!);
  const firstDay = Math.min(...dated);
  const lastDay = Math.max(...dated);
  const p0 = periodOf(firstDay, kind);
  const p1 = periodOf(lastDay, kind);
  const periods: RefPeriod[] = [];
  for (let p = p0; p <= p1; p++) periods.push(periodInfo(p, kind));
  const isPartial = (p: RefPeriod) => firstDay > p.start || lastDay < p.end;
  const real = sales.filter((s) => s.day !== null && s.amount !== null);
  // Reps: grouped ignoring case and spaces, first spelling of a sale kept; sorted by that key.
  const clean = (s: string) => s.trim().replace(/\s+/g, ' ');
  const names = new Map<string, string>();
  for (const s of real)
    if (clean(s.rep) !== '' && !names.has(clean(s.rep).toLowerCase())) names.set(clean(s.rep).toLowerCase(), clean(s.rep));
  // A rep with targets and no sale is named as the targets write it.
  for (const name of targets.keys()) if (name !== '' && !names.has(name.toLowerCase())) names.set(name.toLowerCase(), name);
  const groups: (string | null)[] = [null, ...[...names.keys()].sort()];

  const stats = (key: string | null, p: RefPeriod) => {
    const mine = real.filter((s) => s.day! >= p.start && s.day! <= p.end && (key === null || clean(s.rep).toLowerCase() === key));
    const length = p.end - p.start + 1;
    const expected = lastDays / length;
    const inLast = (s: RefSale) => s.day! > p.end - lastDays;
    const inFirst = (s: RefSale) => s.day! < p.start + lastDays;
    const total = mine.reduce((a, s) => a + s.amount!, 0);
    const late = mine.filter(inLast).reduce((a, s) => a + s.amount!, 0);
    const early = mine.filter(inFirst).reduce((a, s) => a + s.amount!, 0);
    const squares = mine.reduce((a, s) => a + s.amount! ** 2, 0);
    const shareZ = (share: number) => {
      const se = Math.sqrt((expected * (1 - expected) * squares) / total ** 2);
      return se > 0 ? (share - expected) / se : share === expected ? 0 : share > expected ? Infinity : -Infinity;
    };
    const share = total > 0 ? late / total : null;
    const lateCount = mine.filter(inLast).length;
    const countSe = Math.sqrt((expected * (1 - expected)) / mine.length);
    const countZ = mine.length === 0 ? null : countSe > 0 ? (lateCount / mine.length - expected) / countSe : 0;
    const startShare = total > 0 ? early / total : null;
    return {
      mine,
      total,
      count: mine.length,
      expected,
      share,
      ratio: share === null ? null : share / expected,
      z: share === null ? null : shareZ(share),
      countZ,
      startShare,
      startRatio: startShare === null ? null : startShare / expected,
      startZ: startShare === null ? null : -shareZ(startShare),
      inLast,
    };
  };

  const out: RefRow[] = [];
  for (const key of groups) {
    const target = (p: RefPeriod) => [...targets].find(([name]) => name.toLowerCase() === (key ?? ''))?.[1].get(p.label);
    const all = periods.map((p) => stats(key, p));
    // The ratchet over the group's periods.
    const rise = periods.map((p, t) => {
      const a = t > 0 ? target(periods[t - 1]) : undefined;
      const b = target(p);
      return a !== undefined && b !== undefined ? b / a - 1 : null;
    });
    const hit = periods.map((p, t) => {
      const tg = target(p);
      return tg === undefined || isPartial(p) ? null : all[t].total >= tg;
    });
    const inRun = periods.map(() => false);
    for (let a = 1; a < periods.length;) {
      if (!(rise[a] !== null && rise[a]! > 0)) {
        a++;
        continue;
      }
      let b = a;
      let lo = rise[a]!;
      let hi = rise[a]!;
      while (b + 1 < periods.length && rise[b + 1] !== null && rise[b + 1]! > 0) {
        const r = rise[b + 1]!;
        if (Math.max(hi, r) - Math.min(lo, r) > 0.02 + 1e-12) break;
        lo = Math.min(lo, r);
        hi = Math.max(hi, r);
        b++;
      }
      let misses = 0;
      for (let t = a; t <= b; t++) if (hit[t - 1] === false) misses++;
      if (b - a + 1 >= 3 && misses > 0) {
        for (let t = a; t <= b; t++) inRun[t] = true;
        a = b + 1;
      } else a++;
    }

    periods.forEach((p, t) => {
      const st = all[t];
      const tg = target(p);
      if (key !== null && st.count === 0 && tg === undefined) return;
      const partial = isPartial(p);
      const enough = (n: number) => key === null || n >= 20;
      const pushOn =
        !partial && st.ratio !== null && st.ratio >= 1.5 - 1e-12 && (key === null || (st.count >= 20 && st.z! >= Z && st.countZ! >= Z99));
      const pushNear = near(st.ratio, 1.5) || (key !== null && (near(st.z, Z) || near(st.countZ, Z99)));
      // Returns (units against the quantity) and discounts (money off against list = amount + off).
      const counts = st.mine.filter((s) => s.amount! >= 0);
      const rw = counts.filter((s) => s.qty > 0 && st.inLast(s)).map((s) => ({ num: s.back, den: s.qty }));
      const ro = counts.filter((s) => s.qty > 0 && !st.inLast(s)).map((s) => ({ num: s.back, den: s.qty }));
      const ret = twoSided(rw, ro);
      const retRatio = ret.push.rate !== null && ret.rest.rate !== null && ret.rest.rate > 0 ? ret.push.rate / ret.rest.rate : null;
      const retOn =
        !partial &&
        ret.push.count >= 20 &&
        ret.rest.count >= 20 &&
        ret.push.rate !== null &&
        ret.rest.rate !== null &&
        ret.push.rate > 0 &&
        ret.push.rate >= 1.5 * ret.rest.rate * (1 - 1e-12) &&
        ret.z! >= Z;
      const dw = counts.filter((s) => s.amount! + s.off > 0 && st.inLast(s)).map((s) => ({ num: s.off, den: s.amount! + s.off }));
      const dO = counts.filter((s) => s.amount! + s.off > 0 && !st.inLast(s)).map((s) => ({ num: s.off, den: s.amount! + s.off }));
      const disc = twoSided(dw, dO);
      const points = disc.push.rate !== null && disc.rest.rate !== null ? disc.push.rate - disc.rest.rate : null;
      const discOn =
        !partial && disc.push.count >= 20 && disc.rest.count >= 20 && points !== null && points >= 0.02 - 1e-12 && disc.z! >= Z;
      // The next period's start.
      let next: RefRow['next'] = null;
      if (t + 1 < periods.length && !isPartial(periods[t + 1])) {
        const n = all[t + 1];
        const on = pushOn && enough(n.count) && n.startRatio !== null && n.startRatio <= 1 / 1.5 + 1e-12 && n.startZ! >= Z;
        next = {
          share: n.startShare,
          ratio: n.startRatio,
          z: n.startZ,
          flag: { on, near: pushNear || near(n.startRatio, 1 / 1.5) || near(n.startZ, Z) },
        };
      }
      // Coasting.
      let coast: RefRow['coast'] = null;
      if (tg !== undefined) {
        const daily: number[] = [];
        for (let d = p.start; d <= p.end; d++) daily.push(st.mine.filter((s) => s.day === d).reduce((a, s) => a + s.amount!, 0));
        let cum = 0;
        let at = -1;
        for (let i = 0; i < daily.length && at < 0; i++) {
          cum += daily[i];
          if (cum >= tg) at = i;
        }
        if (at < 0)
          coast = {
            target: tg,
            reached: null,
            rateBefore: null,
            rateAfter: null,
            ratio: null,
            z: null,
            countZ: null,
            flag: { on: false, near: false },
          };
        else {
          const before = daily.slice(0, at + 1);
          const after = daily.slice(at + 1);
          const mean = (xs: number[]) => xs.reduce((a, x) => a + x, 0) / xs.length;
          const variance = (xs: number[]) => xs.reduce((a, x) => a + (x - mean(xs)) ** 2, 0) / (xs.length - 1);
          const rateBefore = cum / before.length;
          const rateAfter = after.length ? (st.total - cum) / after.length : null;
          const ratio = rateAfter !== null && rateBefore > 0 ? rateAfter / rateBefore : null;
          let z: number | null = null;
          if (before.length > 1 && after.length > 1) {
            const se = Math.sqrt(variance(before) / before.length + variance(after) / after.length);
            const diff = mean(before) - mean(after);
            z = se > 0 ? diff / se : diff === 0 ? 0 : diff > 0 ? Infinity : -Infinity;
          }
          // The number of sales after, against their even share of the period's.
          const nAfter = st.mine.filter((s) => s.day! > p.start + at).length;
          const share = after.length / daily.length;
          const countSe = Math.sqrt(st.count * share * (1 - share));
          const countZ = countSe > 0 ? (st.count * share - nAfter) / countSe : null;
          const on =
            !partial &&
            enough(st.count) &&
            before.length >= 7 &&
            after.length >= 7 &&
            ratio !== null &&
            ratio <= 0.5 + 1e-12 &&
            z !== null &&
            z >= Z &&
            countZ !== null &&
            countZ >= Z99;
          coast = {
            target: tg,
            reached: p.start + at,
            rateBefore,
            rateAfter,
            ratio,
            z,
            countZ,
            flag: { on, near: near(ratio, 0.5) || near(z, Z) || near(countZ, Z99) },
          };
        }
      }
      out.push({
        label: p.label,
        rep: key === null ? null : names.get(key)!,
        partial,
        sales: st.total,
        count: st.count,
        share: st.share,
        expected: st.expected,
        ratio: st.ratio,
        z: st.z,
        countZ: st.countZ,
        push: { on: pushOn, near: pushNear },
        returns: {
          push: ret.push,
          rest: ret.rest,
          ratio: retRatio,
          z: ret.z,
          flag: { on: retOn, near: near(retRatio, 1.5) || near(ret.z, Z) },
        },
        discount: {
          push: disc.push,
          rest: disc.rest,
          points,
          z: disc.z,
          flag: { on: discOn, near: near(points, 0.02) || near(disc.z, Z) },
        },
        next,
        coast,
        ratchet: tg === undefined ? null : { rise: rise[t], hit: hit[t], flag: inRun[t] && !partial },
      });
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Random sales

interface Case {
  kind: Kind;
  coast: boolean;
  lastDays: number;
  sales: RefSale[];
  fractions: number[];
  ratchetStep: number | null;
}

const u = fc.integer({ min: 0, max: 999_999 }).map((x) => x / 1e6);

const caseArb: fc.Arbitrary<Case> = fc
  .record({
    kind: fc.constantFrom<Kind>('month', 'quarter'),
    lastDays: fc.integer({ min: 2, max: 10 }),
    start: fc.integer({ min: dayOf(2024, 1, 1), max: dayOf(2025, 6, 1) }),
    span: fc.integer({ min: 45, max: 400 }),
    push: fc.boolean(),
    coast: fc.boolean(),
    ratchetStep: fc.option(fc.integer({ min: 2, max: 15 }).map((x) => x / 100)),
    fractions: fc.array(u, { minLength: 40, maxLength: 40 }),
    copies: fc.integer({ min: 2, max: 8 }),
    rows: fc.array(
      fc.record({
        at: u,
        late: u,
        rep: fc.constantFrom('Ann', 'Bob', 'Cy', '', 'ann '),
        amount: fc.integer({ min: 100, max: 200_000 }),
        credit: u,
        blank: u,
        qty: fc.integer({ min: 1, max: 20 }),
        back: u,
        off: u,
      }),
      { minLength: 30, maxLength: 1200 },
    ),
  })
  .map(({ kind, lastDays, start, span, push, coast, ratchetStep, fractions, copies, rows }) => {
    const sales: RefSale[] = [];
    rows.forEach((r, i) => {
      let day = start + (i === 0 ? 0 : i === rows.length - 1 ? span : Math.floor(r.at * span));
      const end = periodInfo(periodOf(day, kind), kind).end;
      const pushed = push && r.late < 0.35 && i > 0 && i < rows.length - 1;
      if (pushed) day = Math.min(start + span, end - (Math.floor(r.late * 20) % lastDays));
      const p = periodInfo(periodOf(day, kind), kind);
      // When the team coasts, it sells next to nothing in the last 40% of each period.
      if (coast && day > p.start + 0.6 * (p.end - p.start) && r.late > 0.05 && i > 0 && i < rows.length - 1) return;
      const amount = r.credit < 0.03 ? -r.amount / 100 : r.amount / 100;
      const back = r.back < (pushed ? 0.4 : 0.05) ? Math.max(1, Math.floor(r.qty * r.off)) : 0;
      const off = Math.round(amount * (r.off * (pushed ? 0.3 : 0.1)) * 100) / 100;
      // Each row comes `copies` times over, a little bigger each time: periods of a few hundred sales.
      for (let j = 0; j < copies; j++) {
        const a = Math.round(amount * (1 + j / 10) * 100) / 100;
        const o = Math.round(off * (1 + j / 10) * 100) / 100;
        sales.push({ day: r.blank < 0.01 && i > 0 ? null : day, amount: r.blank > 0.98 ? null : a, rep: r.rep, qty: r.qty, back, off: o });
      }
    });
    return { kind, coast, lastDays, sales, fractions, ratchetStep };
  });

/** Targets for the team and Ann: a fraction of what the period sold, or a ratchet of the team's. */
function targetsFor(c: Case): { grid: Cell[][]; map: Map<string, Map<string, number>> } {
  const dated = c.sales.filter((s) => s.day !== null).map((s) => s.day!);
  const p0 = periodOf(Math.min(...dated), c.kind);
  const p1 = periodOf(Math.max(...dated), c.kind);
  const labels: string[] = [];
  const team: (number | '')[] = [];
  const ann: (number | '')[] = [];
  const map = new Map<string, Map<string, number>>([
    ['', new Map()],
    ['Ann', new Map()],
  ]);
  for (let p = p0, k = 0; p <= p1; p++, k++) {
    const info = periodInfo(p, c.kind);
    labels.push(info.label);
    const sold = (who: string | null, upTo = info.end) =>
      c.sales
        .filter((s) => s.day !== null && s.amount !== null && s.day >= info.start && s.day <= upTo)
        .filter((s) => who === null || s.rep.trim().toLowerCase() === who)
        .reduce((a, s) => a + s.amount!, 0);
    const f = c.fractions[k % 40];
    // A coasting team's targets are what it sold by the middle of the period.
    const half = Math.floor((info.start + info.end) / 2);
    const t =
      c.ratchetStep !== null
        ? 1000 * (1 + c.ratchetStep) ** k
        : c.coast
          ? Math.max(1, sold(null, half))
          : f < 0.9
            ? Math.max(1, sold(null) * (0.3 + f))
            : null;
    const a = f > 0.2 ? Math.max(1, c.coast ? sold('ann', half) : sold('ann') * (0.2 + f * 0.6)) : null;
    team.push(t ?? '');
    ann.push(a ?? '');
    if (t !== null) map.get('')!.set(info.label, t);
    if (a !== null) map.get('Ann')!.set(info.label, a);
  }
  return {
    grid: [
      ['', ...labels],
      ['All', ...team],
      ['Ann', ...ann],
    ],
    map,
  };
}

// ---------------------------------------------------------------------------------------------
// The comparison

function close(got: number | null | undefined, want: number | null | undefined, what: string): void {
  if (want === null || want === undefined) {
    if (got !== null && got !== undefined) throw new Error(`${what}: got ${got}, want nothing`);
    return;
  }
  if (got === null || got === undefined) throw new Error(`${what}: got nothing, want ${want}`);
  if (!Number.isFinite(want)) {
    if (got !== want) throw new Error(`${what}: got ${got}, want ${want}`);
    return;
  }
  const tol = 1e-9 * Math.max(1, Math.abs(want));
  if (!(Math.abs(got - want) <= tol)) throw new Error(`${what}: got ${got}, want ${want}`);
}
function sideClose(got: { num: number; den: number; count: number; rate: number | null }, want: Side, what: string): void {
  close(got.num, want.num, `${what} num`);
  close(got.den, want.den, `${what} den`);
  close(got.count, want.count, `${what} count`);
  close(got.rate, want.rate, `${what} rate`);
}
function flagIs(got: boolean, want: Flag, what: string): void {
  if (!want.near && got !== want.on) throw new Error(`${what}: got ${got}, want ${want.on}`);
}

const CTX = contextFor({ zone: UTC_ZONE, locale: 'en_GB', now: () => Date.UTC(2026, 5, 15) });

describe('TARGET_HEALTH against a plain reference on random sales', () => {
  it('agrees on every number and every flag of every row, for the team and each rep', () => {
    const seen = { push: 0, returns: 0, discounting: 0, pull_forward: 0, coasting: 0, ratchet: 0, partial: 0, repRows: 0 };
    fc.assert(
      fc.property(caseArb, (c) => {
        const { grid, map } = targetsFor(c);
        const spec = calendarSpec(c.kind);
        const want = reference(c.sales, c.kind, c.lastDays, map);
        const cells = (f: (s: RefSale) => Cell) =>
          toColumn(
            c.sales.map((s) => [f(s)]),
            'x',
            true,
          );
        const days = Float64Array.from(c.sales, (s) => (s.day === null ? NaN : s.day));
        const sales = readHealthSales(
          {
            dates: cells((s) => (s.day === null ? '' : iso(s.day))),
            amounts: cells((s) => s.amount ?? ''),
            returned: cells((s) => s.back),
            sold: cells((s) => s.qty),
            discount: cells((s) => s.off),
            discountIs: 'amount',
            rep: cells((s) => s.rep),
          },
          days,
          { zone: UTC_ZONE, monthFirst: false },
        );
        const got = targetHealth(sales, spec, c.lastDays, readTargets(grid, spec)).rows;
        expect(got.map((r) => `${r.label} ${r.rep}`)).toEqual(want.map((r) => `${r.label} ${r.rep}`));
        got.forEach((g: HealthRow, i) => {
          const w = want[i];
          const at = `${w.label} ${w.rep ?? 'All'}`;
          expect(g.partial).toBe(w.partial);
          close(g.push.sales, w.sales, `${at} sales`);
          close(g.push.count, w.count, `${at} count`);
          close(g.push.share, w.share, `${at} share`);
          close(g.push.expected, w.expected, `${at} expected`);
          close(g.push.ratio, w.ratio, `${at} ratio`);
          close(g.push.z, w.z, `${at} push z`);
          close(g.push.countZ, w.countZ, `${at} push count z`);
          flagIs(g.push.flagged, w.push, `${at} push`);
          sideClose(g.returns!.push, w.returns.push, `${at} returns, last days`);
          sideClose(g.returns!.rest, w.returns.rest, `${at} returns, rest`);
          close(g.returns!.ratio, w.returns.ratio, `${at} returns ratio`);
          close(g.returns!.z, w.returns.z, `${at} returns z`);
          flagIs(g.returns!.flagged, w.returns.flag, `${at} returns`);
          sideClose(g.discount!.push, w.discount.push, `${at} discount, last days`);
          sideClose(g.discount!.rest, w.discount.rest, `${at} discount, rest`);
          close(g.discount!.points, w.discount.points, `${at} discount points`);
          close(g.discount!.z, w.discount.z, `${at} discount z`);
          flagIs(g.discount!.flagged, w.discount.flag, `${at} discounting`);
          if (w.next === null) expect(g.pullForward).toBeNull();
          else {
            close(g.pullForward!.share, w.next.share, `${at} next share`);
            close(g.pullForward!.ratio, w.next.ratio, `${at} next ratio`);
            close(g.pullForward!.z, w.next.z, `${at} next z`);
            flagIs(g.pullForward!.flagged, w.next.flag, `${at} pull-forward`);
          }
          if (w.coast === null) expect(g.coasting).toBeNull();
          else {
            close(g.coasting!.target, w.coast.target, `${at} target`);
            close(g.coasting!.reached, w.coast.reached, `${at} reached`);
            close(g.coasting!.rateBefore, w.coast.rateBefore, `${at} rate before`);
            close(g.coasting!.rateAfter, w.coast.rateAfter, `${at} rate after`);
            close(g.coasting!.ratio, w.coast.ratio, `${at} coast ratio`);
            close(g.coasting!.z, w.coast.z, `${at} coast z`);
            close(g.coasting!.countZ, w.coast.countZ, `${at} coast count z`);
            flagIs(g.coasting!.flagged, w.coast.flag, `${at} coasting`);
          }
          if (w.ratchet === null) expect(g.ratchet).toBeNull();
          else {
            close(g.ratchet!.rise, w.ratchet.rise, `${at} rise`);
            expect(g.ratchet!.hit).toBe(w.ratchet.hit);
            expect(g.ratchet!.flagged).toBe(w.ratchet.flag);
          }
          if (w.partial) expect(g.flags).toEqual([]);
          for (const f of g.flags) seen[f]++;
          if (w.partial) seen.partial++;
          if (w.rep !== null) seen.repRows++;
        });
        // The formula's table is the same rows.
        const table = runFormula(
          'TARGET_HEALTH',
          [
            c.sales.map((s) => [s.day === null ? '' : iso(s.day)]),
            c.sales.map((s) => [s.amount ?? '']),
            c.kind,
            c.lastDays,
            c.sales.map((s) => [s.back]),
            c.sales.map((s) => [s.qty]),
            c.sales.map((s) => [s.off]),
            'amount',
            c.sales.map((s) => [s.rep]),
            grid,
          ],
          CTX,
        ) as (string | number)[][];
        expect(table.length).toBe(want.length + 1);
        table.slice(1).forEach((r, i) => {
          const w = want[i];
          expect([r[0], r[1]]).toEqual([w.label, w.rep ?? 'All']);
          close(r[2] as number, w.sales, `${w.label} table sales`);
          close(r[5] === '' ? null : (r[5] as number), w.ratio, `${w.label} table ratio`);
          close(r[6] === '' ? null : (r[6] as number), w.returns.push.rate, `${w.label} table returned`);
          close(r[9] === '' ? null : (r[9] as number), w.discount.rest.rate, `${w.label} table discount`);
          if (w.coast?.reached != null) expect(r[12]).toBe(iso(w.coast.reached));
          if (w.partial) expect([r[16], r[17]]).toEqual(['Partial period', '']);
        });
      }),
      { numRuns: runs(80) },
    );
    // Not vacuous: every kind of flag, partial periods and rep rows were seen.
    for (const [k, n] of Object.entries(seen)) expect([k, n > 0]).toEqual([k, true]);
  });
});
