/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The sidebar's whole UI toolkit: `h()` makes an element, strings become text nodes. Nothing here (or
 * anywhere in the sidebar) parses HTML, so text from the spreadsheet is always shown as text.
 */

export type Child = Node | string | number | null | undefined | false | readonly Child[];

type Handler = (ev: Event) => void;

export interface Props {
  readonly class?: string;
  readonly on?: Readonly<Record<string, Handler>>;
  /** Attributes (aria-*, for, type, ...): `false`/null/undefined leave it out, `true` sets it empty. */
  readonly [attr: string]: unknown;
}

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props | null = null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (props) {
    for (const [k, v] of Object.entries(props)) {
      if (k === 'on') {
        for (const [type, fn] of Object.entries(v as Record<string, Handler>)) el.addEventListener(type, fn);
      } else if (k === 'value' && 'value' in el) {
        (el as HTMLInputElement).value = String(v);
      } else if (k === 'checked' || k === 'disabled' || k === 'selected') {
        (el as unknown as Record<string, boolean>)[k] = !!v;
      } else if (v !== false && v !== null && v !== undefined) {
        el.setAttribute(k, v === true ? '' : String(v));
      }
    }
  }
  append(el, children);
  return el;
}

export function append(el: Node, children: readonly Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else el.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : (c as Node));
  }
}

/** Replaces an element's content. */
export function replace(el: Element, ...children: Child[]): void {
  el.replaceChildren();
  append(el, children);
}

let ids = 0;
/** A fresh id for label/aria wiring. */
export function uid(prefix: string): string {
  return `${prefix}-${++ids}`;
}

/** 8229 → "8,229" (the sidebar's counts; no locale surprises). */
export function count(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** "1 row", "8,229 rows". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${count(n)} ${n === 1 ? one : many}`;
}
