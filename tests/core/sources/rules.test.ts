import { filtersRead, formatOptions, leavesOut, parseOptions, ruleLeavesOut } from '../../../src/core/sources/rules';
import { errorOf } from '../helpers';

describe('source options: the rules a source formula reads its rows by', () => {
  test('amounts, leave-out rules and the first sheet row, case-insensitive; blank is no rule', () => {
    expect(parseOptions('')).toEqual({ rules: {} });
    expect(parseOptions(undefined)).toEqual({ rules: {} });
    expect(parseOptions('Amounts=Order; leave1=Voided|cancelled ; leave3=*; row=4')).toEqual({
      rules: {
        amounts: 'order',
        leaveOut: [
          { filter: 0, values: ['voided', 'cancelled'] },
          { filter: 2, values: ['*'] },
        ],
      },
      firstRow: 4,
    });
    expect(parseOptions('leave2=').rules.leaveOut).toEqual([{ filter: 1, values: [''] }]);
  });
  test('formatOptions writes what parseOptions reads', () => {
    const o = parseOptions('amounts=line; leave1=test|voided; leave2=*; row=12');
    expect(parseOptions(formatOptions(o.rules, o.firstRow))).toEqual(o);
    expect(formatOptions({})).toBe('');
  });
  test('clear refusals', () => {
    expect(errorOf(() => parseOptions('amounts=once')).message).toBe(
      'options: amounts=once is not a rule; write amounts=order (one amount per order) or amounts=line',
    );
    expect(errorOf(() => parseOptions('leave4=x')).message).toBe('options: leave4 names filter 4, but there are at most 3 filters');
    expect(errorOf(() => parseOptions('leave1')).message).toMatch(/^options: leave1 needs the values that leave a row out/);
    expect(errorOf(() => parseOptions('row=0')).message).toMatch(/^options: row=0 must be the sheet row/);
    expect(errorOf(() => parseOptions('skip=test')).message).toMatch(/^options: "skip=test" is not a rule; use amounts=/);
  });
  test('a value leaves a row out by its text; * any non-blank; "" a blank', () => {
    expect(leavesOut(['voided'], ' Voided ')).toBe(true);
    expect(leavesOut(['voided'], 'paid')).toBe(false);
    expect(leavesOut(['*'], 'x')).toBe(true);
    expect(leavesOut(['*'], '  ')).toBe(false);
    expect(leavesOut([''], '')).toBe(true);
  });
});

describe('source options for the export profiles (issue 11)', () => {
  test('keep, return, negatives, scale and top read and write back', () => {
    const o = parseOptions('keep2=True|1; return1=Refund|credit memo; negatives=returns; scale=7; top=2; leave1=voided');
    expect(o.rules).toEqual({
      leaveOut: [
        { filter: 1, values: ['true', '1'], keep: true },
        { filter: 0, values: ['voided'] },
      ],
      returns: [{ filter: 0, values: ['refund', 'credit memo'] }],
      negatives: 'returns',
      scale: 7,
      topBox: 2,
    });
    expect(parseOptions(formatOptions(o.rules))).toEqual(o);
    expect(filtersRead(o.rules)).toEqual([0, 1]);
  });
  test('a keep rule leaves out every other value, a blank too', () => {
    const keep = { filter: 0, values: ['true', '1'], keep: true } as const;
    expect([ruleLeavesOut(keep, 'True'), ruleLeavesOut(keep, 'False'), ruleLeavesOut(keep, '')]).toEqual([false, true, true]);
  });
  test('clear refusals', () => {
    expect(errorOf(() => parseOptions('negatives=sales')).message).toMatch(
      /^options: negatives=sales is not a rule; write negatives=returns/,
    );
    expect(errorOf(() => parseOptions('scale=1')).message).toBe('options: scale=1 must be a whole number from 2 to 100, e.g. scale=7');
    expect(errorOf(() => parseOptions('return4=refund')).message).toBe('options: return4 names filter 4, but there are at most 3 filters');
  });
});
