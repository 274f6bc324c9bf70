import fc from 'fast-check';

// CI must be repeatable: there the property tests run one fixed set of cases (FC_SEED picks another).
// On a developer's machine they explore new cases on every run and print the seed of a failure.
if (process.env.CI || process.env.FC_SEED) {
  fc.configureGlobal({ ...fc.readConfigureGlobal(), seed: Number(process.env.FC_SEED ?? 20261123) });
}
