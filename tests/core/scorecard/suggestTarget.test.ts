import fc from 'fast-check';
import { SUGGEST_MIN, measureBounds, suggestTarget } from '../../../src/core/scorecard/suggestTarget';
import { MEASURES, measureInfo } from '../../../src/core/scorecard/measures';

const nps = measureInfo('nps')!;
const returns = measureInfo('return_rate')!;
const revenue = measureInfo('revenue')!;

describe('a target suggested from the history', () => {
  test('the median of the last 6 periods, one typical step better', () => {
    // Last 6: 40 42 41 43 44 45 → median 42.5; steps over the history: all 1 or 2 → median step 1.
    const s = suggestTarget([38, 39, 40, 42, 41, 43, 44, 45], nps);
    expect(s.value).toBe(44); // 42.5 + 1 = 43.5, shown as a whole point: 44 (ROUND half away from zero)
    expect(s.why).toMatch(/median of the last 6 periods \(43\) plus one typical period-to-period step \(1\)/);
  });

  test('never better than the best of those periods: a noisy measure does not get a target no recent period reached', () => {
    // NPS from ~90 answers a month swings ±30: median 44, typical step 33, best of the last 6 60.
    const s = suggestTarget([1, 48, 28, 63, 26, 49, 14, 42, 56, 46, 13, 60], nps);
    expect(s.value).toBe(60);
    expect(s.why).toMatch(/held at the best of those periods \(60\), which shows it can be done/);
  });

  test('lower is better for returns: the step is taken down, held at the lowest', () => {
    const s = suggestTarget([0.012, 0.011, 0.01, 0.012, 0.011, 0.01, 0.011], returns);
    expect(s.value).toBeCloseTo(0.01, 9);
    expect(s.why).toMatch(/minus one typical/);
  });

  test('sums of 1,000 or more to three significant figures', () => {
    // Median 51,900, typical step 600, so 52,500; the best is higher: 52,500 stands.
    expect(suggestTarget([51000, 51500, 52100, 51700, 52300, 53854], revenue).value).toBe(52500);
    // Median 51,254 + step 600 = 51,854, shown as 51,900.
    expect(suggestTarget([50654, 51254, 50654, 51254, 51854, 51854, 50654], revenue).value).toBe(51900);
    // Held at the best (130,000) when the step would pass it.
    expect(suggestTarget([100000, 120000, 110000, 125000, 130000, 128000], revenue).value).toBe(130000);
  });

  test(`needs ${SUGGEST_MIN} periods with a value; blanks are skipped, not zeros`, () => {
    const s = suggestTarget([null, 40, null, 41, 42], nps);
    expect(s.value).toBeNull();
    expect(s.why).toMatch(/needs 4 periods with a value, and the data has 3/);
    expect(suggestTarget([null, 40, null, 41, 42, 43], nps).value).not.toBeNull();
  });

  test('property: within what the measure can be, between the median and the best of the last 6, at the precision shown', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...MEASURES),
        fc.array(fc.option(fc.double({ min: -2, max: 2, noNaN: true }), { nil: null }), { minLength: 4, maxLength: 30 }),
        fc.double({ min: 1, max: 1e6, noNaN: true }),
        (info, raw, scale) => {
          const [lo, hi] = measureBounds(info);
          const percent = info.format.endsWith('%');
          const values = raw.map((v) => (v === null ? null : Math.min(hi, Math.max(lo, percent ? v / 4 + 0.5 : v * scale))));
          const known = values.filter((v): v is number => v !== null);
          const s = suggestTarget(values, info);
          if (known.length < SUGGEST_MIN) return s.value === null;
          const last = known.slice(-6);
          const best = info.better === 'higher' ? Math.max(...last) : Math.min(...last);
          const worst = info.better === 'higher' ? Math.min(...last) : Math.max(...last);
          const v = s.value!;
          // Rounding: half a unit of the precision shown, and three significant figures of a sum.
          const d = info.format.endsWith('%') ? (info.format.includes('.0') ? 3 : 2) : info.format.includes('.00') ? 2 : 0;
          const slack = 0.5 * Math.pow(10, -d) + Math.max(Math.abs(best), Math.abs(worst)) * 0.005 + 1e-9;
          expect(v).toBeGreaterThanOrEqual(lo - 1e-9);
          expect(v).toBeLessThanOrEqual(hi + 1e-9);
          if (info.better === 'higher') expect(v).toBeLessThanOrEqual(best + slack);
          else expect(v).toBeGreaterThanOrEqual(best - slack);
          expect(Math.abs(v - worst) + Math.abs(v - best)).toBeLessThanOrEqual(Math.abs(best - worst) + 2 * slack);
        },
      ),
    );
  });
});
