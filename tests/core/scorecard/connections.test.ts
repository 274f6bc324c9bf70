import { NOUN_MAX, connectDots, nounOf } from '../../../src/core/scorecard/connections';
import { MEASURES } from '../../../src/core/scorecard/measures';
import { leadLag } from '../../../src/core/measures/leadLag';
import { benjaminiHochberg } from '../../../src/core/stats/benjaminiHochberg';
import { gaussian, mulberry32 } from '../stats/helpers';

const g = gaussian(mulberry32(2026));
const noise = (n: number) => Float64Array.from({ length: n }, () => g());
/** lag[t] = lead[t − k]·c + noise. */
const follows = (lead: ArrayLike<number>, k: number, c = 1, sd = 0.3) =>
  Float64Array.from(lead, (_, t) => (t >= k ? lead[t - k] * c : 0) + sd * g());

describe('connectDots: every lead × lag pair, q-values by Benjamini–Hochberg over the table (DOMAIN.md step 5)', () => {
  const n = 24;
  const nps = noise(n);
  const onTime = noise(n);
  const reviews = Float64Array.from({ length: n }, (_, t) => (t < 20 ? NaN : g())); // 4 periods only
  const leads = [
    { name: 'NPS', values: nps },
    { name: 'On time', values: onTime },
    { name: 'Reviews answered', values: reviews },
  ];
  const lags = [
    { name: 'Revenue', values: follows(nps, 2) },
    { name: 'Orders', values: noise(n) },
  ];
  const table = connectDots(leads, lags, 3);

  test('one entry per pair, each at its best lag as LEADLAG finds it', () => {
    expect(table).toHaveLength(6);
    for (const c of table) {
      const lead = leads.find((l) => l.name === c.lead)!;
      const lag = lags.find((l) => l.name === c.lag)!;
      const res = leadLag(lead.values, lag.values, 3);
      expect(c.lagPeriods).toBe(res.best?.lag ?? null);
      expect(c.r).toBe(res.best?.r ?? null);
      expect(c.prewhitenedR).toBe(res.best?.prewhitenedR ?? null);
      expect(c.adjustedP).toBe(res.adjustedP);
      expect(c.pairs).toBe(res.best ? res.best.pairs : Math.max(...res.rows.map((r) => r.pairs)));
    }
  });
  test('q-values are Benjamini–Hochberg over the adjusted p of the pairs that have one', () => {
    const tested = table.filter((c) => c.adjustedP !== null);
    expect(tested).toHaveLength(4); // the reviews rows have 3 prewhitened pairs at most
    const q = benjaminiHochberg(tested.map((c) => c.adjustedP));
    tested.forEach((c, i) => expect(c.q).toBe(q[i]));
    for (const c of table.filter((c) => c.adjustedP === null)) expect([c.q, c.lagPeriods, c.evidence]).toEqual([null, null, 'cannot tell']);
  });
  test('sorted by q, then adjusted p; pairs without a p-value last, in the order given', () => {
    const qs = table.map((c) => c.q);
    expect(qs.slice(0, 4).every((q, i) => i === 0 || q! >= qs[i - 1]!)).toBe(true);
    expect(table.slice(4).map((c) => `${c.lead}/${c.lag}`)).toEqual(['Reviews answered/Revenue', 'Reviews answered/Orders']);
    expect(table[0]).toMatchObject({ lead: 'NPS', lag: 'Revenue', lagPeriods: 2, evidence: 'strong' });
  });
  test('a link is claimed only where q < 0.05, with the q in the sentence', () => {
    for (const c of table) {
      const claimed = /^(Strong|Some) evidence that /.test(c.sentence);
      expect(claimed).toBe(c.q !== null && c.q < 0.05);
      if (c.q !== null) expect(c.sentence).toMatch(/ q (= |< )/);
    }
    expect(table[0].sentence).toMatch(
      /^Strong evidence that revenue follows the referral score \(NPS\) 2 periods later \(r = 0\.\d\d after prewhitening, q [=<] [\d.]+\)\. Evidence, not proof\.$/,
    );
    expect(table.find((c) => c.lead === 'Reviews answered')!.sentence).toMatch(
      /^Too few periods to tell: .* revenue against reviews answered has at most 3\.$/,
    );
  });
  test('an empty side gives an empty table', () => {
    expect(connectDots([], lags, 3)).toEqual([]);
    expect(connectDots(leads, [], 3)).toEqual([]);
  });
});

describe('readings agree in number with every scorecard measure', () => {
  const n = 30;
  const lead = noise(n);
  test.each(MEASURES.filter((m) => m.kind === 'lag').map((m) => [m.label, m] as const))('%s', (_label, m) => {
    const up = connectDots([{ name: 'Delivered on time', values: lead }], [{ name: m.label, values: follows(lead, 1) }], 3)[0];
    const down = connectDots([{ name: 'Delivered on time', values: lead }], [{ name: m.label, values: follows(lead, 1, -1) }], 3)[0];
    const [follow, against] = m.plural ? ['follow', 'move against'] : ['follows', 'moves against'];
    expect(up.sentence).toContain(`evidence that ${m.phrase} ${follow} on-time delivery 1 period later`);
    expect(down.sentence).toContain(`evidence that ${m.phrase} ${against} on-time delivery 1 period later`);
  });
  test('orders follow, revenue follows (and so do the other measures by their number)', () => {
    expect(MEASURES.filter((m) => m.plural).map((m) => m.id)).toEqual(['return_rate', 'orders']);
    const flat = connectDots(
      [{ name: 'Returns (quality)', values: noise(12) }],
      [{ name: 'Orders', values: new Float64Array(12).fill(5) }],
      1,
    )[0];
    expect(flat.sentence).toBe('Cannot tell: orders do not vary over these periods (after prewhitening).');
  });
});

describe('nounOf: how a reading names a measure', () => {
  test('a scorecard measure by its label or id: its phrase and number', () => {
    for (const m of MEASURES) {
      expect(nounOf(m.label, m.kind)).toEqual({ text: m.phrase, plural: m.plural });
      expect(nounOf(m.id, m.kind)).toEqual({ text: m.phrase, plural: m.plural });
      expect(nounOf(`  ${m.label.toUpperCase()} `, m.kind)).toEqual({ text: m.phrase, plural: m.plural });
    }
  });
  test('any other name: lower-cased first letter unless an acronym; plural when its head word reads plural', () => {
    expect(nounOf('Sales', 'lag')).toEqual({ text: 'sales', plural: true });
    expect(nounOf('Bookings (UK)', 'lag')).toEqual({ text: 'bookings (UK)', plural: true });
    expect(nounOf('Number of orders', 'lag')).toEqual({ text: 'number of orders', plural: false });
    expect(nounOf('Gross margin', 'lag')).toEqual({ text: 'gross margin', plural: false });
    expect(nounOf('New business', 'lag')).toEqual({ text: 'new business', plural: false });
    expect(nounOf('Order status', 'lag')).toEqual({ text: 'order status', plural: false });
    expect(nounOf('Churn analysis', 'lag')).toEqual({ text: 'churn analysis', plural: false });
    expect(nounOf('ARR', 'lag')).toEqual({ text: 'ARR', plural: false });
    expect(nounOf('NPS', 'lead')).toEqual({ text: 'the referral score (NPS)', plural: false }); // the measure's id
    expect(nounOf('eBay sales', 'lag')).toEqual({ text: 'eBay sales', plural: true });
  });
  test('a blank name reads as "the lead measure" / "the lag measure"; a long one is cut', () => {
    expect(nounOf('  ', 'lead')).toEqual({ text: 'the lead measure', plural: false });
    expect(nounOf('', 'lag')).toEqual({ text: 'the lag measure', plural: false });
    const long = nounOf('Revenue '.repeat(5000), 'lag');
    expect(long.text.length).toBeLessThanOrEqual(NOUN_MAX);
    expect(long.text.endsWith('…')).toBe(true);
  });
});
