import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsv } from '../../../src/core/tables/csv';
import { loadSource } from '../../../src/core/scorecard/source';
import { CHECK_IDS, type CheckId, reviewSources } from '../../../src/core/scorecard/plausibility';
import { type Source } from '../../../src/core/scorecard/measures';
import { calendarSpec } from '../../../src/core/time/periods';
import { DATES } from '../helpers';

/**
 * The checks before a build (issue 11, "never silently implausible"): each one fires on a mapping that would
 * give wrong numbers, names the column and says what to do; the example data fires none.
 */
const MONTH = calendarSpec('month');
const root = join(__dirname, '..', '..', '..');
const fixture = (path: string) => parseCsv(readFileSync(join(root, 'tests', 'fixtures', 'exports', path), 'utf8'));
const example = (name: string) => parseCsv(readFileSync(join(root, 'examples', 'data', name), 'utf8'));

type Grid = string[][];
function review(sources: Partial<Record<Source, { grid: Grid; map?: Record<string, string | null> }>>, monthFirst = false) {
  const loaded = Object.fromEntries(Object.entries(sources).map(([k, s]) => [k, loadSource(k, s!.grid, s!.map ?? {})])) as Partial<
    Record<Source, ReturnType<typeof loadSource>>
  >;
  const names = Object.fromEntries(Object.keys(sources).map((k) => [k, `${k}.csv`]));
  return reviewSources(loaded, names, MONTH, { ...DATES, monthFirst });
}
const checksOf = (r: ReturnType<typeof review>): CheckId[] => r.problems.map((p) => p.check);

/** ISO days from 2024-01-01 on, one per row. */
const isoDay = (i: number) => new Date(Date.UTC(2024, 0, 1 + i)).toISOString().slice(0, 10);

describe('the checks before a build', () => {
  test('the example data fires none, and every measure gets its latest number', () => {
    const r = review({
      sales: { grid: example('sales.csv') },
      feedback: { grid: example('feedback.csv') },
      reviews: { grid: example('reviews.csv') },
    });
    expect(r.problems).toEqual([]);
    expect(r.latest.map((m) => m.id)).toEqual([
      'nps',
      'csat',
      'net_comparison',
      'on_time',
      'return_rate',
      'review_response',
      'revenue',
      'margin',
      'margin_pct',
      'orders',
      'average_order_value',
    ]);
    expect(r.latest.find((m) => m.id === 'revenue')!.text).toMatch(/^Revenue, \d{4}-\d{2}: £[\d,]+ from [\d,]+ orders$/);
    expect(r.latest.every((m) => m.problem === null)).toBe(true);
  });

  test('kind: a sheet of reviews chosen as the sales (no profile: by its guessed columns)', () => {
    const r = review({ sales: { grid: example('reviews.csv') } });
    expect(r.problems).toEqual([
      {
        check: 'kind',
        source: 'sales',
        holds: 'reviews',
        column: null,
        message:
          '"sales.csv" holds online reviews, not sales data: choose it as the reviews data, and choose the sales data separately (or none)',
      },
    ]);
  });

  test('kind: a recognised export says what it is (the example feedback is a Google Forms responses sheet)', () => {
    const r = review({ sales: { grid: example('feedback.csv') } });
    expect(r.problems).toEqual([expect.objectContaining({ check: 'kind', holds: 'feedback', profile: 'Google Forms responses sheet' })]);
    expect(r.problems[0].message).toMatch(/^"sales.csv" holds a Google Forms responses sheet, customer feedback, not sales data/);
  });

  test('amount-zero: Shopify’s Discount Amount taken as the revenue (issue 11)', () => {
    const r = review({ sales: { grid: fixture('shopify-orders/orders_export.csv'), map: { amount: 'Discount Amount' } } });
    const p = r.problems.find((x) => x.check === 'amount-zero')!;
    expect(p).toMatchObject({ source: 'sales', column: 'Discount Amount' });
    expect(p.message).toMatch(
      /^"Discount Amount" is 0 on 75% of the rows that have a value: it does not look like the sales amount\. Choose the column/,
    );
  });

  test('amount-below-quantity: an amount column mostly smaller than the units sold', () => {
    const grid = [
      ['Order ID', 'Order Date', 'Net Sales', 'Qty'],
      ...Array.from({ length: 20 }, (_, i) => [`SO-${1000 + i}`, isoDay(i), String(2 + (i % 3)), String(10 + i)]),
    ];
    const r = review({ sales: { grid } });
    expect(checksOf(r)).toEqual(['amount-below-quantity']);
    expect(r.problems[0].message).toMatch(/^"Net Sales" is smaller than the quantity "Qty" on 100% of the rows/);
  });

  test('returns-over-100: refunds larger than the sales of their month', () => {
    const grid = [
      ['Order ID', 'Order Date', 'Net Sales', 'Refunded Amount'],
      ...Array.from({ length: 12 }, (_, i) => [`SO-${1000 + i}`, isoDay(i), '100', i === 3 ? '5000' : '0']),
    ];
    const r = review({ sales: { grid } });
    expect(checksOf(r)).toEqual(['returns-over-100']);
    expect(r.problems[0]).toMatchObject({
      column: 'Refunded Amount',
      message: expect.stringMatching(/^returns in 2024-01 come to 417% of sales/),
    });
  });

  test('order-value-tiny: the average order under 1% of a typical amount (amounts on a few rows only)', () => {
    const grid = [
      ['Order ID', 'Order Date', 'Net Sales'],
      ...Array.from({ length: 300 }, (_, i) => [`SO-${1000 + i}`, isoDay(i % 28), i < 2 ? '1000' : '']),
    ];
    const r = review({ sales: { grid } });
    expect(checksOf(r)).toEqual(['order-value-tiny']);
    expect(r.problems[0].message).toMatch(/^the average order would be 6\.67, under 1% of a typical "Net Sales" \(1,000\)/);
  });

  test('currency-mixed: Stripe’s Amount in the charge’s currency (USD and EUR) taken as the amount', () => {
    const r = review({ sales: { grid: fixture('stripe-payments/unified_payments.csv'), map: { amount: 'Amount' } } });
    expect(checksOf(r)).toEqual(['currency-mixed']);
    expect(r.problems[0].message).toMatch(/^"Amount" holds amounts in several currencies \(EUR, USD\)/);
  });

  test('tax-included: Xero lines whose amounts include the VAT (they add up to Total, not Total − TaxTotal)', () => {
    const grid = fixture('xero-invoices/Invoices.csv');
    const [h, ...rows] = grid;
    const line = h.indexOf('LineAmount');
    const tax = h.indexOf('TaxAmount');
    const inclusive = [h, ...rows.map((r) => r.map((c, j) => (j === line ? String(Number(r[line]) + Number(r[tax] || 0)) : c)))];
    const r = review({ sales: { grid: inclusive } });
    expect(checksOf(r)).toEqual(['tax-included']);
    expect(r.problems[0].message).toMatch(
      /^"LineAmount" adds up to the invoice's "Total" on \d+ of \d+ taxed invoices: its lines include the tax/,
    );
    expect(checksOf(review({ sales: { grid } }))).toEqual([]);
  });

  test('score-range: a referral score column outside 0–10 (Shopify’s Shipping taken as the score, issue 11)', () => {
    const grid = [['Date', 'How likely to recommend'], ...Array.from({ length: 12 }, (_, i) => [isoDay(i), i % 2 ? '12.50' : '8'])];
    const r = review({ feedback: { grid } });
    expect(checksOf(r)).toEqual(['score-range']);
    expect(r.problems[0].message).toMatch(
      /^"How likely to recommend" holds "12\.50" on row 3, and 50% of its values are not whole numbers from 0 to 10/,
    );
  });

  test('score-1-to-5: a referral score that never goes above 5', () => {
    const grid = [['Date', 'Score'], ...Array.from({ length: 25 }, (_, i) => [isoDay(i), String(1 + (i % 5))])];
    const r = review({ feedback: { grid } });
    expect(checksOf(r)).toEqual(['score-1-to-5']);
    expect(r.problems[0].message).toMatch(/^"Score" never goes above 5 in 25 answers: it looks like a 1–5 rating/);
  });

  test('rating-range: a satisfaction column mostly outside its scale', () => {
    const grid = [['Date', 'How satisfied are you?'], ...Array.from({ length: 12 }, (_, i) => [isoDay(i), String(1 + i)])];
    const r = review({ feedback: { grid } });
    expect(checksOf(r)).toEqual(['rating-range']);
    expect(r.problems[0].message).toMatch(
      /^"How satisfied are you\?" holds "6" on row 7, and 58% of its values are not satisfaction ratings from 1 to 5/,
    );
  });

  test('stars-range: a stars column that holds something else', () => {
    const grid = [['Date', 'Stars', 'Responded'], ...Array.from({ length: 12 }, (_, i) => [isoDay(i), String(10 * (i + 1)), 'yes'])];
    const r = review({ sales: { grid: example('sales.csv') }, reviews: { grid } });
    expect(checksOf(r)).toEqual(['stars-range']);
  });

  test('date-unreadable: a date column that mixes day-first and month-first', () => {
    const grid = [
      ['Date', 'Score'],
      ['13/01/2024', '9'],
      ['01/14/2024', '7'],
      ...Array.from({ length: 10 }, (_, i) => [isoDay(20 + i), '8']),
    ];
    const r = review({ feedback: { grid } });
    expect(checksOf(r)).toEqual(['date-unreadable']);
    expect(r.problems[0].message).toMatch(
      /^the dates mix day-first and month-first: row 2 \("13\/01\/2024"\) is day-first but row 3 \("01\/14\/2024"\) is month-first/,
    );
  });

  test('date-order: US dates that the locale reads day-first change meaning half-way (their order jumps)', () => {
    // Only the 1st to the 12th of each month: nothing in the column says which order it is.
    const us: string[] = [];
    for (let m = 1; m <= 6; m++) for (let d = 1; d <= 12; d++) us.push(`${String(m).padStart(2, '0')}/${String(d).padStart(2, '0')}/2024`);
    const grid = [['Date', 'Score'], ...us.map((d, i) => [d, String(i % 11)])];
    const dayFirst = review({ feedback: { grid } });
    expect(checksOf(dayFirst)).toEqual(['date-order']);
    expect(dayFirst.problems[0].message).toMatch(
      /^"Date" leaves open whether 03\/04 is 3 April or 4 March, so it is read day-first .* read month-first they run in order/,
    );
    expect(checksOf(review({ feedback: { grid } }, true))).toEqual([]);
  });

  test('every check has an id the command line accepts, and each is exercised above', () => {
    expect(CHECK_IDS).toEqual([
      'kind',
      'amount-zero',
      'amount-below-quantity',
      'returns-over-100',
      'order-value-tiny',
      'currency-mixed',
      'tax-included',
      'score-range',
      'score-1-to-5',
      'rating-range',
      'stars-range',
      'date-unreadable',
      'date-order',
    ]);
  });
});
