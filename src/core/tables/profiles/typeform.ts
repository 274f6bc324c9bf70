import { type ExportProfile } from './types';

/** Typeform: Results → Responses → Download CSV (tests/fixtures/exports/typeform). */
export const TYPEFORM: ExportProfile = {
  id: 'typeform',
  name: 'Typeform responses export',
  kind: 'feedback',
  source: 'real exports pasted in public repositories (# token first, questions, then Response Type and the UTC dates)',
  recognise: ['#', 'Start Date (UTC)', 'Submit Date (UTC)'],
  columns: { date: ['Submit Date (UTC)'], status: ['Response Type'] },
  notes: { date: 'when the response was submitted (Stage Date is blank on completed responses)' },
  guess: ['referral_score', 'satisfaction', 'comparison', 'comment', 'customer', 'role'],
  ignore: ['#', 'Start Date (UTC)', 'Stage Date (UTC)', 'Network ID', 'Tags', 'Ending', /phone|e-?mail/i],
  filters: [{ column: ['Response Type'], leave: ['partial'] }],
  decisions: [
    'Partial responses are not counted, even where they answered the score: they were never submitted.',
    'Responses are dated by Submit Date (UTC).',
  ],
};
