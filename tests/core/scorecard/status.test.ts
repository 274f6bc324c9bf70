import { targetStatus } from '../../../src/core/scorecard/status';
import { roundTo, shownDecimals } from '../../../src/core/scorecard/precision';
import { markedMeasures } from '../../../src/core/scorecard/marked';

describe('status at the precision shown', () => {
  test('29.96% shown as 30.0% against 30.0% is on track; unrounded it would be at risk', () => {
    expect(targetStatus(0.2996, 0.3, 'higher', shownDecimals('0.0%'))).toBe('On track');
    expect(targetStatus(0.2996, 0.3, 'higher')).toBe('At risk');
  });
  test('the at-risk band is 10% of the target, on the side that is worse', () => {
    expect(targetStatus(90, 100, 'higher', 0)).toBe('At risk');
    expect(targetStatus(89.4, 100, 'higher', 0)).toBe('Off track');
    expect(targetStatus(0.011, 0.01, 'lower', 3)).toBe('At risk');
    expect(targetStatus(0.012, 0.01, 'lower', 3)).toBe('Off track');
    expect(targetStatus(null, 1, 'higher', 0)).toBeNull();
  });
  test('shown decimals and ROUND half away from zero, as Sheets', () => {
    expect(shownDecimals('0%')).toBe(2);
    expect(shownDecimals('0.0%')).toBe(3);
    expect(shownDecimals('"£"#,##0.00')).toBe(2);
    expect(shownDecimals('#,##0')).toBe(0);
    expect(roundTo(0.285, 2)).toBe(0.29);
    expect(roundTo(-2.5, 0)).toBe(-3);
    expect(roundTo(1.005, 2)).toBe(1.01);
  });
});

describe('the measures that matter most', () => {
  test('as marked, those shown only, at most 3', () => {
    expect(markedMeasures(['revenue', 'csat'], ['nps', 'csat', 'revenue'])).toEqual({ ids: ['revenue', 'csat'], byDefault: false });
    expect(markedMeasures(['review_response'], ['nps'])).toEqual({ ids: [], byDefault: false });
  });
  test('by default two lead measures and the first money measure', () => {
    expect(markedMeasures(undefined, ['nps', 'csat', 'on_time', 'revenue', 'orders'])).toEqual({
      ids: ['nps', 'csat', 'revenue'],
      byDefault: true,
    });
    expect(markedMeasures([], ['on_time', 'return_rate', 'margin', 'orders'])).toEqual({
      ids: ['on_time', 'return_rate', 'margin'],
      byDefault: true,
    });
    expect(markedMeasures(undefined, ['revenue', 'orders'])).toEqual({ ids: ['revenue', 'orders'], byDefault: true });
    expect(markedMeasures(undefined, ['nps', 'csat', 'on_time', 'net_comparison'])).toEqual({
      ids: ['nps', 'csat', 'on_time'],
      byDefault: true,
    });
  });
});
