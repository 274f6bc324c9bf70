/// <reference lib="dom" />
/**
 * Draws one chart of a sheet as inline SVG from its specification and data (protocol.ts ChartView), laid out
 * by chartGeometry.ts. Every text from the data (title, series names, domain labels) is set with
 * textContent and every attribute with setAttribute: nothing is ever parsed as markup.
 */
import type { ChartView } from '../protocol';
import { DASH, layoutChart, tickLabel } from './chartGeometry';

const SVG = 'http://www.w3.org/2000/svg';
let drawn = 0;

function node<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number>,
  text?: string,
): SVGElementTagNameMap[K] {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

function text(x: number, y: number, value: string, cls: string, anchor: 'start' | 'middle' | 'end' = 'start'): SVGTextElement {
  return node('text', { x, y, class: cls, 'text-anchor': anchor }, value);
}

/** The chart as an <svg> of its own pixel size, labelled by its title for assistive technology. */
export function drawChart(view: ChartView): SVGSVGElement {
  const { spec } = view;
  const g = layoutChart(view);
  const id = `chart-title-${++drawn}`;
  const svg = node('svg', {
    class: 'chart',
    width: g.width,
    height: g.height,
    viewBox: `0 0 ${g.width} ${g.height}`,
    role: 'img',
    'aria-labelledby': id,
    'data-chart': spec.key,
    'data-kind': spec.kind,
  });
  svg.appendChild(node('title', { id }, spec.title || spec.key));
  svg.appendChild(node('rect', { class: 'chart-bg', x: 0.5, y: 0.5, width: g.width - 1, height: g.height - 1, rx: 2 }));
  if (g.title) svg.appendChild(text(g.title.x, g.title.y, g.title.text, 'chart-title'));

  const { plot } = g;
  for (const y of g.grid) svg.appendChild(node('line', { class: 'grid', x1: plot.left, x2: plot.right, y1: y, y2: y }));
  for (const t of g.left.ticks) svg.appendChild(text(g.left.x, t.y + 4, t.label, 'tick tick-left', 'end'));
  if (g.right) for (const t of g.right.ticks) svg.appendChild(text(g.right.x, t.y + 4, t.label, 'tick tick-right', 'start'));
  for (const l of g.xLabels) svg.appendChild(text(l.x, l.y, l.text, 'x-label', 'middle'));

  for (const b of g.bars) {
    const group = node('g', { class: 'series series-column', 'data-series': b.series, 'data-axis': b.axis, fill: b.color });
    for (const r of b.rects) {
      const rect = node('rect', { class: 'bar', x: r.x, y: r.y, width: r.width, height: r.height, 'data-index': r.index });
      rect.appendChild(
        node('title', {}, `${b.name}, ${view.data.domain[r.index]}: ${tickLabel(r.value, b.axis ? spec.rightFormat : spec.format)}`),
      );
      group.appendChild(rect);
    }
    svg.appendChild(group);
  }
  if (g.baseline !== null)
    svg.appendChild(node('line', { class: 'baseline', x1: plot.left, x2: plot.right, y1: g.baseline, y2: g.baseline }));
  for (const l of g.lines) {
    const group = node('g', { class: 'series series-line', 'data-series': l.series, 'data-axis': l.axis });
    const path = node('path', { class: 'line', d: l.d, fill: 'none', stroke: l.color, 'stroke-width': 2, 'stroke-linejoin': 'round' });
    if (l.dashed) path.setAttribute('stroke-dasharray', DASH);
    path.appendChild(node('title', {}, l.name));
    group.appendChild(path);
    for (const p of l.isolated) group.appendChild(node('circle', { class: 'point', cx: p.x, cy: p.y, r: 3, fill: l.color }));
    svg.appendChild(group);
  }

  const legend = node('g', { class: 'legend' });
  for (const item of g.legend) {
    const entry = node('g', { class: 'legend-item', 'data-series': item.series });
    if (item.kind === 'column') entry.appendChild(node('rect', { x: item.x, y: item.y - 9, width: 12, height: 10, fill: item.color }));
    else {
      const swatch = node('line', { x1: item.x, x2: item.x + 14, y1: item.y - 4, y2: item.y - 4, stroke: item.color, 'stroke-width': 2 });
      if (item.dashed) swatch.setAttribute('stroke-dasharray', '4 2');
      entry.appendChild(swatch);
    }
    if (item.text !== item.name) entry.appendChild(node('title', {}, item.name));
    entry.appendChild(text(item.x + 20, item.y, item.text, 'legend-label'));
    legend.appendChild(entry);
  }
  svg.appendChild(legend);
  return svg;
}
