import { documentFormula } from '../types';
import { RETURN_RATE } from './returnRate';

export const RETURN_RATE_DOCS = documentFormula(RETURN_RATE, {
  summary: 'Quality seen by customers: what came back as a share of what was sold (Σ returned / Σ sold), by ' + 'quantity or by value.',
  returns: 'A fraction (0.03 is 3% returned).',
  example: '=RETURN_RATE(G2:G900, H2:H900)',
  args: {
    sold: 'Quantity (or value) sold per row.',
    returned: 'Quantity (or value) returned per row, same size; blank means none.',
  },
});
