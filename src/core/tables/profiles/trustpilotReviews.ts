import { type ExportProfile } from './types';

/** Trustpilot: Business app → Service reviews → Export (tests/fixtures/exports/trustpilot-reviews). */
export const TRUSTPILOT_REVIEWS: ExportProfile = {
  id: 'trustpilot-reviews',
  name: 'Trustpilot service reviews export',
  kind: 'reviews',
  source: 'open-source users of the Business export (Trustpilot’s pages list no columns)',
  recognise: ['Review Stars', 'Review Created (UTC)', ['Review Id', 'Review ID']],
  columns: {
    date: ['Review Created (UTC)'],
    stars: ['Review Stars'],
    responded: ['Company Reply Date (UTC)', 'Business Reply Date (UTC)', 'Company Response'],
    comment: ['Review Content'],
    customer: ['Review Username'],
  },
  decisions: ['A review counts as answered when it has a reply date (Company or Business Reply Date) or reply text; dates are UTC.'],
};
