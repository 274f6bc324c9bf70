import { documentFormula } from '../types';
import { TARGET_RATCHET } from './targetRatchet';

export const TARGET_RATCHET_DOCS = documentFormula(TARGET_RATCHET, {
  summary:
    'Are targets ratcheted? Flags targets that rise by about the same step (within 2 percentage points) at least 3 ' +
    'periods in a row, also after a period that missed: "+10% next quarter" whatever happened. Leone, Misra & ' +
    'Zimmerman (2004) found quotas rise more after a hit than they fall after a miss; a target that rises the same ' +
    'after a miss no longer listens to results.',
  returns: 'A table: Period, Target, Result, Hit, Rise, Ratchet; then a row with the sentence.',
  example: '=TARGET_RATCHET(B1:I1, B2:I2, B3:I3)',
  args: {
    periods: 'Period labels, oldest first, as PERIODS writes them (2026-Q1); a period left out breaks a run.',
    targets: 'The target of each period, same size; blank for none.',
    results: 'What each period sold, same size; blank while unknown.',
  },
});
