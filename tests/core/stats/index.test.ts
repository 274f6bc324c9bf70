import * as stats from '../../../src/core/stats';

describe('stats index', () => {
  it('re-exports every statistics function', () => {
    for (const name of [
      'logGamma',
      'regularizedIncompleteBeta',
      'regularizedUpperIncompleteGamma',
      'studentTTwoSidedP',
      'studentTCdf',
      'normalCdf',
      'normalQuantile',
      'pearson',
      'correlationPValue',
      'median',
    ]) {
      expect(typeof (stats as Record<string, unknown>)[name]).toBe('function');
    }
  });
});
