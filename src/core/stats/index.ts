/** Statistics for Leadlag's core: special functions, distributions, correlation, median, prewhitening, FDR, Wilson and XmR. */
export { logGamma } from './logGamma';
export { regularizedIncompleteBeta } from './incompleteBeta';
export { regularizedUpperIncompleteGamma } from './incompleteGamma';
export { studentTTwoSidedP, studentTCdf } from './studentT';
export { Z95, normalCdf, normalQuantile } from './normal';
export { pearson } from './pearson';
export { correlationPValue } from './correlationPValue';
export { median } from './median';
export { ar1Coefficient } from './ar1Coefficient';
export { prewhiten } from './prewhiten';
export { benjaminiHochberg } from './benjaminiHochberg';
export { type Interval, wilsonInterval } from './wilson';
export { type XmrChart, type XmrSignal, XMR_MIN_VALUES, XMR_RUN, XMR_SCALE, xmr } from './xmr';
