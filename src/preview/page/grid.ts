/// <reference lib="dom" />
import type { CellLook, CellView, SheetView } from '../protocol';

/** Draws a sheet as a grid. Every cell's text is set with textContent: what the data says is shown, never run. */

const DEFAULT_WIDTH = 100;
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

export function renderGrid(host: HTMLElement, view: SheetView): void {
  const table = el('table', undefined, 'sheet');
  table.dataset.sheet = view.name;
  const colgroup = el('colgroup');
  const rowHead = el('col');
  rowHead.style.width = '46px';
  colgroup.appendChild(rowHead);
  const cols = Math.max(view.cols, 8);
  let total = 46;
  for (let c = 0; c < cols; c++) {
    const col = el('col');
    const w = view.widths[c] ?? DEFAULT_WIDTH;
    col.style.width = `${w}px`;
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
  for (let c = 0; c < cols; c++) {
    const th = el('th', letter(c));
    th.scope = 'col';
    hr.appendChild(th);
  }
  head.appendChild(hr);
  table.appendChild(head);
  const body = el('tbody');
  const rows = Math.max(view.cells.length, 30);
  for (let r = 0; r < rows; r++) {
    const tr = el('tr');
    if (r + 1 === view.frozenRows) tr.className = 'frozen-last';
    const th = el('th', String(r + 1));
    th.scope = 'row';
    tr.appendChild(th);
    const row = view.cells[r] ?? [];
    for (let c = 0; c < cols; c++) tr.appendChild(cell(row[c] ?? null, `${letter(c)}${r + 1}`));
    body.appendChild(tr);
  }
  table.appendChild(body);
  host.replaceChildren(table);
}
