import { bundleText, serverFileText, serverSource } from '../helpers/bundle';
import { FUNCTIONS } from '../../src/functions/registry';

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
    expect(code).not.toMatch(/#[a-zA-Z_]\w*\s*[=;(]/);
    expect(code).not.toMatch(/\bstatic\s+[\w$]+\s*=/);
  });
});

describe('dist/Code.js', () => {
  const code = bundleText();

  test('every formula is a top-level function with @customfunction JSDoc', () => {
    for (const f of FUNCTIONS) {
      const at = code.indexOf(`\nfunction ${f.name}(`);
      expect(at).toBeGreaterThan(0);
      const doc = code.slice(code.lastIndexOf('/**', at), at);
      expect(doc).toContain('@customfunction');
      for (const a of f.args) expect(doc).toMatch(new RegExp(`@param \\{[^}]+\\} \\[?${a.name}\\]? \\S`));
      expect(doc).toContain('Example: =');
      expect(doc).toMatch(/@return \S/);
    }
  });

  // Every execution, each formula recalculation included, compiles the script: the formulas' bundle stays
  // small, and the server comes as text in Server.js, compiled only by the entries that need it.
  test('at most 100 KB, and the server is not compiled by a formula', () => {
    expect(Buffer.byteLength(code)).toBeLessThanOrEqual(100 * 1024);
    expect(code).not.toContain('createAddonMenu');
    expect(code).not.toContain('FormApp');
  });

  test('Server.js is one string and nothing else to compile', () => {
    const file = serverFileText();
    expect(file.split('\n').filter((l) => l && !l.startsWith('//'))).toHaveLength(1);
    expect(serverSource()).toContain('createAddonMenu');
    expect(Buffer.byteLength(file)).toBeLessThanOrEqual(150 * 1024);
  });
});
