/// <reference lib="dom" />
import type { CellLook, CellView, SheetView } from '../protocol';
import { drawChart } from './chart';

/**
 * Draws a sheet as a grid. Every cell's text is set with textContent: what the data says is shown, never run.
 * Frozen rows and columns stay put while the grid scrolls (sticky cells, as many as setFrozen set), and the
 * sheet's charts float over it at their anchor cells (chart.ts).
 */

const DEFAULT_WIDTH = 100;
const ROW_HEAD = 46;
/** A row's height as the stylesheet draws it (21 px and its border): to know how many rows a chart covers. */
const ROW_HEIGHT = 22;
const SVG = 'http://www.w3.org/2000/svg';
const COLOUR = /^#[0-9a-f]{3,8}$/i;

function letter(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, cls?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (cls) e.className = cls;
  return e;
}

function applyLook(td: HTMLElement, s: CellLook): void {
  if (s.bold) td.style.fontWeight = '700';
  if (s.italic) td.style.fontStyle = 'italic';
  if (s.fontSize) td.style.fontSize = `${Math.min(36, Math.max(6, s.fontSize))}px`;
  if (s.color && COLOUR.test(s.color)) td.style.color = s.color;
  if (s.background && COLOUR.test(s.background)) td.style.background = s.background;
  if (s.align) td.style.textAlign = s.align;
  if (s.wrap) td.classList.add('wrap');
}

function sparkline(values: readonly (number | null)[]): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('class', 'spark');
  svg.setAttribute('viewBox', '0 0 100 20');
  svg.setAttribute('preserveAspectRatio', 'none');
  svg.setAttribute('aria-hidden', 'true');
  const nums = values.filter((v): v is number => v !== null);
  if (nums.length < 2) return svg;
  const min = Math.min(...nums);
  const span = Math.max(...nums) - min || 1;
  const step = 100 / Math.max(1, values.length - 1);
  const points = values.flatMap((v, i) => (v === null ? [] : [`${(i * step).toFixed(1)},${(18 - ((v - min) / span) * 16).toFixed(1)}`]));
  const line = document.createElementNS(SVG, 'polyline');
  line.setAttribute('points', points.join(' '));
  line.setAttribute('fill', 'none');
  line.setAttribute('stroke', '#1a73e8');
  line.setAttribute('stroke-width', '1.5');
  line.setAttribute('vector-effect', 'non-scaling-stroke');
  svg.appendChild(line);
  return svg;
}

function cell(c: CellView | null, a1: string): HTMLTableCellElement {
  const td = el('td');
  td.dataset.cell = a1;
  if (!c) return td;
  td.textContent = c.t;
  if (c.v !== undefined) {
    td.dataset.value = String(c.v);
    td.classList.add('num');
  }
  if (c.spill) td.classList.add('spill');
  if (c.s) applyLook(td, c.s);
  if (c.spark) {
    td.appendChild(sparkline(c.spark));
    td.setAttribute('aria-label', 'trend line');
  }
  return td;
}

/** How to stop the last grid drawn in a host from moving its pinned charts (a new drawing replaces them). */
const scrollers = new WeakMap<HTMLElement, () => void>();

/** What renderGrid could not draw: the charts anchored below the rows the preview was sent. */
export interface GridResult {
  readonly chartsNotShown: readonly { readonly title: string; readonly row: number }[];
}

export function renderGrid(host: HTMLElement, view: SheetView): GridResult {
  const table = el('table', undefined, 'sheet');
  table.dataset.sheet = view.name;
  const widthOf = (c: number) => view.widths[c] ?? DEFAULT_WIDTH;
  // The rows the page was sent; a chart anchored further down (a sheet cut at MAX_ROWS) is not drawn.
  const cut = view.rows > view.cells.length;
  const charts = view.charts.filter((c) => !cut || c.spec.anchor.row <= view.cells.length);
  const chartsNotShown = view.charts
    .filter((c) => !charts.includes(c))
    .map((c) => ({ title: c.spec.title || c.spec.key, row: c.spec.anchor.row }));
  // Enough rows and columns under each chart for it to float over the grid, as Sheets' 1000 × 26 grid does.
  let cols = Math.max(view.cols, 8);
  let rows = Math.max(view.cells.length, 30);
  for (const { spec } of charts) {
    rows = Math.max(rows, spec.anchor.row + Math.ceil(spec.height / ROW_HEIGHT));
    let c = spec.anchor.col - 1;
    for (let covered = 0; covered < spec.width; c++) covered += widthOf(c);
    cols = Math.max(cols, c + 1);
  }
  const frozenRows = Math.min(Math.max(0, view.frozenRows), rows);
  const frozenCols = Math.min(Math.max(0, view.frozenCols), cols);
  const colgroup = el('colgroup');
  const rowHead = el('col');
  rowHead.style.width = `${ROW_HEAD}px`;
  colgroup.appendChild(rowHead);
  let total = ROW_HEAD;
  const lefts: number[] = [];
  for (let c = 0; c < cols; c++) {
    const col = el('col');
    const w = widthOf(c);
    col.style.width = `${w}px`;
    lefts.push(total);
    total += w;
    colgroup.appendChild(col);
  }
  table.style.width = `${total}px`;
  table.appendChild(colgroup);
  const head = el('thead');
  const hr = el('tr');
  const corner = el('th', '', 'corner');
  corner.setAttribute('aria-hidden', 'true');
  hr.appendChild(corner);
  /** A cell of a frozen column keeps its place from the left edge (sticky), past the row headers. */
  const freezeCol = (e: HTMLElement, c: number) => {
    if (c >= frozenCols) return;
    e.classList.add('fc');
    e.style.left = `${lefts[c]}px`;
    if (c + 1 === frozenCols) e.classList.add('frozen-col-last');
  };
  for (let c = 0; c < cols; c++) {
    const th = el('th', letter(c));
    th.scope = 'col';
    freezeCol(th, c);
    hr.appendChild(th);
  }
  head.appendChild(hr);
  table.appendChild(head);
  const body = el('tbody');
  for (let r = 0; r < rows; r++) {
    const tr = el('tr');
    if (r + 1 === frozenRows) tr.className = 'frozen-last';
    const th = el('th', String(r + 1));
    th.scope = 'row';
    if (r < frozenRows) th.classList.add('fr');
    tr.appendChild(th);
    const row = view.cells[r] ?? [];
    for (let c = 0; c < cols; c++) {
      const td = cell(row[c] ?? null, `${letter(c)}${r + 1}`);
      if (r < frozenRows) td.classList.add('fr');
      freezeCol(td, c);
      tr.appendChild(td);
    }
    body.appendChild(tr);
  }
  table.appendChild(body);
  host.replaceChildren(table);
  // Frozen rows stick at their own distance from the top (measured once laid out: rows may wrap).
  for (let r = 0; r < frozenRows; r++) {
    const tr = body.rows[r];
    for (const c of Array.from(tr.cells)) c.style.top = `${tr.offsetTop}px`;
  }
  // Each chart over its anchor cell, at its pixel size, scrolling with the cells (and under the frozen ones).
  // One anchored in a frozen column stays put sideways, over the cells scrolling under it, as in Sheets;
  // one in a frozen row stays put down the sheet.
  const pinned: { box: HTMLElement; left: number; top: number; col: boolean; row: boolean }[] = [];
  for (const chart of charts) {
    const { anchor, width, height, key } = chart.spec;
    const tr = body.rows[anchor.row - 1];
    const box = el('div', undefined, 'chart-box');
    box.dataset.chart = key;
    const left = lefts[anchor.col - 1];
    const top = tr.offsetTop;
    box.style.left = `${left}px`;
    box.style.top = `${top}px`;
    box.style.width = `${width}px`;
    box.style.height = `${height}px`;
    const col = anchor.col <= frozenCols;
    const row = anchor.row <= frozenRows;
    if (col) box.classList.add('in-frozen-col');
    if (row) box.classList.add('in-frozen-row');
    if (col || row) pinned.push({ box, left, top, col, row });
    box.appendChild(drawChart(chart));
    host.appendChild(box);
  }
  const scroller = host.parentElement;
  scrollers.get(host)?.();
  scrollers.delete(host);
  if (scroller && pinned.length) {
    const follow = () => {
      for (const p of pinned) {
        if (p.col) p.box.style.left = `${p.left + scroller.scrollLeft}px`;
        if (p.row) p.box.style.top = `${p.top + scroller.scrollTop}px`;
      }
    };
    scroller.addEventListener('scroll', follow, { passive: true });
    scrollers.set(host, () => scroller.removeEventListener('scroll', follow));
    follow();
  }
  return { chartsNotShown };
}
