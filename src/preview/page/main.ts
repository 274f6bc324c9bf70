/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The preview page: sheet tabs over the in-memory workbook, the add-on's menu commands as buttons, and
 * the real sidebar (dist/sidebar.html, with the preview's google.script.run) in a 300 px frame.
 */
import type { Answer, SheetList, SheetView, SidebarMessage } from '../protocol';
import { renderGrid } from './grid';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const grid = $<HTMLDivElement>('grid');
const gridNote = $<HTMLParagraphElement>('grid-note');
const tabs = $<HTMLDivElement>('tabs');
const status = $<HTMLParagraphElement>('status');
const sidebar = $<HTMLElement>('sidebar');
const frame = $<HTMLIFrameElement>('sidebar-frame');
const dialog = $<HTMLDialogElement>('dialog');

const HELP =
  'Type =NPS( in a cell to see the formulas, or open Leadlag to build a lead/lag scorecard from your pasted sales and feedback. ' +
  'Leadlag never changes your own sheets: it only writes the sheets it creates.';

let current = '';
let names: string[] = [];

async function getJson<T>(url: string, init?: RequestInit): Promise<T> {
  const res = await fetch(url, init);
  if (!res.ok && res.headers.get('content-type')?.includes('json') !== true) throw new Error(`${res.status} ${res.statusText}`);
  return (await res.json()) as T;
}

function alertBox(title: string, text: string): void {
  $('dialog-title').textContent = title;
  $('dialog-text').textContent = text;
  dialog.showModal();
}

function renderTabs(): void {
  tabs.replaceChildren(
    ...names.map((name) => {
      const tab = document.createElement('button');
      tab.type = 'button';
      tab.setAttribute('role', 'tab');
      tab.id = `tab-${names.indexOf(name)}`;
      tab.textContent = name;
      tab.dataset.sheet = name;
      const selected = name === current;
      tab.setAttribute('aria-selected', String(selected));
      tab.setAttribute('aria-controls', 'grid');
      tab.tabIndex = selected ? 0 : -1;
      tab.addEventListener('click', () => void selectSheet(name));
      return tab;
    }),
  );
}

tabs.addEventListener('keydown', (e) => {
  const at = names.indexOf(current);
  const to =
    e.key === 'ArrowRight' ? at + 1 : e.key === 'ArrowLeft' ? at - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? names.length - 1 : null;
  if (to === null || !names.length) return;
  e.preventDefault();
  void selectSheet(names[(to + names.length) % names.length]).then(() =>
    (tabs.querySelector('[aria-selected="true"]') as HTMLElement | null)?.focus(),
  );
});

async function loadSheets(): Promise<void> {
  const list = await getJson<SheetList>('/api/sheets');
  $('doc-title').textContent = list.spreadsheet;
  document.title = `${list.spreadsheet} – Leadlag preview`;
  names = list.sheets.map((s) => s.name);
  if (!names.includes(current)) current = names[0] ?? '';
  renderTabs();
}

async function selectSheet(name: string): Promise<void> {
  current = name;
  renderTabs();
  const view = await getJson<SheetView>(`/api/sheet?name=${encodeURIComponent(name)}`);
  if (current !== name) return;
  const { chartsNotShown } = renderGrid(grid, view);
  grid.setAttribute('aria-labelledby', tabs.querySelector('[aria-selected="true"]')?.id ?? '');
  const notes = view.rows > view.cells.length ? [`The preview shows the first ${view.cells.length} of ${view.rows} rows.`] : [];
  for (const c of chartsNotShown) notes.push(`The chart “${c.title}” sits at row ${c.row}, below them.`);
  gridNote.textContent = notes.join(' ');
  document.body.dataset.sheet = name;
}

function openSidebar(start: 'home' | 'wizard' | 'survey'): void {
  // When the menu was used (ms since 1970): the browser tests measure open-to-interactive from here.
  document.body.dataset.sidebarOpenedAt = String(Math.round(performance.timeOrigin + performance.now()));
  sidebar.hidden = false;
  frame.src = `/sidebar?start=${start}`;
  frame.addEventListener('load', () => frame.contentWindow?.focus(), { once: true });
}

function closeSidebar(): void {
  sidebar.hidden = true;
  frame.src = 'about:blank';
}

async function rebuild(): Promise<void> {
  status.textContent = 'Rebuilding the scorecard…';
  const answer = await getJson<Answer>('/api/rebuild', { method: 'POST' });
  if ('error' in answer) {
    status.textContent = '';
    alertBox('Leadlag', answer.error);
    return;
  }
  const { sheet } = answer.ok as { sheet: string };
  status.textContent = `Rebuilt ${sheet}.`;
  await loadSheets();
  await selectSheet(sheet);
}

/** Posts one of the preview's commands and says what happened; the sheets are read again after it. */
async function command(url: string, busy: string, done: (ok: unknown) => string): Promise<void> {
  status.textContent = busy;
  const answer = await getJson<Answer>(url, { method: 'POST' });
  if ('error' in answer) {
    status.textContent = '';
    alertBox('Leadlag', answer.error);
    return;
  }
  status.textContent = done(answer.ok);
  await refresh();
}

/** Responses arrive in another tab (the form pages) or from the sidebar: show the sheets as they are now. */
async function refresh(): Promise<void> {
  await loadSheets();
  if (current) await selectSheet(current);
}

const COMMANDS: Record<string, () => void | Promise<void>> = {
  open: () => openSidebar('home'),
  build: () => openSidebar('wizard'),
  survey: () => openSidebar('survey'),
  uninstall: () =>
    command('/api/uninstall', 'Removing the triggers…', (ok) => {
      const { removed } = ok as { removed: number };
      return `Removed ${removed} of your trigger(s): your automation no longer processes new responses or sends you reminders and digests. Forms, sheets and actions stay.`;
    }),
  simulate: () =>
    command('/api/simulate', 'Submitting 5 simulated responses…', (ok) =>
      (ok as { status: { triggers: { formSubmit: boolean } } }).status.triggers.formSubmit
        ? 'Submitted 5 simulated responses through the form-submit trigger.'
        : 'Submitted 5 simulated responses; the form-submit trigger is uninstalled, so they wait in the form’s sheet.',
    ),
  rebuild,
  help: () => alertBox('Leadlag', HELP),
};

for (const button of document.querySelectorAll<HTMLButtonElement>('[data-command]')) {
  button.addEventListener('click', () => void COMMANDS[button.dataset.command ?? '']?.());
}
$('close-sidebar').addEventListener('click', closeSidebar);

window.addEventListener('message', (e: MessageEvent<SidebarMessage>) => {
  if (e.origin !== window.location.origin || e.source !== frame.contentWindow) return;
  if (e.data?.type === 'leadlag:showSheet') {
    const sheet = e.data.sheet;
    void loadSheets().then(() => (names.includes(sheet) ? selectSheet(sheet) : undefined));
  } else if (e.data?.type === 'leadlag:refresh') void refresh();
  else if (e.data?.type === 'leadlag:close') closeSidebar();
});
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'visible') void refresh().catch(() => undefined);
});

void loadSheets()
  .then(() => selectSheet(current))
  .then(() => {
    document.body.dataset.ready = 'true';
    const start = new URLSearchParams(window.location.search).get('sidebar');
    if (start === 'home' || start === 'wizard' || start === 'survey') openSidebar(start);
  })
  .catch((e: Error) => alertBox('Leadlag preview', `The preview server did not answer (${e.message}). Is npm start still running?`));
