/**
 * Builds what `clasp push` sends to Apps Script, into dist/:
 * - Code.js: the global `Leadlag` (a small loader, FORMULAS_LOADER), followed by the top-level
 *   custom-function declarations generated from the registry, with their JSDoc from the formulas' docs
 *   modules (src/functions/docs.ts, which the bundle's entry never imports: the prose ships once, in the
 *   JSDoc), and the menu, RPC and trigger entries;
 * - Formulas.js: the core and the formulas bundled by esbuild into one IIFE (Apps Script has no module
 *   system), inside a function that Code.js's `Leadlag` calls on first use (formulasFileOf), so that Code.js
 *   stays small while each execution compiles what it compiled before;
 * - Server.js: the server (menu, sidebar calls, scorecard builder, surveys) bundled the same way into the
 *   global `LeadlagServer`, kept as the comment of a function (`function leadlagServer_() {/*...*\/}`) that
 *   src/appsscript/loader.ts reads and compiles when a server entry runs, so that formula executions only
 *   skip it;
 * - appsscript.json: the manifest;
 * - sidebar.html: the sidebar (src/sidebar/), its script and styles inlined into one self-contained file
 *   that loads nothing from the network (HtmlService serves it; the local preview serves it too).
 */
import { build } from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import ts from 'typescript';
import { DOCUMENTED } from '../src/functions/docs';
import { declarations, serverDeclarations } from '../src/functions/declarations';
import { SERVER_FUNCTION, SERVER_GLOBAL, commentOf } from '../src/appsscript/loader';

const root = join(__dirname, '..');
const dist = join(root, 'dist');

/**
 * Global names a bundle never binds as locals: `globalThis` (the binding reads through it), `eval` (a local
 * alias would make every direct eval an indirect one) and `console` (the host's, not the language's).
 */
const UNBOUND = new Set(['globalThis', 'eval', 'console']);

/** The language's own globals, as a fresh V8 context holds them (Math, Date, Array, Map, Number, NaN...). */
export function builtinNames(): ReadonlySet<string> {
  const names = vm.runInNewContext('Object.getOwnPropertyNames(globalThis)') as string[];
  return new Set(names.filter((n) => !UNBOUND.has(n) && /^[A-Za-z_$][\w$]*$/.test(n)));
}

/**
 * Every builtin name the code holds as an identifier, except where it cannot read a variable (`x.Math`,
 * `{ Date: 1 }`, a method or class member's name). This over-approximates the builtins the code reads
 * (a local declared with a builtin's name counts too), which is the safe side: binding one more name costs
 * a few bytes, missing one costs a slow read on every call.
 */
export function builtinsRead(code: string, builtins: ReadonlySet<string> = builtinNames()): string[] {
  const file = ts.createSourceFile('bundle.js', code, ts.ScriptTarget.ES2020, true, ts.ScriptKind.JS);
  const found = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && builtins.has(node.text)) {
      const p = node.parent;
      const notAVariable =
        (ts.isPropertyAccessExpression(p) && p.name === node) ||
        ((ts.isPropertyAssignment(p) ||
          ts.isMethodDeclaration(p) ||
          ts.isPropertyDeclaration(p) ||
          ts.isGetAccessorDeclaration(p) ||
          ts.isSetAccessorDeclaration(p)) &&
          p.name === node) ||
        (ts.isBindingElement(p) && p.propertyName === node);
      if (!notAVariable) found.add(node.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  // Not in the public typings, but always there: a bundle that does not parse would hide identifiers.
  const problems = (file as unknown as { parseDiagnostics?: readonly ts.Diagnostic[] }).parseDiagnostics ?? [];
  if (problems.length) throw new Error(`the bundle does not parse: ${ts.flattenDiagnosticMessageText(problems[0].messageText, ' ')}`);
  return [...found].sort();
}

/**
 * Binds the builtins an esbuild IIFE reads as locals of the IIFE (`const Math=globalThis.Math,...;` as its
 * first statement). In a V8 context whose global object is an embedder's (node:vm, and a host such as Apps
 * Script may do the same), every read of a global goes through the embedder's interceptor: a formula's loop
 * that calls `Math.floor` and `new Date` a million times pays it a million times (13x slower measured in
 * node:vm, nodejs/node#31658). A local is read from the closure instead. The names come from the code
 * itself (builtinsRead), and the build fails if the IIFE is not shaped as expected, if a builtin name is
 * left outside it, or if the bound code still names a builtin the prelude does not bind.
 */
export function bindBuiltins(code: string, globalName: string): string {
  const head = `"use strict";var ${globalName}=(()=>{`;
  const tail = '})();';
  const text = code.trimEnd();
  if (!text.startsWith(head) || !text.endsWith(tail) || text.indexOf(head, 1) >= 0)
    throw new Error(`the ${globalName} bundle is not one IIFE (\`${head}...${tail}\`): cannot bind its builtins`);
  const body = text.slice(head.length, text.length - tail.length);
  const builtins = builtinNames();
  const names = builtinsRead(body, builtins);
  const prelude = names.length ? `const ${names.map((n) => `${n}=globalThis.${n}`).join(',')};` : '';
  const bound = `${head}${prelude}${body}${tail}\n`;
  // The guarantee: parsed again, the IIFE names no builtin its prelude does not bind.
  const again = builtinsRead(bound, builtins);
  const missing = again.filter((n) => !names.includes(n));
  if (missing.length) throw new Error(`the ${globalName} bundle reads builtins it does not bind: ${missing.join(', ')}`);
  return bound;
}

/**
 * The code with every character past ASCII in its regular expression literals written as a `\uXXXX` escape
 * (the same pattern with or without the `u` flag; `\—`, an identity escape, becomes `\u2014`): esbuild's
 * `charset: 'ascii'` escapes strings, templates and names but leaves these as written. The build fails if a
 * character past ASCII is left anywhere else: one such character makes V8 hold the whole file as UTF-16.
 */
export function asciiRegExps(code: string): string {
  const file = ts.createSourceFile('bundle.js', code, ts.ScriptTarget.ES2020, true, ts.ScriptKind.JS);
  const edits: { start: number; end: number; text: string }[] = [];
  const u = (c: number): string => `\\u${c.toString(16).padStart(4, '0')}`;
  const visit = (node: ts.Node): void => {
    if (ts.isRegularExpressionLiteral(node) && /[\u0080-\uffff]/.test(node.text)) {
      const t = node.text;
      let out = '';
      for (let i = 0; i < t.length; i++) {
        const c = t.charCodeAt(i);
        if (c === 0x5c && i + 1 < t.length) {
          const next = t.charCodeAt(i + 1);
          out += next > 0x7f ? u(next) : t.slice(i, i + 2);
          i++;
        } else out += c > 0x7f ? u(c) : t[i];
      }
      edits.push({ start: node.getStart(file), end: node.end, text: out });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  let out = code;
  for (const e of edits.reverse()) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  const left = /[\u0080-\uffff]/.exec(out);
  if (left)
    throw new Error(
      `the bundle holds a character past ASCII outside a string or pattern: ${JSON.stringify(out.slice(left.index - 40, left.index + 10))}`,
    );
  return out;
}

/** The formulas' bundle (`Leadlag`), or with `server` the server's (`LeadlagServer`); its builtins bound as locals. */
export async function buildBundle(which: 'formulas' | 'server' = 'formulas'): Promise<string> {
  const globalName = which === 'server' ? SERVER_GLOBAL : 'Leadlag';
  const result = await build({
    entryPoints: [join(root, which === 'server' ? 'src/appsscript/serverMain.ts' : 'src/appsscript/main.ts')],
    bundle: true,
    format: 'iife',
    globalName,
    target: 'es2020',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    minify: true,
    legalComments: 'none',
    // Non-ASCII characters written as \u escapes: a file with one character past U+00FF is held as UTF-16,
    // which V8 scans slower (measured: Server.js as a string evaluated in 1.0 ms instead of 1.5 ms).
    charset: 'ascii',
    write: false,
  });
  return asciiRegExps(bindBuiltins(result.outputFiles[0].text, globalName));
}

/** The function in dist/Formulas.js that evaluates the formulas' bundle and returns its `Leadlag`. */
export const FORMULAS_FUNCTION = 'leadlagFormulas_';

/**
 * The global `Leadlag` as Code.js defines it: `formula` and `server` that evaluate the formulas' bundle
 * (dist/Formulas.js) on first use, once per execution (`load` does only that, and returns the bundle's exports). Apps Script evaluates every file of the project in one
 * global scope before it calls anything, so the order of the files does not matter.
 */
export const FORMULAS_LOADER =
  'var Leadlag = (function () {\n' +
  '  var loaded = null;\n' +
  '  function load() {\n' +
  `    if (loaded === null) {\n` +
  `      if (typeof ${FORMULAS_FUNCTION} !== 'function') throw new Error('Leadlag is missing its Formulas file. Reinstall the add-on, or push dist/ again (npm run push).');\n` +
  `      loaded = ${FORMULAS_FUNCTION}();\n` +
  '    }\n' +
  '    return loaded;\n' +
  '  }\n' +
  '  return {\n' +
  '    formula: function (name, args) { return load().formula(name, args); },\n' +
  '    server: function () { return load().server(); },\n' +
  '    load: load,\n' +
  '  };\n' +
  '})();\n';

/**
 * dist/Formulas.js: the formulas' bundle (`"use strict";var Leadlag=(()=>{...})();`) as the body of one
 * function, `var leadlagFormulas_ = (function () { ... return Leadlag; });`, that Code.js calls on first use.
 * The parentheses are on purpose: V8 compiles a parenthesised function as the file is evaluated, as it did the
 * bundle's IIFE when it sat in Code.js, so a formula execution pays what it paid before. A plain function
 * declaration would be pre-parsed at evaluation and parsed again on the first call: measured 5–20% slower
 * for a formula's cold call, the kind of execution Sheets runs most.
 */
export function formulasFileOf(bundle: string, version: string): string {
  return (
    `// Leadlag ${version}: the formulas' implementation, run on first use by Leadlag in Code.js.\n` +
    `var ${FORMULAS_FUNCTION} = (function () {\n${bundle.trimEnd()}\nreturn Leadlag;\n});\n`
  );
}

/**
 * dist/Server.js: the server's bundle as the one comment of a function that does nothing,
 * `function leadlagServer_() {/*...*\/}` (loader.ts commentOf; Leadlag.server() reads it back). Every execution
 * evaluates this file, formula recalculations included, and V8 skips a comment faster than it scans anything
 * else: measured evaluating the file alone in a fresh node:vm context, 0.6 ms, against 1.0 ms with the code as
 * an ASCII string literal, 1.5 ms as the UTF-16 string it was, and about 8 ms as the body of a function never
 * called (preparsed).
 */
export function serverFileOf(bundle: string, version: string): string {
  return (
    `// Leadlag ${version}: the server (menu, sidebar, surveys) as a comment, compiled on first use by Leadlag.server() in Code.js.\n` +
    `function ${SERVER_FUNCTION}() {/*${commentOf(bundle.trim())}*/}\n`
  );
}

/** The sidebar's size limit: HtmlService serves it on every open. */
export const SIDEBAR_MAX_BYTES = 150 * 1024;

/** The sidebar as one HTML file: src/sidebar/sidebar.html with main.ts bundled and styles.css minified inline. */
export async function buildSidebar(): Promise<string> {
  const sidebar = join(root, 'src/sidebar');
  const js = await build({
    entryPoints: [join(sidebar, 'main.ts')],
    bundle: true,
    format: 'iife',
    target: 'es2020',
    platform: 'browser',
    minify: true,
    legalComments: 'none',
    charset: 'utf8',
    write: false,
  });
  const css = await build({ entryPoints: [join(sidebar, 'styles.css')], bundle: true, minify: true, write: false, logLevel: 'warning' });
  const script = js.outputFiles[0].text.trim();
  const style = css.outputFiles[0].text.trim();
  if (/<\/script/i.test(script) || /<\/style/i.test(style)) throw new Error('the sidebar bundle holds a closing tag and cannot be inlined');
  const template = readFileSync(join(sidebar, 'sidebar.html'), 'utf8');
  const html = template.split('/*CSS*/').join(style).split('/*JS*/').join(script);
  if (html.split('data-start="home"').length !== 2)
    throw new Error('sidebar.html must hold data-start="home" exactly once (the menu swaps it)');
  return html;
}

export async function writeSidebar(): Promise<number> {
  const html = await buildSidebar();
  const bytes = Buffer.byteLength(html);
  if (bytes > SIDEBAR_MAX_BYTES)
    throw new Error(`dist/sidebar.html is ${(bytes / 1024).toFixed(1)} KB, over the ${SIDEBAR_MAX_BYTES / 1024} KB limit`);
  mkdirSync(dist, { recursive: true });
  writeFileSync(join(dist, 'sidebar.html'), html);
  return bytes;
}

/**
 * Dev only: dist/Smoke.js, the smoke test a maintainer runs once in a real spreadsheet (docs/smoke.md).
 * `.claspignore` keeps it out of `npm run push`; `npm run smoke:push` pushes it with src/smoke/.claspignore.
 */
export async function buildSmoke(): Promise<string> {
  const result = await build({
    entryPoints: [join(root, 'src/smoke/appsScript.ts')],
    bundle: true,
    format: 'iife',
    globalName: 'LeadlagSmoke',
    target: 'es2020',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    minify: true,
    legalComments: 'none',
    charset: 'utf8',
    write: false,
  });
  const text = `// Leadlag smoke test (dev only, never in a release).\n${result.outputFiles[0].text}\nfunction leadlagSmoke() { return LeadlagSmoke.run(); }\n`;
  writeFileSync(join(dist, 'Smoke.js'), text);
  return text;
}

async function main(): Promise<void> {
  mkdirSync(dist, { recursive: true });
  const bundle = await buildBundle();
  const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
  const code = `// Leadlag ${version}\n` + FORMULAS_LOADER + '\n' + declarations(DOCUMENTED) + '\n' + serverDeclarations();
  writeFileSync(join(dist, 'Code.js'), code);
  const formulasFile = formulasFileOf(bundle, version);
  writeFileSync(join(dist, 'Formulas.js'), formulasFile);
  const serverFile = serverFileOf(await buildBundle('server'), version);
  writeFileSync(join(dist, 'Server.js'), serverFile);
  copyFileSync(join(root, 'appsscript.json'), join(dist, 'appsscript.json'));
  // The command line (Node only, never pushed): bin/leadlag.js loads it.
  await build({
    entryPoints: [join(root, 'src/cli/main.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile: join(dist, 'cli.js'),
    logLevel: 'warning',
  });
  const kb = (text: string): string => `${(Buffer.byteLength(text) / 1024).toFixed(1)} KB`;
  console.log(
    `dist/Code.js ${kb(code)} (${DOCUMENTED.length} formulas), dist/Formulas.js ${kb(formulasFile)}, dist/Server.js ${kb(serverFile)}`,
  );
  const sidebarBytes = await writeSidebar();
  console.log(`dist/sidebar.html ${(sidebarBytes / 1024).toFixed(1)} KB`);
  await buildSmoke();
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
