import { type ExportProfile } from './types';

/** Qualtrics: Data & Analysis → Export → CSV, "Use choice text" (tests/fixtures/exports/qualtrics). */
export const QUALTRICS: ExportProfile = {
  id: 'qualtrics',
  name: 'Qualtrics responses export',
  kind: 'feedback',
  source: 'real exports shown in public repositories (three header rows: ids, question text, ImportId JSON)',
  recognise: ['StartDate', 'EndDate', 'Status', 'Progress', 'Finished', 'RecordedDate', ['ResponseId', 'ResponseID']],
  headerRows: 3,
  labelRow: 1,
  headerRowsHold: 'the question texts and the ImportId line',
  columns: { date: ['EndDate'], status: ['Status'] },
  notes: { date: 'when the respondent submitted (RecordedDate may fall in the next month)' },
  guess: ['referral_score', 'satisfaction', 'comparison', 'comment', 'role'],
  ignore: [
    'StartDate',
    'RecordedDate',
    'IPAddress',
    'Progress',
    'Duration (in seconds)',
    'Finished',
    'ResponseId',
    'ResponseID',
    /^recipient/i,
    'ExternalReference',
    /^location/i,
    'DistributionChannel',
    'UserLanguage',
    /_NPS_GROUP$/i,
  ],
  filters: [
    { column: ['Status'], leave: ['survey preview', 'survey test', 'spam', '1', '2', '8'] },
    { column: ['Finished'], keep: ['true', '1'] },
  ],
  decisions: [
    'Unfinished responses (Finished False) and previews, tests and spam (Status) are not counted.',
    'Responses are dated by EndDate; Qx_NPS_GROUP is derived from the score and never counted.',
    'Satisfaction labels: Extremely / Somewhat / Neither on the 5-point scale; a 7-point scale is read when its labels say so.',
  ],
};
