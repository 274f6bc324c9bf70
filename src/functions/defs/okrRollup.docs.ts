import { documentFormula } from '../types';
import { OKR_ROLLUP } from './okrRollup';

export const OKR_ROLLUP_DOCS = documentFormula(OKR_ROLLUP, {
  summary:
    'Goals that connect: each goal scored up the tree, and its chain to the company goal in words. A goal with a ' +
    'score of its own keeps it (a key result: OKR_SCORE); any other scores the weighted mean of its children that ' +
    'have a score, so an objective is the average of its key results. A parent that is no ID, the same ID twice ' +
    'or a loop of parents is an error that names the row.',
  returns:
    'A table with a row per row of the ranges, in their order: Score (0 to 1; blank while no child has one) and ' +
    'the chain, e.g. "Reply to every 1–2 star review within 2 days → Referral score from 20 to 35 → Grow revenue 15%".',
  example: '=OKR_ROLLUP(A2:A30, B2:B30, H2:H30, I2:I30, C2:C30)',
  args: {
    ids: 'Each goal’s ID (O1, KR1.2…).',
    parents:
      'The ID of the goal each contributes to: an objective for a key result, an objective or a key result one level up for an objective, blank for a company objective.',
    scores: 'Each goal’s own score from 0 to 1 (OKR_SCORE of a key result); blank for a goal scored from its children.',
    weights: 'Optional: how much each goal counts in its parent’s score (blank is 1).',
    names: 'Optional: each goal’s name, for the chain (the ID otherwise).',
  },
});
