import { h, type Child } from '../dom';

/** Pieces every view uses: buttons, the loading line, the error box, focus on a new heading. */

export function button(label: string, onClick: () => void, kind: 'primary' | 'secondary' | 'link' = 'secondary', props: Record<string, unknown> = {}): HTMLButtonElement {
  return h('button', { type: 'button', class: kind === 'link' ? 'link' : kind === 'primary' ? 'action' : 'secondary', on: { click: () => onClick() }, ...props }, label);
}

export function loading(text: string): HTMLElement {
  return h('p', { class: 'loading', role: 'status' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), text);
}

/**
 * A failure as the user sees it: what happened (the server's message says what to do, too),
 * and a way to try again. The message is set as text.
 */
export function errorBox(message: string, retry?: () => void, title = 'That did not work'): HTMLElement {
  return h(
    'div',
    { class: 'error-box', role: 'alert' },
    h('p', { class: 'error-title' }, title),
    h('p', null, message),
    retry ? h('div', { class: 'actions' }, button('Try again', retry)) : null,
  );
}

/** A list of problems that stop the next step. */
export function problemBox(problems: readonly string[]): HTMLElement {
  return h(
    'div',
    { class: 'error-box', role: 'alert' },
    h('p', { class: 'error-title' }, problems.length === 1 ? 'One thing to fix first' : 'A few things to fix first'),
    h('ul', null, problems.map((p) => h('li', null, p))),
  );
}

/** Moves keyboard and screen-reader focus to a new view's heading. */
export function focusHeading(el: HTMLElement | null): void {
  if (!el) return;
  el.setAttribute('tabindex', '-1');
  el.focus({ preventScroll: false });
}

export function section(title: string, id: string, ...children: Child[]): HTMLElement {
  return h('section', { 'aria-labelledby': id }, h('h2', { id }, title), ...children);
}

/** "“Sales”": a sheet or column name quoted, as text. */
export function quoted(name: string): string {
  return `“${name}”`;
}
