import { isBlank } from '../../core/values/cell';
import { toColumn } from '../../core/values/column';
import { fail } from '../../core/values/errors';
import { readNumber } from '../../core/values/number';
import { latestValue, targetStatus } from '../../core/scorecard/status';
import { defineFormula } from '../types';
import { optText, required, scalar } from '../args';

export const TARGET_STATUS = defineFormula({
  name: 'TARGET_STATUS',
  summary:
    'On track, At risk or Off track: the latest value of a row of values against its target. On track meets the ' +
    'target; at risk misses it by at most 10% of the target; off track misses it by more.',
  args: [
    { name: 'values', type: 'range', help: 'The measure per period, oldest first; the last non-blank value counts.' },
    { name: 'target', type: 'number', help: 'The target; blank gives a blank status.' },
    { name: 'better', type: 'text', default: '"higher"', help: '"higher" when more is better, "lower" for measures such as returns.' },
  ],
  returns: 'The text On track, At risk or Off track (blank without a target or a value).',
  example: '=TARGET_STATUS(C7:N7, O7, "higher")',
  run([values, target, better]) {
    const dir = (optText(better, 'better') ?? 'higher').trim().toLowerCase();
    if (dir !== 'higher' && dir !== 'lower') fail(`better must be "higher" or "lower", not "${dir}"`);
    const given = scalar(target, 'target');
    const t = isBlank(given) ? null : readNumber(given);
    if (t === undefined) fail('target must be a number');
    const nums = toColumn(required(values, 'values'), 'values').cells.map((c) => {
      const x = readNumber(c);
      return x === undefined ? null : x;
    });
    return targetStatus(latestValue(nums), t, dir) ?? '';
  },
});
