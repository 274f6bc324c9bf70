import { type ExportProfile } from './types';

/** Google Business Profile reviews from Google Takeout, JSON (tests/fixtures/exports/google-business-profile-reviews). */
export const GOOGLE_BUSINESS_REVIEWS: ExportProfile = {
  id: 'google-business-profile-reviews',
  name: 'Google Business Profile reviews file (Takeout JSON)',
  kind: 'reviews',
  source: 'a reader of real Takeout archives (GReviewSignals); the Business Profile API’s Review fields',
  recognise: ['starRating', 'createTime'],
  columns: { date: ['createTime'], stars: ['starRating'], responded: ['reviewReply.comment'], comment: ['comment'] },
  notes: { date: 'when the review was written, UTC (updateTime moves when the reviewer edits)', stars: 'ONE … FIVE' },
  decisions: ['A review counts as answered when it has a reply with text; dates are createTime in UTC.'],
};
