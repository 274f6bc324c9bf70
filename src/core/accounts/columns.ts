/**
 * Which comment a key-account plan shows: of the columns holding comments, the one about what is wrong
 * ("What dissatisfies you?", "What should we improve?"), which is what a manager needs beside a risk;
 * else the first comment column. Both the wizard and the command line choose with it.
 */
const ABOUT_WHAT_IS_WRONG = /dissatisf|unhappy|complain|improve|wrong|worse|disappoint|problem|issue|better/i;

export function riskComment(headers: readonly string[], comments: readonly number[]): number | null {
  if (!comments.length) return null;
  return comments.find((j) => ABOUT_WHAT_IS_WRONG.test(headers[j] ?? '')) ?? comments[0];
}
