import { documentFormula } from '../types';
import { NET_COMPARISON } from './netComparison';

export const NET_COMPARISON_DOCS = documentFormula(NET_COMPARISON, {
  summary:
    'How customers compare us with others in our industry: (better − worse) / answers. Answers are ' +
    'matched by keyword: "Better", "About the same", "Worse".',
  returns: 'A number from −1 to 1.',
  example: '=NET_COMPARISON(E2:E500)',
  args: {
    answers: 'Answers to "Compared with others in our industry, are we better, about the same, or worse?".',
  },
});
