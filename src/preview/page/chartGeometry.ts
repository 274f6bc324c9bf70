/**
 * The geometry of a chart as the preview draws it (page/chart.ts turns this into SVG): scales with "nice"
 * ticks labelled in the chart's number formats, a band per domain label with the labels thinned when they
 * crowd, a path per line series broken where a value is missing, a rectangle per column value, a right axis
 * for the series on it, and a legend. Pure: no DOM, so that Node tests can check every number.
 */
import type { ChartView } from '../protocol';
import { formatText, generalText } from '../../server/adapters/memory/textFormat';
import { SHEETS_PALETTE, defaultColour } from '../../server/adapters/memory/charts';

/** Google Sheets' default series colours, used where a chart gives none (the twin's, which fills gaps with them too). */
export const PALETTE = SHEETS_PALETTE;
/** The dash pattern of a dashed series, in pixels (SVG stroke-dasharray). */
export const DASH = '6 4';
const COLOUR = /^#[0-9a-f]{6}$/i;

/** Width of text at the chart's 11 px font, estimated (the geometry has no DOM to measure with). */
export const CHAR_WIDTH = 6.2;
export const textWidth = (s: string) => s.length * CHAR_WIDTH;

const round = (n: number) => Math.round(n * 10) / 10;
/** A tick value without binary noise (0.30000000000000004 → 0.3), and never -0. */
const clean = (n: number) => Number(n.toPrecision(12)) + 0;

/** The first section of a number format with literals, escapes and [colour]/[condition] parts taken out. */
function bareSection(format: string): string {
  let out = '';
  let quoted = false;
  for (let i = 0; i < format.length; i++) {
    const ch = format[i];
    if (ch === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (ch === '\\' || ch === '_' || ch === '*') i++;
    else if (ch === '[') i = Math.max(i, format.indexOf(']', i));
    else if (ch === ';') break;
    else out += ch;
  }
  return out;
}

/**
 * The smallest step between two values that a number format still tells apart: `0%` → 0.01, `0.0` → 0.1,
 * `£#,##0` → 1, `0.0,,"M"` → 100,000. 0 when it shows any difference (no format, General, a date format).
 * Ticks are never closer than this, so that no two ticks read the same.
 */
export function formatResolution(format: string | undefined): number {
  if (!format) return 0;
  const bare = bareSection(format);
  if (/general/i.test(bare) || /[ymdhs]/i.test(bare) || !/[0#?]/.test(bare)) return 0;
  const dot = bare.indexOf('.');
  const decimals = dot < 0 ? 0 : (bare.slice(dot + 1).match(/[0#?]/g) ?? []).length;
  const percents = (bare.match(/%/g) ?? []).length;
  const lastDigit = Math.max(bare.lastIndexOf('0'), bare.lastIndexOf('#'), bare.lastIndexOf('?'));
  const scaling = /^,*/.exec(bare.slice(lastDigit + 1))![0].length;
  return clean(10 ** -decimals / 100 ** percents) * 1000 ** scaling;
}

/** A tick's label: the format applied as Sheets shows cells (TEXT), or Sheets' general number with thousands grouped. */
export function tickLabel(value: number, format: string | undefined): string {
  const v = clean(value);
  if (format) return formatText(v, format);
  const [int, dec] = generalText(v).split('.');
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (dec ? `.${dec}` : '');
}

export interface Scale {
  readonly min: number;
  readonly max: number;
  readonly step: number;
  readonly ticks: readonly number[];
}

/**
 * A scale over the values with about `intervals` steps of 1, 2, 2.5 or 5 times a power of ten, each a
 * multiple of `resolution` when there is one. `includeZero` for columns, which stand on zero.
 */
export function niceScale(
  values: readonly number[],
  options: { includeZero?: boolean; intervals?: number; resolution?: number } = {},
): Scale {
  const resolution = Number.isFinite(options.resolution) && options.resolution! > 0 ? options.resolution! : 0;
  const intervals = Math.max(1, options.intervals ?? 5);
  const finite = values.filter((v) => Number.isFinite(v));
  let lo = finite.length ? Math.min(...finite) : 0;
  let hi = finite.length ? Math.max(...finite) : Math.max(1, resolution);
  if (options.includeZero) {
    lo = Math.min(lo, 0);
    hi = Math.max(hi, 0);
  }
  if (lo === hi) {
    const pad = lo === 0 ? Math.max(1, resolution) : Math.abs(lo) / 2;
    if (lo !== 0 || !options.includeZero) lo -= pad;
    hi += pad;
    if (options.includeZero && finite.every((v) => v >= 0)) lo = Math.max(lo, 0);
  }
  const raw = (hi - lo) / intervals > 0 ? (hi - lo) / intervals : 1;
  let step = 0;
  for (let exp = Math.floor(Math.log10(raw)) - 1; !step; exp++) {
    for (const m of [1, 2, 2.5, 5]) {
      const c = clean(m * 10 ** exp);
      const multiple = !resolution || (c >= resolution - 1e-12 && Math.abs(c / resolution - Math.round(c / resolution)) < 1e-9);
      if (c >= raw * (1 - 1e-9) && multiple) {
        step = c;
        break;
      }
    }
  }
  const min = clean(Math.floor(lo / step + 1e-9) * step);
  let max = clean(Math.ceil(hi / step - 1e-9) * step);
  if (max <= min) max = clean(min + step);
  const ticks: number[] = [];
  for (let i = 0; clean(min + i * step) <= max + step * 1e-9; i++) ticks.push(clean(min + i * step));
  return { min, max, step, ticks };
}

/**
 * Indexes of the labels to show along `width` pixels so that none overlaps the next: every k-th counted back
 * from the last, which always shows (on a trend, the latest period is the one a manager looks for).
 */
export function thinLabels(labels: readonly string[], width: number): number[] {
  if (!labels.length) return [];
  const slot = width / labels.length;
  const widest = Math.max(...labels.map(textWidth)) + 8;
  const every = Math.max(1, Math.ceil(widest / Math.max(slot, 1e-9)));
  const last = labels.length - 1;
  return labels.map((_, i) => i).filter((i) => (last - i) % every === 0);
}

export interface Point {
  readonly x: number;
  readonly y: number;
}

/** An SVG path through the points, broken at each missing one; points with no neighbour come back apart (drawn as dots). */
export function linePath(points: readonly (Point | null)[]): { d: string; isolated: Point[] } {
  const runs: Point[][] = [];
  let run: Point[] = [];
  for (const p of points) {
    if (p) run.push(p);
    else if (run.length) {
      runs.push(run);
      run = [];
    }
  }
  if (run.length) runs.push(run);
  const d = runs
    .filter((r) => r.length > 1)
    .map((r) => r.map((p, i) => `${i ? 'L' : 'M'}${round(p.x)} ${round(p.y)}`).join(' '))
    .join(' ');
  return { d, isolated: runs.filter((r) => r.length === 1).map((r) => r[0]) };
}

export interface AxisLayout {
  /** Where the tick labels stand, and which way they run from there. */
  readonly x: number;
  readonly anchor: 'start' | 'end';
  readonly format: string | undefined;
  readonly scale: Scale;
  readonly ticks: readonly { readonly y: number; readonly value: number; readonly label: string }[];
}

export interface LineLayout {
  readonly series: number;
  readonly name: string;
  readonly color: string;
  readonly dashed: boolean;
  readonly axis: 0 | 1;
  readonly d: string;
  readonly isolated: readonly Point[];
}

export interface BarLayout {
  readonly series: number;
  readonly name: string;
  readonly color: string;
  readonly axis: 0 | 1;
  readonly rects: readonly {
    readonly x: number;
    readonly y: number;
    readonly width: number;
    readonly height: number;
    readonly index: number;
    readonly value: number;
  }[];
}

export interface LegendItem {
  readonly series: number;
  readonly name: string;
  /** The name as it fits (cut with … past 40 characters; the full name goes in a tooltip). */
  readonly text: string;
  readonly color: string;
  readonly kind: 'line' | 'column';
  readonly dashed: boolean;
  readonly x: number;
  readonly y: number;
}

export interface ChartLayout {
  readonly width: number;
  readonly height: number;
  /** The title as drawn: cut with … when it is wider than the chart (fitTitle). */
  readonly title: { readonly x: number; readonly y: number; readonly text: string } | null;
  readonly plot: { readonly left: number; readonly top: number; readonly right: number; readonly bottom: number };
  /** y of each gridline (the left axis' ticks). */
  readonly grid: readonly number[];
  /** y of zero on the left axis when columns stand on it and it is in view. */
  readonly baseline: number | null;
  readonly left: AxisLayout;
  readonly right: AxisLayout | null;
  readonly xLabels: readonly { readonly x: number; readonly y: number; readonly text: string; readonly index: number }[];
  readonly bars: readonly BarLayout[];
  readonly lines: readonly LineLayout[];
  readonly legend: readonly LegendItem[];
}

const PAD = 10;
const TITLE_HEIGHT = 24;
const LEGEND_ROW = 18;
const X_LABELS = 18;
const LEGEND_MAX_CHARS = 40;

/** Width of a character of the 14 px title, estimated as the 11 px text's is. */
export const TITLE_CHAR_WIDTH = (CHAR_WIDTH * 14) / 11;

/** The title as it fits on one line of the chart, cut with … (the full title stays in the SVG's <title>). */
export function fitTitle(title: string, width: number): string {
  const room = Math.max(1, Math.floor((width - 2 * PAD) / TITLE_CHAR_WIDTH));
  return title.length <= room ? title : `${title.slice(0, room - 1).trimEnd()}…`;
}

/** Each series' colour: the chart's own when it is #rrggbb, else Sheets' default for that place. */
export function seriesColor(colors: readonly string[] | undefined, i: number): string {
  const c = colors?.[i];
  return c && COLOUR.test(c) ? c : defaultColour(i);
}

function legendItems(
  view: ChartView,
  kinds: ('line' | 'column')[],
  width: number,
  bottom: number,
): { items: LegendItem[]; height: number } {
  const { spec, data } = view;
  const dashed = new Set(spec.dashed ?? []);
  const sized = data.series.map((s, i) => {
    const text = s.name.length > LEGEND_MAX_CHARS ? `${s.name.slice(0, LEGEND_MAX_CHARS - 1)}…` : s.name;
    return { i, name: s.name, text, w: 20 + textWidth(text) };
  });
  const rows: (typeof sized)[] = [];
  let row: typeof sized = [];
  let used = 0;
  for (const item of sized) {
    const gap = row.length ? 16 : 0;
    if (row.length && used + gap + item.w > width - 2 * PAD) {
      rows.push(row);
      row = [];
      used = 0;
    }
    used += (row.length ? 16 : 0) + item.w;
    row.push(item);
  }
  if (row.length) rows.push(row);
  const height = rows.length * LEGEND_ROW;
  const items: LegendItem[] = [];
  rows.forEach((r, k) => {
    const total = r.reduce((n, it, j) => n + it.w + (j ? 16 : 0), 0);
    let x = Math.max(PAD, (width - total) / 2);
    const y = bottom - height + k * LEGEND_ROW + 12;
    for (const it of r) {
      items.push({
        series: it.i,
        name: it.name,
        text: it.text,
        color: seriesColor(spec.colors, it.i),
        kind: kinds[it.i],
        dashed: dashed.has(it.i),
        x: round(x),
        y: round(y),
      });
      x += it.w + 16;
    }
  });
  return { items, height };
}

/** The whole chart laid out in its own pixel box (spec.width × spec.height). */
export function layoutChart(view: ChartView): ChartLayout {
  const { spec, data } = view;
  const { width, height } = spec;
  const n = data.domain.length;
  const lines = new Set(spec.kind === 'line' ? data.series.map((_, i) => i) : (spec.lines ?? []));
  const kinds = data.series.map((_, i) => (lines.has(i) ? 'line' : 'column') as 'line' | 'column');
  const onRight = new Set(spec.rightAxis ?? []);
  const dashed = new Set(spec.dashed ?? []);
  const axisOf = (i: number): 0 | 1 => (onRight.has(i) ? 1 : 0);

  const title = spec.title ? { x: PAD, y: PAD + 14, text: fitTitle(spec.title, width) } : null;
  const legend = legendItems(view, kinds, width, height - PAD);
  const top = PAD + (title ? TITLE_HEIGHT : 6);
  const bottom = Math.max(top + 20, height - PAD - legend.height - X_LABELS - 4);
  const intervals = Math.max(2, Math.min(8, Math.round((bottom - top) / 45)));

  const scaleFor = (axis: 0 | 1, format: string | undefined): Scale => {
    const members = data.series.map((_, i) => i).filter((i) => axisOf(i) === axis);
    const values = members.flatMap((i) => data.series[i].values.filter((v): v is number => v !== null));
    return niceScale(values, { includeZero: members.some((i) => kinds[i] === 'column'), intervals, resolution: formatResolution(format) });
  };
  const leftScale = scaleFor(0, spec.format);
  const hasRight = data.series.some((_, i) => axisOf(i) === 1);
  const rightScale = hasRight ? scaleFor(1, spec.rightFormat) : null;
  const labelsOf = (s: Scale, f: string | undefined) => s.ticks.map((t) => tickLabel(t, f));
  const leftLabels = labelsOf(leftScale, spec.format);
  const rightLabels = rightScale ? labelsOf(rightScale, spec.rightFormat) : [];
  const left = PAD + Math.max(...leftLabels.map(textWidth), 0) + 6;
  const right = width - PAD - (rightScale ? Math.max(...rightLabels.map(textWidth), 0) + 6 : 4);
  const plot = { left: round(left), top: round(top), right: round(Math.max(right, left + 20)), bottom: round(bottom) };
  const yOf = (s: Scale) => (v: number) => plot.bottom - ((v - s.min) / (s.max - s.min)) * (plot.bottom - plot.top);
  const yLeft = yOf(leftScale);
  const yRight = rightScale ? yOf(rightScale) : yLeft;
  const axis = (
    s: Scale,
    labels: string[],
    x: number,
    anchor: 'start' | 'end',
    format: string | undefined,
    y: (v: number) => number,
  ): AxisLayout => ({
    x: round(x),
    anchor,
    format,
    scale: s,
    ticks: s.ticks.map((t, k) => ({ y: round(y(t)), value: t, label: labels[k] })),
  });

  const band = n ? (plot.right - plot.left) / n : 0;
  const cx = (i: number) => plot.left + band * (i + 0.5);
  const shown = thinLabels(data.domain, plot.right - plot.left);
  const xLabels = shown.map((i) => ({ x: round(cx(i)), y: round(plot.bottom + 14), text: data.domain[i], index: i }));

  const columns = data.series.map((_, i) => i).filter((i) => kinds[i] === 'column');
  const group = band * 0.72;
  const barWidth = columns.length ? group / columns.length : 0;
  const bars: BarLayout[] = columns.map((i, j) => {
    const y = axisOf(i) ? yRight : yLeft;
    const s = axisOf(i) ? rightScale! : leftScale;
    const base = y(Math.min(Math.max(0, s.min), s.max));
    const rects = data.series[i].values.flatMap((v, k) => {
      if (v === null) return [];
      const top = y(v);
      return [
        {
          x: round(cx(k) - group / 2 + j * barWidth),
          y: round(Math.min(top, base)),
          width: round(barWidth),
          height: round(Math.abs(base - top)),
          index: k,
          value: v,
        },
      ];
    });
    return { series: i, name: data.series[i].name, color: seriesColor(spec.colors, i), axis: axisOf(i), rects };
  });
  const lineLayouts: LineLayout[] = data.series.flatMap((s, i) => {
    if (kinds[i] !== 'line') return [];
    const y = axisOf(i) ? yRight : yLeft;
    const { d, isolated } = linePath(s.values.map((v, k) => (v === null ? null : { x: cx(k), y: y(v) })));
    return [{ series: i, name: s.name, color: seriesColor(spec.colors, i), dashed: dashed.has(i), axis: axisOf(i), d, isolated }];
  });
  const zeroShown = columns.some((i) => axisOf(i) === 0) && leftScale.min <= 0 && leftScale.max >= 0;
  return {
    width,
    height,
    title,
    plot,
    grid: leftScale.ticks.map((t) => round(yLeft(t))),
    baseline: zeroShown ? round(yLeft(0)) : null,
    left: axis(leftScale, leftLabels, plot.left - 6, 'end', spec.format, yLeft),
    right: rightScale ? axis(rightScale, rightLabels, plot.right + 6, 'start', spec.rightFormat, yRight) : null,
    xLabels,
    bars,
    lines: lineLayouts,
    legend: legend.items,
  };
}
