import vm from 'node:vm';
import fc from 'fast-check';
import { bundleText, formulasChunks, formulasFileText, serverFileText, serverSource, unescaped } from '../helpers/bundle';
import { SERVER_FUNCTION, codeOfComment, commentOf } from '../../src/appsscript/loader';
import { DOCUMENTED } from '../../src/functions/docs';
import { hintOf } from '../../src/functions/params';

// What Apps Script's V8 runtime rejects or lacks (DESIGN.md). The built script must use none of it.
const FORBIDDEN_GLOBALS = [
  'setTimeout',
  'setInterval',
  'setImmediate',
  'fetch',
  'URL',
  'URLSearchParams',
  'TextEncoder',
  'TextDecoder',
  'atob',
  'btoa',
  'crypto',
  'performance',
  'process',
  'require',
  'window',
  'document',
  'Buffer',
  'queueMicrotask',
  'structuredClone',
];

describe.each([
  ['dist/Code.js', bundleText],
  ['dist/Formulas.js', formulasFileText],
  ['the server in dist/Server.js', serverSource],
])('%s obeys Apps Script rules', (_name, text) => {
  const code = text();

  test('no module system', () => {
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
    expect(code).not.toMatch(/\bimport\s*\(/);
    expect(code).not.toMatch(/\bmodule\.exports\b|\bexports\.\w/);
  });

  test.each(FORBIDDEN_GLOBALS)('does not use %s', (name) => {
    // A property access such as x.process or a string is fine; a bare identifier is not.
    const bare = new RegExp(`(^|[^.\\w$'"])${name}\\b(?!\\s*:)`, 'm');
    const hits = code.split('\n').filter((line) => bare.test(line) && !/^\s*\*/.test(line));
    expect(hits).toEqual([]);
  });

  test('no #private fields or static class fields', () => {
    // A private member is read as `.#name` and declared in a class body after `{` or `;` (a colour such as
    // `solid #e0e0e0;` in an HTML string is neither).
    expect(code).not.toMatch(/\.#[a-zA-Z_]|[{;]\s*#[a-zA-Z_]\w*\s*[=;(]/);
    expect('class A{#x=1;get(){return this.#x}}').toMatch(/\.#[a-zA-Z_]|[{;]\s*#[a-zA-Z_]\w*\s*[=;(]/);
    expect(code).not.toMatch(/\bstatic\s+[\w$]+\s*=/);
  });
});

describe('dist/Code.js', () => {
  const code = bundleText();

  test('every formula is a top-level function with @customfunction JSDoc', () => {
    for (const { def: f, docs } of DOCUMENTED) {
      const at = code.indexOf(`\nfunction ${f.name}(`);
      expect(at).toBeGreaterThan(0);
      const doc = code.slice(code.lastIndexOf('/**', at), at);
      expect(doc).toContain('@customfunction');
      expect(doc).toContain(docs.summary);
      for (const a of f.params) expect(doc).toMatch(new RegExp(`@param \\{[^}]+\\} \\[?${a.name}\\]? \\S`));
      expect(doc).toContain('Example: =');
      expect(doc).toMatch(/@return \S/);
    }
  });

  // Every execution, each formula recalculation included, compiles the script: Code.js stays small, the
  // formulas' code comes in a comment of Formulas.js, each formula's compiled on its first use, and the
  // server in a comment of Server.js, compiled only by the entries that need it.
  test('at most 100 KB, and the server is not compiled by a formula', () => {
    expect(Buffer.byteLength(code)).toBeLessThanOrEqual(100 * 1024);
    for (const text of [code, formulasFileText()]) {
      expect(text).not.toContain('createAddonMenu');
      expect(text).not.toContain('FormApp');
    }
  });

  test('Formulas.js is one function: evaluating it runs nothing and defines nothing else', () => {
    const file = formulasFileText();
    const lines = file.split('\n').filter((l) => l && !l.startsWith('//'));
    expect(lines[0].startsWith('var leadlagFormulas_ = (function leadlagFormulas() {/*"use strict";')).toBe(true);
    expect(lines.at(-1)).toBe('});');
    const ctx = vm.createContext({});
    const before = vm.runInContext('Object.getOwnPropertyNames(globalThis)', ctx) as string[];
    vm.runInContext(file, ctx, { filename: 'Formulas.js' });
    const after = vm.runInContext('Object.getOwnPropertyNames(globalThis)', ctx) as string[];
    expect(after.filter((n) => !before.includes(n))).toEqual(['leadlagFormulas_']);
    // Called, it returns the formulas' exports; Code.js's Leadlag calls it once, on first use.
    expect(Object.keys(vm.runInContext('leadlagFormulas_()', ctx) as object).sort()).toEqual([
      'formula',
      'formulaDef',
      'server',
      'useFormulas',
    ]);
  });

  // Each formula's code is compiled on its first use: the runtime and that formula's chunks, not the others'.
  test('a formula’s first use compiles the runtime and its own code only', () => {
    const total = formulasChunks().reduce((n, c) => n + c.length, 0);
    const compiled = (name: string): { chars: number; def: unknown } => {
      const ctx = vm.createContext({});
      vm.runInContext(code, ctx, { filename: 'Code.js' });
      vm.runInContext(formulasFileText(), ctx, { filename: 'Formulas.js' });
      vm.runInContext('var __chars = 0, __eval = eval; eval = function (s) { __chars += s.length; return __eval(s); };', ctx);
      const def = vm.runInContext(`Leadlag.load().formulaDef(${JSON.stringify(name)})`, ctx) as unknown;
      return { chars: vm.runInContext('__chars', ctx) as number, def };
    };
    const sizes = DOCUMENTED.map(({ def }) => {
      const { chars, def: loaded } = compiled(def.name.toLowerCase());
      expect((loaded as { name: string }).name).toBe(def.name);
      return chars;
    });
    expect(Math.max(...sizes)).toBeLessThan(0.7 * total);
    expect(compiled('NPS').chars).toBeLessThan(0.3 * total);
    for (const name of ['NOPE', 'toString', '__proto__', 'hasOwnProperty']) expect(compiled(name).def).toBeUndefined();
  });

  test('without Formulas.js, a formula says what to do', () => {
    const ctx = vm.createContext({});
    vm.runInContext(code, ctx, { filename: 'Code.js' });
    expect(() => vm.runInContext('NPS([[10]])', ctx)).toThrow(
      'Leadlag is missing its Formulas file. Reinstall the add-on, or push dist/ again',
    );
  });

  // The docs are kept out of the bundle by the module structure (src/functions/defs/*.docs.ts, which
  // src/appsscript/main.ts never imports): the prose ships once, in the JSDoc; the run-time help that
  // argument errors end with ships in the bundle, because the runtime shows it.
  test('the bundle holds no formula docs, but does hold the run-time help of every argument', () => {
    const bundle = unescaped(formulasChunks().join('\n'));
    // Code.js holds the loader above the declarations, not the bundle.
    expect(code.slice(0, code.indexOf('\n/**')).length).toBeLessThan(2000);
    const prose = DOCUMENTED.flatMap(({ docs }) => [docs.summary, docs.returns, docs.example, ...Object.values(docs.args)]);
    // Long enough to be the docs' own wording, not a phrase an error message may share.
    const shipped = prose.map((t) => t.slice(0, 40)).filter((t) => t.length >= 12 && bundle.includes(t));
    expect(shipped).toEqual([]);
    for (const { def } of DOCUMENTED)
      for (const p of def.params) {
        if (p.hint !== undefined) expect(bundle).toContain(p.hint);
        else if (p.kind === 'number') expect(bundle).toContain(p.integer ? 'a whole number' : 'a number');
        else if (p.kind === 'text' && p.words) for (const w of Object.keys(p.words)) expect(bundle).toContain(w);
        else expect(bundle).toContain(hintOf(p));
      }
  });

  // Server.js is compiled only by the entries that need it (menu, sidebar calls, triggers), never by a formula:
  // 217 KB compiles and evaluates in 12–25 ms in a fresh V8 context (on a loaded 2-core machine), against
  // Apps Script's few hundred ms per server call. The cap keeps that under ~40 ms as the add-on grows.
  test('Server.js is one function holding the server in its comment, and nothing else to compile', () => {
    const file = serverFileText();
    const ctx = vm.createContext({});
    vm.runInContext(file, ctx, { filename: 'Server.js' });
    expect(vm.runInContext('Object.getOwnPropertyNames(globalThis).filter((n) => /^leadlag/i.test(n))', ctx)).toEqual([SERVER_FUNCTION]);
    expect(vm.runInContext(`${SERVER_FUNCTION}()`, ctx)).toBeUndefined();
    const lines = file.split('\n').filter((l) => l && !l.startsWith('//'));
    expect(lines[0].startsWith(`function ${SERVER_FUNCTION}() {/*"use strict";var LeadlagServer=(()=>{`)).toBe(true);
    expect(lines.at(-1)!.endsWith('})();*/}')).toBe(true);
    expect(serverSource()).toContain('createAddonMenu');
    expect(Buffer.byteLength(file)).toBeLessThanOrEqual(320 * 1024);
  });

  // One character past U+00FF makes V8 hold a whole file as UTF-16, which it scans slower.
  test('Formulas.js and Server.js are ASCII', () => {
    expect(formulasFileText()).not.toMatch(/[\u0080-\uffff]/);
    expect(serverFileText()).not.toMatch(/[\u0080-\uffff]/);
  });
});

describe('the server as a comment (src/appsscript/loader.ts)', () => {
  test.each(['', 'a*/b', '*/', '**/', '~', '~0', '~1', '*~1', '*~0/', 'x/*y*/z', '/* ~*/~ */'])('%j comes back as itself', (code) => {
    const text = commentOf(code);
    expect(text).not.toContain('*/');
    expect(codeOfComment(text)).toBe(code);
    // As V8 reads it back from a function's source.
    const fn = vm.runInNewContext(`(function f() {/*${text}*/})`) as () => void;
    const source = Function.prototype.toString.call(fn);
    expect(codeOfComment(source.slice(source.indexOf('/*') + 2, source.lastIndexOf('*/')))).toBe(code);
  });
  test('any text of *, /, ~, 0, 1 and a comes back as itself, and never ends the comment', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('*', '/', '~', '0', '1', 'a') }), (code) => {
        const text = commentOf(code);
        const source = Function.prototype.toString.call(vm.runInNewContext(`(function f() {/*${text}*/})`) as () => void);
        return !text.includes('*/') && codeOfComment(source.slice(source.indexOf('/*') + 2, source.lastIndexOf('*/'))) === code;
      }),
    );
  });
});
