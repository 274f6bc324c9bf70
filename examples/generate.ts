/**
 * Example data for Leadlag: a small UK B2B supplier ("Northwind Supplies Ltd"),
 * 24 months from 2024-11-01 to 2026-10-31, as the three pastes a manager would bring:
 * a sales export, survey responses (a Google Form) and public reviews.
 *
 *   npx tsx examples/generate.ts      writes examples/data/{sales,feedback,reviews}.csv
 *
 * `generateExampleData(seed)` is pure and deterministic (seeded PRNG, no clock), so the
 * committed CSVs can be checked against it (tests/examples/generate.test.ts).
 * What is messy on purpose and which signals are embedded: examples/README.md.
 */
import { Rng } from './random';
import { toCsv, type CsvValue } from './csv';

export const DEFAULT_SEED = 20260101;

export interface ExampleData {
  sales: string;
  feedback: string;
  reviews: string;
  /** Sales targets per quarter, for the team and the coasting rep (see planTargets). */
  targets: string;
}

// ---------------------------------------------------------------- calendar

const MS_PER_DAY = 86_400_000;
/** Day number (days since 1970-01-01, UTC) of a calendar date; month is 1-based. */
function dayNum(y: number, m: number, d: number): number {
  return Math.round(Date.UTC(y, m - 1, d) / MS_PER_DAY);
}
function ymd(day: number): { y: number; m: number; d: number; dow: number } {
  const dt = new Date(day * MS_PER_DAY);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate(), dow: dt.getUTCDay() };
}
const pad2 = (n: number): string => (n < 10 ? '0' + n : String(n));
const MONTH_ABBR = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function isoDate(day: number): string {
  const { y, m, d } = ymd(day);
  return `${y}-${pad2(m)}-${pad2(d)}`;
}
function dayFirstDate(day: number): string {
  const { y, m, d } = ymd(day);
  return `${pad2(d)}/${pad2(m)}/${y}`;
}
function usLongDate(day: number): string {
  const { y, m, d } = ymd(day);
  return `${MONTH_ABBR[m - 1]} ${d}, ${y}`;
}

const END = dayNum(2026, 10, 31);
const MONTHS = 24;
/** First day of month index t (0 = Nov 2024). */
function monthStart(t: number): number {
  return dayNum(2024, 11 + t, 1);
}

/** England & Wales bank holidays in the period. */
const BANK_HOLIDAYS = new Set(
  [
    [2024, 12, 25],
    [2024, 12, 26],
    [2025, 1, 1],
    [2025, 4, 18],
    [2025, 4, 21],
    [2025, 5, 5],
    [2025, 5, 26],
    [2025, 8, 25],
    [2025, 12, 25],
    [2025, 12, 26],
    [2026, 1, 1],
    [2026, 4, 3],
    [2026, 4, 6],
    [2026, 5, 4],
    [2026, 5, 25],
    [2026, 8, 31],
    [2026, 12, 25],
    [2026, 12, 28],
  ].map(([y, m, d]) => dayNum(y, m, d)),
);
function isWorkingDay(day: number): boolean {
  const { dow } = ymd(day);
  return dow !== 0 && dow !== 6 && !BANK_HOLIDAYS.has(day);
}
function addWorkingDays(day: number, n: number): number {
  let d = day;
  let left = n;
  while (left > 0) {
    d += 1;
    if (isWorkingDay(d)) left -= 1;
  }
  return d;
}
function subWorkingDays(day: number, n: number): number {
  let d = day;
  let left = n;
  while (left > 0) {
    d -= 1;
    if (isWorkingDay(d)) left -= 1;
  }
  return d;
}
/** Relative order activity of a working day: the Christmas-to-New-Year week is quiet. */
function dayActivity(day: number): number {
  const { m, d, dow } = ymd(day);
  let w = dow === 1 ? 1.1 : dow === 5 ? 0.85 : 1;
  if ((m === 12 && d >= 22) || (m === 1 && d <= 2)) w *= 0.35;
  return w;
}

// ---------------------------------------------------------------- names

const PLACE_WORDS = [
  'Harbour',
  'Northgate',
  'Riverside',
  'Ashford',
  'Kestrel',
  'Pennine',
  'Thames',
  'Severn',
  'Oakridge',
  'Meridian',
  'Beacon',
  'Castle',
  'Lakeside',
  'Brookfield',
  'Granite',
  'Summit',
  'Highfield',
  'Westbury',
  'Anchor',
  'Cobalt',
  'Evergreen',
  'Falcon',
  'Heron',
  'Ironbridge',
  'Juniper',
  'Kingsway',
  'Linden',
  'Marlow',
  'Newbury',
  'Orchard',
  'Pioneer',
  'Quayside',
  'Redwood',
  'Saxon',
  'Trent',
  'Vale',
  'Wessex',
  'Bramley',
  'Clyde',
  'Dorset',
  'Elmstead',
  'Fenwick',
  'Greenway',
  'Hawthorn',
  'Jubilee',
  'Kendal',
  'Mercia',
  'Norfolk',
  'Pembroke',
  'Ribble',
  'Solent',
  'Tamar',
  'Wolds',
  'Chiltern',
  'Cotswold',
  'Mendip',
  'Humber',
  'Tyne',
  'Wye',
  'Avon',
  'Bridgewater',
  'Caledonian',
  'Downland',
  'Fairfield',
  'Foxley',
];
const TRADE_WORDS = [
  'Logistics',
  'Engineering',
  'Foods',
  'Construction',
  'Healthcare',
  'Print',
  'Packaging',
  'Hospitality',
  'Facilities',
  'Motors',
  'Building Supplies',
  'Dental',
  'Veterinary',
  'Electrical',
  'Plumbing',
  'Joinery',
  'Catering',
  'Laboratories',
  'Interiors',
  'Cleaning Services',
  'Office Solutions',
  'Garden Centres',
  'Hotels',
  'Brewing',
  'Bakeries',
  'Pharmacy',
  'Schools Trust',
  'Property Services',
  'Fabrication',
  'Signs',
  'Care Homes',
  'Leisure',
  'Distribution',
  'Precision',
  'Marine',
  'Agriculture',
  'Dairies',
];
const SURNAMES = [
  'Patel',
  'Hughes',
  'Barker',
  'Whitfield',
  "O'Brien",
  'Clarke',
  'Morgan',
  'Ashworth',
  'Khan',
  'Davies',
  'Fletcher',
  'Mason',
  'Campbell',
  'Shaw',
  'Wright',
  'Lloyd',
  'Evans',
  'Hartley',
  'Singh',
  'Booth',
];
const LEGAL_SUFFIXES = ['Ltd', 'Ltd', 'Ltd', 'Ltd', 'Ltd', 'Ltd', 'Limited', 'Limited', 'Group Ltd', '(UK) Ltd', 'plc', 'LLP'];

function makeCompanyNames(rng: Rng, n: number): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  while (out.length < n) {
    const r = rng.float();
    let name: string;
    if (r < 0.08) {
      // family firms, a few with a comma in the name (the CSV must quote them)
      const a = rng.pick(SURNAMES);
      let b = rng.pick(SURNAMES);
      while (b === a) b = rng.pick(SURNAMES);
      name = rng.chance(0.5) ? `${a}, ${b} & Co` : `${a} & Sons ${rng.pick(TRADE_WORDS)} Ltd`;
    } else if (r < 0.14) {
      name = `${rng.pick(PLACE_WORDS)} ${rng.pick(TRADE_WORDS)} & Co`;
    } else {
      name = `${rng.pick(PLACE_WORDS)} ${rng.pick(TRADE_WORDS)} ${rng.pick(LEGAL_SUFFIXES)}`;
    }
    if (seen.has(name)) continue;
    seen.add(name);
    out.push(name);
  }
  return out;
}

const REPS = ['Priya Shah', 'Tom Whitaker', "Gemma O'Neill", 'Daniel Okafor', 'Sarah Lewis'];

// ---------------------------------------------------------------- the business model

interface Customer {
  name: string;
  /** relative share of orders */
  weight: number;
  /** order size multiplier */
  size: number;
  rep: string;
  /** customer-specific price discount */
  discount: number;
  firstMonth: number;
  lastMonth: number;
  /** feedback bias in score points */
  mood: number;
  /** one of the key accounts that turn into detractors in the last six months */
  turns: boolean;
}

interface Product {
  pricePence: number;
  costRatio: number;
}

interface Order {
  day: number;
  customer: Customer;
  /** moved into, or stuffed into, the end-of-quarter push week */
  pushed: boolean;
  /** an extra deal stuffed in by the push (bigger than the customer's usual order) */
  stuffed: boolean;
  /** month index of the order, for the on-time probability */
  t: number;
}

const N_CUSTOMERS = 300;
const ORDERS_PER_MONTH = 235;
const FEEDBACK_PER_MONTH = 84;
const REVIEWS_PER_MONTH = 25;
/** Month index where the detractor story of the key accounts starts (2026-05). */
const TURN_MONTH = 18;
/** Revenue follows the customer-experience series this many months later. */
const REVENUE_DELAY = 2;
/** Sep 2025 (the last month of 2025-Q3, the quarter with the end-of-quarter push). */
const PUSH_MONTH = 10;
const PUSH_WINDOW_START = dayNum(2025, 9, 24);
/** extra deals stuffed into the push week */
const PUSH_EXTRA_ORDERS = 20;

/** Calendar-month seasonality of order volume (Jan..Dec). */
const SEASON = [0.95, 1.0, 1.02, 1.0, 1.03, 1.0, 1.0, 0.95, 1.0, 1.04, 1.03, 0.93];

/**
 * The latent monthly "customer experience" series, index i = t + REVENUE_DELAY for month t
 * (so revenue in the first months can look two months back). A smooth random walk plus a
 * dip-and-recovery centred on summer 2025 plus month-to-month wobble, so that leads at the
 * wrong lag correlate visibly less than the right one.
 */
function customerExperience(rng: Rng): number[] {
  const n = MONTHS + REVENUE_DELAY;
  const x: number[] = [];
  let walk = 0;
  let wobble = 0;
  for (let i = 0; i < n; i++) {
    const t = i - REVENUE_DELAY;
    walk = 0.8 * walk + rng.normal(0, 0.12);
    wobble = 0.2 * wobble + rng.normal(0, 0.55);
    const dip = -1.5 * Math.exp(-(((t - 9.5) / 2.8) ** 2));
    x.push(0.35 + walk + wobble + dip);
  }
  return x;
}

const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));

function gbp(pence: number): string {
  const neg = pence < 0;
  const abs = Math.abs(pence);
  const pounds = Math.floor(abs / 100);
  const p = abs % 100;
  const grouped = String(pounds).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${neg ? '-' : ''}£${grouped}.${pad2(p)}`;
}
const plain2 = (pence: number): string => (pence / 100).toFixed(2);
const plainShort = (pence: number): string => String(pence / 100);

// ---------------------------------------------------------------- comments

const SATISFIES = [
  'Reliable deliveries',
  'Fast delivery',
  'Friendly account manager',
  'Good prices',
  'Stock is nearly always available',
  'Easy to order online',
  'Quality of the products',
  'Quick answers to queries',
  'Flexible payment terms',
  'They know our business',
  'Next-day delivery, most of the time',
  'Helpful, knowledgeable staff',
  'Good range, fair prices',
  'Invoices are clear',
  'The sales rep visits regularly and listens',
  'Consistent quality, which matters for our "zero defects" target',
  'Sorting out problems without fuss',
];
const DISSATISFIES_GENERAL = [
  'Prices went up with little notice',
  'Hard to reach anyone by phone',
  'Website search is poor',
  'Invoices sometimes wrong',
  'Minimum order quantity is too high',
  'Packaging is excessive',
  'Would like a proper online account portal',
  'Credit notes take weeks',
  'Too many emails, too few answers',
];
const DISSATISFIES_DELIVERY = [
  'Deliveries often late',
  'Late deliveries, again',
  'Missing items in orders',
  'Delivery dates are not kept',
  'Had to chase a "next day" delivery for a week',
  'Orders arrive in several part-deliveries, no warning',
  'Two issues:\n1. late deliveries\n2. nobody calls to say so',
  'Wrong items delivered, twice this month',
];
const DISSATISFIES_KEY_ACCOUNT = [
  'Three late deliveries in a row on our main contract',
  'Our account manager changed and nobody told us',
  'We are now looking at other suppliers',
  'Service has slipped badly this year, the "key account" treatment has gone',
  'Price rise on the framework agreement, without discussion',
  'Escalated twice, no reply.\nNot what we expect from our main supplier.',
];

const REVIEW_TEXT: Record<number, string[]> = {
  1: [
    'Order never arrived, no one answers the phone.',
    'Awful service. Wrong items, late, and rude on the phone.',
    'Waited three weeks for a "next day" delivery.',
    'Charged twice, still waiting for the refund.',
    'Do not use, late every single time.',
    'Goods damaged, return process a nightmare.',
  ],
  2: [
    'Late again, had to chase.',
    'Products fine, delivery poor.',
    'Part delivery with no explanation.',
    'Used to be good, not any more.',
    'Prices up, service down.',
    'Slow to respond to emails.',
  ],
  3: [
    'OK, nothing special.',
    'Decent products, delivery hit and miss.',
    'Fine, but a bit pricey.',
    'Average. Does the job.',
    'Good range, website clunky.',
    'Delivered a day late, otherwise fine.',
  ],
  4: [
    'Good service, will order again.',
    'Reliable supplier, fair prices.',
    'Quick delivery, well packed.',
    'Helpful staff, sorted our query fast.',
    'Good quality, on time.',
    'Solid supplier, small hiccups, quickly fixed.',
  ],
  5: [
    'Excellent, always on time!',
    'Brilliant service, highly recommend.',
    'Best supplier we use, by far.',
    'Next-day delivery, every time. Great team.',
    'Fantastic, thank you Priya!',
    'Superb, they go the extra mile.',
  ],
};

// ---------------------------------------------------------------- generator

export function generateExampleData(seed: number = DEFAULT_SEED): ExampleData {
  // Separate streams per part, so tuning one part does not reshuffle the others.
  const rngBiz = new Rng(seed);
  const rngSales = new Rng((seed ^ 0x5a1e5) >>> 0);
  const rngFeedback = new Rng((seed ^ 0xfeedb) >>> 0);
  const rngReviews = new Rng((seed ^ 0x7e71e) >>> 0);

  const cx = customerExperience(rngBiz);
  /** experience in month t (t may be -2..23) */
  const xAt = (t: number): number => cx[t + REVENUE_DELAY];

  // Customers: a long tail of small accounts and a handful of large ones.
  const names = makeCompanyNames(rngBiz, N_CUSTOMERS);
  const weights = names.map(() => Math.exp(rngBiz.normal(0, 1.15))).sort((a, b) => b - a);
  const customers: Customer[] = names.map((name, i) => {
    const big = i < 12;
    const late = !big && rngBiz.chance(0.14);
    const leaves = !big && !late && rngBiz.chance(0.08);
    return {
      name,
      weight: weights[i] ** 0.75,
      size: clamp(weights[i] ** 0.3, 0.6, 2.2),
      rep: REPS[rngBiz.weightedIndex([1.2, 1.1, 1, 1, 0.8])],
      discount: rngBiz.pick([0, 0, 0.02, 0.05, 0.05, 0.08, 0.1]),
      firstMonth: late ? rngBiz.int(3, 20) : 0,
      lastMonth: leaves ? rngBiz.int(6, 20) : MONTHS - 1,
      mood: rngBiz.normal(0, 0.45),
      turns: false,
    };
  });
  // Four of the largest accounts turn into detractors in the last six months.
  for (const i of [0, 2, 3, 5]) {
    customers[i].turns = true;
    customers[i].mood = 0.8;
  }
  const products: Product[] = Array.from({ length: 40 }, () => ({
    pricePence: Math.round(Math.exp(rngBiz.uniform(Math.log(350), Math.log(18_000)))),
    costRatio: rngBiz.uniform(0.58, 0.76),
  }));

  const rngTargets = new Rng((seed ^ 0x7a26e7) >>> 0);
  const { csv: sales, firstOrder, targets } = generateSales(rngSales, rngTargets, customers, products, xAt);
  const feedback = generateFeedback(rngFeedback, customers, firstOrder, xAt);
  const reviews = generateReviews(rngReviews, xAt);
  return { sales, feedback, reviews, targets };
}

function workingDaysIn(from: number, to: number): number[] {
  const out: number[] = [];
  for (let d = from; d <= to; d++) if (isWorkingDay(d)) out.push(d);
  return out;
}

/** The sales CSV, and for each customer the month of its first order (survey invitations go to buyers). */
function generateSales(
  rng: Rng,
  rngTargets: Rng,
  customers: Customer[],
  products: Product[],
  xAt: (t: number) => number,
): { csv: string; firstOrder: Map<Customer, number>; targets: string } {
  const orders: Order[] = [];
  const bigCustomers = customers.slice(0, 40);

  for (let t = 0; t < MONTHS; t++) {
    const from = monthStart(t);
    const to = monthStart(t + 1) - 1;
    const days = workingDaysIn(from, to);
    const dayWeights = days.map(dayActivity);
    const { m } = ymd(from);
    const volume = ((ORDERS_PER_MONTH * days.length) / 21) * (1 + 0.22 * xAt(t - REVENUE_DELAY)) * SEASON[m - 1];
    let n = Math.round(volume * (1 + rng.normal(0, 0.025)));
    // the stuffed deals of the push (about twice the usual size) stand in for ordinary orders
    if (t === PUSH_MONTH) n -= 2 * PUSH_EXTRA_ORDERS;
    const custWeights = customers.map((c) => {
      if (t < c.firstMonth || t > c.lastMonth) return 0;
      // the unhappy key accounts start to order less a few months after they turn (the lag)
      if (c.turns && t >= TURN_MONTH + 2) return c.weight * 0.75;
      return c.weight;
    });
    // spread the month's orders over its working days in proportion to their activity
    // (systematic sampling: the count per day varies a little, never wildly)
    const totalWeight = dayWeights.reduce((a, w) => a + w, 0);
    const offset = rng.float();
    let di = 0;
    let cum = dayWeights[0];
    for (let k = 0; k < n; k++) {
      const target = ((k + offset) / n) * totalWeight;
      while (cum < target && di < days.length - 1) cum += dayWeights[++di];
      const day = days[di];
      orders.push({ day, customer: customers[rng.weightedIndex(custWeights)], pushed: false, stuffed: false, t });
    }
    if (t === PUSH_MONTH) {
      // End-of-quarter push: reps hold orders back into the last week and stuff extra deals in.
      const lastWeek = days.filter((d) => d >= PUSH_WINDOW_START);
      for (const o of orders) {
        if (o.t === t && o.day < PUSH_WINDOW_START && rng.chance(0.38)) {
          o.day = rng.pick(lastWeek);
          o.pushed = true;
        }
      }
      for (let k = 0; k < PUSH_EXTRA_ORDERS; k++) {
        orders.push({ day: rng.pick(lastWeek), customer: rng.pick(bigCustomers), pushed: true, stuffed: true, t });
      }
    }
  }
  orders.sort((a, b) => a.day - b.day);
  const firstOrder = new Map<Customer, number>();
  for (const o of orders) if (!firstOrder.has(o.customer)) firstOrder.set(o.customer, o.t);

  const header = [
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
  ];
  const width = header.length;
  const blank: CsvValue[] = new Array(width).fill('');
  const title: CsvValue[] = ['Sales export — Northwind Supplies Ltd', ...new Array(width - 1).fill('')];
  const rows: CsvValue[][] = [title, blank, header];

  // a few blank rows in the middle, as left behind by someone deleting rows
  const blankAfter = new Set<number>();
  while (blankAfter.size < 4) blankAfter.add(rng.int(300, orders.length - 300));

  // Each order's lines as written, so that the coasting rep's dropped orders (planTargets) leave the rest as they are.
  const written: WrittenOrder[] = [];
  let nextId = 104_201;
  orders.forEach((o, idx) => {
    const id = `SO-${nextId++}`;
    const c = o.customer;
    const lines = o.stuffed ? rng.int(2, 3) : [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 3, 4][rng.int(0, 19)];
    const leadDays = rng.pick([2, 3, 3, 4, 5, 5, 7]);
    const promised = addWorkingDays(o.day, leadDays);
    let pOnTime = clamp(0.89 + 0.075 * xAt(o.t), 0.5, 0.985);
    if (o.pushed) pOnTime -= 0.1;
    let delivered: number;
    if (rng.chance(pOnTime)) {
      delivered = Math.max(addWorkingDays(o.day, 1), subWorkingDays(promised, rng.pick([0, 0, 0, 0, 1, 1, 2])));
    } else {
      delivered = addWorkingDays(promised, rng.pick([1, 1, 1, 2, 2, 3, 4, 6, 9]));
    }
    const deliveredText = delivered > END ? '' : isoDate(delivered);
    const usedProducts = new Set<number>();
    const order: WrittenOrder = { order: o, rows: [], net: 0, cost: 0, discount: 0, blankAfter: blankAfter.has(idx) };
    for (let l = 0; l < lines; l++) {
      let pi = rng.int(0, products.length - 1);
      while (usedProducts.has(pi)) pi = rng.int(0, products.length - 1);
      usedProducts.add(pi);
      const p = products[pi];
      const baseQty = (60_000 * c.size) / p.pricePence / lines ** 0.6;
      let qty = Math.max(1, Math.round(baseQty * Math.exp(rng.normal(0, 0.3))));
      qty = Math.min(qty, 400);
      if (o.stuffed) qty = Math.round(qty * rng.uniform(1.5, 2.5)) + 1;
      const disc = c.discount + (o.pushed ? 0.07 : 0);
      const list = qty * p.pricePence;
      const net = Math.round(list * (1 - disc));
      const cost = Math.round(qty * p.pricePence * p.costRatio * rng.uniform(0.97, 1.03));
      let returned = 0;
      if (o.pushed) {
        if (rng.chance(0.5)) returned = Math.max(1, Math.round(qty * rng.uniform(0.2, 0.6)));
      } else if (rng.chance(0.035)) {
        returned = Math.max(1, Math.round(qty * rng.uniform(0.05, 0.3)));
      }
      if (deliveredText === '') returned = 0;
      order.net += net;
      order.cost += cost;
      order.discount += list - net;
      order.rows.push([
        id,
        dayFirstDate(o.day),
        c.name,
        c.rep,
        rng.chance(0.12) ? plainShort(net) : gbp(net),
        plain2(cost),
        qty,
        returned,
        isoDate(promised),
        deliveredText,
        plain2(list - net),
      ]);
    }
    written.push(order);
  });
  const { dropped, targets } = planTargets(rngTargets, written);
  let totalNet = 0;
  let totalCost = 0;
  let totalDiscount = 0;
  written.forEach((w, idx) => {
    if (!dropped.has(idx)) {
      rows.push(...w.rows);
      totalNet += w.net;
      totalCost += w.cost;
      totalDiscount += w.discount;
    }
    if (w.blankAfter) rows.push(blank);
  });
  rows.push(['', '', 'Total', '', gbp(totalNet), plain2(totalCost), '', '', '', '', plain2(totalDiscount)]);
  return { csv: toCsv(rows), firstOrder, targets };
}

// ---------------------------------------------------------------- targets: a ratchet and a coasting rep

interface WrittenOrder {
  order: Order;
  rows: CsvValue[][];
  /** pence */
  net: number;
  cost: number;
  discount: number;
  blankAfter: boolean;
}

/** The rep who coasts once the quarter's target is reached. */
const COASTING_REP = 'Sarah Lewis';
/** Share of the coasting rep's orders after the target that are not made (the customer waits, or buys elsewhere). */
const COAST_DROP = 0.85;
/** The team's targets rise by this much every quarter, whatever the quarter before did. */
const RATCHET_STEP = 0.1;
/** Quarters with targets, as [year, quarter]: 2025-Q1 to 2026-Q4. */
const TARGET_QUARTERS: readonly [number, number][] = [
  [2025, 1],
  [2025, 2],
  [2025, 3],
  [2025, 4],
  [2026, 1],
  [2026, 2],
  [2026, 3],
  [2026, 4],
];

function quarterDays(y: number, q: number): { from: number; to: number } {
  return { from: dayNum(y, 3 * q - 2, 1), to: dayNum(y, 3 * q + 1, 1) - 1 };
}

/**
 * Targets in examples/data/targets.csv, and the orders the coasting rep does not make:
 * - a ratchet: the team's target starts just under what 2025-Q1 sold and rises by 10% (± 0.4 points) every
 *   quarter to 2026-Q4, whatever the quarter before did (it misses from 2025-Q3 on);
 * - a coasting rep: Sarah Lewis's target each whole quarter but the push quarter is what she has sold by about
 *   60% of the way through it (± 4 days), rounded down to £1,000; once she is there, 85% of her remaining
 *   orders that quarter are not made (a customer's first order always is). In the push quarter (2025-Q3) her
 *   target is 8% above what she sold, and in 2026-Q4 (October only) the average of her others.
 * Its own random stream: the other example data are the same with or without it.
 */
function planTargets(rng: Rng, written: readonly WrittenOrder[]): { dropped: Set<number>; targets: string } {
  const dropped = new Set<number>();
  const firstOfCustomer = new Set<number>();
  const seen = new Set<Customer>();
  written.forEach((w, i) => {
    if (!seen.has(w.order.customer)) {
      seen.add(w.order.customer);
      firstOfCustomer.add(i);
    }
  });
  const sumNet = (from: number, to: number, who?: string): number =>
    written.reduce(
      (a, w, i) =>
        !dropped.has(i) && w.order.day >= from && w.order.day <= to && (who === undefined || w.order.customer.rep === who) ? a + w.net : a,
      0,
    );
  const repTargets: number[] = [];
  for (const [y, q] of TARGET_QUARTERS) {
    const { from, to } = quarterDays(y, q);
    if (to > END) {
      repTargets.push(0); // set below, from the others
      continue;
    }
    if (y === 2025 && q === 3) {
      repTargets.push(Math.round((sumNet(from, to, COASTING_REP) * 1.08) / 100 / 1000) * 1000);
      continue;
    }
    const coastDay = from + Math.round((to - from + 1) * 0.6) + rng.int(-4, 4);
    repTargets.push(Math.floor(sumNet(from, coastDay, COASTING_REP) / 100 / 1000) * 1000);
    written.forEach((w, i) => {
      const o = w.order;
      if (o.customer.rep === COASTING_REP && o.day > coastDay && o.day <= to && !firstOfCustomer.has(i) && rng.chance(COAST_DROP))
        dropped.add(i);
    });
  }
  const known = repTargets.filter((t) => t > 0);
  repTargets[repTargets.length - 1] = Math.round(known.reduce((a, t) => a + t, 0) / known.length / 1000) * 1000;
  const [y0, q0] = TARGET_QUARTERS[0];
  const first = quarterDays(y0, q0);
  let team = Math.round((sumNet(first.from, first.to) * 0.97) / 100 / 10_000) * 10_000;
  const teamTargets: number[] = [];
  for (let i = 0; i < TARGET_QUARTERS.length; i++) {
    if (i > 0) team = Math.round((team * (1 + RATCHET_STEP + rng.uniform(-0.004, 0.004))) / 1000) * 1000;
    teamTargets.push(team);
  }
  const labels = TARGET_QUARTERS.map(([y, q]) => `${y}-Q${q}`);
  const csv = toCsv([
    ['Target (£)', ...labels],
    ['All', ...teamTargets],
    [COASTING_REP, ...repTargets],
  ]);
  return { dropped, targets: csv };
}

function randomTime(rng: Rng): string {
  const h = clamp(Math.round(rng.normal(12.5, 3)), 6, 22);
  return `${pad2(h)}:${pad2(rng.int(0, 59))}:${pad2(rng.int(0, 59))}`;
}

const SAT_LABELS = ['Very dissatisfied', 'Dissatisfied', 'Neutral', 'Satisfied', 'Very satisfied'];
const ROLES = ['Decision maker', 'Day-to-day user', 'Purchasing', 'Technical'];
const ROLE_WEIGHTS = [0.25, 0.36, 0.24, 0.15];

interface Response {
  when: number; // seconds since epoch, for sorting
  row: CsvValue[];
}

function generateFeedback(rng: Rng, customers: Customer[], firstOrder: Map<Customer, number>, xAt: (t: number) => number): string {
  const header = [
    'Timestamp',
    'Customer',
    'Role',
    'How likely are you to recommend us to a colleague?',
    'Compared with others in our industry, are we better, about the same, or worse?',
    'How satisfied are you overall?',
    'What satisfies you most?',
    'What dissatisfies you?',
  ];
  const responses: Response[] = [];

  const respond = (t: number, c: Customer | null, score: number, compare: string, forcedUnhappy: boolean): void => {
    const from = monthStart(t);
    const to = monthStart(t + 1) - 1;
    let day = rng.int(from, to);
    if (!isWorkingDay(day) && rng.chance(0.7)) day = rng.int(from, to);
    const time = randomTime(rng);
    const [hh, mm, ss] = time.split(':').map(Number);
    const roleIdx = rng.weightedIndex(ROLE_WEIGHTS);
    const sat = clamp(Math.round(1 + 0.4 * score + rng.normal(0, 0.45)), 1, 5);
    let scoreText: CsvValue = score;
    if (score === 10 && rng.chance(0.12)) scoreText = '10 - Extremely likely';
    if (score === 0 && rng.chance(0.5)) scoreText = '0 - Not at all likely';
    const likes = rng.chance(score >= 7 ? 0.7 : 0.4) ? rng.pick(SATISFIES) : '';
    let dislikes = '';
    if (forcedUnhappy) dislikes = rng.pick(DISSATISFIES_KEY_ACCOUNT);
    else if (rng.chance(score >= 9 ? 0.25 : score >= 7 ? 0.55 : 0.85)) {
      const deliveryTrouble = clamp(0.35 - 0.3 * xAt(t), 0.1, 0.85);
      dislikes = rng.chance(deliveryTrouble) ? rng.pick(DISSATISFIES_DELIVERY) : rng.pick(DISSATISFIES_GENERAL);
    }
    responses.push({
      when: day * 86400 + hh * 3600 + mm * 60 + ss,
      row: [
        `${isoDate(day)} ${time}`,
        c ? c.name : '',
        ROLES[roleIdx],
        scoreText,
        compare,
        SAT_LABELS[(forcedUnhappy ? Math.min(sat, 3) : sat) - 1],
        likes,
        dislikes,
      ],
    });
  };

  const compareFor = (score: number): string => {
    const w = score >= 9 ? [0.55, 0.4, 0.05] : score >= 7 ? [0.25, 0.6, 0.15] : [0.08, 0.45, 0.47];
    return ['Better', 'About the same', 'Worse'][rng.weightedIndex(w)];
  };

  for (let t = 0; t < MONTHS; t++) {
    const n = Math.round(FEEDBACK_PER_MONTH * (1 + rng.normal(0, 0.07)));
    const weights = customers.map((c) => {
      const first = firstOrder.get(c);
      if (first === undefined || t < first || t > c.lastMonth + 1) return 0;
      if (c.turns && t >= TURN_MONTH) return 0; // their answers in the last six months are written below
      return Math.sqrt(c.weight);
    });
    for (let k = 0; k < n; k++) {
      const c = rng.chance(0.03) ? null : customers[rng.weightedIndex(weights)];
      const mood = c ? c.mood : 0;
      const mu = 8.0 + 0.75 * xAt(t) + mood;
      let score = clamp(Math.round(rng.normal(mu, 1.5)), 0, 10);
      if (c && c.turns) score = Math.max(score, 8); // the key accounts were fans before they turned
      const compare = c && c.turns ? (score >= 9 ? 'Better' : 'About the same') : compareFor(score);
      respond(t, c, score, compare, false);
    }
  }
  // The key accounts that turn: several people at each answer in the last six months, all unhappy.
  for (const c of customers.filter((x) => x.turns)) {
    const count = rng.int(4, 6);
    for (let k = 0; k < count; k++) {
      const t = rng.int(TURN_MONTH, MONTHS - 1);
      respond(t, c, rng.int(2, 6), 'Worse', true);
    }
  }
  responses.sort((a, b) => a.when - b.when);
  return toCsv([header, ...responses.map((r) => r.row)]);
}

function generateReviews(rng: Rng, xAt: (t: number) => number): string {
  const out: { day: number; row: CsvValue[] }[] = [];
  for (let t = 0; t < MONTHS; t++) {
    const from = monthStart(t);
    const to = monthStart(t + 1) - 1;
    const x = xAt(t);
    const n = Math.max(5, Math.round(REVIEWS_PER_MONTH * (1 - 0.15 * x) + rng.normal(0, 3)));
    for (let k = 0; k < n; k++) {
      const day = rng.int(from, to);
      const stars = clamp(Math.round(rng.normal(3.9 + 0.9 * x, 1.1)), 1, 5);
      let responded: string;
      if (stars <= 2) {
        const pYes = t >= TURN_MONTH ? 0.75 : 0.35;
        responded = rng.chance(0.05) ? '' : rng.chance(pYes) ? 'Yes' : 'No';
      } else {
        responded = ['Yes', 'No', ''][rng.weightedIndex([0.3, 0.5, 0.2])];
      }
      out.push({ day, row: [usLongDate(day), stars, rng.pick(REVIEW_TEXT[stars]), responded] });
    }
  }
  // review sites export newest first
  out.sort((a, b) => b.day - a.day);
  return toCsv([['Date', 'Stars', 'Review', 'Responded'], ...out.map((r) => r.row)]);
}

// ---------------------------------------------------------------- script

if (typeof require !== 'undefined' && require.main === module) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const fs = require('node:fs') as typeof import('node:fs');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const path = require('node:path') as typeof import('node:path');
  const seedArg = process.argv[2];
  const seed = seedArg === undefined ? DEFAULT_SEED : Number(seedArg);
  if (!Number.isInteger(seed)) throw new Error(`seed must be an integer, got ${seedArg}`);
  const data = generateExampleData(seed);
  const dir = path.join(__dirname, 'data');
  fs.mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(data)) {
    const file = path.join(dir, `${name}.csv`);
    fs.writeFileSync(file, text, 'utf8');
    console.log(`${path.relative(process.cwd(), file)}: ${text.split('\n').length - 1} lines, ${Buffer.byteLength(text)} bytes`);
  }
}
