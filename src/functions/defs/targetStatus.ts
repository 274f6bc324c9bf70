import { readNumber } from '../../core/values/number';
import { latestValue, targetStatus } from '../../core/scorecard/status';
import { defineFormula } from '../types';

export const TARGET_STATUS = defineFormula({
  name: 'TARGET_STATUS',
  params: [
    { name: 'values', kind: 'range' },
    { name: 'target', kind: 'number', optional: true },
    { name: 'better', kind: 'text', default: 'higher', words: { higher: [], lower: [] } },
  ],
  run({ values, target, better }) {
    const nums = values.cells.map((c) => readNumber(c) ?? null);
    return targetStatus(latestValue(nums), target ?? null, better) ?? '';
  },
});
