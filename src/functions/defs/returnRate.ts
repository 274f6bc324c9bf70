import { returnRows } from '../../core/measures/returns';
import { ratioValue } from '../../core/measures/ratio';
import { defineFormula } from '../types';

export const RETURN_RATE = defineFormula({
  name: 'RETURN_RATE',
  params: [
    { name: 'sold', kind: 'range' },
    { name: 'returned', kind: 'range' },
  ],
  run: ({ sold, returned }) => ratioValue(returnRows(sold, returned), 'nothing was sold in this range, so there is no return rate'),
});
