import { type ExportProfile } from './types';

/** Delighted: survey responses as its API lists them, JSON (tests/fixtures/exports/delighted). */
export const DELIGHTED: ExportProfile = {
  id: 'delighted',
  name: 'Delighted responses file (JSON)',
  kind: 'feedback',
  source: 'Delighted API documentation, Listing survey responses (the CSV export is not documented)',
  recognise: ['survey_type', 'score', 'created_at', 'permalink'],
  columns: { date: ['created_at'], referral_score: ['score'], comment: ['comment'], status: ['survey_type'] },
  notes: { date: 'when the response was given (Unix seconds, read as UTC)' },
  filters: [{ column: ['survey_type'], keep: ['nps'] }],
  decisions: ['Only NPS responses (survey_type nps) are counted; dates are created_at in UTC, never updated_at.'],
};
