/** Statistics for Leadlag's core: special functions, distributions, correlation and median. */
export { logGamma } from './logGamma';
export { regularizedIncompleteBeta } from './incompleteBeta';
export { regularizedUpperIncompleteGamma } from './incompleteGamma';
export { studentTTwoSidedP, studentTCdf } from './studentT';
export { Z95, normalCdf, normalQuantile } from './normal';
export { pearson } from './pearson';
export { correlationPValue } from './correlationPValue';
export { median } from './median';
