/**
 * Builds what `clasp push` sends to Apps Script, into dist/:
 * - Code.js: the core and the formulas bundled by esbuild into one IIFE with the global `Leadlag`
 *   (Apps Script has no module system), followed by the top-level custom-function declarations
 *   generated from the registry, with their JSDoc from the formulas' docs modules (src/functions/docs.ts,
 *   which the bundle's entry never imports: the prose ships once, in the JSDoc), and the menu, RPC and
 *   trigger entries;
 * - Server.js: the server (menu, sidebar calls, scorecard builder, surveys) bundled the same way into the
 *   global `LeadlagServer`, kept as a string that src/appsscript/loader.ts compiles when a server entry
 *   runs, so that formula executions do not compile it;
 * - appsscript.json: the manifest;
 * - sidebar.html: the sidebar (src/sidebar/), its script and styles inlined into one self-contained file
 *   that loads nothing from the network (HtmlService serves it; the local preview serves it too).
 */
import { build } from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOCUMENTED } from '../src/functions/docs';
import { declarations, serverDeclarations } from '../src/functions/declarations';
import { SERVER_GLOBAL } from '../src/appsscript/loader';

const root = join(__dirname, '..');
const dist = join(root, 'dist');

/** The formulas' bundle (`Leadlag`), or with `server` the server's (`LeadlagServer`). */
export async function buildBundle(which: 'formulas' | 'server' = 'formulas'): Promise<string> {
  const result = await build({
    entryPoints: [join(root, which === 'server' ? 'src/appsscript/serverMain.ts' : 'src/appsscript/main.ts')],
    bundle: true,
    format: 'iife',
    globalName: which === 'server' ? SERVER_GLOBAL : 'Leadlag',
    target: 'es2020',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    minify: true,
    legalComments: 'none',
    charset: 'utf8',
    write: false,
  });
  return result.outputFiles[0].text;
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
  const code = `// Leadlag ${version}\n` + bundle + '\n' + declarations(DOCUMENTED) + '\n' + serverDeclarations();
  writeFileSync(join(dist, 'Code.js'), code);
  const serverSource = (await buildBundle('server')).trim();
  const serverFile =
    `// Leadlag ${version}: the server (menu, sidebar, surveys) as text, compiled on first use by Leadlag.server() in Code.js.\n` +
    `var LEADLAG_SERVER_SOURCE = ${JSON.stringify(serverSource)};\n`;
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
  console.log(
    `dist/Code.js ${(Buffer.byteLength(code) / 1024).toFixed(1)} KB (${DOCUMENTED.length} formulas), dist/Server.js ${(Buffer.byteLength(serverFile) / 1024).toFixed(1)} KB`,
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
