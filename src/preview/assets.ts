import { buildSync } from 'esbuild';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The preview's own browser code, bundled once when the server starts (esbuild, in memory): the page
 * (page/) and the google.script.run shim. The sidebar itself is read from dist/sidebar.html, as built.
 */
const here = __dirname;
export const DIST_SIDEBAR = join(here, '..', '..', 'dist', 'sidebar.html');

function bundle(entry: string): string {
  const out = buildSync({
    entryPoints: [join(here, entry)],
    bundle: true,
    format: 'iife',
    target: 'es2020',
    platform: 'browser',
    minify: true,
    write: false,
    legalComments: 'none',
    charset: 'utf8',
  });
  const js = out.outputFiles[0].text.trim();
  if (/<\/script/i.test(js)) throw new Error(`${entry} cannot be inlined: it holds </script`);
  return js;
}

let page: string | null = null;
let form: string | null = null;
let shim: string | null = null;

/** The page, self-contained: its script and styles inline, nothing from the network. */
export function pageHtml(): string {
  if (page === null) {
    const css = readFileSync(join(here, 'page', 'page.css'), 'utf8');
    const template = readFileSync(join(here, 'page', 'page.html'), 'utf8');
    page = template.split('/*CSS*/').join(css).split('/*JS*/').join(bundle('page/main.ts'));
  }
  return page;
}

/** The stand-in for a Google Form (page/form.ts): one page for every form, which reads its form from /api/form. */
export function formHtml(): string {
  if (form === null) {
    const css = readFileSync(join(here, 'page', 'form.css'), 'utf8');
    const template = readFileSync(join(here, 'page', 'form.html'), 'utf8');
    form = template.split('/*CSS*/').join(css).split('/*JS*/').join(bundle('page/form.ts'));
  }
  return form;
}

/**
 * The built sidebar as the preview serves it: the start view swapped exactly as the Build scorecard
 * menu item does in Apps Script, and the shim's script at the end of <head>, before the sidebar's own.
 */
export function sidebarHtml(built: string, start: 'home' | 'wizard' | 'survey'): string {
  if (shim === null) shim = bundle('shim.ts');
  const swapped = built.replace('data-start="home"', `data-start="${start}"`);
  const at = swapped.indexOf('</head>');
  if (at < 0) throw new Error('dist/sidebar.html has no </head>');
  return `${swapped.slice(0, at)}<script>${shim}</script>\n${swapped.slice(at)}`;
}

export function readBuiltSidebar(): string {
  try {
    return readFileSync(DIST_SIDEBAR, 'utf8');
  } catch {
    throw new Error(`${DIST_SIDEBAR} is missing: run npm run build first (npm start does).`);
  }
}
