import { bundleText } from '../helpers/bundle';
import { FUNCTIONS } from '../../src/functions/registry';

// What Apps Script's V8 runtime rejects or lacks (DESIGN.md). The built script must use none of it.
const FORBIDDEN_GLOBALS = [
  'setTimeout', 'setInterval', 'setImmediate', 'fetch', 'URL', 'URLSearchParams', 'TextEncoder', 'TextDecoder',
  'atob', 'btoa', 'crypto', 'performance', 'process', 'require', 'window', 'document', 'Buffer', 'queueMicrotask',
  'structuredClone',
];

describe('dist/Code.js obeys Apps Script rules', () => {
  const code = bundleText();

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

  // Every execution loads the whole script. 100 KB held the formulas and the scorecard; the survey
  // features (forms, triggers, the improvement loop) raised it to 128 KB, a decision recorded in the
  // README's Performance section with what it costs a formula execution (bench: Code.js evaluation).
  test('at most 128 KB', () => {
    expect(Buffer.byteLength(code)).toBeLessThanOrEqual(128 * 1024);
  });
});
