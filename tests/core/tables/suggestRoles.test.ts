import { ROLES, ROLE_LABELS, type Role, type RoleSuggestion, findTable, suggestRoles, tableColumns } from '../../../src/core/tables';
import { InputError } from '../../../src/core/values/errors';
import type { Cell } from '../../../src/core/values/cell';

const d = (iso: string): Date => new Date(`${iso}T00:00:00Z`);
const rolesOf = (s: RoleSuggestion[]): Record<string, Role | null> => Object.fromEntries(s.map((x) => [x.header, x.role]));
const of = (s: RoleSuggestion[], header: string): RoleSuggestion => {
  const x = s.find((y) => y.header === header);
  if (!x) throw new Error(`no column ${header}`);
  return x;
};
/** n cells from a function of the row. */
const make = (n: number, f: (i: number) => Cell): Cell[] => Array.from({ length: n }, (_, i) => f(i));

const CUSTOMERS = [
  'Brookfield Construction Ltd',
  'Ashworth, Booth & Co',
  'Pioneer Catering Ltd',
  'Granite Dental Ltd',
  'Marlow Electrical plc',
  'Cobalt Leisure Ltd',
  'Saxon Facilities plc',
  'Wessex Dental Ltd',
  'Riverside Packaging Ltd',
  'Newbury Brewing LLP',
  'Castle Construction LLP',
  'Meridian Facilities Ltd',
];
const REPS = ['Priya Shah', 'Sarah Lewis', 'Daniel Okafor', "Gemma O'Neill", 'Tom Whitaker'];
const LABELS = ['Very satisfied', 'Satisfied', 'Neutral', 'Dissatisfied', 'Very dissatisfied'];
const COMPARE = ['Better', 'About the same', 'Worse'];
const COMMENTS = [
  'Deliveries often late',
  'Had to chase a "next day" delivery for a week',
  '',
  'Prices went up with little notice',
  'Credit notes take weeks',
  '',
];

describe('ROLES', () => {
  it('lists the 21 roles, each with a label for managers', () => {
    expect(ROLES).toHaveLength(21);
    for (const r of ROLES) expect(ROLE_LABELS[r].length).toBeGreaterThan(3);
  });
  it('a discount column is the discount, never the amount; a discount code is neither', () => {
    const money = make(30, (i) => `£${(100 + i * 7).toFixed(2)}`);
    const off = make(30, (i) => (i % 3 === 0 ? 0 : 5 + i).toFixed(2));
    const s = suggestRoles(
      ['Net Sales (£)', 'Discount Amount', 'Discount Code'],
      [money, off, make(30, (i) => (i % 2 ? 'HOLIDAY15' : ''))],
    );
    expect(rolesOf(s)).toEqual({ 'Net Sales (£)': 'amount', 'Discount Amount': 'discount', 'Discount Code': null });
    for (const h of ['Discount (£)', 'Lineitem discount', 'Discounts', 'Markdown']) {
      expect(rolesOf(suggestRoles(['Net Sales', h], [money, off]))[h]).toBe('discount');
    }
  });
});

describe('suggestRoles', () => {
  const N = 60;
  const sales = (): { headers: string[]; columns: Cell[][] } => ({
    headers: [
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
    ],
    columns: [
      make(N, (i) => `SO-${104201 + Math.floor(i / 2)}`),
      make(N, (i) => `${String((i % 28) + 1).padStart(2, '0')}/0${(i % 9) + 1}/2026`),
      make(N, (i) => CUSTOMERS[i % CUSTOMERS.length]),
      make(N, (i) => REPS[i % REPS.length]),
      make(N, (i) => (i % 8 === 0 ? 1234.5 + i : `£${(1000 + i * 37.25).toLocaleString('en-GB', { minimumFractionDigits: 2 })}`)),
      make(N, (i) => 300 + i * 1.13),
      make(N, (i) => 1 + ((i * 7) % 200)),
      make(N, (i) => (i % 10 === 0 ? 2 : 0)),
      make(N, (i) => `2026-0${(i % 9) + 1}-${String((i % 20) + 5).padStart(2, '0')}`),
      make(N, (i) => (i > N - 5 ? '' : d(`2026-0${(i % 9) + 1}-${String((i % 20) + 6).padStart(2, '0')}`))),
    ],
  });

  it('maps a sales export', () => {
    const { headers, columns } = sales();
    const s = suggestRoles(headers, columns);
    expect(rolesOf(s)).toEqual({
      'Order ID': 'order_id',
      'Order Date': 'date',
      Customer: 'customer',
      'Sales Rep': 'rep',
      'Net Sales (£)': 'amount',
      'Cost (£)': 'cost',
      Qty: 'quantity',
      'Returned Qty': 'returned',
      'Promised Date': 'promised_date',
      'Delivered Date': 'delivered_date',
    });
    for (const x of s) expect(x.confidence).toBeGreaterThanOrEqual(0.9);
    expect(of(s, 'Net Sales (£)').why).toBe('header "Net Sales (£)" mentions "net sales"; 100% of values are amounts');
    expect(of(s, 'Promised Date').alternatives[0]).toEqual({ role: 'date', confidence: 0.6 });
  });

  it('maps a feedback export from a Google Form', () => {
    const headers = [
      'Timestamp',
      'Customer',
      'Role',
      'How likely are you to recommend us to a colleague?',
      'Compared with others in our industry, are we better, about the same, or worse?',
      'How satisfied are you overall?',
      'What satisfies you most?',
      'What dissatisfies you?',
    ];
    const columns = [
      make(N, (i) => `2026-01-${String((i % 28) + 1).padStart(2, '0')} 14:02:11`),
      make(N, (i) => (i % 30 === 0 ? '' : CUSTOMERS[i % CUSTOMERS.length])),
      make(N, (i) => ['Decision maker', 'Day-to-day user', 'Purchasing', 'Technical'][i % 4]),
      make(N, (i) => (i === 3 ? '10 - Extremely likely' : i === 7 ? '0 - Not at all likely' : i % 11)),
      make(N, (i) => COMPARE[i % 3]),
      make(N, (i) => LABELS[i % 5]),
      make(N, (i) => ['Fast delivery', 'Good prices', 'Stock is nearly always available', ''][i % 4]),
      make(N, (i) => COMMENTS[i % COMMENTS.length]),
    ];
    const s = suggestRoles(headers, columns);
    expect(s.map((x) => x.role)).toEqual([
      'date',
      'customer',
      'role',
      'referral_score',
      'comparison',
      'satisfaction',
      'comment',
      'comment',
    ]);
    expect(of(s, headers[3]).why).toMatch(/mentions "recommend"; 100% of values are whole numbers from 0 to 10/);
    expect(of(s, 'What dissatisfies you?').why).toMatch(/is an open question; 100% of values are free text/);
  });

  it('maps a reviews export', () => {
    const s = suggestRoles(
      ['Date', 'Stars', 'Review', 'Responded'],
      [
        make(N, (i) => `Oct ${(i % 28) + 1}, 2026`),
        make(N, (i) => (i % 5) + 1),
        make(N, (i) => ['Excellent, always on time!', 'Late and nobody called.', 'Good service, will order again.'][i % 3]),
        make(N, (i) => ['Yes', 'No', ''][i % 3]),
      ],
    );
    expect(s.map((x) => x.role)).toEqual(['date', 'stars', 'comment', 'responded']);
  });

  it('lets values rescue vague headers, with lower confidence', () => {
    const s = suggestRoles(
      ['Q1', 'Q2', 'Q3', 'Field 4', 'Column E'],
      [
        make(N, (i) => COMPARE[i % 3]),
        make(N, (i) => LABELS[i % 5]),
        make(N, (i) => i % 11),
        make(N, (i) => d(`2026-02-${String((i % 28) + 1).padStart(2, '0')}`)),
        make(N, (i) => ['The driver was rude and left the pallet outside.', 'Invoices are always wrong, please fix this!'][i % 2]),
      ],
    );
    expect(s.map((x) => x.role)).toEqual(['comparison', 'satisfaction', 'referral_score', 'date', 'comment']);
    for (const x of s) {
      expect(x.confidence).toBeLessThanOrEqual(0.5);
      expect(x.why).toMatch(/names no role we know; 100% of values/);
    }
  });

  it('prefers the header words when they agree with the values', () => {
    // Both columns hold money; only one header says so.
    const s = suggestRoles(['Amount', 'Other'], [make(N, (i) => `£${i + 10}.50`), make(N, (i) => `£${i + 20}.00`)]);
    expect(s.map((x) => x.role)).toEqual(['amount', null]);
    expect(of(s, 'Other').why).toMatch(/another column fits that better/);
  });

  it('gives each role to one column only, the most confident, and says why the other got none', () => {
    const s = suggestRoles(
      ['Invoice Date', 'Order Date', 'Notes'],
      [
        make(N, () => '2026-01-01'),
        make(N, (i) => (i % 2 ? 'soon' : '2026-01-02')),
        make(N, () => 'Call before delivery, gate code 1234.'),
      ],
    );
    expect(s.map((x) => x.role)).toEqual(['date', null, 'comment']);
    expect(s[1].alternatives[0].role).toBe('date');
  });

  it('reads "satisfaction" in a header over "customer" when the values are satisfaction labels', () => {
    const s = suggestRoles(['Customer satisfaction', 'Account'], [make(N, (i) => LABELS[i % 5]), make(N, (i) => CUSTOMERS[i % 12])]);
    expect(s.map((x) => x.role)).toEqual(['satisfaction', 'customer']);
  });

  it('tells a rep from a customer by the header words', () => {
    const s = suggestRoles(
      ['Account Manager', 'Account', 'Invoice #', 'Revenue'],
      [make(N, (i) => REPS[i % 5]), make(N, (i) => CUSTOMERS[i % 12]), make(N, (i) => 5000 + i), make(N, (i) => 100 + i)],
    );
    expect(s.map((x) => x.role)).toEqual(['rep', 'customer', 'order_id', 'amount']);
  });

  it('tells 0-10 scores from 1-5 stars under a vague "Score" header', () => {
    expect(suggestRoles(['Score'], [make(N, (i) => i % 11)])[0].role).toBe('referral_score');
    expect(suggestRoles(['Rating'], [make(N, (i) => (i % 5) + 1)])[0].role).toBe('stars');
  });

  it('reads dates given as Sheets serial numbers when the header says date', () => {
    const s = suggestRoles(['Ship Date'], [make(N, (i) => 46000 + i)]);
    expect(s[0].role).toBe('delivered_date');
    expect(s[0].why).toMatch(/100% of values are dates/);
  });

  it('keeps a header-only guess for an empty column, at half confidence', () => {
    const s = suggestRoles(['Delivered Date'], [make(N, () => '')]);
    expect(s[0]).toMatchObject({
      role: 'delivered_date',
      confidence: 0.5,
      why: 'header "Delivered Date" mentions "delivered"; the column is empty',
    });
  });

  it('says so when the header matches but the values do not', () => {
    const s = suggestRoles(['Order Date'], [make(N, (i) => (i < 5 ? '2026-01-01' : 'next week'))]);
    expect(s[0].why).toMatch(/mentions "order date", but only 8% of values are dates/);
  });

  it('suggests nothing for a column it cannot place', () => {
    const s = suggestRoles(['Widget colour'], [make(N, (i) => ['Red', 'Blue'][i % 2])]);
    expect(s[0]).toMatchObject({ role: null, confidence: 0 });
    expect(s[0].why).toMatch(/names no role we know, and its values fit none well/);
  });

  it('understands common header words', () => {
    const cases: [string, Role][] = [
      ['Invoice Date', 'date'],
      ['Order #', 'order_id'],
      ['Invoice No', 'order_id'],
      ['Client', 'customer'],
      ['Salesperson', 'rep'],
      ['Owner', 'rep'],
      ['Revenue', 'amount'],
      ['COGS', 'cost'],
      ['Gross Profit', 'margin'],
      ['Units', 'quantity'],
      ['Returns', 'returned'],
      ['Due Date', 'promised_date'],
      ['Shipped', 'delivered_date'],
      ['NPS', 'referral_score'],
      ['CSAT', 'satisfaction'],
      ['How do we compare with competitors?', 'comparison'],
      ['Feedback', 'comment'],
      ['Job Title', 'role'],
      ['Star rating', 'stars'],
      ['Reply', 'responded'],
      ['Margin %', 'margin'],
    ];
    for (const [header, role] of cases) {
      expect([header, suggestRoles([header], [[]])[0].role]).toEqual([header, role]);
    }
  });

  it('works from a found table', () => {
    const grid: Cell[][] = [
      ['Sales export', '', ''],
      ['Order Date', 'Customer', 'Net Sales (£)'],
      [d('2026-01-02'), 'Granite Dental Ltd', 120],
      [d('2026-01-03'), 'Cobalt Leisure Ltd', '£1,200.00'],
      ['', 'Total', '£1,320.00'],
    ];
    const t = findTable(grid);
    expect(suggestRoles(t.headers, tableColumns(grid, t)).map((x) => x.role)).toEqual(['date', 'customer', 'amount']);
  });

  it('fails clearly when names and columns do not pair up', () => {
    expect(() => suggestRoles(['Date', 'Amount'], [[]])).toThrow(InputError);
    expect(() => suggestRoles(['Date', 'Amount'], [[]])).toThrow('2 column names but 1 columns of values; give one name per column');
  });
});

test('a survey sheet no profile knows is dated by its response time, not its start or stage date (issue 11)', () => {
  const dates = ['2024-10-01 10:00:00', '2024-10-02 11:00:00', '2024-10-03 12:00:00'];
  const s = suggestRoles(
    ['Start Date', 'Stage Date', 'Submit Date', 'How likely are you to recommend us?'],
    [dates, ['', '', dates[2]], dates, [9, 7, 10]],
  );
  expect(s.map((x) => x.role)).toEqual([null, null, 'date', 'referral_score']);
  const e = suggestRoles(['Start Date', 'End Date', 'Score'], [dates, dates, [9, 7, 10]]);
  expect(e.find((x) => x.role === 'date')?.header).toBe('End Date');
});
