/**
 * Builds what `clasp push` sends to Apps Script, into dist/:
 * - Code.js: the global `Leadlag` (a small loader, FORMULAS_LOADER), followed by the top-level
 *   custom-function declarations generated from the registry, with their JSDoc from the formulas' docs
 *   modules (src/functions/docs.ts, which the bundle's entry never imports: the prose ships once, in the
 *   JSDoc), and the menu, RPC and trigger entries;
 * - Formulas.js: the core and the formulas split by esbuild into chunks (Apps Script has no module system:
 *   each chunk becomes a function, buildFormulaChunks), kept in the comment of a function that Code.js's
 *   `Leadlag` calls on first use (formulasFileOf), which compiles the runtime's chunks then, and a formula's
 *   own chunks on that formula's first call: an execution compiles the code its formula needs, not all of it;
 * - Server.js: the server (menu, sidebar calls, scorecard builder, surveys) bundled the same way into the
 *   global `LeadlagServer`, kept as the comment of a function (`function leadlagServer_() {/*...*\/}`) that
 *   src/appsscript/loader.ts reads and compiles when a server entry runs, so that formula executions only
 *   skip it;
 * - appsscript.json: the manifest;
 * - sidebar.html: the sidebar (src/sidebar/), its script and styles inlined into one self-contained file
 *   that loads nothing from the network (HtmlService serves it; the local preview serves it too).
 */
import { type BuildOptions, build } from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import ts from 'typescript';
import { DOCUMENTED } from '../src/functions/docs';
import { declarations, serverDeclarations } from '../src/functions/declarations';
import { COMMENT_SEPARATOR, SERVER_FUNCTION, SERVER_GLOBAL, commentOf } from '../src/appsscript/loader';

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

const ESBUILD = {
  bundle: true,
  target: 'es2020',
  platform: 'neutral',
  mainFields: ['module', 'main'] as string[],
  minify: true,
  legalComments: 'none',
  // Non-ASCII characters written as \u escapes: a file with one character past U+00FF is held as UTF-16,
  // which V8 scans slower (measured: Server.js as a string evaluated in 1.0 ms instead of 1.5 ms).
  charset: 'ascii',
  write: false,
} as const satisfies BuildOptions;

/** The server's bundle (`LeadlagServer`), its builtins bound as locals. */
export async function buildBundle(): Promise<string> {
  const result = await build({
    ...ESBUILD,
    entryPoints: [join(root, 'src/appsscript/serverMain.ts')],
    format: 'iife',
    globalName: SERVER_GLOBAL,
  });
  return asciiRegExps(bindBuiltins(result.outputFiles![0].text, SERVER_GLOBAL));
}

/** The names a chunk's code is given (formulasFileOf): another chunk's exports, and the builtins. */
export const CHUNK_NEED = '__need';
export const CHUNK_BUILTINS = '__builtins';

/** The formulas' code split into chunks, each the body of `function (__need, __builtins) {...}`. */
export interface FormulaChunks {
  /** Each chunk's code: `"use strict";` and its builtins bound, then the other chunks' exports it imports, its own code, `return {...}`. */
  readonly chunks: readonly string[];
  /** The chunks of src/appsscript/main.ts (the runtime: arguments, guards, the host), each after those it imports. */
  readonly main: readonly number[];
  /** Each formula's chunks not in `main`, in that order; the last one's `def` is its declaration. */
  readonly formulas: Readonly<Record<string, readonly number[]>>;
  /** Every builtin a chunk binds (dist/Formulas.js reads them once, when the formulas are loaded). */
  readonly builtins: readonly string[];
}

/** Each formula's name and module, from the imports of src/functions/registry.ts. */
export function formulaModules(): { name: string; path: string }[] {
  const file = join(root, 'src/functions/registry.ts');
  const src = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2020, true);
  const out: { name: string; path: string }[] = [];
  for (const st of src.statements) {
    if (!ts.isImportDeclaration(st) || st.importClause?.isTypeOnly) continue;
    const from = (st.moduleSpecifier as ts.StringLiteral).text;
    const named = st.importClause?.namedBindings;
    if (!from.startsWith('./defs/') || !named || !ts.isNamedImports(named)) continue;
    for (const e of named.elements) out.push({ name: e.name.text, path: join(root, 'src/functions', from) });
  }
  const names = DOCUMENTED.map((d) => d.def.name);
  const found = out.map((m) => m.name);
  if (names.length !== found.length || names.some((n) => !found.includes(n)))
    throw new Error(`src/functions/registry.ts imports ${found.join(', ')}, but the registry holds ${names.join(', ')}`);
  return out;
}

/**
 * The formulas as chunks: esbuild splits src/appsscript/main.ts and each formula's declaration (one entry
 * each) into ES modules, code used by several entries in chunks of its own, and each module becomes the
 * body of a function: `import {a as b} from "./c.js"` becomes `const {a: b} = __need(c)`, `export {x as y}`
 * becomes `return {y: x}`. An export is copied, not live: the build fails if a chunk assigns a variable it
 * exports (none does).
 */
export async function buildFormulaChunks(): Promise<FormulaChunks> {
  const modules = formulaModules();
  const MAIN = 'leadlag-main';
  const result = await build({
    ...ESBUILD,
    entryPoints: { [MAIN]: join(root, 'src/appsscript/main.ts'), ...Object.fromEntries(modules.map((m) => [m.name, `formula:${m.name}`])) },
    format: 'esm',
    splitting: true,
    outdir: join(dist, 'chunks'),
    plugins: [
      {
        name: 'formula-entries',
        setup(b) {
          b.onResolve({ filter: /^formula:/ }, (a) => ({ path: a.path.slice('formula:'.length), namespace: 'formula' }));
          b.onLoad({ filter: /.*/, namespace: 'formula' }, (a) => {
            const m = modules.find((x) => x.name === a.path)!;
            return { contents: `export { ${m.name} as def } from ${JSON.stringify(m.path)};`, resolveDir: root, loader: 'ts' };
          });
        },
      },
    ],
  });
  const files = result.outputFiles!.map((f) => ({ name: f.path.slice(f.path.lastIndexOf('/') + 1), text: f.text }));
  const index = new Map(files.map((f, i) => [f.name, i]));
  const builtins = builtinNames();
  const all = new Set<string>();
  const linked = files.map((f) => {
    const file = ts.createSourceFile(f.name, f.text, ts.ScriptTarget.ES2020, true, ts.ScriptKind.JS);
    let body = '';
    let at = 0;
    const exported: string[] = [];
    const deps: number[] = [];
    for (const st of file.statements) {
      let text: string | null = null;
      if (ts.isImportDeclaration(st)) {
        const from = index.get((st.moduleSpecifier as ts.StringLiteral).text.replace(/^\.\//, ''));
        if (from === undefined) throw new Error(`chunk ${f.name} imports ${st.moduleSpecifier.getText(file)}, not a chunk`);
        const named = st.importClause?.namedBindings;
        if (st.importClause?.name || (named && !ts.isNamedImports(named)))
          throw new Error(`chunk ${f.name}: ${st.getText(file)} is not a named import`);
        const parts = named ? named.elements.map((e) => `${(e.propertyName ?? e.name).text}:${e.name.text}`) : [];
        deps.push(from);
        // An import for its side effects only (the chunk evaluated first) needs no code: the loader
        // evaluates a formula's chunks in this order.
        text = parts.length ? `const{${parts.join(',')}}=${CHUNK_NEED}(${from});` : '';
      } else if (ts.isExportDeclaration(st)) {
        const named = st.exportClause;
        if (st.moduleSpecifier || !named || !ts.isNamedExports(named))
          throw new Error(`chunk ${f.name}: ${st.getText(file)} is not a named export`);
        for (const e of named.elements) exported.push((e.propertyName ?? e.name).text);
        text = `return{${named.elements.map((e) => `${e.name.text}:${(e.propertyName ?? e.name).text}`).join(',')}};`;
      } else if (
        ts.isExportAssignment(st) ||
        (ts.canHaveModifiers(st) && ts.getModifiers(st)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword))
      ) {
        throw new Error(`chunk ${f.name}: ${st.getText(file).slice(0, 80)} exports in a way the formulas' loader does not read`);
      }
      if (text !== null) {
        body += f.text.slice(at, st.getStart(file)) + text;
        at = st.end;
      }
    }
    body += f.text.slice(at).trimEnd();
    const assigned = assignedNames(file);
    const live = exported.filter((n) => assigned.has(n));
    if (live.length)
      throw new Error(`chunk ${f.name} exports ${live.join(', ')} and assigns it: the copy another chunk imports would go stale`);
    for (const n of [CHUNK_NEED, CHUNK_BUILTINS]) if (new RegExp(`\\b${n}\\b`).test(f.text)) throw new Error(`chunk ${f.name} names ${n}`);
    const wrap = (code: string): string => `(function(${CHUNK_NEED},${CHUNK_BUILTINS}){${code}\n})`;
    const names = builtinsRead(wrap(body), builtins);
    names.forEach((n) => all.add(n));
    const prelude = `"use strict";${names.length ? `const{${names.join(',')}}=${CHUNK_BUILTINS};` : ''}`;
    const bound = asciiRegExps(`${prelude}${body}${exported.length ? '' : 'return{};'}`);
    const again = builtinsRead(wrap(bound), builtins).filter((n) => !names.includes(n));
    if (again.length) throw new Error(`chunk ${f.name} reads builtins it does not bind: ${again.join(', ')}`);
    return { text: bound, deps };
  });
  const chunks = linked.map((c) => c.text);
  // Each entry's chunks, every chunk after the chunks it imports (the order ES modules are evaluated in).
  const imports = linked.map((c) => c.deps);
  const order = (entry: number, skip: ReadonlySet<number>): number[] => {
    const out: number[] = [];
    const seen = new Set<number>(skip);
    const visit = (i: number, path: readonly number[]): void => {
      if (path.includes(i)) throw new Error(`the formulas' chunks import each other in a cycle: ${[...path, i].join(' → ')}`);
      if (seen.has(i)) return;
      seen.add(i);
      for (const d of imports[i]) visit(d, [...path, i]);
      out.push(i);
    };
    visit(entry, []);
    return out;
  };
  const main = order(index.get(`${MAIN}.js`)!, new Set());
  return {
    chunks,
    main,
    formulas: Object.fromEntries(modules.map((m) => [m.name, order(index.get(`${m.name}.js`)!, new Set(main))])),
    builtins: [...all].sort(),
  };
}

/** Every name a code assigns to (`x = ...`, `x += ...`, `x++`, destructuring targets), wherever it is declared. */
function assignedNames(file: ts.SourceFile): Set<string> {
  const out = new Set<string>();
  const target = (e: ts.Expression): void => {
    if (ts.isIdentifier(e)) out.add(e.text);
    else if (ts.isParenthesizedExpression(e)) target(e.expression);
    else if (ts.isArrayLiteralExpression(e)) e.elements.forEach((x) => target(ts.isSpreadElement(x) ? x.expression : x));
    else if (ts.isObjectLiteralExpression(e))
      for (const p of e.properties) {
        if (ts.isShorthandPropertyAssignment(p)) out.add(p.name.text);
        else if (ts.isPropertyAssignment(p)) target(p.initializer);
        else if (ts.isSpreadAssignment(p)) target(p.expression);
      }
    else if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.EqualsToken) target(e.left);
  };
  const visit = (node: ts.Node): void => {
    if (
      ts.isBinaryExpression(node) &&
      node.operatorToken.kind >= ts.SyntaxKind.FirstAssignment &&
      node.operatorToken.kind <= ts.SyntaxKind.LastAssignment
    )
      target(node.left);
    else if (
      (ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) &&
      (node.operator === ts.SyntaxKind.PlusPlusToken || node.operator === ts.SyntaxKind.MinusMinusToken)
    )
      target(node.operand);
    else if ((ts.isForOfStatement(node) || ts.isForInStatement(node)) && !ts.isVariableDeclarationList(node.initializer))
      target(node.initializer);
    ts.forEachChild(node, visit);
  };
  visit(file);
  return out;
}

/** The function in dist/Formulas.js that loads the formulas and returns their exports (src/appsscript/main.ts). */
export const FORMULAS_FUNCTION = 'leadlagFormulas_';

/**
 * The global `Leadlag` as Code.js defines it: `formula` and `server` that load the formulas (dist/Formulas.js)
 * on first use, once per execution (`load` does only that, and returns their exports: `formula`, `server`,
 * `formulaDef`, `useFormulas`). Apps Script evaluates every file of the project in one global scope before it
 * calls anything, so the order of the files does not matter.
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
 * dist/Formulas.js: `var leadlagFormulas_ = (function leadlagFormulas() {/*chunks*\/ loader });`, which Code.js
 * calls on a formula's first use in an execution. Every execution evaluates the file, each formula
 * recalculation included, and V8 only skips the comment; the loader reads it back (Function.prototype.toString,
 * as Leadlag.server() reads Server.js) and compiles chunks when they are first needed: src/appsscript/main.ts's
 * (the runtime, 25 KB) when the formulas are loaded, then a formula's own on its first call (main.ts
 * formulaDef; 0–40 KB more). Before, every formula execution compiled all 137 KB (measured in a fresh node:vm
 * context: 3.3 ms to compile, 0.65 ms to run, against about 0.5 ms to skip the comment now and 3.0 ms for the
 * heaviest formula's 65 KB). The chunks a load needs are compiled together, by one indirect eval of
 * `[(function (__need, __builtins) {...}), ...]`: V8 compiles a parenthesised function at once, not pre-parsed
 * then parsed again, and one eval per chunk cost 10–25% more. The builtins the chunks bind are read from the
 * global once, when the formulas are loaded.
 */
export function formulasFileOf(code: FormulaChunks, version: string): string {
  const texts = code.chunks.map(commentOf);
  if (texts.some((t) => t.includes(COMMENT_SEPARATOR))) throw new Error(`a chunk holds ${COMMENT_SEPARATOR}`);
  const decode = "t.indexOf('~') < 0 ? t : t.replace(/\\*~1|~0/g, function (x) { return x === '~0' ? '~' : '*/'; })";
  return (
    `// Leadlag ${version}: the formulas' implementation, each formula's code compiled on its first use by Leadlag in Code.js.\n` +
    `var ${FORMULAS_FUNCTION} = (function leadlagFormulas() {/*${texts.join(COMMENT_SEPARATOR)}*/\n` +
    `  var FORMULAS = ${JSON.stringify(code.formulas)};\n` +
    `  var builtins = { ${code.builtins.map((n) => `${n}: ${n}`).join(', ')} };\n` +
    '  var toString = Function.prototype.toString, own = Object.prototype.hasOwnProperty, compile = eval, texts = null, made = [];\n' +
    '  function need(i) {\n' +
    '    var m = made[i];\n' +
    "    if (m === undefined) throw new Error('Leadlag: chunk ' + i + ' of Formulas.js is needed before it is loaded');\n" +
    '    return m;\n' +
    '  }\n' +
    '  function load(ids, name) {\n' +
    '    var fresh = [], k;\n' +
    '    for (k = 0; k < ids.length; k++) if (made[ids[k]] === undefined) fresh.push(ids[k]);\n' +
    '    if (fresh.length) {\n' +
    '      if (texts === null) {\n' +
    "        var s = toString.call(leadlagFormulas), start = s.indexOf('/*') + 2;\n" +
    `        texts = s.slice(start, s.indexOf('*/', start)).split('${COMMENT_SEPARATOR}');\n` +
    '      }\n' +
    "      var source = '[';\n" +
    '      for (k = 0; k < fresh.length; k++) {\n' +
    '        var t = texts[fresh[k]];\n' +
    `        source += (k ? ',' : '') + '(function (${CHUNK_NEED}, ${CHUNK_BUILTINS}) {' + (${decode}) + '\\n})';\n` +
    '      }\n' +
    "      var made1 = compile(source + ']\\n//# sourceURL=Formulas/' + name + '.js');\n" +
    '      for (k = 0; k < fresh.length; k++) made[fresh[k]] = made1[k](need, builtins);\n' +
    '    }\n' +
    '    return made[ids[ids.length - 1]];\n' +
    '  }\n' +
    `  var main = load(${JSON.stringify(code.main)}, 'main');\n` +
    '  main.useFormulas(function (name) { return own.call(FORMULAS, name) ? load(FORMULAS[name], name).def : undefined; });\n' +
    '  return main;\n' +
    '});\n'
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
  const chunks = await buildFormulaChunks();
  const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
  const code = `// Leadlag ${version}\n` + FORMULAS_LOADER + '\n' + declarations(DOCUMENTED) + '\n' + serverDeclarations();
  writeFileSync(join(dist, 'Code.js'), code);
  const formulasFile = formulasFileOf(chunks, version);
  writeFileSync(join(dist, 'Formulas.js'), formulasFile);
  const serverFile = serverFileOf(await buildBundle(), version);
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
