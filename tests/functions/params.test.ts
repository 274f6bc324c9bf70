/**
 * src/functions/params.ts: every argument of every formula is read from its declaration, and an argument that
 * does not fit gives one message format, `NAME: argument max_lag is 61; give a whole number from 0 to 24`.
 */
import { FUNCTIONS } from '../../src/functions/registry';
import { hintOf, readArguments } from '../../src/functions/params';
import type { Param } from '../../src/functions/types';
import type { Column } from '../../src/core/values/column';
import { CTX, errorOf, run } from './helpers';

const A12 = Array.from({ length: 12 }, (_, i) => [i + 1]);
const B12 = Array.from({ length: 12 }, (_, i) => [(i * 7) % 5]);
const DATES = [['2026-01-05'], ['2026-02-10'], ['2026-03-31']];

describe('the six calls of the issue end in the help text, not "; undefined"', () => {
  test.each<[string, unknown[], string]>([
    ['LEADLAG', [A12, B12, 61], 'LEADLAG: argument max_lag is 61; give a whole number from 0 to 24'],
    ['NPS_DETAIL', [[[10], [3]], 1.5], 'NPS_DETAIL: argument confidence is 1.5; give a level from 0.5 to 0.9999, e.g. 0.95'],
    [
      'TARGET_PRESSURE',
      [DATES, [[1], [2], [3]], 'quarter', 0],
      'TARGET_PRESSURE: argument last_days is 0; give a whole number from 1 to 180',
    ],
    ['CSAT', [[[5], [4]], 1], 'CSAT: argument scale is 1; give a whole number from 2 to 100'],
    ['PERIODS', [DATES, 'month', 0], 'PERIODS: argument count is 0; give a whole number from 1 to 120'],
    [
      'CONNECTIONS',
      [[[1, 2, 3, 4]], [[2, 3, 4, 5]], [['NPS']], [['Revenue']], -1],
      'CONNECTIONS: argument max_lag is -1; give a whole number from 0 to 24',
    ],
  ])('%s', (name, args, message) => {
    expect(errorOf(() => run(name, ...args)).message).toBe(message);
  });
});

describe('reading arguments', () => {
  const csat = FUNCTIONS.find((f) => f.name === 'CSAT')!;
  test('blank or left out takes the default value; a 1×1 range is its value', () => {
    expect(readArguments(csat, [[[5]]], CTX)).toMatchObject({ scale: 5, top_box: 2 });
    expect(readArguments(csat, [[[5]], '', [[3]]], CTX)).toMatchObject({ scale: 5, top_box: 3 });
    expect(readArguments(csat, [[[5]], ' 7 ', '1'], CTX)).toMatchObject({ scale: 7, top_box: 1 });
  });
  test('ranges come as the core’s Column, named when the formula takes several', () => {
    const { scores } = readArguments(csat, [[[5], [4]]], CTX) as { scores: Column };
    expect([scores.cells, scores.name, scores.named]).toEqual([[5, 4], 'scores', false]);
    const series = FUNCTIONS.find((f) => f.name === 'PERIOD_SERIES')!;
    expect((readArguments(series, [DATES, [[1], [2], [3]]], CTX) as { values: Column }).values.named).toBe(true);
  });
  test('words come as their canonical value, periods as a PeriodSpec, dates as a day number', () => {
    const series = FUNCTIONS.find((f) => f.name === 'PERIOD_SERIES')!;
    expect(readArguments(series, [DATES, DATES, ' Quarterly ', 'AVG'], CTX)).toMatchObject({
      period: { kind: 'quarter', fiscalStartMonth: 1 },
      aggregate: 'average',
    });
    expect(readArguments(series, [DATES, DATES, 'quarter:jul'], CTX)).toMatchObject({ period: { kind: 'quarter', fiscalStartMonth: 7 } });
    const summary = FUNCTIONS.find((f) => f.name === 'IMPROVEMENT_SUMMARY')!;
    expect(readArguments(summary, [DATES, DATES, DATES], CTX)).toMatchObject({ as_of: CTX.today(), opened: undefined });
    expect(readArguments(summary, [DATES, DATES, DATES, '', '2026-06-30'], CTX)).toMatchObject({ as_of: CTX.today() + 46 });
  });
  test('a limit may depend on an earlier argument', () => {
    expect(errorOf(() => run('CSAT', [[7]], 7, 6.5)).message).toBe('CSAT: argument top_box is 6.5; give a whole number from 1 to 6');
    expect(run('CSAT', [[7]], 7, 6)).toBe(1);
  });
  test('hints made from the kind and the limits', () => {
    const hint = (p: Param) => hintOf(p);
    expect(hint({ name: 'x', kind: 'number', min: 1 })).toBe('give a number of at least 1');
    expect(hint({ name: 'x', kind: 'number', integer: true, max: 9 })).toBe('give a whole number up to 9');
    expect(hint({ name: 'x', kind: 'number' })).toBe('give a number');
    expect(hint({ name: 'x', kind: 'text', words: { higher: [], lower: [] } })).toBe('give "higher" or "lower"');
    expect(hint({ name: 'x', kind: 'text', words: { a: [], b: [], c: [] } })).toBe('give "a", "b" or "c"');
    expect(hint({ name: 'x', kind: 'boolean' })).toBe('give TRUE or FALSE');
    expect(hint({ name: 'x', kind: 'number', hint: 'give a level' })).toBe('give a level');
  });
  test('extra arguments keep their message', () => {
    expect(errorOf(() => run('CSAT', [[5]], 5, 2, 1)).message).toBe('CSAT: takes at most 3 arguments (scores, scale, top_box) but got 4');
  });
});

// ------------------------------------------------------------------------------------------------
// Every registry entry, every parameter, driven with hostile values
// ------------------------------------------------------------------------------------------------

/** A value each kind accepts, so that the parameter under test is the one that fails. */
function fine(p: Param): unknown {
  switch (p.kind) {
    case 'range':
    case 'grid':
      return [[1]];
    case 'number':
      return p.default ?? (typeof p.min === 'number' ? p.min : 1);
    case 'text':
      return p.default ?? (p.words ? Object.keys(p.words)[0] : 'x');
    case 'period':
      return 'month';
    case 'date':
      return '2026-01-01';
    case 'boolean':
      return true;
  }
}

/** Values a scalar parameter must refuse: of the wrong kind, out of its limits, or a range. */
function hostileScalars(p: Param, earlier: Readonly<Record<string, unknown>>): unknown[] {
  const ranges = [
    [
      [1, 2],
      [3, 4],
    ],
    [[1], [2]],
    [],
    [[]],
  ];
  const odd = [true, new Date(NaN), NaN, Infinity, -Infinity, '#N/A', '💥', '=1+1'];
  switch (p.kind) {
    case 'number': {
      const lo = typeof p.min === 'function' ? p.min(earlier) : p.min;
      const hi = typeof p.max === 'function' ? p.max(earlier) : p.max;
      const out: unknown[] = [...ranges, ...odd, 'abc', 'n/a', new Date(Date.UTC(2026, 0, 1))];
      if (lo !== undefined) out.push(lo - 1, lo - 0.001, -1e308);
      if (hi !== undefined) out.push(hi + 1, hi + 0.001, 1e308);
      if (p.integer) out.push((lo ?? 0) + 0.5);
      return out;
    }
    case 'text':
      return [...ranges, ...odd, 5, 'nonsense', new Date(Date.UTC(2026, 0, 1))];
    case 'period':
      return [...ranges, ...odd, 5, 'fortnight', 'month:apr', 'quarter:13', 'quarter:xyz', 'week:1'];
    case 'date':
      return [...ranges, true, new Date(NaN), NaN, Infinity, 'soon', '31/02/2026', -5, 0.5];
    case 'boolean':
      return [...ranges, 'maybe', 2, NaN];
    default:
      return [];
  }
}

/** Ranges holding what breaks readers: a range parameter passes them on to the formula's own checks. */
const HOSTILE_RANGES: unknown[] = [
  [[NaN]],
  [[Infinity], [-Infinity]],
  [[undefined], [null]],
  [[new Date(NaN)]],
  [[true], [false]],
  [['#N/A'], ['#REF!']],
  [['NaN'], ['undefined']],
  [[1, 2], [3]],
  [],
  [[]],
  '',
  'text',
  NaN,
];

const FORBIDDEN = /undefined|NaN|\[object/;

describe.each(FUNCTIONS.map((f) => [f.name, f] as const))('%s: every argument error follows the one format', (name, def) => {
  const baseline = def.params.map(fine);

  test('the baseline arguments are read without an error', () => {
    expect(() => readArguments(def, baseline, CTX)).not.toThrow();
  });

  test.each(def.params.map((p, i) => [p.name, p, i] as const))('%s', (_n, p, i) => {
    const earlier = readArguments(def, baseline, CTX);
    const cases: { value: unknown; argumentError: boolean }[] = [];
    const optional = p.optional === true || ('default' in p && p.default !== undefined);
    if (!optional) cases.push({ value: undefined, argumentError: true });
    if (p.kind === 'range' || p.kind === 'grid') for (const v of HOSTILE_RANGES) cases.push({ value: v, argumentError: false });
    else {
      if (!optional) cases.push({ value: '', argumentError: true });
      for (const v of hostileScalars(p, earlier)) cases.push({ value: v, argumentError: true });
    }
    for (const { value, argumentError } of cases) {
      const args = [...baseline];
      args[i] = value;
      while (args.length && args[args.length - 1] === undefined) args.pop();
      let message: string | null = null;
      try {
        run(name, ...args);
      } catch (e) {
        message = (e as Error).message;
      }
      const what = `${name} with ${p.name} = ${String(value)}`;
      if (message === null) {
        if (argumentError) throw new Error(`${what}: no error`);
        continue;
      }
      if (!message.startsWith(`${name}: `)) throw new Error(`${what}: ${message}`);
      if (message.includes('could not compute')) throw new Error(`${what}: ${message}`);
      if (FORBIDDEN.test(message.replace(/"(NaN|undefined)"/g, ''))) throw new Error(`${what}: ${message}`);
      if (!argumentError) continue;
      const m = new RegExp(`^${name}: argument ${p.name} is (.+); (.+)$`).exec(message);
      if (!m) throw new Error(`${what}: not in the one format: ${message}`);
      // The help is the declaration's (period words may say which part is wrong: a fiscal start, a month).
      if (p.kind !== 'period' && m[2] !== hintOf(p, earlier)) throw new Error(`${what}: ends "${m[2]}", not "${hintOf(p, earlier)}"`);
      if (m[2].trim() === '' || m[1].trim() === '') throw new Error(`${what}: an empty part: ${message}`);
    }
  });
});
