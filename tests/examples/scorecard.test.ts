/**
 * The example data's built-in link (examples/README.md: customer experience leads revenue by two months)
 * is the one the scorecard names first, on every period the data has (24 months), with the honest method
 * (prewhitened, corrected for the lags and the 30 pairs tried). This reads the CSVs through the product
 * (the command line's scorecard), unlike generate.test.ts, which checks the data independently of src/.
 */
import { join } from 'node:path';
import { scorecardFromFiles } from '../../src/cli/main';

const data = (f: string) => join(__dirname, '..', '..', 'examples', 'data', f);
const CUSTOMER = ['nps', 'csat', 'net_comparison', 'on_time'];
const MONEY = ['revenue', 'margin', 'orders'];

describe('the example scorecard over its 24 months', () => {
  const r = scorecardFromFiles({
    files: { sales: data('sales.csv'), feedback: data('feedback.csv'), reviews: data('reviews.csv') },
    period: 'month',
    periods: 24,
    maps: {},
    targets: {},
    monthFirst: false,
    json: true,
  });

  test('names a customer measure leading money by two months first, with strong evidence', () => {
    const first = r.connections[0];
    expect(CUSTOMER).toContain(first.lead);
    expect(MONEY).toContain(first.lag);
    expect(first).toMatchObject({ lag_periods: 2, evidence: 'strong' });
    expect(first.sentence).toMatch(
      /^Strong evidence that .* 2 periods later \(r = 0\.\d\d after prewhitening, q [<=] [\d.]+\)\. Evidence, not proof\.$/,
    );
  });
  test('the referral score leads revenue by two months, claimed (q < 0.05)', () => {
    const link = r.connections.find((c) => c.lead === 'nps' && c.lag === 'revenue')!;
    expect(link.lag_periods).toBe(2);
    expect(link.q!).toBeLessThan(0.05);
  });
});
