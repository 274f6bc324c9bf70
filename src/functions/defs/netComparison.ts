import { toColumn } from '../../core/values/column';
import { comparisonRows } from '../../core/measures/comparison';
import { ratioValue } from '../../core/measures/ratio';
import { defineFormula } from '../types';
import { required } from '../args';

export const NET_COMPARISON = defineFormula({
  name: 'NET_COMPARISON',
  summary:
    'How customers compare us with others in our industry: (better − worse) / answers. ' +
    'Answers are matched by keyword: "Better", "About the same", "Worse".',
  args: [
    {
      name: 'answers',
      type: 'range',
      help: 'Answers to "Compared with others in our industry, are we better, about the same, or worse?".',
    },
  ],
  returns: 'A number from −1 to 1.',
  example: '=NET_COMPARISON(E2:E500)',
  run([answers]) {
    return ratioValue(
      comparisonRows(toColumn(required(answers, 'answers'), 'answers')),
      'no answers to score; the range holds only blanks',
    );
  },
});
