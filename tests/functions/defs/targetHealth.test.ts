import { errorOf, run } from '../helpers';

type Table = (string | number)[][];

/** A whole September: a sale of 100 every day to the 23rd and three a day in its last 7 days, two reps taking turns. */
function september(): { d: unknown[][]; a: unknown[][]; back: unknown[][]; qty: unknown[][]; off: unknown[][]; rep: unknown[][] } {
  const d: unknown[][] = [['Date']];
  const a: unknown[][] = [['Amount']];
  const back: unknown[][] = [['Returned']];
  const qty: unknown[][] = [['Qty']];
  const off: unknown[][] = [['Discount']];
  const rep: unknown[][] = [['Rep']];
  for (let day = 1; day <= 30; day++) {
    const late = day >= 24;
    for (let k = 0; k < (late ? 3 : 1); k++) {
      d.push([`2026-09-${String(day).padStart(2, '0')}`]);
      a.push([late ? '£90.00' : 95]);
      back.push([late && k < 2 ? 'yes' : '']);
      qty.push([10]);
      off.push([late ? 10 : 5]);
      rep.push([(day + k) % 2 ? 'Ann' : 'Bob']);
    }
  }
  return { d, a, back, qty, off, rep };
}

describe('TARGET_HEALTH: every side effect of targets, per period and per rep', () => {
  test('the header, and a pushed month with its returns and discounts, team and reps', () => {
    const { d, a, back, off, rep } = september();
    const out = run('TARGET_HEALTH', d, a, 'month', 7, back, '', off, '', rep) as Table;
    expect(out[0]).toEqual([
      'Period',
      'Rep',
      'Sales',
      'Share in last days',
      'Expected share',
      'Spike ratio',
      'Returned, last days',
      'Returned, rest',
      'Discount, last days',
      'Discount, rest',
      'Next start ratio',
      'Target',
      'Target reached',
      'Daily sales before',
      'Daily sales after',
      'Target rise',
      'Flags',
      'Finding',
    ]);
    expect(out.map((r) => `${r[0]} ${r[1]}`)).toEqual(['Period Rep', '2026-09 All', '2026-09 Ann', '2026-09 Bob']);
    const [, team] = out;
    // 23 · 95 + 21 · 90 = 4075 sold; 1890 of it in 24–30 September.
    expect(team[2]).toBe(4075);
    expect(team[3]).toBeCloseTo(1890 / 4075, 15);
    expect(team[4]).toBeCloseTo(7 / 30, 15);
    expect(team[5]).toBeCloseTo(1890 / 4075 / (7 / 30), 12);
    // Returned by value (yes/no): 14 of the 21 last-week sales, 1260 of 1890; none before.
    expect(team[6]).toBeCloseTo(1260 / 1890, 15);
    expect(team[7]).toBe(0);
    // Discount: 210 off 2100 list in the last week; 115 off 2300 before.
    expect(team[8]).toBeCloseTo(210 / 2100, 15);
    expect(team[9]).toBeCloseTo(115 / 2300, 15);
    expect(team.slice(10, 16)).toEqual(['', '', '', '', '', '']);
    expect(team[16]).toBe('End-of-period push, Returns after push, Discounting at the end');
    expect(team[17]).toBe(
      "2026-09: 46% of the month's sales came in its last 7 days, 2.0× the even share; 67% of what was sold then came back, " +
        'against 0% of the rest; those sales were 10% off list, against 5% for the rest of the month.',
    );
    // Ann's and Bob's rows add up to the team's.
    expect((out[2][2] as number) + (out[3][2] as number)).toBe(4075);
    expect((out[2][3] as number) * (out[2][2] as number) + (out[3][3] as number) * (out[3][2] as number)).toBeCloseTo(1890, 9);
  });

  test('targets: coasting, the target reached, daily sales before and after', () => {
    const { d, a } = september();
    const targets = [
      ['', '2026-09'],
      ['All', 1000],
    ];
    const out = run('TARGET_HEALTH', d, a, 'month', 7, '', '', '', '', '', targets) as Table;
    // 95 a day: 1000 is reached on the 11th (1045).
    expect(out[1].slice(11, 16)).toEqual([1000, '2026-09-11', 95, (4075 - 1045) / 19, '']);
    expect(run('TARGET_HEALTH', d, a, 'month', 7, '', '', '', '', '', [['2026-09'], [99999]])).toMatchObject([
      expect.anything(),
      expect.arrayContaining(['Not reached']),
    ]);
  });

  test('returns in units against sold; a partial period is marked', () => {
    const { d, a, qty } = september();
    const back = d.map((_, i) => (i === 0 ? ['Returned qty'] : [i % 4 === 0 ? 2 : 0]));
    const cut = (x: unknown[][]) => x.slice(0, -3); // the sales of 30 September left out
    const out = run('TARGET_HEALTH', cut(d), cut(a), 'month', 7, cut(back), cut(qty)) as Table;
    expect(out[1][16]).toBe('Partial period');
    expect(out[1][17]).toBe('');
    expect(typeof out[1][6]).toBe('number');
  });

  test('clear errors', () => {
    const { d, a, back, qty, off } = september();
    expect(errorOf(() => run('TARGET_HEALTH', d, a, 'month', 7, '', qty)).message).toBe(
      'TARGET_HEALTH: sold is what returned counts against; give returned too, or leave sold out',
    );
    expect(errorOf(() => run('TARGET_HEALTH', d, a, 'month', 7, '', '', '', 'rate')).message).toBe(
      'TARGET_HEALTH: discount_is says how the discount column is written; give discount too',
    );
    expect(errorOf(() => run('TARGET_HEALTH', d, a, 'month', 7, '', '', off, 'fraction of gross')).message).toBe(
      'TARGET_HEALTH: argument discount_is is "fraction of gross"; give "amount", "rate", "percent" or "list"',
    );
    expect(errorOf(() => run('TARGET_HEALTH', d, a, 'month', 7, back.slice(1))).message).toBe(
      'TARGET_HEALTH: dates has 45 cells but returned has 44; give ranges of the same size, e.g. A2:A500 and D2:D500',
    );
    expect(errorOf(() => run('TARGET_HEALTH', [[''], ['']], [[1], [2]])).message).toBe(
      'TARGET_HEALTH: no sale has a date; check that dates and amounts are the same rows',
    );
    expect(errorOf(() => run('TARGET_HEALTH', d, a, 'month', 7, '', '', '', '', '', [['2026-Q3'], [5]])).message).toBe(
      'TARGET_HEALTH: targets row 1, column 1 is "2026-Q3", a label of quarters, but the periods are months; label the targets as PERIODS writes them for the same periods, e.g. 2026-01',
    );
    expect(errorOf(() => run('TARGET_HEALTH', d, a, 'week', 7)).message).toBe(
      'TARGET_HEALTH: last_days 7 is as long as a week; choose fewer days',
    );
  });

  test('discount_is reads rates and list values', () => {
    const { d, a } = september();
    const rate = d.map((_, i) => (i === 0 ? ['Disc %'] : ['5%']));
    const out = run('TARGET_HEALTH', d, a, 'month', 7, '', '', rate, 'rate') as Table;
    expect(out[1][8]).toBeCloseTo(0.05, 15);
    expect(out[1][9]).toBeCloseTo(0.05, 15);
    const list = a.map((r, i) => (i === 0 ? ['List'] : [100]));
    const byList = run('TARGET_HEALTH', d, a, 'month', 7, '', '', list, 'list price') as Table;
    expect(byList[1][8]).toBeCloseTo(0.1, 15);
    expect(byList[1][9]).toBeCloseTo(0.05, 15);
  });
});
