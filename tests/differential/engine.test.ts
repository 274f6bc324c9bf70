/**
 * The reference engine itself: the facts the other differential tests rely on, so that a change in
 * HyperFormula shows up here and not as a mysterious disagreement elsewhere.
 */
import { HyperFormula } from 'hyperformula';
import { NativeSheet, nativeNumber, serial, spell, periodsBetween, weeksBetween, isClose } from './engine';
import { studentTTwoSidedP } from '../../src/core/stats/studentT';

describe('HyperFormula as the reference engine', () => {
  it('counts dates as Sheets serial numbers (days since 1899-12-30)', () => {
    expect(nativeNumber({ a: [null] }, 'DATE(2026,1,31)')).toBe(46053);
    expect(serial(2026, 1, 31)).toBe(46053);
    expect(nativeNumber({ a: [null] }, 'DATE(2026,13,1)')).toBe(serial(2027, 1, 1));
    expect(spell(46053.75, 'iso')).toBe('2026-01-31');
    expect(spell(46053, 'dayFirst')).toBe('31/01/2026');
    expect(spell(46053, 'monthFirst')).toBe('01/31/2026');
    expect(spell(46053.75, 'isoTime')).toBe('2026-01-31 18:00');
    expect(spell(46053, 'dayFirstShort')).toBe('31/01/26');
    expect(spell(46053, 'dayMonthName')).toBe('31 Jan 2026');
    expect(spell(46053, 'monthNameDay')).toBe('Jan 31, 2026');
    expect(spell(46053, 'dateEast')).toEqual(new Date('2026-01-30T14:00:00Z'));
  });

  it('keeps full precision (no rounding to 10 digits on export)', () => {
    expect(nativeNumber({ a: [null] }, '0.1+0.2')).toBe(0.1 + 0.2);
  });

  it('treats null as an empty cell, skipped by COUNT, COUNTA and COUNTIF criteria', () => {
    const s = new NativeSheet({ r: [9, null, 3, 0, 'Score'] });
    try {
      expect(s.num('COUNT({r})')).toBe(3);
      expect(s.num('COUNTA({r})')).toBe(4);
      expect(s.num('COUNTIF({r},"<=6")')).toBe(2);
      expect(s.num('COUNTIFS({r},"<>")')).toBe(4);
    } finally {
      s.destroy();
    }
  });

  it('ISOWEEKNUM is wrong for late-December days of week 1 (why weeks are labelled from their Thursday)', () => {
    expect(nativeNumber({ a: [null] }, 'ISOWEEKNUM(DATE(2024,12,30))')).toBe(53); // ISO 8601: 2025-W01
    expect(nativeNumber({ a: [null] }, 'ISOWEEKNUM(DATE(2025,1,2))')).toBe(1); // that week's Thursday
    expect(nativeNumber({ a: [null] }, 'ISOWEEKNUM(DATE(2020,12,31))')).toBe(53); // 2020-W53, right
  });

  it('evaluates several formulas at once (NativeSheet.many), around the array-literal quirk', () => {
    const s = new NativeSheet({ a: [44927, null, 3], b: [1, 2, null] });
    try {
      expect(s.many(['SUM({a})', 'COUNT({b})', '1/0', 'COUNTIFS({a},">=3",{b},"<>")'])).toEqual([44930, 2, null, 1]);
      // HyperFormula throws on ={MIN(range),MAX(range)}; many() falls back to one by one.
      expect(() => s.raw('{MIN({a}),MAX({a})}')).toThrow(/Range does not exist/);
      expect(s.nums(['MIN({a})', 'MAX({a})'])).toEqual([3, 44927]);
      expect(s.nums(['SUM({b})'])).toEqual([3]);
    } finally {
      s.destroy();
    }
  });

  it('has the functions the tests use, and no AVERAGEIFS', () => {
    const names = HyperFormula.getRegisteredFunctionNames('enGB');
    for (const f of [
      'COUNTIF',
      'COUNTIFS',
      'SUMIF',
      'SUMIFS',
      'MINIFS',
      'MAXIFS',
      'CORREL',
      'SUMPRODUCT',
      'T.DIST.2T',
      'NORM.S.INV',
      'DATE',
      'SQRT',
      'ISOWEEKNUM',
      'FILTER',
      'MEDIAN',
      'ISNUMBER',
    ]) {
      expect(names).toContain(f);
    }
    // Averages per period are therefore written SUMIFS/COUNTIFS.
    expect(names).not.toContain('AVERAGEIFS');
  });

  it('lists periods with DATE bounds', () => {
    const q = periodsBetween(serial(2025, 11, 20), serial(2026, 4, 1), 'quarter');
    expect(q.map((p) => p.label)).toEqual(['2025-Q4', '2026-Q1', '2026-Q2']);
    expect(q[0]).toMatchObject({ start: 'DATE(2025,10,1)', end: 'DATE(2025,13,1)' });
    const fq = periodsBetween(serial(2026, 3, 31), serial(2026, 4, 1), 'quarter:apr');
    expect(fq).toEqual([
      { label: 'FY2026-Q4 (Jan)', start: 'DATE(2026,1,1)', end: 'DATE(2026,4,1)' },
      { label: 'FY2027-Q1 (Apr)', start: 'DATE(2026,4,1)', end: 'DATE(2026,7,1)' },
    ]);
    expect(periodsBetween(serial(2026, 6, 30), serial(2026, 7, 1), 'year:jul').map((p) => p.label)).toEqual([
      'FY2026 (Jul)',
      'FY2027 (Jul)',
    ]);
    expect(periodsBetween(serial(2025, 12, 31), serial(2026, 1, 1), 'year').map((p) => p.label)).toEqual(['2025', '2026']);
    const s = new NativeSheet({ a: [null] });
    try {
      // 2026-12-31 is a Thursday in 2026-W53; 2027-01-04 starts 2027-W01.
      expect(weeksBetween(s, serial(2026, 12, 31), serial(2027, 1, 4))).toEqual([
        { label: '2026-W53', start: String(serial(2026, 12, 28)), end: String(serial(2027, 1, 4)) },
        { label: '2027-W01', start: String(serial(2027, 1, 4)), end: String(serial(2027, 1, 11)) },
      ]);
    } finally {
      s.destroy();
    }
  });

  /**
   * T.DIST.2T is jStat's incomplete beta: its continued fraction stops at a relative change of 3e-7
   * and the two-sided p is formed as 1 − CDF. Its p-values are good to ~6e-8 relative above 1e-9,
   * to ~3e-5 near 1e-12, and come out as 0 below ~1e-17. Reference values (mpmath, 40 digits)
   * show the add-on's own routine is the accurate one, so LEADLAG's p-values are compared with
   * HyperFormula at 1e-6 relative or 1e-14 absolute (leadlag.test.ts), not 1e-9.
   */
  it('T.DIST.2T is less precise than the add-on (why p-values use a looser tolerance)', () => {
    const reference: [number, number, number][] = [
      [2, 10, 0.07338803477074037512],
      [0.5, 20, 0.6225318422810228199],
      [5, 3, 0.01539243807330229967],
      [10, 30, 4.575251408229617037e-11],
      [1000, 8, 1.1199677445913512e-21],
    ];
    for (const [t, df, p] of reference) {
      expect(isClose(studentTTwoSidedP(t, df), p, 1e-13, 0)).toBe(true);
      const hf = nativeNumber({ a: [null] }, `T.DIST.2T(${t},${df})`);
      expect(isClose(hf, p, 1e-6, 1e-14)).toBe(true);
    }
    // and it is not good to 1e-9 everywhere:
    expect(isClose(nativeNumber({ a: [null] }, 'T.DIST.2T(10,30)'), 4.575251408229617037e-11, 1e-9, 0)).toBe(false);
    expect(nativeNumber({ a: [null] }, 'T.DIST.2T(1000,8)')).toBe(0);
  });

  it('NORM.S.INV is precise (NPS_DETAIL is compared with it at 1e-9)', () => {
    expect(isClose(nativeNumber({ a: [null] }, 'NORM.S.INV(0.975)'), 1.9599639845400538556, 1e-14, 0)).toBe(true);
  });
});
