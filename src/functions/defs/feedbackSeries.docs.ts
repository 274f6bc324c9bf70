import { documentFormula } from '../types';
import { FEEDBACK_SERIES } from './feedbackSeries';

export const FEEDBACK_SERIES_DOCS = documentFormula(FEEDBACK_SERIES, {
  summary:
    'The survey measures per period in one call: the referral score (NPS), satisfaction (CSAT) and how we compare ' +
    '(better − worse), each with the number of answers behind it. The scorecard spills one of these per feedback sheet.',
  returns: 'A table: Measure, Note, then one column per period. Two rows per measure: its values and its answers ("nps:n").',
  example: '=FEEDBACK_SERIES(Feedback!A2:A, Feedback!D2:D, Feedback!F2:F, Feedback!E2:E, "month")',
  args: {
    dates: 'When each answer was given.',
    scores: 'The referral scores, 0 to 10 (text such as "10 - Extremely likely" is read too).',
    satisfaction: 'Satisfaction ratings, 1 to scale, or labels such as Very satisfied.',
    comparison: 'Answers to "better, about the same or worse than others?".',
    period: '"week", "month", "quarter" or "year"; a fiscal year: "quarter:apr".',
    start: 'The first period to list, e.g. "2024-11"; blank: the first period with an answer.',
    options: 'Rules for reading the rows: "leave1=false" (rows whose filter1 reads false are left out, e.g. unfinished), "row=2".',
    filter1: 'A column the options read to leave rows out (e.g. Finished).',
    filter2: 'A second such column.',
    filter3: 'A third such column.',
    scale: 'The highest satisfaction rating.',
    top_box: 'How many of the top ratings count as satisfied.',
  },
});
