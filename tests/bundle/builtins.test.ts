import vm from 'node:vm';
import { CHUNK_BUILTINS, CHUNK_NEED, bindBuiltins, builtinNames, builtinsRead } from '../../scripts/build';
import { call, formulasChunks, formulasFileText, loadBundle, serverSource } from '../helpers/bundle';

/**
 * The formulas' chunks and the server bind the language's builtins (Math, Date, Array...) as locals
 * (scripts/build.ts buildFormulaChunks, bindBuiltins): in a V8 context with an embedder's global object (node:vm, maybe Apps
 * Script) every read of a global goes through the embedder's interceptor, a million times in a formula's
 * loop. Checked statically (the IIFE names no builtin it does not bind) and by running the formulas with the
 * context's global builtins replaced by getters that throw.
 */
const iifeOf = (code: string, name: string): string => {
  const start = code.indexOf(`"use strict";var ${name}=(()=>{`);
  const end = code.indexOf('})();', start);
  expect(start).toBeGreaterThanOrEqual(0);
  return code.slice(start, end + 5);
};

/** The names in the IIFE's first statement, `const Math=globalThis.Math,...;`. */
const prelude = (iife: string): string[] => {
  const m = /^"use strict";var \w+=\(\(\)=>\{const ((?:[\w$]+=globalThis\.[\w$]+,?)+);/.exec(iife);
  expect(m).not.toBeNull();
  return m![1].split(',').map((d) => {
    const [local, global] = d.split('=globalThis.');
    expect(local).toBe(global);
    return local;
  });
};

describe('the server in dist/Server.js binds its builtins as locals', () => {
  test('every builtin the IIFE names is bound by its first statement', () => {
    const code = iifeOf(serverSource(), 'LeadlagServer');
    const bound = prelude(code);
    expect(bound).toEqual(expect.arrayContaining(['Math', 'Date', 'Number', 'Array']));
    expect(builtinsRead(code).filter((n) => !bound.includes(n))).toEqual([]);
  });
});

describe('the formulas’ chunks in dist/Formulas.js bind their builtins as locals', () => {
  const chunks = formulasChunks();
  const file = formulasFileText();
  const given = /var builtins = \{ ([^}]*) \};/
    .exec(file)![1]
    .split(', ')
    .map((p) => p.split(': ')[0]);
  test.each(chunks.map((c, i) => [i, c] as const))('chunk %i: every builtin it names is bound by its first statement', (_i, chunk) => {
    const m = new RegExp(`^"use strict";(?:const\\{([\\w$,]+)\\}=${CHUNK_BUILTINS};)?`).exec(chunk);
    expect(m).not.toBeNull();
    const bound = (m![1] ?? '').split(',').filter(Boolean);
    for (const n of bound) expect(given).toContain(n);
    expect(builtinsRead(`(function(${CHUNK_NEED},${CHUNK_BUILTINS}){${chunk}\n})`).filter((n) => !bound.includes(n))).toEqual([]);
  });
  test('the loader gives them the builtins as they were when the formulas were loaded', () => {
    expect(given).toEqual(expect.arrayContaining(['Math', 'Date', 'Number', 'Array']));
    for (const n of given) expect(file).toContain(`${n}: ${n}`);
  });
});

describe('scripts/build.ts bindBuiltins', () => {
  const wrap = (body: string) => `"use strict";var X=(()=>{${body}})();\n`;
  test('binds what the code reads, not property names, keys or members', () => {
    const out = bindBuiltins(wrap('var a={Map:1,Set(){}};return a.Date+Math.floor(NaN)+new Int32Array(1)[0]+{JSON}.JSON;'), 'X');
    expect(out).toBe(
      wrap(
        'const Int32Array=globalThis.Int32Array,JSON=globalThis.JSON,Math=globalThis.Math,NaN=globalThis.NaN;' +
          'var a={Map:1,Set(){}};return a.Date+Math.floor(NaN)+new Int32Array(1)[0]+{JSON}.JSON;',
      ),
    );
    const body = 'var a={Map:1,Set(){}};return a.Date+Math.floor(NaN)+new Int32Array(1)[0]+{JSON}.JSON;';
    expect(vm.runInNewContext(`${out};X`)).toBe(vm.runInNewContext(`${wrap(body)};X`));
  });
  test('strings, templates and regular expressions are not identifiers', () => {
    expect(builtinsRead('var s="Math Date", t=`Array ${1}`, r=/Map/;')).toEqual([]);
    expect(builtinsRead('var t=`${Math.PI}`;')).toEqual(['Math']);
  });
  test('globalThis, eval and console are never bound', () => {
    const names = builtinNames();
    for (const n of ['globalThis', 'eval', 'console']) expect(names.has(n)).toBe(false);
    expect(bindBuiltins(wrap('return globalThis.Math;'), 'X')).toBe(wrap('return globalThis.Math;'));
  });
  test('refuses a bundle that is not one IIFE', () => {
    expect(() => bindBuiltins('var X=1;', 'X')).toThrow('is not one IIFE');
  });
});

describe('the formulas never read a global builtin once their bundle is loaded', () => {
  const col = (...xs: unknown[]) => xs.map((x) => [x]);
  const names = [...builtinNames()];

  /**
   * The pushed files in a fresh context, the formulas loaded (what the first formula of an execution does once:
   * the loader reads the builtins its chunks bind); with `poison`, every builtin on its global then throws when
   * read, before any formula's own code is compiled.
   */
  function context(poison: boolean): { ctx: vm.Context; reads: string[] } {
    const ctx = loadBundle();
    vm.runInContext('Leadlag.load()', ctx);
    const D = (iso: string) => vm.runInContext(`new Date(${JSON.stringify(`${iso}T00:00:00`)})`, ctx) as Date;
    (ctx as Record<string, unknown>).__dates = [D('2026-01-05'), D('2026-01-20'), D('2026-03-02'), D('2026-07-31')];
    const reads: string[] = [];
    if (poison) {
      (ctx as Record<string, unknown>).__read = (n: string) => reads.push(n);
      vm.runInContext(
        `(() => {
           const O = Object, E = Error, read = __read, names = ${JSON.stringify(names)};
           for (const n of names) {
             const d = O.getOwnPropertyDescriptor(globalThis, n);
             if (d && d.configurable) O.defineProperty(globalThis, n, { configurable: true, get() { read(n); throw new E('read the global ' + n); } });
           }
         })()`,
        ctx,
      );
    }
    return { ctx, reads };
  }

  function calls(ctx: vm.Context): unknown[] {
    const d = (ctx as Record<string, unknown>).__dates as Date[];
    const twelve = col(...Array.from({ length: 12 }, (_, i) => (i * 7) % 11));
    const attempt = (f: () => unknown): unknown => {
      try {
        return f();
      } catch (e) {
        return `error: ${(e as Error).message}`;
      }
    };
    return [
      call(ctx, 'NPS', col(10, 9, 8, 7, 6, '', '3')),
      call(ctx, 'NPS_DETAIL', col(10, 9, 8, 3), 0.9),
      call(ctx, 'NPS_BY_PERIOD', col(d[0], d[1], d[2], '2026-04-01'), col(10, 0, 9, '7')),
      call(ctx, 'CSAT', col(5, 4, 3, 'Very satisfied')),
      call(ctx, 'NET_COMPARISON', col('Better', 'About the same', 'Worse')),
      call(ctx, 'ONTIME_RATE', col(d[0], '2026-01-10'), col(d[1], '09/01/2026')),
      call(ctx, 'RETURN_RATE', col(10, '20'), col(1, '')),
      call(ctx, 'REVIEW_RESPONSE_RATE', col(1, 2, '★☆☆☆☆'), col('Yes', '', 'No')),
      call(ctx, 'PERIOD_SERIES', col(d[0], '01/03/2026', '2026-03-15', d[3]), col('£1,000', 250, '(50)', '1.234,5'), 'month', 'median'),
      call(ctx, 'PERIOD_SERIES', col(d[0], d[1], d[2]), col(1, 2, 3), 'week', 'sum'),
      call(ctx, 'LEADLAG', twelve, col(...twelve.map(([x]) => (x as number) * 2 + 1)), 3),
      call(ctx, 'TARGET_PRESSURE', col('2026-01-05', '2026-03-30', '2026-03-31'), col(100, 100, 100)),
      call(ctx, 'OKR_SCORE', col(100, 0), col(80, 50), col(50, 100)),
      call(ctx, 'KEY_ACCOUNTS', col('Acme', 'Beta', 'acme '), col(500, 300, 300), col(3, '', '')),
      call(ctx, 'IMPROVEMENT_SUMMARY', col('open', 'Done'), col('2026-01-01', ''), col('', '2026-01-11'), col('', '2026-01-01'), d[3]),
      call(ctx, 'PERIODS', col(d[0], d[3]), 'quarter:jul', 4),
      call(ctx, 'MEASURE_SERIES', 'nps', [['2026-01', '2026-02', '2026-03']], col(d[0], d[1], d[2]), col(10, 3, 9)),
      call(ctx, 'TARGET_STATUS', [[1, 2, 3]], 3.2),
      call(ctx, 'CONNECTIONS', [twelve.map(([x]) => x)], [twelve.map(([x]) => (x as number) + 1)], 'NPS', 'Revenue', 2),
      attempt(() => call(ctx, 'NPS', col(9, 10, 'eleven'))),
      attempt(() => call(ctx, 'PERIOD_SERIES', col('31/02/2026'), col(1))),
    ];
  }

  test('the same answers, and no read of a global builtin', () => {
    const clean = calls(context(false).ctx);
    const { ctx, reads } = context(true);
    const poisoned = calls(ctx);
    expect(reads).toEqual([]);
    expect(JSON.parse(JSON.stringify(poisoned))).toEqual(JSON.parse(JSON.stringify(clean)));
    expect(String(clean[clean.length - 2])).toMatch(/^error: NPS: row 3 holds "eleven"/);
  });

  test('the poison works: a global read in the context throws', () => {
    const { ctx, reads } = context(true);
    // Caught inside the context: the error's own realm has its builtins poisoned too.
    expect(vm.runInContext('(() => { try { Math.floor(1); return "no error"; } catch (e) { return "" + e.message; } })()', ctx)).toBe(
      'read the global Math',
    );
    expect(new Set(reads)).toEqual(new Set(['Math']));
  });
});
