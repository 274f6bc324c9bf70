import { type ExportProfile } from './types';

/** SurveyMonkey: All individual responses, CSV, expanded, actual answer text (tests/fixtures/exports/surveymonkey). */
export const SURVEYMONKEY: ExportProfile = {
  id: 'surveymonkey',
  name: 'SurveyMonkey responses export',
  kind: 'feedback',
  source: 'open-source readers of real exports (two header rows: question text, then Response / Open-Ended Response)',
  recognise: ['Respondent ID', 'Collector ID', 'Start Date', 'End Date'],
  headerRows: 2,
  headerRowsHold: '"Response" and "Open-Ended Response" under the questions',
  columns: { date: ['End Date'] },
  notes: { date: 'when the respondent finished (Start Date is when they opened the survey)' },
  guess: ['referral_score', 'satisfaction', 'comparison', 'comment', 'role'],
  ignore: ['Respondent ID', 'Collector ID', 'Start Date', 'IP Address', 'Email Address', 'First Name', 'Last Name', /^custom data/i],
  decisions: [
    'Labelled answers are read: "10 - Extremely likely" is 10; Somewhat satisfied = 4 and Somewhat dissatisfied = 2 on the 5-point scale.',
    'Responses are dated by End Date.',
  ],
};
