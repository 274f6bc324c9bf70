/**
 * The example data (examples/generate.ts): deterministic, shaped like the real pastes,
 * carrying the signals the product's example must show, and committed in step with the
 * generator. Every measure is computed here from the CSV text with small local helpers,
 * independently of src/ (the point is to check the data, not the product).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { generateExampleData, DEFAULT_SEED, type ExampleData } from '../../examples/generate';
import { csvField, toCsv } from '../../examples/csv';
import { mulberry32 } from '../../examples/random';

// ---------------------------------------------------------------- helpers (BEGIN)

/** RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

const isBlankRow = (r: string[]): boolean => r.every((c) => c.trim() === '');

/** Days since 1970-01-01 of a day-first date "31/01/2026". */
function dayFirst(s: string): number {
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(s);
  if (!m) throw new Error(`not a day-first date: ${s}`);
  return Date.UTC(+m[3], +m[2] - 1, +m[1]) / 86_400_000;
}
/** Days since 1970-01-01 of an ISO date "2026-01-31" (a timestamp's time is ignored). */
function isoDay(s: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
  if (!m) throw new Error(`not an ISO date: ${s}`);
  return Date.UTC(+m[1], +m[2] - 1, +m[3]) / 86_400_000;
}
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** Days since 1970-01-01 of "Jan 31, 2026". */
function usLong(s: string): number {
  const m = /^([A-Z][a-z]{2}) (\d{1,2}), (\d{4})$/.exec(s);
  if (!m || !MONTHS.includes(m[1])) throw new Error(`not a "Mon D, YYYY" date: ${s}`);
  return Date.UTC(+m[3], MONTHS.indexOf(m[1]), +m[2]) / 86_400_000;
}
const day = (y: number, m: number, d: number): number => Date.UTC(y, m - 1, d) / 86_400_000;
/** "2026-01" */
function monthKey(d: number): string {
  const dt = new Date(d * 86_400_000);
  return `${dt.getUTCFullYear()}-${String(dt.getUTCMonth() + 1).padStart(2, '0')}`;
}
/** Amount in pence from "£1,234.50" or "1234.5". */
function pence(s: string): number {
  const m = /^£?(\d{1,3}(?:,\d{3})*|\d+)(?:\.(\d{1,2}))?$/.exec(s.trim());
  if (!m) throw new Error(`not an amount: ${s}`);
  return Number(m[1].replace(/,/g, '')) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}
/** A 0–10 score given as 7 or as "10 - Extremely likely". */
function score(s: string): number {
  const m = /^(\d{1,2})(?: - .*)?$/.exec(s.trim());
  if (!m || +m[1] > 10) throw new Error(`not a 0–10 score: ${s}`);
  return +m[1];
}
function pearson(a: number[], b: number[]): number {
  const n = a.length;
  const ma = a.reduce((s, v) => s + v, 0) / n;
  const mb = b.reduce((s, v) => s + v, 0) / n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    sab += (a[i] - ma) * (b[i] - mb);
    saa += (a[i] - ma) ** 2;
    sbb += (b[i] - mb) ** 2;
  }
  return sab / Math.sqrt(saa * sbb);
}
/** r for lead[t] paired with lag[t + k], k = 0..maxLag. */
function lagCorrelations(lead: number[], lag: number[], maxLag: number): number[] {
  const out: number[] = [];
  for (let k = 0; k <= maxLag; k++) out.push(pearson(lead.slice(0, lead.length - k), lag.slice(k)));
  return out;
}
const argmax = (xs: number[]): number => xs.indexOf(Math.max(...xs));

interface SaleRow {
  id: string;
  date: number;
  customer: string;
  rep: string;
  net: number; // pence
  cost: number; // pence
  qty: number;
  returned: number;
  promised: number;
  delivered: number | null;
  discount: number; // pence
}
interface SalesFile {
  rows: string[][];
  sales: SaleRow[];
  total: string[];
  blankRowsInside: number;
}
function readSales(text: string): SalesFile {
  const rows = parseCsv(text);
  const body = rows.slice(3);
  const total = body[body.length - 1];
  const sales: SaleRow[] = [];
  let blankRowsInside = 0;
  for (const r of body.slice(0, -1)) {
    if (isBlankRow(r)) {
      blankRowsInside++;
      continue;
    }
    sales.push({
      id: r[0],
      date: dayFirst(r[1]),
      customer: r[2],
      rep: r[3],
      net: pence(r[4]),
      cost: pence(r[5]),
      qty: Number(r[6]),
      returned: Number(r[7]),
      promised: isoDay(r[8]),
      delivered: r[9] === '' ? null : isoDay(r[9]),
      discount: pence(r[10]),
    });
  }
  return { rows, sales, total, blankRowsInside };
}
interface FeedbackRow {
  day: number;
  customer: string;
  role: string;
  score: number;
  compare: string;
  satisfaction: string;
}
function readFeedback(text: string): { rows: string[][]; feedback: FeedbackRow[] } {
  const rows = parseCsv(text);
  const feedback = rows.slice(1).map((r) => ({
    day: isoDay(r[0]),
    customer: r[1],
    role: r[2],
    score: score(r[3]),
    compare: r[4],
    satisfaction: r[5],
  }));
  return { rows, feedback };
}

interface Signals {
  months: string[];
  revenue: number[];
  nps: number[];
  onTime: number[];
  npsLagR: number[];
  onTimeLagR: number[];
  spike: Record<string, number>;
  pushReturnRate: number;
  otherReturnRate: number;
  /** Σ discount / Σ (net + discount) in the push week, and in the rest of 2025-Q3. */
  pushDiscountRate: number;
  quarterDiscountRate: number;
  /** The coasting rep's daily sales after the day her target was reached ÷ before, per quarter with a target. */
  coasting: Record<string, { target: number; reached: number | null; daysBefore: number; daysAfter: number; ratio: number | null }>;
  /** The team's targets and what each quarter sold (£). */
  teamTargets: { quarter: string; target: number; sold: number | null }[];
  detractorAccounts: { customer: string; rank: number; before: number; after: number[] }[];
}

/** Every embedded signal, measured from the CSV text. */
function measure(data: ExampleData): Signals {
  const { sales } = readSales(data.sales);
  const { feedback } = readFeedback(data.feedback);
  const months: string[] = [];
  for (let y = 2024, m = 11; months.length < 24; m = m === 12 ? 1 : m + 1, y = m === 1 ? y + 1 : y) {
    months.push(`${y}-${String(m).padStart(2, '0')}`);
  }
  const revenue = months.map(() => 0);
  const onTimeN = months.map(() => 0);
  const deliveredN = months.map(() => 0);
  const seenOrder = new Set<string>();
  for (const s of sales) {
    const i = months.indexOf(monthKey(s.date));
    revenue[i] += s.net / 100;
    if (s.delivered !== null && !seenOrder.has(s.id)) {
      seenOrder.add(s.id);
      deliveredN[i]++;
      if (s.delivered <= s.promised) onTimeN[i]++;
    }
  }
  const onTime = onTimeN.map((v, i) => v / deliveredN[i]);
  const nps = months.map((mk) => {
    const sc = feedback.filter((f) => monthKey(f.day) === mk).map((f) => f.score);
    return (100 * (sc.filter((v) => v >= 9).length - sc.filter((v) => v <= 6).length)) / sc.length;
  });

  const spike: Record<string, number> = {};
  for (let y = 2025; y <= 2026; y++) {
    for (let q = 1; q <= 4; q++) {
      const from = day(y, 3 * q - 2, 1);
      const to = day(y, 3 * q + 1, 1) - 1;
      if (from < day(2024, 11, 1) || to > day(2026, 10, 31)) continue;
      const inQ = sales.filter((s) => s.date >= from && s.date <= to);
      const all = inQ.reduce((a, s) => a + s.net, 0);
      const last = inQ.filter((s) => s.date > to - 7).reduce((a, s) => a + s.net, 0);
      spike[`${y}-Q${q}`] = last / all / (7 / (to - from + 1));
    }
  }
  // 2024-Q4 starts in November: still complete enough to be checked for a false push
  const rate = (rows: SaleRow[]): number => rows.reduce((a, s) => a + s.returned, 0) / rows.reduce((a, s) => a + s.qty, 0);
  const inPush = (s: SaleRow): boolean => s.date >= day(2025, 9, 24) && s.date <= day(2025, 9, 30);
  const pushReturnRate = rate(sales.filter(inPush));
  const otherReturnRate = rate(sales.filter((s) => !inPush(s)));
  const discountRate = (rows: SaleRow[]): number =>
    rows.reduce((a, s) => a + s.discount, 0) / rows.reduce((a, s) => a + s.net + s.discount, 0);
  const inQ3 = (s: SaleRow): boolean => s.date >= day(2025, 7, 1) && s.date <= day(2025, 9, 30);
  const pushDiscountRate = discountRate(sales.filter(inPush));
  const quarterDiscountRate = discountRate(sales.filter((s) => inQ3(s) && !inPush(s)));

  const targets = parseCsv(data.targets);
  const quarters = targets[0].slice(1);
  const quarterSpan = (q: string): [number, number] => {
    const [y, n] = q.split('-Q').map(Number);
    return [day(y, 3 * n - 2, 1), day(y, 3 * n + 1, 1) - 1];
  };
  const coasting: Signals['coasting'] = {};
  const rep = targets.find((r) => r[0] === 'Sarah Lewis')!;
  quarters.forEach((q, j) => {
    const [from, to] = quarterSpan(q);
    if (to > day(2026, 10, 31)) return;
    const target = Number(rep[j + 1]) * 100;
    const daily = new Map<number, number>();
    for (const s of sales)
      if (s.rep === 'Sarah Lewis' && s.date >= from && s.date <= to) daily.set(s.date, (daily.get(s.date) ?? 0) + s.net);
    let cum = 0;
    let reached: number | null = null;
    for (let d = from; d <= to && reached === null; d++) {
      cum += daily.get(d) ?? 0;
      if (cum >= target) reached = d;
    }
    if (reached === null) {
      coasting[q] = { target, reached, daysBefore: to - from + 1, daysAfter: 0, ratio: null };
      return;
    }
    let after = 0;
    for (let d = reached + 1; d <= to; d++) after += daily.get(d) ?? 0;
    const daysBefore = reached - from + 1;
    const daysAfter = to - reached;
    coasting[q] = { target, reached, daysBefore, daysAfter, ratio: after / daysAfter / (cum / daysBefore) };
  });
  const team = targets.find((r) => r[0] === 'All')!;
  const teamTargets = quarters.map((q, j) => {
    const [from, to] = quarterSpan(q);
    const sold = to > day(2026, 10, 31) ? null : sales.filter((s) => s.date >= from && s.date <= to).reduce((a, s) => a + s.net, 0) / 100;
    return { quarter: q, target: Number(team[j + 1]), sold };
  });

  const byCustomer = new Map<string, number>();
  for (const s of sales) byCustomer.set(s.customer, (byCustomer.get(s.customer) ?? 0) + s.net);
  const ranked = [...byCustomer.entries()].sort((a, b) => b[1] - a[1]).map(([c]) => c);
  const lastSix = day(2026, 5, 1);
  const detractorAccounts: Signals['detractorAccounts'] = [];
  ranked.slice(0, 10).forEach((customer, rank) => {
    const mine = feedback.filter((f) => f.customer === customer);
    const after = mine.filter((f) => f.day >= lastSix);
    const before = mine.filter((f) => f.day < lastSix);
    if (after.length >= 2 && after.every((f) => f.score <= 6 && f.compare === 'Worse')) {
      detractorAccounts.push({
        customer,
        rank: rank + 1,
        before: before.reduce((a, f) => a + f.score, 0) / before.length,
        after: after.map((f) => f.score),
      });
    }
  });

  return {
    months,
    revenue,
    nps,
    onTime,
    npsLagR: lagCorrelations(nps, revenue, 3),
    onTimeLagR: lagCorrelations(onTime, revenue, 3),
    spike,
    pushReturnRate,
    otherReturnRate,
    pushDiscountRate,
    quarterDiscountRate,
    coasting,
    teamTargets,
    detractorAccounts,
  };
}

// ---------------------------------------------------------------- helpers (END)

const DATA_DIR = path.join(__dirname, '..', '..', 'examples', 'data');
const data = generateExampleData();
const signals = measure(data);

describe('example data generator', () => {
  test('is deterministic: same seed gives identical text, another seed different text', () => {
    const again = generateExampleData(DEFAULT_SEED);
    expect(again).toEqual(data);
    const other = generateExampleData(7);
    expect(other.sales).not.toEqual(data.sales);
    expect(other.feedback).not.toEqual(data.feedback);
    expect(other.reviews).not.toEqual(data.reviews);
  });

  test('the seeded PRNG is reproducible and in [0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    for (let i = 0; i < 1000; i++) {
      const v = a();
      expect(v).toBe(b());
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThan(1);
    }
  });

  test('CSV fields are quoted per RFC 4180 and read back unchanged', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(12.5)).toBe('12.5');
    expect(csvField(null)).toBe('');
    const rows = [
      ['a, b', 'say "hi"', 'two\nlines', ''],
      ['x', '', '"', ','],
    ];
    expect(parseCsv(toCsv(rows))).toEqual(rows);
  });

  test('the committed files in examples/data are what the generator produces now', () => {
    for (const name of ['sales', 'feedback', 'reviews', 'targets'] as const) {
      const file = path.join(DATA_DIR, `${name}.csv`);
      const committed = fs.readFileSync(file, 'utf8');
      // on failure: run `npx tsx examples/generate.ts` and commit the CSVs
      expect(committed === data[name]).toBe(true);
      expect(fs.statSync(file).size).toBeLessThan(1_000_000);
    }
  });
});

describe('sales.csv', () => {
  const { rows, sales, total, blankRowsInside } = readSales(data.sales);

  test('has a title row, a blank row, then the header', () => {
    expect(rows[0][0]).toBe('Sales export — Northwind Supplies Ltd');
    expect(rows[0].slice(1).every((c) => c === '')).toBe(true);
    expect(isBlankRow(rows[1])).toBe(true);
    expect(rows[2]).toEqual([
      'Order ID',
      'Order Date',
      'Customer',
      'Sales Rep',
      'Net Sales (£)',
      'Cost (£)',
      'Qty',
      'Returned Qty',
      'Promised Date',
      'Delivered Date',
      'Discount (£)',
    ]);
    expect(rows.every((r) => r.length === 11)).toBe(true);
  });

  test('ends with a totals row that sums the money columns', () => {
    expect(total[0]).toBe('');
    expect(total[1]).toBe('');
    expect(total[2]).toBe('Total');
    expect(pence(total[4])).toBe(sales.reduce((a, s) => a + s.net, 0));
    expect(pence(total[5])).toBe(sales.reduce((a, s) => a + s.cost, 0));
    expect(pence(total[10])).toBe(sales.reduce((a, s) => a + s.discount, 0));
  });

  test('the discount is money off the list price: each account has its own, from 0% to 10%', () => {
    for (const s of sales) expect(s.discount).toBeGreaterThanOrEqual(0);
    const byCustomer = new Map<string, { off: number; list: number }>();
    for (const s of sales) {
      const c = byCustomer.get(s.customer) ?? { off: 0, list: 0 };
      c.off += s.discount;
      c.list += s.net + s.discount;
      byCustomer.set(s.customer, c);
    }
    const rates = [...byCustomer.values()].map((c) => c.off / c.list);
    expect(Math.min(...rates)).toBeLessThan(0.001);
    expect(Math.max(...rates)).toBeLessThan(0.18); // 10% at most, and 7% more on pushed deals
    expect(rates.filter((r) => r > 0.01).length).toBeGreaterThan(rates.length / 3);
  });

  test('has a few blank rows in the middle', () => {
    expect(blankRowsInside).toBeGreaterThanOrEqual(2);
    expect(blankRowsInside).toBeLessThanOrEqual(6);
  });

  test('sizes: orders, customers, reps, dates in range', () => {
    const orders = new Set(sales.map((s) => s.id));
    expect(orders.size).toBeGreaterThanOrEqual(5000);
    expect(orders.size).toBeLessThanOrEqual(7000);
    expect(orders.size).toBeLessThan(sales.length); // multi-line orders
    const customers = new Set(sales.map((s) => s.customer));
    expect(customers.size).toBeGreaterThanOrEqual(250);
    expect(customers.size).toBeLessThanOrEqual(320);
    const reps = new Set(sales.map((s) => s.rep));
    expect(reps.size).toBeGreaterThanOrEqual(4);
    expect(reps.size).toBeLessThanOrEqual(6);
    expect(Math.min(...sales.map((s) => s.date))).toBeGreaterThanOrEqual(day(2024, 11, 1));
    expect(Math.max(...sales.map((s) => s.date))).toBeLessThanOrEqual(day(2026, 10, 31));
  });

  test('lines of one order agree on date, customer and delivery', () => {
    const first = new Map<string, SaleRow>();
    for (const s of sales) {
      const f = first.get(s.id);
      if (!f) first.set(s.id, s);
      else expect([s.date, s.customer, s.rep, s.promised, s.delivered]).toEqual([f.date, f.customer, f.rep, f.promised, f.delivered]);
    }
  });

  test('Net Sales is currency text on most rows and a plain number on some', () => {
    const body = rows.slice(3, -1).filter((r) => !isBlankRow(r));
    const currency = body.filter((r) => r[4].startsWith('£')).length;
    expect(currency / body.length).toBeGreaterThan(0.8);
    expect(currency).toBeLessThan(body.length);
    expect(body.some((r) => r[4].includes(','))).toBe(true);
  });

  test('only the last few weeks have undelivered orders; delivery is never before the order', () => {
    const undelivered = sales.filter((s) => s.delivered === null);
    expect(undelivered.length).toBeGreaterThan(0);
    expect(Math.min(...undelivered.map((s) => s.date))).toBeGreaterThanOrEqual(day(2026, 10, 1));
    for (const s of sales) if (s.delivered !== null) expect(s.delivered).toBeGreaterThan(s.date);
  });
});

describe('feedback.csv', () => {
  const { rows, feedback } = readFeedback(data.feedback);

  test('has the form header and 1,500–2,500 responses', () => {
    expect(rows[0]).toEqual([
      'Timestamp',
      'Customer',
      'Role',
      'How likely are you to recommend us to a colleague?',
      'Compared with others in our industry, are we better, about the same, or worse?',
      'How satisfied are you overall?',
      'What satisfies you most?',
      'What dissatisfies you?',
    ]);
    expect(feedback.length).toBeGreaterThanOrEqual(1500);
    expect(feedback.length).toBeLessThanOrEqual(2500);
  });

  test('answers use the expected forms', () => {
    expect(rows.slice(1).every((r) => /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(r[0]))).toBe(true);
    expect(new Set(feedback.map((f) => f.role))).toEqual(new Set(['Decision maker', 'Day-to-day user', 'Purchasing', 'Technical']));
    expect(new Set(feedback.map((f) => f.compare))).toEqual(new Set(['Better', 'About the same', 'Worse']));
    expect(new Set(feedback.map((f) => f.satisfaction))).toEqual(
      new Set(['Very satisfied', 'Satisfied', 'Neutral', 'Dissatisfied', 'Very dissatisfied']),
    );
    const textScores = rows.slice(1).filter((r) => !/^\d+$/.test(r[3]));
    expect(textScores.length).toBeGreaterThan(0);
    expect(textScores.length).toBeLessThan(feedback.length * 0.05);
    expect(rows.slice(1).some((r) => r[7] === '')).toBe(true);
    expect(rows.slice(1).some((r) => r[7].includes('\n'))).toBe(true);
    // customers answering are customers in the sales data
    const salesCustomers = new Set(readSales(data.sales).sales.map((s) => s.customer));
    expect(feedback.filter((f) => f.customer !== '').every((f) => salesCustomers.has(f.customer))).toBe(true);
  });
});

describe('reviews.csv', () => {
  const rows = parseCsv(data.reviews);

  test('has the header, 400–800 reviews, dates like "Jan 31, 2026", stars 1–5, Responded Yes/No/blank', () => {
    expect(rows[0]).toEqual(['Date', 'Stars', 'Review', 'Responded']);
    const body = rows.slice(1);
    expect(body.length).toBeGreaterThanOrEqual(400);
    expect(body.length).toBeLessThanOrEqual(800);
    for (const r of body) {
      const d = usLong(r[0]);
      expect(d).toBeGreaterThanOrEqual(day(2024, 11, 1));
      expect(d).toBeLessThanOrEqual(day(2026, 10, 31));
      expect(['1', '2', '3', '4', '5']).toContain(r[1]);
      expect(r[2].length).toBeGreaterThan(0);
      expect(['Yes', 'No', '']).toContain(r[3]);
    }
    expect(new Set(body.map((r) => r[3]))).toEqual(new Set(['Yes', 'No', '']));
  });
});

describe('embedded signals', () => {
  test('monthly NPS leads monthly revenue by two months (lag 2 is the strongest of 0..3, r ≥ 0.6)', () => {
    expect(argmax(signals.npsLagR)).toBe(2);
    expect(signals.npsLagR[2]).toBeGreaterThanOrEqual(0.6);
  });

  test('monthly on-time delivery leads monthly revenue by two months too', () => {
    expect(argmax(signals.onTimeLagR)).toBe(2);
    expect(signals.onTimeLagR[2]).toBeGreaterThanOrEqual(0.6);
  });

  test('2025-Q3 ends with a sales push; the other complete quarters do not', () => {
    expect(signals.spike['2025-Q3']).toBeGreaterThanOrEqual(2);
    for (const [q, ratio] of Object.entries(signals.spike)) if (q !== '2025-Q3') expect(ratio).toBeLessThan(1.3);
    expect(Object.keys(signals.spike)).toHaveLength(7); // 2025-Q1 .. 2026-Q3
  });

  test('the pushed orders come back: returns in the push week are several times the usual rate', () => {
    expect(signals.pushReturnRate).toBeGreaterThan(3 * signals.otherReturnRate);
  });

  test('the pushed orders were discounted: 4.5 points or more above the rest of the quarter', () => {
    expect(signals.pushDiscountRate - signals.quarterDiscountRate).toBeGreaterThanOrEqual(0.045);
  });

  test("the coasting rep reaches her target early and then sells at 40% of her pace or less, in every whole quarter but the push's", () => {
    const whole = ['2025-Q1', '2025-Q2', '2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3'];
    expect(Object.keys(signals.coasting)).toEqual([...whole.slice(0, 2), '2025-Q3', ...whole.slice(2)]);
    for (const q of whole) {
      const c = signals.coasting[q];
      expect(c.daysBefore).toBeGreaterThanOrEqual(40);
      expect(c.daysAfter).toBeGreaterThanOrEqual(25);
      expect(c.ratio!).toBeLessThanOrEqual(0.4);
    }
    expect(signals.coasting['2025-Q3'].reached).toBeNull(); // her push-quarter target is above what she sold
  });

  test('the team targets ratchet: +10% (± half a point) every quarter, and most quarters miss', () => {
    const t = signals.teamTargets;
    expect(t.map((x) => x.quarter)).toEqual(['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    for (let i = 1; i < t.length; i++) {
      expect(t[i].target / t[i - 1].target - 1).toBeGreaterThan(0.095);
      expect(t[i].target / t[i - 1].target - 1).toBeLessThan(0.105);
    }
    expect(t[0].sold!).toBeGreaterThanOrEqual(t[0].target); // the first quarter hits
    expect(t.filter((x) => x.sold !== null && x.sold < x.target).length).toBeGreaterThanOrEqual(5);
  });

  test('three or four of the largest accounts turn into detractors in the last six months', () => {
    expect(signals.detractorAccounts.length).toBeGreaterThanOrEqual(3);
    expect(signals.detractorAccounts.length).toBeLessThanOrEqual(4);
    for (const a of signals.detractorAccounts) {
      expect(a.before).toBeGreaterThanOrEqual(8); // they were fans before
      expect(Math.max(...a.after)).toBeLessThanOrEqual(6);
    }
  });
});
