/**
 * The whole-range lead measures against their native-formula equivalents on random data.
 *
 * Native formulas ignore text that looks like a number ("9", "£1,234") while the add-on reads it,
 * so where both sides must agree the native engine gets clean numbers. Where the add-on reads a
 * spelling the engine cannot (labelled NPS answers, CSAT labels, star ratings as text, yes/no
 * variants, dates as text or Date cells), the add-on gets that spelling and the engine the plain
 * value it stands for.
 */
import fc from 'fast-check';
import type { Cell } from '../../src/core/values/cell';
import {
  CTX_US,
  DATE_FORMATS,
  addonNumber,
  addonTable,
  column,
  ctxFor,
  expectClose,
  lit,
  spell,
  toNative,
  uniform,
  withSheet,
} from './engine';

/** Cells from `value`, about one in six blank (""), with at least one value. */
function withBlanks<T extends Cell>(value: fc.Arbitrary<T>, maxLength = 80): fc.Arbitrary<Cell[]> {
  return fc
    .array(fc.oneof({ weight: 5, arbitrary: value }, { weight: 1, arbitrary: fc.constant('' as Cell) }), { minLength: 1, maxLength })
    .filter((cells) => cells.some((c) => c !== ''));
}

const score = fc.integer({ min: 0, max: 10 });

describe('NPS = 100*(COUNTIF(r,">=9")-COUNTIF(r,"<=6"))/COUNT(r)', () => {
  it('agrees on scores with blanks (and a header row: text, which COUNT ignores too)', () => {
    fc.assert(
      fc.property(withBlanks(score), fc.boolean(), (cells, header) => {
        const range = header ? ['Score', ...cells] : cells;
        const want = withSheet({ r: toNative(range) }, (s) => s.num('100*(COUNTIF({r},">=9")-COUNTIF({r},"<=6"))/COUNT({r})'));
        expectClose(addonNumber('NPS', [column(range)]), want, `NPS(${JSON.stringify(range)})`);
      }),
    );
  });

  it('reads labelled answers ("10 - Extremely likely", "9/10", " 7 ") as the numbers the engine gets', () => {
    // Survey tools export labelled answers; native COUNTIF ignores them, so the engine gets the number.
    const spellings = (n: number): Cell[] => [
      n,
      ` ${n} `,
      `${n}/10`,
      `${n} out of 10`,
      n === 10 ? '10 - Extremely likely' : n === 0 ? '0 (Not at all likely)' : `${n}`,
    ];
    const spelled = fc.tuple(score, fc.nat()).map(([n, k]) => ({ n, text: spellings(n)[k % 5] }));
    fc.assert(
      fc.property(fc.array(fc.option(spelled, { nil: undefined, freq: 6 }), { minLength: 1, maxLength: 60 }), (rows) => {
        fc.pre(rows.some((r) => r !== undefined));
        const nums: Cell[] = rows.map((r) => (r === undefined ? '' : r.n));
        const texts: Cell[] = rows.map((r) => (r === undefined ? '' : r.text));
        const want = withSheet({ r: toNative(nums) }, (s) => s.num('100*(COUNTIF({r},">=9")-COUNTIF({r},"<=6"))/COUNT({r})'));
        expectClose(addonNumber('NPS', [column(texts)]), want, `NPS(${JSON.stringify(texts)})`);
      }),
    );
  });

  it('agrees on a range several columns wide', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 4 }), withBlanks(score, 60), (width, cells) => {
        const rows: Cell[][] = [];
        for (let i = 0; i < cells.length; i += width) rows.push(Array.from({ length: width }, (_, j) => cells[i + j] ?? ''));
        // The engine gets the same cells as one column: COUNTIF over a block counts the same cells.
        const flat = rows.flat();
        const want = withSheet({ r: toNative(flat) }, (s) => s.num('100*(COUNTIF({r},">=9")-COUNTIF({r},"<=6"))/COUNT({r})'));
        expectClose(addonNumber('NPS', [rows]), want, `NPS(${JSON.stringify(rows)})`);
      }),
    );
  });
});

describe('NPS_DETAIL against the adjusted-Wald arithmetic of DOMAIN.md as a native formula', () => {
  const COUNTS = ['COUNT({r})', 'COUNTIF({r},">=9")', 'COUNTIFS({r},">=7",{r},"<=8")', 'COUNTIF({r},"<=6")'];

  /**
   * n' = n+3, p = (P+0.75)/n', d = (D+0.75)/n', se = SQRT((p+d-(p-d)^2)/n'), margin = 100*z*se,
   * interval 100*(p-d) ± margin clipped to [-100, 100]; with the counts written in.
   */
  function native(n: number, P: number, D: number, z: string): string[] {
    const n1 = `(${n}+3)`;
    const p = `((${P}+0.75)/${n1})`;
    const d = `((${D}+0.75)/${n1})`;
    const margin = `100*${z}*SQRT((${p}+${d}-(${p}-${d})^2)/${n1})`;
    return [`100*(${P}-${D})/${n}`, margin, `MAX(-100,100*(${p}-${d})-${margin})`, `MIN(100,100*(${p}-${d})+${margin})`];
  }

  it('agrees on counts, NPS, margin of error and interval at any confidence level', () => {
    const level = fc.oneof(fc.constantFrom(0.8, 0.9, 0.95, 0.99), uniform(0.5, 0.9999));
    fc.assert(
      fc.property(withBlanks(score), level, (cells, confidence) => {
        const table = addonTable('NPS_DETAIL', [column(cells), confidence]);
        const what = `NPS_DETAIL(${JSON.stringify(cells)}, ${confidence})`;
        withSheet({ r: toNative(cells) }, (s) => {
          const counts = s.nums(COUNTS);
          const [n, P, , D] = counts;
          const want = [...counts, ...s.nums(native(n, P, D, `NORM.S.INV((1+${lit(confidence)})/2)`))];
          const names = ['responses', 'promoters', 'passives', 'detractors', 'NPS', 'margin of error', 'low', 'high'];
          names.forEach((name, i) => expectClose(table[1][i], want[i], `${what} ${name}`));
        });
      }),
    );
  });

  /**
   * DOMAIN.md: z is the exact quantile Φ⁻¹(0.975) = 1.959963984540054 for 95%, never a rounded constant.
   * NPS_DETAIL at its default level, NPS_BY_PERIOD (periods.test.ts) and the scorecard all use it.
   */
  it('agrees with the literal z = 1.959963984540054 of DOMAIN.md at the default level', () => {
    fc.assert(
      fc.property(withBlanks(score), (cells) => {
        const table = addonTable('NPS_DETAIL', [column(cells)]);
        const want = withSheet({ r: toNative(cells) }, (s) => {
          const [n, P, , D] = s.nums(COUNTS);
          return s.num(native(n, P, D, '1.959963984540054')[1]);
        });
        expectClose(table[1][5], want, `NPS_DETAIL(${JSON.stringify(cells)}) margin of error`, 1e-12);
      }),
    );
  });
});

describe('CSAT = COUNTIF(r,">=4")/COUNT(r)', () => {
  it('agrees on a 5-point scale with blanks', () => {
    fc.assert(
      fc.property(withBlanks(fc.integer({ min: 1, max: 5 })), (cells) => {
        const want = withSheet({ r: toNative(cells) }, (s) => s.num('COUNTIF({r},">=4")/COUNT({r})'));
        expectClose(addonNumber('CSAT', [column(cells)]), want, `CSAT(${JSON.stringify(cells)})`);
      }),
    );
  });

  it('agrees on a 10-point scale with top_box 3 (COUNTIF(r,">=8")/COUNT(r))', () => {
    fc.assert(
      fc.property(withBlanks(fc.integer({ min: 1, max: 10 })), (cells) => {
        const want = withSheet({ r: toNative(cells) }, (s) => s.num('COUNTIF({r},">=8")/COUNT({r})'));
        expectClose(addonNumber('CSAT', [column(cells), 10, 3]), want, `CSAT(${JSON.stringify(cells)}, 10, 3)`);
      }),
    );
  });

  it('agrees on any scale and top box', () => {
    const args = fc
      .integer({ min: 2, max: 11 })
      .chain((scale) =>
        fc.tuple(fc.constant(scale), fc.integer({ min: 1, max: scale - 1 }), withBlanks(fc.integer({ min: 1, max: scale }))),
      );
    fc.assert(
      fc.property(args, ([scale, top, cells]) => {
        const want = withSheet({ r: toNative(cells) }, (s) => s.num(`COUNTIF({r},">=${scale - top + 1}")/COUNT({r})`));
        expectClose(addonNumber('CSAT', [column(cells), scale, top]), want, `CSAT(${JSON.stringify(cells)}, ${scale}, ${top})`);
      }),
    );
  });

  it('reads the five labels as the numbers the engine gets', () => {
    const LABELS = ['Very dissatisfied', 'DISSATISFIED', 'Neutral', 'satisfied', 'Very Satisfied'];
    fc.assert(
      fc.property(withBlanks(fc.integer({ min: 1, max: 5 })), (nums) => {
        const labels = nums.map((n) => (n === '' ? '' : LABELS[(n as number) - 1]));
        const want = withSheet({ r: toNative(nums) }, (s) => s.num('COUNTIF({r},">=4")/COUNT({r})'));
        expectClose(addonNumber('CSAT', [column(labels)]), want, `CSAT(${JSON.stringify(labels)})`);
      }),
    );
  });
});

describe('NET_COMPARISON = (COUNTIF(r,"Better")-COUNTIF(r,"Worse"))/COUNTA(r)', () => {
  it('agrees on the three answers in any case, with blanks', () => {
    const answer = fc.constantFrom('Better', 'better', 'BETTER', 'About the same', 'about the same', 'Worse', 'worse');
    fc.assert(
      fc.property(withBlanks(answer), (cells) => {
        const want = withSheet({ r: toNative(cells) }, (s) => s.num('(COUNTIF({r},"Better")-COUNTIF({r},"Worse"))/COUNTA({r})'));
        expectClose(addonNumber('NET_COMPARISON', [column(cells)]), want, `NET_COMPARISON(${JSON.stringify(cells)})`);
      }),
    );
  });

  it('agrees with wildcard criteria on longer answers ("Much better", "A bit worse")', () => {
    const answer = fc.constantFrom(
      'Much better',
      'A little better',
      'Better',
      'About the same',
      'The same',
      'A bit worse',
      'Much worse than others',
    );
    fc.assert(
      fc.property(withBlanks(answer), (cells) => {
        const want = withSheet({ r: toNative(cells) }, (s) => s.num('(COUNTIF({r},"*better*")-COUNTIF({r},"*worse*"))/COUNTA({r})'));
        expectClose(addonNumber('NET_COMPARISON', [column(cells)]), want, `NET_COMPARISON(${JSON.stringify(cells)})`);
      }),
    );
  });
});

describe('RETURN_RATE = SUM(ret)/SUM(sold)', () => {
  it('agrees on quantities and on money, with blank returns', () => {
    const money = fc.integer({ min: 1, max: 5_000_000 }).map((c) => c / 100);
    const quantity = fc.integer({ min: 1, max: 500 });
    // Each row: what was sold and, mostly, a part of it returned (blank = none returned).
    const row = fc.tuple(fc.oneof(quantity, money), fc.oneof(fc.constant(null), uniform(0, 1)));
    const rows = fc
      .array(row, { minLength: 1, maxLength: 80 })
      .map((rs) => rs.map(([sold, part]): [Cell, Cell] => [sold, part === null ? '' : Math.round(part * sold * 100) / 100]));
    fc.assert(
      fc.property(rows, (rs) => {
        const sold = rs.map((r) => r[0]);
        const ret = rs.map((r) => r[1]);
        const want = withSheet({ sold: toNative(sold), ret: toNative(ret) }, (s) => s.num('SUM({ret})/SUM({sold})'));
        expectClose(
          addonNumber('RETURN_RATE', [column(sold), column(ret)]),
          want,
          `RETURN_RATE(${JSON.stringify(sold)}, ${JSON.stringify(ret)})`,
        );
      }),
    );
  });
});

// DOMAIN.md: orders due = delivered ones, and undelivered ones whose promised day is before the latest date.
const DUE = '(COUNT({deliv})+SUMPRODUCT(({deliv}="")*(INT({prom})<INT(MAX({prom},{deliv})))))';

describe('ONTIME_RATE = SUMPRODUCT((deliv<>"")*(INT(deliv)<=INT(prom))) / orders due', () => {
  const orders = fc
    .array(
      fc.record({
        promised: fc.integer({ min: 45000, max: 47000 }),
        late: fc.integer({ min: -6, max: 6 }),
        delivered: fc.boolean(),
      }),
      { minLength: 1, maxLength: 80 },
    )
    .filter((os) => os.some((o) => o.delivered));

  it('agrees on whole-day serials given to the add-on as serials, ISO, day-first or month-first text, or Date cells', () => {
    fc.assert(
      fc.property(orders, fc.constantFrom(...DATE_FORMATS), (os, format) => {
        const prom = os.map((o) => o.promised);
        const deliv = os.map((o) => (o.delivered ? o.promised + o.late : null));
        const want = withSheet({ prom, deliv }, (s) => s.num(`SUMPRODUCT(({deliv}<>"")*({deliv}<={prom}))/${DUE}`));
        const p = prom.map((d) => spell(d, format));
        const d = deliv.map((x) => (x === null ? '' : spell(x, format)));
        expectClose(
          addonNumber('ONTIME_RATE', [column(p), column(d)], ctxFor(format)),
          want,
          `ONTIME_RATE(${JSON.stringify(p)}, ${JSON.stringify(d)}) [${format}]`,
        );
      }),
    );
  });

  /**
   * DOMAIN.md compares the delivery *day* with the promised day: delivered at 15:00 on the
   * promised day is on time. A bare deliv<=prom would call it late, so with times of day the
   * native side compares INT() of the serials.
   */
  it('compares days, not times of day (INT(deliv)<=INT(prom))', () => {
    const withTimes = fc.tuple(orders, fc.array(fc.integer({ min: 0, max: 23 }), { minLength: 80, maxLength: 80 }));
    fc.assert(
      fc.property(withTimes, ([os, hours]) => {
        const prom = os.map((o) => o.promised);
        const deliv = os.map((o, i) => (o.delivered ? o.promised + o.late + hours[i] / 24 : null));
        const want = withSheet({ prom, deliv }, (s) => s.num(`SUMPRODUCT(({deliv}<>"")*(INT({deliv})<=INT({prom})))/${DUE}`));
        const d = deliv.map((x) => (x === null ? '' : x));
        expectClose(
          addonNumber('ONTIME_RATE', [column(prom), column(d)]),
          want,
          `ONTIME_RATE(${JSON.stringify(prom)}, ${JSON.stringify(d)})`,
        );
      }),
    );
  });

  it('a month-first column is read month first in a US spreadsheet (CTX_US) and by its evidence', () => {
    // 01/02/2026 alone is ambiguous; with 01/13/2026 in the column it is January 2 anywhere.
    const p = ['01/02/2026', '01/13/2026'];
    const d = ['01/03/2026', '01/13/2026'];
    expect(addonNumber('ONTIME_RATE', [column(p), column(d)], CTX_US)).toBe(0.5);
  });
});

describe('REVIEW_RESPONSE_RATE = COUNTIFS(stars,"<="&low,resp,"yes")/COUNTIFS(stars,"<="&low)', () => {
  // Each answer as the engine gets it (yes/no or blank) and the spellings the add-on reads as it.
  const YES: Cell[] = ['yes', 'Yes', 'y', 'TRUE', true, 1, '✓', 'Thanks for telling us, we have refunded you.'];
  const NO: Cell[] = ['', 'no', 'No', 'n', 'FALSE', false, 0, 'pending'];
  const review = fc.record({
    // Whole and half stars; blank now and then.
    stars: fc.oneof(
      { weight: 6, arbitrary: fc.integer({ min: 2, max: 10 }).map((h) => h / 2) },
      { weight: 1, arbitrary: fc.constant(null) },
    ),
    answered: fc.boolean(),
    spelling: fc.nat(),
  });

  it('agrees for any low_max, with the stars and the responses spelled many ways', () => {
    fc.assert(
      fc.property(
        fc.array(review, { minLength: 1, maxLength: 80 }),
        fc.integer({ min: 2, max: 8 }).map((h) => h / 2),
        (rs, low) => {
          fc.pre(rs.some((r) => r.stars !== null && r.stars <= low));
          const stars = rs.map((r) => r.stars);
          const resp = rs.map((r) => (r.answered ? 'yes' : r.spelling % 2 ? 'no' : null));
          const spelled = rs.map((r) => (r.answered ? YES : NO)[r.spelling % 8]);
          // Whole stars as pasted: 2, "2/5", "2 stars", ★★☆☆☆; the engine gets the number.
          const starText = rs.map((r): Cell => {
            const x = r.stars;
            if (x === null) return '';
            if (!Number.isInteger(x)) return x;
            return [x, `${x}/5`, `${x} stars`, '★'.repeat(x) + '☆'.repeat(5 - x)][(r.spelling >> 3) % 4];
          });
          const want = withSheet({ stars, resp }, (s) => s.num(`COUNTIFS({stars},"<=${low}",{resp},"yes")/COUNTIFS({stars},"<=${low}")`));
          expectClose(
            addonNumber('REVIEW_RESPONSE_RATE', [column(starText), column(spelled), low]),
            want,
            `REVIEW_RESPONSE_RATE(${JSON.stringify(starText)}, ${JSON.stringify(spelled)}, ${low})`,
          );
        },
      ),
    );
  });
});
