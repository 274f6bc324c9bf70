import { type ExportProfile } from './types';

/** A sheet kept by hand or pasted from a form tool: Date, Customer, Score, Comment (tests/fixtures/exports/generic-nps). */
export const GENERIC_NPS: ExportProfile = {
  id: 'generic-nps',
  name: 'NPS sheet (Date, Score)',
  kind: 'feedback',
  source: 'the shape a team keeps by hand; no vendor',
  recognise: ['Date', ['Score', 'NPS', 'NPS Score']],
  unless: ['Stars', 'Star Rating', 'Rating', 'Review', 'Amount', 'Revenue', 'Sales', 'Net Sales', 'Total', 'Order ID', 'Invoice'],
  columns: {
    date: ['Date'],
    referral_score: ['Score', 'NPS', 'NPS Score'],
    comment: ['Comment', 'Comments', 'Reason'],
    customer: ['Customer', 'Name', 'Email'],
  },
  guess: ['satisfaction', 'comparison', 'role'],
  decisions: ['Score is the 0–10 referral answer; the check before a build stops when it never goes above 5 (a 1–5 rating).'],
};
