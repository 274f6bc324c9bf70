import { type ExportProfile } from './types';

/** Google Forms: responses sheet or Download responses (.csv) (tests/fixtures/exports/google-forms). */
export const GOOGLE_FORMS: ExportProfile = {
  id: 'google-forms',
  name: 'Google Forms responses sheet',
  kind: 'feedback',
  source: 'a pasted real download (Timestamp first, one column per question headed by its text)',
  recognise: ['Timestamp'],
  first: 'Timestamp',
  unless: ['Key'],
  columns: { date: ['Timestamp'] },
  notes: { date: 'when the response was submitted, in the form owner’s time zone' },
  guess: ['referral_score', 'satisfaction', 'comparison', 'comment', 'customer', 'role'],
  ignore: ['Email Address', 'Score'],
  decisions: ['Each row is a submitted response; questions are recognised by their text, as for any sheet.'],
};
