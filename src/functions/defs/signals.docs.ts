import { documentFormula } from '../types';
import { SIGNALS } from './signals';

export const SIGNALS_DOCS = documentFormula(SIGNALS, {
  summary:
    'Signal or noise: a process-behaviour chart (XmR) of a measure per period. The centre line is the mean and ' +
    'the natural limits are the mean ± 2.66 × the average change from one period to the next. A value is a ' +
    'signal when it is outside the limits, or ends a run of 8 periods on one side of the centre; anything else ' +
    'is routine variation, not news. Needs at least 6 values.',
  returns: 'A table: Value, Centre, Lower limit, Upper limit, Signal (blank, Outside limits or Run of 8), one row per value.',
  example: '=SIGNALS(C7:N7)',
  args: {
    values: 'The measure per period, oldest first: one row or one column; blanks are skipped.',
  },
});
