/**
 * The lead measures an action can name, as the tracker writes them ("Referral score"), as the scorecard
 * labels them ("Referral score (NPS)"), by id ("nps") or by a manager's short word ("NPS", "On time").
 */
export type ResultMeasure = 'nps' | 'csat' | 'net_comparison' | 'on_time' | 'return_rate' | 'review_response';

export interface ResultMeasureInfo {
  readonly id: ResultMeasure;
  /** How a reading names it. */
  readonly name: string;
  /** Which source holds it. */
  readonly source: 'feedback' | 'sales' | 'reviews';
  /** A return rate should go down. */
  readonly better: 'higher' | 'lower';
  /** What one counted row is: "answer", "order", "sale", "low review". */
  readonly unit: string;
}

export const RESULT_MEASURES: Readonly<Record<ResultMeasure, ResultMeasureInfo>> = {
  nps: { id: 'nps', name: 'the referral score (NPS)', source: 'feedback', better: 'higher', unit: 'answer' },
  csat: { id: 'csat', name: 'satisfaction (CSAT)', source: 'feedback', better: 'higher', unit: 'answer' },
  net_comparison: { id: 'net_comparison', name: 'how we compare (better − worse)', source: 'feedback', better: 'higher', unit: 'answer' },
  on_time: { id: 'on_time', name: 'on-time delivery', source: 'sales', better: 'higher', unit: 'order' },
  return_rate: { id: 'return_rate', name: 'returns', source: 'sales', better: 'lower', unit: 'sale' },
  review_response: { id: 'review_response', name: 'low reviews answered', source: 'reviews', better: 'higher', unit: 'low review' },
};

const WORDS: Record<string, ResultMeasure> = {
  nps: 'nps',
  'referral score': 'nps',
  'referral score (nps)': 'nps',
  'net promoter score': 'nps',
  referral: 'nps',
  csat: 'csat',
  satisfaction: 'csat',
  'satisfaction (csat)': 'csat',
  'customer satisfaction': 'csat',
  net_comparison: 'net_comparison',
  'net comparison': 'net_comparison',
  'how we compare': 'net_comparison',
  'how we compare (better − worse)': 'net_comparison',
  'how we compare (better - worse)': 'net_comparison',
  comparison: 'net_comparison',
  on_time: 'on_time',
  'on time': 'on_time',
  'on-time': 'on_time',
  'on-time delivery': 'on_time',
  'delivered on time': 'on_time',
  delivery: 'on_time',
  return_rate: 'return_rate',
  returns: 'return_rate',
  'return rate': 'return_rate',
  'returns (quality)': 'return_rate',
  quality: 'return_rate',
  review_response: 'review_response',
  'review response': 'review_response',
  'unhappy reviews answered': 'review_response',
  'low reviews answered': 'review_response',
  reviews: 'review_response',
};

/** The measure a tracker cell names, or undefined. */
export function readResultMeasure(text: string): ResultMeasure | undefined {
  return WORDS[text.replace(/\s+/g, ' ').trim().toLowerCase()];
}

export const MEASURE_WORDS_HELP =
  'name one of Referral score, Satisfaction, How we compare, On time, Returns or Review response (or nps, csat, net_comparison, on_time, return_rate, review_response)';
